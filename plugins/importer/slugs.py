"""File names of imported drafts: short, readable, cut between words, in Latin letters.

A slug becomes the entry's permanent address, so it is cut at a word boundary
(never "…-french-militar") and kept to ``SLUG_MAX`` characters; Cyrillic
headlines are transliterated rather than dropped, so a Ukrainian or Russian
title gives a readable address instead of "entry".
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from .gazetteer import translit

SLUG_MAX = 60


def slug_of(title: str, limit: int = SLUG_MAX) -> str:
    """Lower-case ASCII words joined by hyphens, at most ``limit`` characters, whole words only."""
    words = []
    for word in re.split(r"[^\w]+", title):
        latin = translit(word) if any("\u0400" <= ch <= "\u04ff" for ch in word) else word
        ascii_word = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode().lower()
        ascii_word = re.sub(r"[^a-z0-9]+", "", ascii_word)
        if ascii_word:
            words.append(ascii_word)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or (words[0][:limit] if words else "entry")


def entry_path(content_dir, title: str, when: dt.date) -> Path:
    return Path(content_dir) / "articles" / f"{when:%Y}" / f"{slug_of(title)}.md"
