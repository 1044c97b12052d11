"""Typo tolerance: a word the index does not know is read as the nearest word it does.

"Nearest" is Whoosh's own measure and search: ``reader.terms_within`` finds the
indexed terms within a Damerau–Levenshtein distance of the word (1 for words of
up to four letters, 2 for longer ones) that share its first letter, as most
misspellings do ("misile" -> "missile", "Zelenskij" -> "Zelensky"). Of those,
the closest wins, then the one in most entries, then the first in code-unit
order. Whoosh's ReaderCorrector ranks by frequency alone and counts deleted
entries, so the ranking is done here, over live entries.

The page cannot ask a reader for terms within a distance; the build writes,
per first letter, the list of indexed terms and how many entries hold each
(``lexicon/<hex code point>.json``, static.py), fetched only when a word is
unknown, and search-plan.js ranks them the same way.
"""

from __future__ import annotations

from whoosh.support.levenshtein import damerau_levenshtein

from .collection import collection
from .schema import TEXT_FIELDS


def max_distance(term: str) -> int:
    return 1 if len(term) <= 4 else 2


def code_unit_order(term: str) -> bytes:
    """Sort key matching JavaScript's string comparison (UTF-16 code units), used by the static shards too."""
    return term.encode("utf-16-be", "surrogatepass")


def best_suggestion(term: str, counts: dict):
    """The candidate (term -> entries holding it) to read ``term`` as, or None."""
    limit = max_distance(term)
    scored = [(damerau_levenshtein(term, candidate), -count, code_unit_order(candidate), candidate)
              for candidate, count in counts.items() if candidate != term and count > 0]
    scored = [item for item in scored if item[0] <= limit]
    return min(scored)[3] if scored else None


class IndexLexicon:
    """What plan.plan_query asks, answered from a Whoosh searcher and the alias table kept with it."""

    def __init__(self, searcher, aliases):
        self.searcher, self.aliases = searcher, aliases
        self.live = collection(searcher)
        self.reader = searcher.reader()

    def known(self, term: str) -> bool:
        return any(self.live.doc_frequency(fieldname, term) > 0 for fieldname in TEXT_FIELDS)

    def names_starting(self, term: str) -> list:
        return self.aliases.names_starting(term)

    def entries_holding(self, term: str) -> int:
        """Live entries with ``term`` in any text field."""
        documents = set()
        for fieldname in TEXT_FIELDS:
            if (fieldname, term) in self.reader:
                documents.update(self.reader.postings(fieldname, term).all_ids())
        return len(documents & self.live.documents.keys())

    def suggest(self, term: str):
        candidates = set()
        for fieldname in TEXT_FIELDS:
            candidates.update(self.reader.terms_within(fieldname, term, max_distance(term), prefix=1))
        return best_suggestion(term, {candidate: self.entries_holding(candidate) for candidate in candidates})
