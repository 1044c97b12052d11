"""Nothing unpublished leaves the build: drafts are never written, in development or production."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from desk.sitebuild.build import build
from tasks import DRAFT_PREVIEW
from tests.support.sites import FIXTURES, ROOT

DRAFT_TITLE = "A draft not yet published"  # tests/fixtures/mini/articles/2025/draft-entry.md
DRAFT_PAGE = """---
title: Methodology being rewritten
status: draft
---
Half a draft of the methodology page.
"""


def build_archive(content: Path, output: Path, settings: str = "pelicanconf.py", **overrides) -> Path:
    """A real build of ``content`` with the project's dev or production settings."""
    overrides = {"PATH": str(content), "CACHE_PATH": str(output.parent / "cache"), **overrides}
    build(str(ROOT / settings), output=str(output), overrides=overrides)
    return output


def archive_with_drafts(root: Path) -> Path:
    """The mini archive (one draft entry) plus a draft page."""
    content = root / "content"
    shutil.copytree(FIXTURES / "mini", content)
    (content / "pages" / "methodology.md").write_text(DRAFT_PAGE, encoding="utf-8")
    return content


def unpublished_traces(output: Path) -> list[str]:
    """Files of ``output`` that are drafts or mention one."""
    found = []
    for path in sorted(output.rglob("*")):
        rel = path.relative_to(output).as_posix()
        if "draft" in rel.split("/")[0] or "draft-entry" in rel or "methodology" in rel:
            found.append(rel)
        elif path.is_file() and path.suffix in (".html", ".xml", ".json", ".csv", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            if DRAFT_TITLE in text or "Methodology being rewritten" in text or "Half a draft" in text:
                found.append(f"{rel} mentions a draft")
    return found


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_drafts_are_never_written_in_dev_or_production_builds(tmp_path, settings):
    output = build_archive(archive_with_drafts(tmp_path), tmp_path / "output", settings)
    assert (output / "index.html").is_file()
    assert unpublished_traces(output) == []


def test_draft_preview_under_livereload_is_marked_noindex(tmp_path):
    output = build_archive(archive_with_drafts(tmp_path), tmp_path / "output", **DRAFT_PREVIEW)
    for url in ("drafts/draft-entry/index.html", "drafts/pages/methodology-being-rewritten/index.html"):
        page = BeautifulSoup((output / url).read_text(encoding="utf-8"), "html.parser")
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    published = BeautifulSoup((output / "2025/04/05/rivertown-strike/index.html").read_text(encoding="utf-8"),
                              "html.parser")
    assert published.find("meta", attrs={"name": "robots"}) is None


def test_a_later_build_removes_a_previewed_draft(tmp_path):
    content = archive_with_drafts(tmp_path)
    build_archive(content, tmp_path / "output", **DRAFT_PREVIEW)
    output = build_archive(content, tmp_path / "output")
    assert unpublished_traces(output) == []
