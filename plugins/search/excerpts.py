"""Excerpts: the stretch of an entry's text that best shows why it matched, with the matches marked.

theme/static/js/search-excerpt.js implements the same choice, so the page and
the service show the same passage.
"""

from __future__ import annotations

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


def excerpt(text: str, match_terms: set, prefix: str = "", window: int = WINDOW) -> Excerpt:
    """The ``window`` words with the most distinct matched terms (the earliest such), marked."""
    words = tokens(text)
    if not words:
        return Excerpt(" ".join(text.split())[:200])
    hits = [(t.term in match_terms) or bool(prefix and t.word.startswith(prefix)) for t in words]
    best, best_count = 0, -1
    for first in range(max(1, len(words) - window + 1)):
        chosen = words[first:first + window]
        count = len({t.term or t.word for t, hit in zip(chosen, hits[first:first + window]) if hit})
        if count > best_count:
            best, best_count = first, count
    last = min(best + window, len(words)) - 1
    start = 0 if best == 0 else words[best].start
    end = len(text) if last == len(words) - 1 else words[last].end
    lead = "" if start == 0 else "… "
    tail = "" if end == len(text) else " …"
    body = text[start:end].replace("\n", " ").replace("\r", " ").replace("\t", " ")
    highlights = [(len(lead) + t.start - start, len(lead) + t.end - start)
                  for t, hit in zip(words[best:last + 1], hits[best:last + 1]) if hit]
    return Excerpt(lead + body + tail, highlights)
