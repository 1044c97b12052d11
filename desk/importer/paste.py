"""A pasted article: plain text, one paragraph a line (or blank-line separated).

A paste keeps no markup, so its shape is read from its lines: a short first
line without a full stop is the headline, a line that is only an address is
the source, attribution lines ("— Name (@handle) Date") close pasted posts,
and furniture lines ("Listen To Story Above") are dropped.
"""

from __future__ import annotations

import html
import re

from .boilerplate import is_furniture_text
from .dateline import copyright_publisher, date_line
from .markdown_body import PLACEHOLDER
from .posts import attribution, pasted_post_start, post_from_lines
from .source_page import SourcePage

HEADLINE_MAX = 150
SOURCE_LINE = re.compile(r"^(?:source|via|from|original|url)?\s*:?\s*<?(https?://\S+?)>?$", re.IGNORECASE)


def from_paste(text: str) -> SourcePage:
    """Read pasted text into a SourcePage."""
    page = SourcePage(kind="paste")
    units = _units(text)
    for unit in list(units):
        publisher = copyright_publisher(unit)
        if publisher:
            page.publisher = page.publisher or publisher
            page.notes.append(f"publisher taken from the paste's copyright line: '{publisher}'")
            units.remove(unit)
    for unit in list(units[:3]):
        day = date_line(unit)
        if day and not page.published:
            page.published = day
            page.notes.append(f"date taken from the paste's date line '{unit}'")
            units.remove(unit)
    dropped = [u for u in units if is_furniture_text(u)]
    units = [u for u in units if not is_furniture_text(u)]
    for unit in list(units):
        found = SOURCE_LINE.match(unit)
        if found and not page.canonical:
            page.canonical = found[1].rstrip(".,)")
            units.remove(unit)
    if len(units) > 1 and len(units[0]) <= HEADLINE_MAX and not re.search(r"[.!?…:”\"]$", units[0]) \
            and not attribution(units[1]):
        page.title = units.pop(0)
    parts = _with_posts(units, page)
    page.body_html = "".join(f"<p>{html.escape(part)}</p>" if isinstance(part, str)
                             else f"<p>{PLACEHOLDER.format(part)}</p>" for part in parts)
    if dropped:
        shown = ", ".join(f"'{u}'" for u in dict.fromkeys(dropped))
        page.notes.append(f"left out {len(dropped)} leftover line{'s' if len(dropped) != 1 else ''} "
                          f"of the page: {shown}")
    if not page.canonical:
        page.notes.append("a paste has no address: add the source (publisher, title, url) under sources:")
    return page


def _units(text: str) -> list[str]:
    """Paragraphs: each line, or each blank-line separated block with attribution lines kept apart."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    blocks_mode = any(not line for line in _trimmed(lines)) and any(
        a and b and not attribution(b) for a, b in zip(lines, lines[1:]))
    if not blocks_mode:
        return [line for line in lines if line]
    units, current = [], []
    for line in lines + [""]:
        if line and not attribution(line):
            current.append(line)
            continue
        if current:
            units.append(" ".join(current))
            current = []
        if line:
            units.append(line)
    return units


def _trimmed(lines):
    start = next((i for i, line in enumerate(lines) if line), 0)
    end = len(lines) - next((i for i, line in enumerate(reversed(lines)) if line), 0)
    return lines[start:end]


def _with_posts(units: list[str], page: SourcePage) -> list:
    """Units with each pasted post (text lines + attribution) replaced by its index in page.posts."""
    parts, taken = [], 0  # units[:taken] are already placed
    for index, unit in enumerate(units):
        if not attribution(unit) or index == taken:
            continue
        start = max(pasted_post_start(units, index), taken)
        post = post_from_lines(units[start:index], unit)
        if not (post.date and post.url):
            page.notes.append(f"a pasted post by {post.who} has no date or link, so it stays plain text: "
                              "make it a post card (docs/front-matter.md, \"Social posts\") once you have both")
            continue
        parts.extend(units[taken:start])
        parts.append(len(page.posts))
        page.posts.append(post)
        lines = "line" if index - start == 1 else f"{index - start} lines"
        page.notes.append(f"post by {post.who}: its text is the pasted {lines} before the attribution; "
                          "check where it begins")
        taken = index + 1
    parts.extend(units[taken:])
    return parts
