"""A rebuild after any kind of change gives exactly the output of a clean build, byte for byte."""

import shutil
from pathlib import Path

import pytest

from desk.sitebuild.devserver import Rebuilder
from tests.support.sites import FIXTURES, build_site

ARTICLES = Path("articles")


def _tree(output: Path) -> dict:
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def _mtimes(output: Path) -> dict:
    return {p.relative_to(output).as_posix(): p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()}


def edit_body(content):
    path = content / ARTICLES / "2025/rivertown-strike.md"
    path.write_text(path.read_text(encoding="utf-8").replace("The market was busy", "The market was crowded"),
                    encoding="utf-8")


def edit_places(content):
    path = content / ARTICLES / "2025/talks-in-hillville.md"
    path.write_text(path.read_text(encoding="utf-8").replace("places: [hillville]", "places: [rivertown]"),
                    encoding="utf-8")


def edit_title(content):
    path = content / ARTICLES / "2024/drone-season.md"
    path.write_text(path.read_text(encoding="utf-8").replace("A year of drone attacks", "Twelve months of drones"),
                    encoding="utf-8")


def add_entry(content):
    text = (content / ARTICLES / "2025/talks-in-hillville.md").read_text(encoding="utf-8")
    text = text.replace("Talks in Hillville end without a deal", "Second round of talks").replace(
        "date: 2025-03-10", "date: 2025-05-02")
    (content / ARTICLES / "2025/second-round.md").write_text(text, encoding="utf-8")


def remove_entry(content):
    (content / ARTICLES / "2025/talks-in-hillville.md").unlink()


def rename_entry(content):
    (content / ARTICLES / "2024/drone-season.md").rename(content / ARTICLES / "2024/drones-all-year.md")


def change_registry(content):
    path = content / "data/places.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Hillville", "name: Hillville-on-Sea"),
                    encoding="utf-8")


def change_page(content):
    path = content / "pages/about.md"
    path.write_text(path.read_text(encoding="utf-8").replace("About the test archive", "About this fixture"),
                    encoding="utf-8")


CHANGES = [edit_body, edit_places, edit_title, add_entry, remove_entry, rename_entry, change_registry, change_page]


@pytest.fixture
def incremental(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    output = build_site(content, tmp_path / "output", CACHE_PATH=str(tmp_path / "cache"))
    return content, output, tmp_path


def rebuild_in_livereload(content, output, **settings):
    """A rebuild as ``invoke livereload`` runs it: in its rebuilder thread, in the process of the last build."""
    rebuilder = Rebuilder(lambda: build_site(content, output, **settings)).start()
    try:
        rebuilder.request()
        state = rebuilder.wait(0, 120)
    finally:
        rebuilder.stop()
    assert state.builds == 1 and state.problems == []


REBUILDS = {"build": build_site, "livereload": rebuild_in_livereload}


@pytest.mark.parametrize("rebuild", sorted(REBUILDS))
@pytest.mark.parametrize("change", CHANGES, ids=lambda f: f.__name__)
def test_rebuild_after_change_equals_clean_build(incremental, change, rebuild):
    content, output, tmp_path = incremental
    change(content)
    REBUILDS[rebuild](content, output, CACHE_PATH=str(tmp_path / "cache"))
    clean = build_site(content, tmp_path / "clean", CACHE_PATH=str(tmp_path / "clean-cache"))
    mine, theirs = _tree(output), _tree(clean)
    assert sorted(mine) == sorted(theirs)
    assert [name for name in theirs if mine[name] != theirs[name]] == []


def test_every_change_at_once_equals_clean_build(incremental):
    content, output, tmp_path = incremental
    for change in CHANGES:
        change(content)
    build_site(content, output, CACHE_PATH=str(tmp_path / "cache"))
    clean = build_site(content, tmp_path / "clean", CACHE_PATH=str(tmp_path / "clean-cache"))
    assert _tree(output) == _tree(clean)


def test_unchanged_files_keep_their_bytes_and_mtime(incremental):
    content, output, tmp_path = incremental
    before = _mtimes(output)
    edit_body(content)
    build_site(content, output, CACHE_PATH=str(tmp_path / "cache"))
    after = _mtimes(output)
    changed = sorted(name for name in after if after[name] != before.get(name))
    assert "2025/04/05/rivertown-strike/index.html" in changed
    # Only the article and the outputs that carry its body text: full-content feeds and the search files.
    others = [name for name in changed if name != "2025/04/05/rivertown-strike/index.html"]
    assert all(name.startswith(("feeds/", "search")) for name in others), others


def test_removed_entry_leaves_no_page_behind(incremental):
    content, output, tmp_path = incremental
    remove_entry(content)
    build_site(content, output, CACHE_PATH=str(tmp_path / "cache"))
    assert not (output / "2025/03/10/talks-in-hillville").exists()
    assert "talks-in-hillville" not in (output / "sitemap.xml").read_text()


@pytest.mark.parametrize("rebuild", sorted(REBUILDS))
def test_changes_one_after_another_on_a_recycled_site_equal_clean_builds(incremental, rebuild):
    """From the third build on, the site before last is recycled as the staging folder (sitebuild.sync_tree)."""
    content, output, tmp_path = incremental
    for number, change in enumerate(CHANGES):
        change(content)
        REBUILDS[rebuild](content, output, CACHE_PATH=str(tmp_path / "cache"))
        if number:
            assert (tmp_path / "output.spare").is_dir()  # kept for the next build
        clean = build_site(content, tmp_path / f"clean-{number}", CACHE_PATH=str(tmp_path / f"clean-cache-{number}"))
        assert _tree(output) == _tree(clean), change.__name__


def test_a_body_edit_generates_only_the_feeds_that_list_the_entry(incremental):
    """Feeds are written by Pelican on every build; the writer skips those whose items did not change."""
    from pelican import signals

    content, output, tmp_path = incremental
    generated = []

    def note(path, **_kwargs):
        generated.append(Path(path).relative_to(output.with_name(output.name + ".partial")).as_posix())

    signals.feed_written.connect(note)
    try:
        edit_body(content)  # rivertown-strike: section strikes, topic civilian-harm
        build_site(content, output, CACHE_PATH=str(tmp_path / "cache"))
    finally:
        signals.feed_written.disconnect(note)
    assert sorted(generated) == ["feeds/all.atom.xml", "feeds/all.rss.xml", "feeds/sections/strikes.atom.xml",
                                 "feeds/sections/strikes.rss.xml", "feeds/topics/civilian-harm.atom.xml",
                                 "feeds/topics/civilian-harm.rss.xml"]
    assert sorted(p.relative_to(output).as_posix() for p in (output / "feeds").rglob("*.xml")) == sorted(
        p.relative_to(tmp_path / "clean").as_posix()
        for p in (build_site(content, tmp_path / "clean", CACHE_PATH=str(tmp_path / "clean-cache")) / "feeds").rglob("*.xml"))


def test_a_long_shared_list_counts_by_its_items_not_by_its_identity():
    """Every page of the home page's pagination gets the list of all entries: its digest is worked out once
    per build, and is the digest of its items (a copy digests the same; another build sees a change)."""
    from plugins.incremental.digest import SHARED_LIST_MIN, forget_models, values_digest

    entries = [f"entry {number}" for number in range(SHARED_LIST_MIN + 50)]
    forget_models()
    first = values_digest(entries)
    assert values_digest(list(entries)) == first == values_digest(entries)
    entries.append("one more")
    assert values_digest(entries) != first  # a longer list is worked out again
    forget_models()  # the next build
    entries[100] = "an edited entry"
    assert values_digest(entries) != values_digest(entries[:-1]) != first
