"""The index worker (a second process, used for big archives) writes what the build would write itself."""

import logging

import os

import pytest

from plugins.search.background import PendingSearch
from plugins.search.job import search_job
from plugins.search.tests.conftest import DOCUMENTS
from tests.support.sites import ROOT, build_site


def _tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_build_with_the_index_worker_equals_one_without(tmp_path, caplog):
    content = ROOT / "content"
    inline = build_site(content, tmp_path / "inline" / "output", SEARCH_WORKER_MIN_ENTRIES=10**9)
    with caplog.at_level(logging.INFO, logger="plugins.search"):
        worker = build_site(content, tmp_path / "worker" / "output", SEARCH_WORKER_MIN_ENTRIES=0)
    messages = [record.getMessage() for record in caplog.records]
    # Started on Pelican's own articles as soon as the archive was read (no guessing, nothing redone).
    assert any("handed to the index worker as soon as the archive was read" in m for m in messages)
    # The worker's own lines reach the build's log.
    assert any(m.startswith("search: building the index at") and "from scratch" in m for m in messages)
    assert any(m.startswith("search: static index of 10 entries written") for m in messages)
    inline_files, worker_files = _tree(inline), _tree(worker)
    assert sorted(inline_files) == sorted(worker_files)
    assert [name for name in inline_files if inline_files[name] != worker_files[name]] == []

    # With an index in place (a rebuild), the worker also finds the related entries.
    (tmp_path / "worker" / "cache" / "search-related.pickle").unlink()
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="plugins.search"):
        build_site(content, tmp_path / "worker" / "output", SEARCH_WORKER_MIN_ENTRIES=0)
    assert any("related entries found for 10 entries by the index worker" in r.getMessage() for r in caplog.records)
    assert _tree(worker) == inline_files


def test_a_failing_worker_fails_the_build_with_its_error(tmp_path):
    index = tmp_path / "not-an-index"
    index.mkdir()
    (index / "notes.txt").write_text("a folder that holds something else")
    with pytest.raises(FileExistsError, match="not a search index"):
        build_site(ROOT / "content", tmp_path / "output", SEARCH_WORKER_MIN_ENTRIES=0, SEARCH_INDEX_PATH=str(index))
    assert not (tmp_path / "output").exists()  # nothing published


def test_the_index_worker_is_kept_for_the_next_build_in_the_same_process(tmp_path):
    """invoke livereload builds again and again in one process: the worker is started once."""
    settings = {"OUTPUT_PATH": str(tmp_path / "output"), "CACHE_PATH": str(tmp_path / "cache")}
    workers = {PendingSearch(search_job(settings, list(DOCUMENTS)), parallel=True).result().worker for _build in range(2)}
    assert len(workers) == 1 and os.getpid() not in workers
