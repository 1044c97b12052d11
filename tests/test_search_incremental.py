"""Rebuilding after editing one entry re-indexes only that entry, and all three ways in see the edit."""

import logging
import re
import shutil

import pytest

from plugins.search.collection import weighting
from plugins.search.indexing import FINGERPRINT_FILE, open_index
from plugins.search.query import run_search
from plugins.search.request import SearchRequest
from desk.search.service import SearchService
from plugins.search.tests.static_reference import StaticReference
from plugins.search.tests.wsgi_client import call
from tests.support.sites import build_site

EDITED = "articles/2025/rivertown-strike.md"
URL = "2025/04/05/rivertown-strike/"


def index_report(caplog) -> tuple:
    found = [re.match(r"search: (\d+) indexed, (\d+) unchanged, (\d+) removed", r.getMessage())
             for r in caplog.records]
    found = [match for match in found if match]
    assert len(found) == 1, [r.getMessage() for r in caplog.records]
    return tuple(int(n) for n in found[0].groups())


def found_everywhere(output, index_path, word) -> list:
    """The URLs a search for ``word`` finds through Whoosh, the static files and the service."""
    request = SearchRequest.from_params({"q": word + " "})
    with open_index(index_path).searcher(weighting=weighting()) as searcher:
        whoosh = [hit.url for hit in run_search(searcher, request).hits]
    reference = StaticReference(output / "search-index")
    static = [reference.url(n) for n, _ in reference.search(request)[1]]
    service = [r["url"] for r in call(SearchService(index_path), "/api/search", f"q={word}+").json()["results"]]
    assert whoosh == static == service
    return whoosh


@pytest.fixture
def built(archive_copy, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="plugins.search")
    output = tmp_path / "output"
    build_site(archive_copy, output)
    indexed, unchanged, removed = index_report(caplog)
    caplog.clear()
    return archive_copy, output, tmp_path / "cache" / "search-index", indexed


def test_first_build_indexes_every_published_entry(built):
    content, _output, _index, indexed = built
    drafts = sum("status: draft" in p.read_text(encoding="utf-8") for p in (content / "articles").rglob("*.md"))
    assert indexed == len(list((content / "articles").rglob("*.md"))) - drafts


def test_rebuilding_unchanged_reindexes_nothing(built, caplog):
    content, output, _index, indexed = built
    build_site(content, output)
    assert index_report(caplog) == (0, indexed, 0)


def test_editing_one_entry_reindexes_it_alone_and_search_sees_the_edit(built, caplog):
    content, output, index_path, indexed = built
    assert found_everywhere(output, index_path, "zeppelin") == []
    path = content / EDITED
    text = path.read_text(encoding="utf-8")
    assert "The market was busy when the missile struck." in text
    path.write_text(text.replace("The market was busy when the missile struck.",
                                 "The market was busy when the zeppelin struck."), encoding="utf-8")
    build_site(content, output)
    assert index_report(caplog) == (1, indexed - 1, 0)
    assert found_everywhere(output, index_path, "zeppelin") == [URL]


def test_deleting_an_entry_removes_it_from_the_index(built, caplog):
    content, output, index_path, indexed = built
    (content / EDITED).unlink()
    build_site(content, output)
    assert index_report(caplog) == (0, indexed - 1, 1)
    assert URL not in found_everywhere(output, index_path, "rivertown")


def test_a_damaged_index_is_rebuilt_on_the_next_build(built, caplog):
    content, output, index_path, indexed = built
    for toc in index_path.glob("*.toc"):
        toc.write_bytes(b"not a table of contents")
    build_site(content, output)
    assert index_report(caplog) == (indexed, 0, 0)
    assert "could not be read" in caplog.text and "from scratch" in caplog.text
    assert URL in found_everywhere(output, index_path, "rivertown")


@pytest.mark.parametrize("loss", ["the whole folder", "the segment files"])
def test_a_deleted_index_is_rebuilt_on_the_next_build_and_the_log_says_why(built, caplog, loss):
    content, output, index_path, indexed = built
    if loss == "the whole folder":
        shutil.rmtree(index_path)
        why = "no index yet"
    else:
        for path in index_path.iterdir():
            if path.suffix != ".toc" and path.name != FINGERPRINT_FILE:
                path.unlink()
        why = "the index could not be read"
    build_site(content, output)
    assert index_report(caplog) == (indexed, 0, 0)
    assert f"search: building the index at {index_path} from scratch ({why})" in caplog.text
    assert URL in found_everywhere(output, index_path, "rivertown")
