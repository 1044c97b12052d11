"""livereload's warm path: a saved entry's page from the last build's state equals the full build's page.

The warm path renders one page without a build (desk/sitebuild/warm.py); the
full build that follows is the reference. Each edit below is made, the warm
page taken, then the full rebuild run: the two pages must be the same bytes,
and the rebuilt output the same as a clean build's.
"""

import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from desk.sitebuild.devserver import DevSite, Rebuilder
from desk.sitebuild.warm import PageOverlay, WarmPath, WarmState
from tests.support.sites import FIXTURES, build_site
from tests.test_incremental import ARTICLES, _tree, edit_body, edit_places, edit_title

STRIKE = ARTICLES / "2025/rivertown-strike.md"


def edit_summary(content):
    path = content / STRIKE
    text = path.read_text(encoding="utf-8")
    head, _, body = text.partition("\n---\n")
    lines = [("summary: A new summary of the strike." if line.startswith("summary:") else line)
             for line in head.splitlines()]
    path.write_text("\n".join(lines) + "\n---\n" + body, encoding="utf-8")


def edit_first_paragraph(content):
    path = content / STRIKE
    head, sep, body = path.read_text(encoding="utf-8").partition("\n---\n")
    path.write_text(head + sep + "A first paragraph written during the edit.\n\n" + body.lstrip("\n"),
                    encoding="utf-8")


EDITS = {edit_body: STRIKE, edit_title: ARTICLES / "2024/drone-season.md",
         edit_places: ARTICLES / "2025/talks-in-hillville.md", edit_summary: STRIKE,
         edit_first_paragraph: STRIKE}


@pytest.fixture
def warm_site(tmp_path, monkeypatch):
    """The mini archive built once in this process with the warm state kept, as livereload keeps it."""
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    warm = WarmState().enable()
    output = build_site(content, tmp_path / "output", CACHE_PATH=str(tmp_path / "cache"))
    warm.build_succeeded()
    return warm, content, output, tmp_path


@pytest.mark.parametrize("edit", list(EDITS), ids=lambda f: f.__name__)
def test_warm_page_of_an_edit_equals_the_full_builds_page(warm_site, edit):
    warm, content, output, tmp_path = warm_site
    edit(content)
    rendered = warm.render(content / EDITS[edit])
    assert rendered is not None and rendered.problems == []
    build_site(content, output, CACHE_PATH=str(tmp_path / "cache"))
    assert rendered.html == (output / rendered.save_as).read_bytes()
    clean = build_site(content, tmp_path / "clean", CACHE_PATH=str(tmp_path / "clean-cache"))
    assert _tree(output) == _tree(clean)


def test_warm_page_of_an_unchanged_entry_is_its_built_page(warm_site):
    warm, content, output, _tmp = warm_site
    pages = {}
    for path in sorted((content / ARTICLES).rglob("*.md")):
        rendered = warm.render(path)
        if rendered is not None:
            pages[rendered.save_as] = rendered.html
    assert len(pages) >= 3
    assert {name: (output / name).read_bytes() for name in pages} == pages


def test_a_save_that_breaks_an_entry_gives_its_problem_at_its_line(warm_site):
    warm, content, _output, _tmp = warm_site
    path = content / STRIKE
    path.write_text(path.read_text(encoding="utf-8").replace("section:", "sektion:", 1), encoding="utf-8")
    rendered = warm.render(path)
    assert rendered is not None and rendered.html == b""
    assert rendered.problems and all(line.startswith(os.path.relpath(path) + ":") for line in rendered.problems)


@pytest.mark.parametrize("change", ["new file", "status"])
def test_the_warm_path_leaves_what_it_cannot_render_exactly_to_the_full_build(warm_site, change):
    warm, content, _output, _tmp = warm_site
    if change == "new file":
        path = content / ARTICLES / "2025/a-new-entry.md"
        shutil.copy(content / STRIKE, path)
    else:
        path = content / STRIKE
        path.write_text(path.read_text(encoding="utf-8").replace("\nsection:", "\nstatus: draft\nsection:", 1),
                        encoding="utf-8")
    assert warm.render(path) is None


def test_the_overlay_serves_a_warm_page_until_a_build_that_saw_the_save_is_in(warm_site):
    warm, content, output, tmp_path = warm_site
    builds = []

    def build():
        builds.append(1)
        build_site(content, output, CACHE_PATH=str(tmp_path / "cache"))

    rebuilder = Rebuilder(build, warm=WarmPath(warm)).start()
    site = DevSite(output, rebuilder)

    def page(url):
        return BeautifulSoup(b"".join(site({"PATH_INFO": url, "REQUEST_METHOD": "GET"}, lambda *a: None)),
                             "html.parser")

    try:
        edit_title(content)
        rebuilder.request({str(content / EDITS[edit_title])})
        url = "/" + next(iter(rebuilder.warm.overlay._pages)).removesuffix("index.html")
        assert page(url).h1.get_text(strip=True) .startswith("Twelve months of drones")  # before any build ran
        state = rebuilder.wait(1, 120)  # the warm page counted as one, then the full build
        while not builds or state.builds < 2:
            state = rebuilder.wait(state.builds, 120)
    finally:
        rebuilder.stop()
    assert len(rebuilder.warm.overlay) == 0 and state.problems == []
    assert page(url).h1.get_text(strip=True).startswith("Twelve months of drones")


def test_a_broken_save_shows_at_once_and_a_stale_full_build_does_not_hide_it(warm_site):
    warm, content, _output, _tmp = warm_site
    path = content / STRIKE
    path.write_text(path.read_text(encoding="utf-8").replace("section:", "sektion:", 1), encoding="utf-8")
    warm_path = WarmPath(warm)
    warm_path.saved({str(path)}, save=5)
    assert warm_path.problems() and warm_path.problems()[0].startswith(os.path.relpath(path) + ":")
    # A full build that started before the save (it saw 4 saves) succeeded: the entry is still broken.
    assert warm_path.built(4, []) == warm_path.problems() != []
    # The build that saw the save reports it itself.
    assert warm_path.built(5, ["x.md:1: another — fix"]) == ["x.md:1: another — fix"]


def test_the_overlay_forgets_pages_of_saves_a_build_has_seen():
    overlay = PageOverlay()
    overlay.put("a/index.html", b"one", 1)
    overlay.put("b/index.html", b"two", 3)
    overlay.settle(2)
    assert overlay.get("a/index.html") is None and overlay.get("b/index.html") == b"two"


def test_warm_page_of_a_draft_in_the_drafts_preview_equals_its_built_page(tmp_path, monkeypatch):
    """``invoke livereload --drafts``: a draft's page comes from the warm path like any entry's."""
    from tasks import DRAFT_PREVIEW

    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    warm = WarmState().enable()
    settings = dict(DRAFT_PREVIEW, CACHE_PATH=str(tmp_path / "cache"))
    output = build_site(content, tmp_path / "output", **settings)
    warm.build_succeeded()
    draft = content / ARTICLES / "2025/draft-entry.md"
    draft.write_text(draft.read_text(encoding="utf-8") + "\nA sentence added to the draft.\n", encoding="utf-8")
    rendered = warm.render(draft)
    assert rendered is not None and rendered.save_as.startswith("drafts/")
    assert b"A sentence added to the draft." in rendered.html
    build_site(content, output, **settings)
    assert rendered.html == (output / rendered.save_as).read_bytes()
