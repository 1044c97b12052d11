"""Slugs: how a title or a file name becomes part of a permanent address.

One rule for every place that makes one (``invoke new``, the importer, the
fix suggested for a badly named file): lower-case ASCII words joined by
hyphens, Cyrillic transliterated rather than dropped, accents and invisible
characters removed, and at most ``SLUG_MAX`` characters cut between words,
never inside one ("…-french-militar"), because a slug is never changed once
an entry is published.
"""

from __future__ import annotations

import re
import unicodedata

SLUG_MAX = 60
# Ukrainian and Russian letters in a readable Latin spelling (close to the national passport systems).
_TRANSLIT = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэё",
                     ["a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k", "l", "m", "n", "o",
                      "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "y", "e", "e"]))


def is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


def translit(word: str) -> str:
    """'Харків' → 'kharkiv': lower-case Latin letters for a Cyrillic word."""
    return "".join(_TRANSLIT.get(ch, ch) for ch in word.casefold())


def slugify(text: str, limit: int = SLUG_MAX) -> str:
    """Lower-case ASCII words joined by hyphens, at most ``limit`` characters, whole words only."""
    visible = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")  # zero-width, bidi controls
    words = []
    for word in re.split(r"[\W_]+", visible):
        latin = translit(word) if is_cyrillic(word) else word
        plain = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode().lower()
        plain = re.sub(r"[^a-z0-9]+", "", plain)
        if plain:
            words.append(plain)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or (words[0][:limit] if words else "entry")
