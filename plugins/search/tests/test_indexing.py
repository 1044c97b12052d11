import json
import logging

import pytest

from plugins.search.indexing import FINGERPRINT_FILE, IndexReport, open_index, update_index
from plugins.search.settings import DEFAULT_BOOSTS
from plugins.search.tests.conftest import DOCUMENTS, make_document


def _stored(path):
    with open_index(path).searcher() as searcher:
        return {fields["url"]: fields["title"] for fields in searcher.all_stored_fields()}


def test_first_build_indexes_everything(tmp_path):
    report = update_index(tmp_path / "ix", DOCUMENTS, DEFAULT_BOOSTS)
    assert report == IndexReport(4, 0, 0, "no index yet")
    assert str(report) == "4 indexed, 0 unchanged, 0 removed"


def test_unchanged_entries_are_not_reindexed(index_path):
    assert update_index(index_path, DOCUMENTS, DEFAULT_BOOSTS) == IndexReport(0, 4, 0)


def test_only_the_edited_entry_is_reindexed(index_path):
    edited = [make_document("drone-attack", title="Edited title", body="A new word: zeppelin.")
              if d.url.endswith("drone-attack/") else d for d in DOCUMENTS]
    assert update_index(index_path, edited, DEFAULT_BOOSTS) == IndexReport(1, 3, 0)
    assert _stored(index_path)["2025/04/06/drone-attack/"] == "Edited title"
    assert len(_stored(index_path)) == 4


def test_removed_entries_leave_the_index(index_path):
    assert update_index(index_path, DOCUMENTS[:2], DEFAULT_BOOSTS) == IndexReport(0, 2, 2)
    assert sorted(_stored(index_path)) == sorted(d.url for d in DOCUMENTS[:2])


def test_changed_boosts_rebuild_everything(index_path, caplog):
    caplog.set_level(logging.INFO, logger="plugins.search")
    report = update_index(index_path, DOCUMENTS, {**DEFAULT_BOOSTS, "title": 5.0})
    assert report == IndexReport(4, 0, 0, "the schema or analysis rules changed")
    assert "from scratch (the schema or analysis rules changed)" in caplog.text


def test_an_old_schema_fingerprint_triggers_a_rebuild(index_path):
    (index_path / FINGERPRINT_FILE).write_text(json.dumps({"fingerprint": "old"}))
    assert update_index(index_path, DOCUMENTS, DEFAULT_BOOSTS).rebuilt == "the schema or analysis rules changed"


@pytest.mark.parametrize("damage", ["toc", "segments"])
def test_a_damaged_index_is_rebuilt_and_logged(index_path, caplog, damage):
    caplog.set_level(logging.INFO, logger="plugins.search")
    files = [p for p in index_path.iterdir() if (p.suffix == ".toc") == (damage == "toc")
             and p.name != FINGERPRINT_FILE and p.is_file()]
    for path in files:
        path.write_bytes(b"\x00garbage" * 10)
    report = update_index(index_path, DOCUMENTS, DEFAULT_BOOSTS)
    assert report == IndexReport(4, 0, 0, "the index could not be read")
    assert "could not be read" in caplog.text
    assert len(_stored(index_path)) == 4


def test_a_folder_that_is_not_an_index_is_never_deleted(tmp_path):
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work")
    with pytest.raises(FileExistsError, match="not a search index"):
        update_index(precious, DOCUMENTS, DEFAULT_BOOSTS)
    assert (precious / "thesis.txt").read_text() == "years of work"


def test_opening_a_missing_index_says_to_build(tmp_path):
    with pytest.raises(FileNotFoundError, match="build the site first"):
        open_index(tmp_path / "nothing")


def test_a_big_archive_is_indexed_by_two_processes_to_the_same_static_files(tmp_path, monkeypatch):
    import random

    from plugins.search import indexing
    from plugins.search.collection import weighting
    from plugins.search.static import write_static_index
    from plugins.search.tests.test_static import _corpus

    documents = _corpus(random.Random(3), 60)

    def build(name):
        update_index(tmp_path / name, documents, DEFAULT_BOOSTS)
        with open_index(tmp_path / name).searcher(weighting=weighting()) as searcher:
            write_static_index(searcher, tmp_path / f"{name}-static", shard_bytes=4000)
            segments = len(searcher.reader().leaf_readers())
        return segments, {p.relative_to(tmp_path / f"{name}-static"): p.read_bytes()
                          for p in (tmp_path / f"{name}-static").rglob("*") if p.is_file()}

    one_segment, alone = build("alone")
    monkeypatch.setattr(indexing, "PARALLEL_ENTRIES", 20)
    monkeypatch.setattr(indexing, "INDEX_BATCH", 10)
    segments, together = build("together")
    assert (one_segment, segments) == (1, indexing.INDEX_PROCESSES)
    assert together == alone
