"""Related entries: for each entry, the few others most like it (Whoosh's more-like-this).

Whoosh's ``Searcher.more_like`` picks the entry's key terms with the Bo1
model and runs an Or query of them, each boosted by its weight, over the
body. This does the same, with two changes that keep builds fast and stable:
statistics are counted over live documents and ties are broken in the
canonical order (see collection.py), so the result never depends on the
order in which entries were edited; and the query's BM25F sum is added up
straight from the body postings, read once for all entries, instead of
running thousands of separate Whoosh searches.
"""

from __future__ import annotations

import heapq
from collections import defaultdict

from whoosh.scoring import bm25

from .collection import collection, key_terms
from .query import rank_key

KEY_TERMS = 10
FIELD = "body"


def related_urls(searcher, count: int) -> dict:
    """url -> urls of up to ``count`` similar entries, best first, never the entry itself."""
    if count <= 0:
        return {}
    live = collection(searcher)
    postings = _BodyPostings(searcher)
    related = {}
    for docnum in live.order:
        fields = searcher.stored_fields(docnum)
        text = f"{fields['title']}\n{fields['summary']}\n{fields['body']}"
        scores = defaultdict(float)
        for term, boost in key_terms(searcher, FIELD, text, KEY_TERMS):
            for other, contribution in postings.scores(term):
                if other != docnum:
                    scores[other] += boost * contribution
        related[fields["url"]] = [live.documents[other].url for other in _best(scores, count, live.rank)]
    return related


def _best(scores: dict, count: int, rank: dict) -> list:
    """The ``count`` best-scored documents, ties (to a billionth) broken by canonical rank."""
    if not scores:
        return []
    threshold = heapq.nlargest(count, scores.values())[-1] - 1e-6
    near = [(-rank_key(score), rank[doc], doc) for doc, score in scores.items() if score >= threshold]
    return [doc for *_, doc in sorted(near)[:count]]


class _BodyPostings:
    """Each term's BM25F contribution per live document, as Whoosh's scorer computes it; read once per term."""

    def __init__(self, searcher):
        self.searcher, self.live = searcher, collection(searcher)
        self.reader = searcher.reader()
        weighting = searcher.weighting
        self.b, self.k1 = weighting._field_B.get(FIELD, weighting.B), weighting.K1
        self.avgfl = self.live.avg_field_length(FIELD) or 1
        self._lengths, self._cache = {}, {}

    def scores(self, term) -> list:
        if term not in self._cache:
            idf = self.live.idf(FIELD, term)
            found = []
            if (FIELD, term) in self.reader:
                matcher = self.reader.postings(FIELD, term)
                while matcher.is_active():
                    docnum = matcher.id()
                    length = self._lengths.get(docnum)
                    if length is None:
                        length = self._lengths[docnum] = self.reader.doc_field_length(docnum, FIELD, 1) or 1
                    found.append((docnum, bm25(idf, matcher.weight(), length, self.avgfl, self.b, self.k1)))
                    matcher.next()
            self._cache[term] = found
        return self._cache[term]
