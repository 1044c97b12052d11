"""The reader cache stays in memory in a long-running process (invoke livereload), and only there."""

import pickle

import pytest

from plugins.entries import cache as reader_cache


def _fill(folder):
    cache = reader_cache.open_cache(folder)
    cache.put("key", ("<p>html</p>", "entry", "text"))
    cache.save()
    return cache


def test_a_second_build_in_the_same_process_does_not_unpickle_the_cache(tmp_path, monkeypatch):
    first = _fill(tmp_path)

    def no_unpickling(_handle):
        raise AssertionError("the cache file was read again")

    monkeypatch.setattr(reader_cache.pickle, "load", no_unpickling)
    again = reader_cache.open_cache(tmp_path)
    assert again is first and again.get("key") == ("<p>html</p>", "entry", "text")
    assert again.used == {"key"}  # what this build used, not what the last one did


@pytest.mark.parametrize("change", ["rewritten", "deleted"])
def test_a_cache_file_changed_by_another_process_is_read_again(tmp_path, change):
    first = _fill(tmp_path)
    path = tmp_path / reader_cache.CACHE_FILE
    if change == "rewritten":
        path.write_bytes(pickle.dumps({"other": ("<p>other</p>", "entry", "text")}))
    else:
        path.unlink()
    again = reader_cache.open_cache(tmp_path)
    assert again is not first
    assert again.get("key") is None
    assert again.get("other") == (("<p>other</p>", "entry", "text") if change == "rewritten" else None)
