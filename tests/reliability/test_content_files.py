"""What the content folder may hold: links are refused, file names are slugs, static files are passive.

Each case is refused by ``invoke check`` and by the build with the same ``path:line: what — fix``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plugins.entries.check import check_archive, check_files
from plugins.entries.errors import EntryErrors
from tests.reliability.test_unpublished import archive_with_drafts, build_archive, unpublished_traces
from tests.support.sites import FIXTURES

SECRET = "TOKEN=do-not-publish-4f1c"
ENTRY = (FIXTURES / "mini" / "articles" / "2024" / "drone-season.md").read_text(encoding="utf-8")


def entry_text(title: str) -> str:
    return ENTRY.replace("title: ", f"title: {title} ", 1)


def outside_the_archive(root: Path) -> Path:
    """A folder next to the archive: a secret, an entry and a folder of entries nobody meant to publish."""
    outside = root / "outside"
    (outside / "articles").mkdir(parents=True)
    (outside / "environ.txt").write_text(SECRET, encoding="utf-8")
    (outside / "linked.md").write_text(entry_text("Linked from outside"), encoding="utf-8")
    (outside / "articles" / "another.md").write_text(entry_text("Another from outside"), encoding="utf-8")
    return outside


def add_links(content: Path, outside: Path) -> set[str]:
    """The four links of the issue; returns their paths as messages show them."""
    (content / "images").mkdir(exist_ok=True)
    links = {content / "images" / "e.txt": outside / "environ.txt", content / "images" / "etc": outside,
             content / "articles" / "2024" / "linked.md": outside / "linked.md",
             content / "articles" / "linked-dir": outside / "articles"}
    for link, target in links.items():
        os.symlink(target, link)
    return {os.path.relpath(link) for link in links}


def refused(content: Path, output: Path, settings="pelicanconf.py") -> list[str]:
    with pytest.raises(EntryErrors) as failure:
        build_archive(content, output, settings)
    return [str(p) for p in failure.value.problems]


def problem_paths(problems) -> set[str]:
    return {str(p).split(":", 1)[0] for p in problems}


LINK_CASES = {
    "static-file-to-secret": ("images/e.txt", "environ.txt"),
    "static-folder-to-outside": ("images/etc", "."),
    "entry-file-outside-the-repository": ("articles/2024/linked.md", "linked.md"),
    "folder-of-entries": ("articles/linked-dir", "articles"),
}


@pytest.mark.parametrize("link, target", LINK_CASES.values(), ids=list(LINK_CASES))
def test_a_symbolic_link_is_refused_by_check_and_build_naming_it(tmp_path, link, target):
    content = archive_with_drafts(tmp_path)
    outside = outside_the_archive(tmp_path)
    (content / "images").mkdir(exist_ok=True)
    os.symlink(outside / target, content / link)
    from_build = refused(content, tmp_path / "output")
    from_check = [str(p) for p in check_archive(content)[0]]
    assert from_build == from_check and len(from_build) == 1
    assert from_build[0].startswith(f"{os.path.relpath(content / link)}:1: a symbolic link")
    assert not (tmp_path / "output").exists()


def test_production_output_holds_no_draft_and_nothing_from_outside(tmp_path):
    """A production build of an archive with drafts and links: the walk of output/ finds neither."""
    content = archive_with_drafts(tmp_path)
    output = build_archive(content, tmp_path / "output", "publishconf.py")
    links = add_links(content, outside_the_archive(tmp_path))
    assert problem_paths(refused(content, output, "publishconf.py")) == links
    files = [p for p in output.rglob("*") if p.is_file()]
    assert files and unpublished_traces(output) == []
    assert not [p for p in output.rglob("*") if p.is_symlink() or p.name in ("e.txt", "etc", "linked", "another")]
    assert not [p for p in files if SECRET.encode() in p.read_bytes() or b"from outside" in p.read_bytes()]


def test_check_files_refuses_a_linked_entry_without_reading_it(tmp_path):
    content = archive_with_drafts(tmp_path)
    add_links(content, outside_the_archive(tmp_path))
    problems = check_files([str(content / "articles" / "2024" / "linked.md")], content)
    assert [p.what.split(" (")[0] for p in problems] == ["a symbolic link"]


BAD_ENTRY_NAMES = {
    "hash": ("a#b.md", "rename it to a-b.md"),
    "question-mark": ("quest?ion.md", "rename it to quest-ion.md"),
    "percent-escape": ("per%2fcent.md", "rename it to per-2fcent.md"),
    "space": ("two words.md", "rename it to two-words.md"),
    "capitals": ("Kyiv-Talks.md", "rename it to kyiv-talks.md"),
    "hidden": (".hidden-notes.md", "rename it without the dot"),
    "dots-only": ("...md", "rename it without the dot"),
    "right-to-left-override": ("kyiv\u202egpj.md", "rename it to kyivgpj.md"),
    "zero-width-space": ("zero\u200bwidth.md", "rename it to zerowidth.md"),
}


@pytest.mark.parametrize("name, fix", BAD_ENTRY_NAMES.values(), ids=list(BAD_ENTRY_NAMES))
def test_an_entry_file_name_that_is_no_slug_is_refused_by_check_and_build_alike(tmp_path, name, fix):
    content = archive_with_drafts(tmp_path)
    path = content / "articles" / "2024" / name
    path.write_text(entry_text("Badly named"), encoding="utf-8")
    from_build = refused(content, tmp_path / "output")
    from_check = [str(p) for p in check_archive(content)[0]]
    assert from_build == from_check and len(from_build) == 1
    assert from_build[0].startswith(f"{os.path.relpath(path)}:1: the file name ")
    assert fix in from_build[0]


BAD_STATIC_FILES = {
    "script": ("x.js", "alert(1)", "a '.js' file in a static folder"),
    "html-page": ("page.html", "<script>alert(1)</script>", "a '.html' file in a static folder"),
    "svg-with-script": ("map.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                        "the SVG holds a <script> element"),
    "svg-with-handler": ("dot.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
                         "the SVG holds an event handler (onload)"),
    "svg-with-foreign-page": ("box.svg", '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject>'
                              '<iframe src="https://example.org"/></foreignObject></svg>',
                              "the SVG holds a <foreignobject> element"),
    "space-in-name": ("market photo.jpg", "jpeg", "the file name 'market photo.jpg' is not safe in a URL"),
}


@pytest.mark.parametrize("name, data, what", BAD_STATIC_FILES.values(), ids=list(BAD_STATIC_FILES))
def test_an_active_or_badly_named_static_file_is_refused_by_check_and_build(tmp_path, name, data, what):
    content = archive_with_drafts(tmp_path)
    (content / "images").mkdir()
    (content / "images" / "plain.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect width="2" '
                                                  'height="2"/></svg>', encoding="utf-8")
    (content / "images" / name).write_text(data, encoding="utf-8")
    from_build = refused(content, tmp_path / "output")
    assert from_build == [str(p) for p in check_archive(content)[0]]
    assert [line.split(":1: ", 1)[1].startswith(what) for line in from_build] == [True]


@pytest.mark.parametrize("character", ["\u202e", "\u200b", "\u2066", "\ufeff"])
@pytest.mark.parametrize("kind", ["entry", "page"])
def test_an_invisible_character_in_a_title_is_refused_with_its_code(tmp_path, character, kind):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    path = content / ("articles/2024/drone-season.md" if kind == "entry" else "pages/about.md")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: ", f"title: Kyiv{character}", 1), encoding="utf-8")
    from_build = refused(content, tmp_path / "output")
    assert from_build == [str(p) for p in check_archive(content)[0]]
    assert f"holds the invisible character U+{ord(character):04X}" in from_build[0]


def with_lang(text: str, lang: str, date: str | None = None) -> str:
    text = text.replace("\nsection:", f"\nlang: {lang}\nsection:", 1)
    if date:
        head, rest = text.split("\ndate: ", 1)
        text = f"{head}\ndate: {date}\n{rest.split(chr(10), 1)[1]}"
    return text


@pytest.mark.parametrize("date", [None, "2025-04-09"], ids=["same-date", "another-date"])
def test_the_same_slug_with_another_lang_is_refused_by_check_and_build_alike(tmp_path, date):
    content = archive_with_drafts(tmp_path)
    original = content / "articles" / "2025" / "rivertown-strike.md"
    twin = content / "articles" / "2024" / "rivertown-strike.md"
    twin.write_text(with_lang(original.read_text(encoding="utf-8"), "uk", date), encoding="utf-8")
    from_build = refused(content, tmp_path / "output")
    assert from_build == [str(p) for p in check_archive(content)[0]]
    assert [line.split(":1: ", 1)[0] for line in from_build] == [os.path.relpath(original)]
    assert "the same slug 'rivertown-strike'" in from_build[0]


def test_an_entry_in_another_language_is_published_in_the_url_scheme_and_listed(tmp_path):
    content = archive_with_drafts(tmp_path)
    entry = content / "articles" / "2024" / "drone-season.md"
    entry.write_text(with_lang(entry.read_text(encoding="utf-8"), "uk"), encoding="utf-8")
    output = build_archive(content, tmp_path / "output")
    page = BeautifulSoup((output / "2024/12/30/drone-season/index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.html["lang"] == "uk"
    assert not [p.name for p in output.rglob("*-uk.html")]
    for listing in ("archives/index.html", "sitemap.xml", "feeds/all.atom.xml"):
        assert "2024/12/30/drone-season/" in (output / listing).read_text(encoding="utf-8"), listing


BIG_BODY = "A paragraph of a very long report on the strike, repeated.\n\n" * 360_000  # 20 MB


@pytest.mark.parametrize("kind", ["entry", "page"])
def test_a_body_over_the_size_limit_is_refused_before_anything_is_rendered(tmp_path, kind):
    content = archive_with_drafts(tmp_path)
    path = content / ("articles/2024/drone-season.md" if kind == "entry" else "pages/about.md")
    path.write_text(path.read_text(encoding="utf-8") + BIG_BODY, encoding="utf-8")
    from_build = refused(content, tmp_path / "output")
    assert from_build == [str(p) for p in check_archive(content)[0]]
    assert from_build == [f"{os.path.relpath(path)}:1: the file holds {path.stat().st_size / 1024:,.0f} KB, over the "
                          "256 KB an entry or page may hold — split it into several entries, or leave the long "
                          "document where it is published and cite it in sources"]
    assert not (tmp_path / "output").exists() and not (tmp_path / "output.partial").exists()


def test_an_entry_just_under_the_size_limit_is_published(tmp_path):
    from plugins.entries.files import MAX_ENTRY_BYTES

    content = archive_with_drafts(tmp_path)
    path = content / "articles/2024/drone-season.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "x" * (MAX_ENTRY_BYTES - len(text.encode("utf-8"))), encoding="utf-8")
    output = build_archive(content, tmp_path / "output")
    assert (output / "2024/12/30/drone-season/index.html").is_file()
