"""The project's Markdown documentation read as a reader's browser would: links and anchors.

Pages are rendered with Python-Markdown (the Markdown engine the site uses) and their
links read with beautifulsoup4, so a link inside a code block or a table cell counts
exactly when a reader could click it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
from bs4 import BeautifulSoup

from tests.support.sites import ROOT

README = ROOT / "README.md"
DOCS = ROOT / "docs"
INDEX = DOCS / "index.md"


@dataclass(frozen=True)
class Link:
    """A link of one documentation page to a file of the repository, with its #anchor if any."""

    page: Path
    href: str
    target: Path
    anchor: str


def doc_pages() -> list[Path]:
    """Every Markdown page a reader of the repository is pointed to."""
    return [README, ROOT / "CONTRIBUTING.md", ROOT / "bench" / "README.md", *sorted(DOCS.glob("*.md"))]


def rendered(page: Path) -> BeautifulSoup:
    html = markdown.markdown(page.read_text(encoding="utf-8"), extensions=["tables", "fenced_code"])
    return BeautifulSoup(html, "html.parser")


def local_links(page: Path) -> list[Link]:
    """The page's links into the repository (web addresses left out), resolved from the page's folder."""
    links = []
    for anchor in rendered(page).find_all("a", href=True):
        parts = urlsplit(anchor["href"])
        if parts.scheme or parts.netloc:
            continue
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
        links.append(Link(page, anchor["href"], target, parts.fragment))
    return links


def github_anchor(heading: str) -> str:
    """The id GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """The anchors a page's headings get on GitHub (code spans and links read as their text)."""
    soup = rendered(page)
    return {github_anchor(h.get_text()) for h in soup.find_all(re.compile(r"^h[1-6]$"))}


def line_count(page: Path) -> int:
    return len(page.read_text(encoding="utf-8").splitlines())
