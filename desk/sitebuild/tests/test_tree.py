"""Staging a build: a fresh hard-linked copy of the last site, or the site before last recycled into one."""

import os

from desk.sitebuild.build import sync_tree


def _files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _site(folder, pages):
    for name, text in pages.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_a_recycled_tree_becomes_what_a_fresh_copy_would_be(tmp_path):
    last = tmp_path / "output"
    _site(last, {"index.html": "home v2", "2025/04/a/index.html": "a", "2025/04/b/index.html": "b v2",
                 "theme/css/site.css": "css", "feeds/all.atom.xml": "feed"})
    spare = tmp_path / "output.spare"  # the site before last: one page since removed, one since changed
    _site(spare, {"index.html": "home v1", "2025/04/a/index.html": "a", "2025/04/b/index.html": "b v1",
                  "2025/03/gone/index.html": "gone", "theme/css/site.css": "old css"})
    os.unlink(spare / "2025/04/a/index.html")
    os.link(last / "2025/04/a/index.html", spare / "2025/04/a/index.html")  # unchanged since: the same file

    linked = sync_tree(last, spare, skip=["theme"])
    fresh = tmp_path / "fresh"
    sync_tree(last, fresh, skip=["theme"])  # a fresh copy: nothing to recycle

    assert _files(spare) == _files(fresh) == ["2025/04/a/index.html", "2025/04/b/index.html",
                                              "feeds/all.atom.xml", "index.html"]
    for name in _files(spare):
        assert os.path.samefile(spare / name, last / name)  # hard links, as in a fresh copy
    assert linked == 3  # index.html, b and the feed; a was linked already
    assert not (spare / "2025/03").exists()  # emptied folders go too
    assert not (spare / "theme").exists()  # Pelican copies static files afresh
