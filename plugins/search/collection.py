"""What the live documents of an index add up to: counts, lengths, order and dates.

Whoosh keeps counting a deleted or replaced document in its statistics (the
number of documents, a term's document frequency, field length totals) until
its segment is merged away. An index updated entry by entry would then rank a
little differently from one built from scratch, and the pages (related
entries, the static index) would depend on the order of past edits. So scoring
uses statistics counted over live documents only, and ties are broken by a
canonical order (newest first, then URL) instead of Whoosh's internal numbers:
a rebuild after edits ranks, and writes, exactly what a clean build would.
"""

from __future__ import annotations

import weakref
from collections import Counter
from dataclasses import dataclass
from math import log

from whoosh.scoring import BM25F, BM25FScorer, WeightScorer

from .analysis import terms
from .schema import TEXT_FIELDS

K1 = 1.2
B = 0.75
# Per-field length normalisation. The names field lists every name of every entity an entry is
# tagged with: an entry tagged with more organisations is not less about Kryvyi Rih, so its
# length does not dilute a match there, nor do other places' events dilute one in "where" (tuned on tests/search_relevance.yml, docs/search.md).
FIELD_B = {"names": 0.0, "where": 0.0}


@dataclass(frozen=True)
class Document:
    """What ranking and filtering need of a live document (the rest is read for results only)."""

    url: str
    published: int
    spans: list


class Collection:
    """The live documents seen by one searcher: numbers, lengths, dates, and per-term counts.

    Whoosh's per-term counts include documents deleted since the last merge; the
    counts here subtract those, read again from the deleted documents' stored text
    (there are only as many as entries edited since the segments last merged).
    """

    def __init__(self, searcher):
        self.reader = searcher.reader()
        self.documents, totals = {}, dict.fromkeys(TEXT_FIELDS, 0)
        for docnum, fields in self.reader.iter_docs():
            self.documents[docnum] = Document(fields["url"], fields["published"], fields["spans"])
            for fieldname in TEXT_FIELDS:
                totals[fieldname] += fields["lengths"].get(fieldname, 0)
        self.field_totals = totals
        self.doc_count = len(self.documents)
        # The canonical order: newest first, then by URL.
        self.order = sorted(self.documents, key=lambda d: (-self.documents[d].published, self.documents[d].url))
        self.rank = {docnum: n for n, docnum in enumerate(self.order)}
        self._deleted = self._counts_in_deleted_documents()
        self._df, self._cf = {}, {}  # per-term counts, asked for again and again by related entries

    def _counts_in_deleted_documents(self) -> dict:
        """(field, term) -> (documents, total weight) over the deleted documents still in the index."""
        counts = {}
        if not self.reader.has_deletions():
            return counts
        schema = self.reader.schema
        for docnum in range(self.reader.doc_count_all()):
            if docnum in self.documents:
                continue
            fields = self.reader.stored_fields(docnum)
            for fieldname in TEXT_FIELDS:
                boost = schema[fieldname].format.field_boost
                for term, frequency in Counter(terms(fields.get(fieldname) or "")).items():
                    docs, weight = counts.get((fieldname, term), (0, 0.0))
                    counts[(fieldname, term)] = (docs + 1, weight + frequency * boost)
        return counts

    def avg_field_length(self, fieldname: str) -> float:
        return (self.field_totals.get(fieldname, 0) / self.doc_count) if self.doc_count else 0

    def doc_frequency(self, fieldname: str, term) -> int:
        """Live documents with ``term`` in ``fieldname``."""
        key = (fieldname, _text(term))
        if key not in self._df:
            self._df[key] = self.reader.doc_frequency(*key) - self._deleted.get(key, (0, 0.0))[0]
        return self._df[key]

    def frequency(self, fieldname: str, term) -> float:
        """Total weight of ``term`` in ``fieldname`` over live documents."""
        key = (fieldname, _text(term))
        if key not in self._cf:
            self._cf[key] = self.reader.frequency(*key) - self._deleted.get(key, (0, 0.0))[1]
        return self._cf[key]

    def idf(self, fieldname: str, term) -> float:
        """Whoosh's idf, log(N / (df + 1)) + 1, over live documents."""
        return log(self.doc_count / (self.doc_frequency(fieldname, term) + 1)) + 1


def _text(term) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term


_collections: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def collection(searcher) -> Collection:
    """The Collection of ``searcher`` (of its top-level searcher), computed once."""
    top = searcher.get_parent()
    found = _collections.get(top)
    if found is None:
        found = _collections[top] = Collection(top)
    return found


class LiveBM25F(BM25F):
    """Whoosh's BM25F, with idf and average field lengths counted over live documents."""

    def idf(self, searcher, fieldname, text):
        return collection(searcher).idf(fieldname, text)

    def scorer(self, searcher, fieldname, text, qf=1):
        if not searcher.schema[fieldname].scorable:
            return WeightScorer.for_(searcher, fieldname, text)
        return _LiveScorer(searcher, fieldname, text, self._field_B.get(fieldname, self.B), self.K1, qf)


class _LiveScorer(BM25FScorer):
    def __init__(self, searcher, fieldname, text, b, k1, qf=1):
        self.idf = searcher.get_parent().idf(fieldname, text)
        self.avgfl = collection(searcher).avg_field_length(fieldname) or 1
        self.B, self.K1, self.qf = b, k1, qf
        self.setup(searcher, fieldname, text)


def weighting() -> LiveBM25F:
    """The ranking of every search: BM25F (B=0.75, but none for names; K1=1.2) over live statistics."""
    return LiveBM25F(B=B, K1=K1, **{f"{field}_B": value for field, value in FIELD_B.items()})
