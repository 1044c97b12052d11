"""Excerpts: the stretch of an entry's text that best shows why it matched, with the matches marked.

theme/static/js/search-excerpt.js implements the same choice, so the page and
the service show the same passage.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .analysis import tokens

WINDOW = 30  # words in an excerpt


@dataclass(frozen=True)
class Excerpt:
    """Plain text plus the (start, end) character offsets of the matched words in it."""

    text: str
    highlights: list = field(default_factory=list)

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The text with each highlight wrapped, for terminals and tests."""
        out, last = [], 0
        for start, end in self.highlights:
            out += [self.text[last:start], before, self.text[start:end], after]
            last = end
        out.append(self.text[last:])
        return "".join(out)


@functools.lru_cache(maxsize=64)
def _words(text: str) -> tuple:
    """The tokens of an entry's text; a search service excerpts the same few entries over and over."""
    return tuple(tokens(text))


def excerpt(text: str, match_terms: set, prefix: str = "", window: int = WINDOW) -> Excerpt:
    """The ``window`` words with the most distinct matched terms (the earliest such), marked."""
    words = _words(text)
    if not words:
        return Excerpt(" ".join(text.split())[:200])
    # What each word counts as when it matches (None when it does not); a window's worth is its distinct keys.
    keys = [(t.term or t.word) if (t.term in match_terms) or bool(prefix and t.word.startswith(prefix)) else None
            for t in words]
    inside: dict = {}
    for key in keys[:window]:
        if key is not None:
            inside[key] = inside.get(key, 0) + 1
    best, best_count = 0, len(inside)
    for first in range(1, len(words) - window + 1):  # slide by one word: drop the first, add the next
        leaving, entering = keys[first - 1], keys[first + window - 1]
        if leaving is not None:
            inside[leaving] -= 1
            if not inside[leaving]:
                del inside[leaving]
        if entering is not None:
            inside[entering] = inside.get(entering, 0) + 1
        if len(inside) > best_count:
            best, best_count = first, len(inside)
    last = min(best + window, len(words)) - 1
    start = 0 if best == 0 else words[best].start
    end = len(text) if last == len(words) - 1 else words[last].end
    lead = "" if start == 0 else "… "
    tail = "" if end == len(text) else " …"
    body = text[start:end].replace("\n", " ").replace("\r", " ").replace("\t", " ")
    highlights = [(len(lead) + t.start - start, len(lead) + t.end - start)
                  for t, key in zip(words[best:last + 1], keys[best:last + 1]) if key is not None]
    return Excerpt(lead + body + tail, highlights)
