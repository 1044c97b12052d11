"""The entries already in the archive, as far as the importer needs them.

Only the front matter is read, and not validated: a half-written entry must
still count when looking for duplicates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from plugins.entries.errors import Problem
from plugins.entries.frontmatter import decode, split


@dataclass
class KnownEntry:
    """An entry file's title, section, summary, body, and every address it cites."""

    path: Path
    title: str
    section: str = ""
    summary: str = ""
    urls: list = field(default_factory=list)  # its sources' addresses
    post_urls: list = field(default_factory=list)  # the addresses of the posts it quotes as cards
    body: str = ""

# The url line of a ``::: post`` card (plugins/embeds/postcard.py documents the block).
POST_CARD_URL = re.compile(r"^::: ?post\s*$(?:\n(?!:::)[^\n]*)*?\n\s*url:\s*(\S+)", re.MULTILINE)


def read_entries(content_dir, folder: str = "articles") -> list[KnownEntry]:
    """Every entry under ``content_dir/folder`` whose front matter parses."""
    entries = []
    for path in sorted((Path(content_dir) / folder).rglob("*.md")):
        try:
            front = split(decode(path.read_bytes(), str(path)), str(path))
            data = front.data
        except Problem:
            continue
        if not isinstance(data, dict):
            continue
        sources = data.get("sources") if isinstance(data.get("sources"), list) else []
        entries.append(KnownEntry(
            path=path, title=str(data.get("title") or ""), section=str(data.get("section") or ""),
            summary=str(data.get("summary") or ""),
            urls=[str(s["url"]) for s in sources if isinstance(s, dict) and s.get("url")],
            post_urls=POST_CARD_URL.findall(front.body), body=front.body))
    return entries
