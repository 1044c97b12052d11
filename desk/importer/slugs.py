"""File names of imported drafts: short, readable, cut between words, in Latin letters.

A slug becomes the entry's permanent address, so it is cut at a word boundary
(never "…-french-militar") and kept to ``SLUG_MAX`` characters; Cyrillic
headlines are transliterated rather than dropped, so a Ukrainian or Russian
title gives a readable address instead of "entry".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from plugins.entries.slugs import SLUG_MAX, slugify

__all__ = ["SLUG_MAX", "entry_path", "slug_of"]


def slug_of(title: str, limit: int = SLUG_MAX) -> str:
    """The draft's slug: the archive's one slug rule (plugins/entries/slugs.py)."""
    return slugify(title, limit)


def entry_path(content_dir, title: str, when: dt.date) -> Path:
    return Path(content_dir) / "articles" / f"{when:%Y}" / f"{slug_of(title)}.md"
