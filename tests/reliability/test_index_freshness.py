"""The search service and the CLI answer from the index of the last successful build, never an older or failed one.

Issue #11 case 3: after an edit and a build the running service returned the
edited entry twice and a deleted entry still; case 11: a failed build still
updated the index. Each test builds a copy of the mini archive, keeps one
service (one thread's searcher, as waitress keeps them) across builds, and
compares its answer with the published pages and with the CLI.
"""

from __future__ import annotations

import pytest

from plugins.search import SearchGenerator
from desk.search.cli import search_command
from desk.search.service import SearchService
from desk.sitebuild.build import load_settings
from tests.support.sites import ROOT, build_site

EVERYTHING = "from=1900&limit=50"  # every published entry, newest first


def service_urls(service: SearchService, query: str = EVERYTHING) -> list:
    status, body = service.respond({"PATH_INFO": "/api/search", "REQUEST_METHOD": "GET", "QUERY_STRING": query})
    assert status == "200 OK", body
    assert body["total"] == len(body["results"])
    return [result["url"] for result in body["results"]]


def cli_urls(content, output) -> list:
    settings = load_settings(str(ROOT / "pelicanconf.py"), {"PATH": str(content),
                                                            "CACHE_PATH": str(output.parent / "cache")})
    text = search_command(settings, "", {"from": "1900", "limit": "50"}, max_results=50)
    return sorted(line.split()[0].lstrip("/") for line in text.splitlines() if line.startswith("     /"))


def published_urls(output) -> list:
    return sorted(str(page.parent.relative_to(output)) + "/" for page in output.glob("20*/*/*/*/index.html"))


def edit(path, old, new):
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def entry(content, name):
    return next(content.glob(f"articles/*/{name}.md"))


CHANGES = {
    "edited": lambda content: edit(entry(content, "drone-season"), "summary:", "summary: Edited again."),
    "deleted": lambda content: entry(content, "bom-crlf").unlink(),
    "unpublished": lambda content: edit(entry(content, "talks-in-hillville"), "\ntitle:", "\nstatus: draft\ntitle:"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_running_service_answers_from_the_new_index_after_a_build(archive_copy, tmp_path, change):
    output = tmp_path / "output"
    build_site(archive_copy, output)
    service = SearchService(tmp_path / "cache" / "search-index")
    assert sorted(service_urls(service)) == published_urls(output)
    CHANGES[change](archive_copy)
    build_site(archive_copy, output)
    urls = service_urls(service)
    assert len(urls) == len(set(urls)), f"an entry is returned twice: {urls}"
    assert sorted(urls) == published_urls(output) == cli_urls(archive_copy, output)


def test_a_failed_build_leaves_the_index_of_the_published_site(archive_copy, tmp_path, monkeypatch):
    output = tmp_path / "output"
    build_site(archive_copy, output)
    service = SearchService(tmp_path / "cache" / "search-index")
    before = service_urls(service)
    entry(archive_copy, "bom-crlf").unlink()
    original = SearchGenerator.generate_output

    def crash_after_indexing(self, writer):
        original(self, writer)  # the index is written by now
        raise OSError("no space left on device")

    monkeypatch.setattr(SearchGenerator, "generate_output", crash_after_indexing)
    with pytest.raises(OSError):
        build_site(archive_copy, output)
    assert service_urls(service) == before
    assert published_urls(output) == sorted(before) == cli_urls(archive_copy, output)
    assert not (tmp_path / "cache" / "search-index.partial").exists(), "the failed build's index is left behind"
