"""Related entries: for each entry, the few others most like it (Whoosh's more-like-this, in memory).

Whoosh's ``Searcher.more_like`` picks an entry's key terms with the Bo1 model
(``whoosh.classify.Expander``) and runs an Or query of them, each boosted by
its weight, over the body with BM25F. This computes the same ranking straight
from the entries' text, without the index, for three reasons:

- the build needs related entries before it writes any article page, and the
  Whoosh index is then still being written in another process (see
  ``background.py``); computing them here lets the two run side by side;
- statistics are those of the published entries exactly (no deleted documents
  waiting for a merge, exact field lengths rather than Whoosh's one-byte
  approximation), so the result never depends on the order of past edits;
- ties are broken in the canonical order (newest first, then URL).

Memory stays small: each entry keeps its terms (strings shared between entries)
and their counts, and postings are kept only for the terms that are some entry's
key terms.
"""

from __future__ import annotations

import hashlib
from array import array
from collections import Counter
from itertools import compress
from math import log
from operator import add, mul
from pathlib import Path
from typing import Iterable, NamedTuple

from plugins.contract.store import load_state, save_state

from .analysis import terms
from .collection import B, K1
from .query import rank_key

KEY_TERMS = 10


class RelatedText(NamedTuple):
    """What related entries are computed from: any object with these attributes will do."""

    url: str
    published: int
    title: str
    summary: str
    body: str


def texts_from_index(searcher) -> list[RelatedText]:
    """The live documents of an index, for comparing the index with the pages (tests, tools)."""
    from .collection import collection

    live = collection(searcher)
    reader = searcher.reader()
    return [RelatedText(**{key: reader.stored_fields(docnum)[key] for key in RelatedText._fields})
            for docnum in live.order]


def related_urls(documents: Iterable, count: int, body_boost: float = 1.0) -> dict:
    """url -> urls of up to ``count`` similar entries, best first, never the entry itself."""
    if count <= 0:
        return {}
    corpus = _Corpus(documents, body_boost)
    return {corpus.urls[doc]: [corpus.urls[other] for other in _best(corpus.scores(doc), doc, count)]
            for doc in range(corpus.count)}


def cached_related_urls(documents: list, count: int, body_boost: float, cache_file) -> tuple[dict, bool]:
    """``related_urls``, reused from the last build when no entry's text, date or URL changed.

    Any change to any entry's text changes the statistics every score depends
    on, so the cache is all or nothing: it saves the work on rebuilds after
    edits that leave the text alone (places, people, topics, corrections of
    figures). Returns (related, whether it came from the cache).
    """
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(f"{count}|{body_boost!r}".encode())
    for document in sorted(documents, key=lambda d: (-d.published, d.url)):
        for value in (document.url, str(document.published), document.title, document.summary, document.body):
            digest.update(value.encode("utf-8") + b"\0")
    key = digest.hexdigest()
    stored = load_state(cache_file)
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key:
        return stored[1], True
    related = related_urls(documents, count, body_boost)
    save_state(cache_file, (key, related))
    return related, False


def _best(scores: dict, doc: int, count: int) -> list:
    """The ``count`` best-scored other documents, ties (to a billionth) broken by canonical order (the doc number)."""
    scores.pop(doc, None)
    if not scores:
        return []
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)  # in C: no Python call per document
    threshold = scores[ranked[min(count, len(ranked)) - 1]] - 1e-6
    near = []
    for other in ranked:
        score = scores[other]
        if score < threshold:
            break
        near.append((-rank_key(score), other))
    return [other for _, other in sorted(near)[:count]]


class _Corpus:
    """The entries' term vectors, and body postings of the terms some entry is keyed on.

    Documents are numbered in canonical order. The work per term occurrence is
    done by C loops (Counter, ``map``, sorting), and postings are kept only for
    the terms that are some entry's key terms: that is what makes a
    5,000-entry archive take seconds, not tens of seconds.
    """

    def __init__(self, documents: Iterable, body_boost: float):
        ordered = sorted(documents, key=lambda d: (-d.published, d.url))
        self.urls = [d.url for d in ordered]
        self.count = len(ordered)
        self.boost = body_boost
        vectors = []                  # per document: (terms, frequencies in title, summary and body, in body)
        self.lengths = array("i")     # per document: words in the body
        in_bodies = Counter()         # per term: occurrences in all bodies
        for document in ordered:
            vectors.append(self._vector(document, in_bodies))
        self.average_length = (sum(self.lengths) / self.count if self.count else 0) or 1
        self._weigh_terms(in_bodies)
        self.keys = [self._key_terms(words, freqs) for words, freqs, _ in vectors]
        self._postings(vectors, {term for keys in self.keys for term, _ in keys})

    def _vector(self, document, in_bodies: Counter) -> tuple:
        body_terms = terms(document.body)
        in_body = Counter(body_terms)
        in_bodies.update(body_terms)
        everything = Counter(in_body)
        everything.update(terms(f"{document.title}\n{document.summary}"))
        self.lengths.append(len(body_terms))
        # The body's terms come first in ``everything``, in the same order as in ``in_body``.
        # The term strings are shared between documents (analysis memoises them): a tuple of them is small.
        return tuple(everything), array("i", everything.values()), array("i", in_body.values())

    def _weigh_terms(self, in_bodies: Counter) -> None:
        """Bo1 per term: score = frequency * gain + base, with f its mean weight per document.

        A term in no body has no weight (Whoosh skips terms missing from the
        field): its base is minus infinity, so it never ranks.
        """
        self.gain, self.base = _Weights(0.0), _Weights(_NONE)
        for term, total in in_bodies.items():
            f = total * self.boost / self.count
            if f:
                self.gain[term] = self.boost * log((1.0 + f) / f, 2)
                self.base[term] = log(1.0 + f, 2)

    def _key_terms(self, words: tuple, freqs: array) -> list:
        """(term, weight) of the document's ``KEY_TERMS`` best terms, as Whoosh's Expander with Bo1 ranks them.

        Ranked by weight (the score over the best score), then by the term: the
        weights are exact quotients, so near the cut every term whose weight
        equals the last one kept is looked at.
        """
        scores = list(map(add, map(mul, freqs, map(self.gain.__getitem__, words)), map(self.base.__getitem__, words)))
        ranked = sorted(scores, reverse=True)
        if not ranked or ranked[0] == _NONE:
            return []
        top = ranked[0]
        cut = ranked[min(KEY_TERMS, len(ranked)) - 1]
        cut_weight = cut / top
        lowest = cut - abs(cut) * 1e-9  # a score just below the cut may divide to the same weight
        near = [(-(score / top), term) for score, term in compress(zip(scores, words), map(lowest.__le__, scores))
                if score != _NONE and score / top >= cut_weight]
        near.sort()
        return [(term, -weight) for weight, term in near[:KEY_TERMS]]

    def _postings(self, vectors: list, wanted: set) -> None:
        """For each wanted term: (documents whose body has it, BM25 contribution of the term to each).

        BM25 as ``whoosh.scoring.bm25`` computes it, term by term in the same
        order, with each document's length norm worked out once.
        """
        found = {term: ([], []) for term in wanted}
        for doc, (words, _, body_freqs) in enumerate(vectors):
            in_body = dict(zip(words, body_freqs))  # zip stops at the body's terms
            for term in wanted.intersection(in_body):
                docs, freqs = found[term]
                docs.append(doc)
                freqs.append(in_body[term])
        norms = [K1 * ((1 - B) + B * length / self.average_length) for length in self.lengths]
        boost, scale = self.boost, K1 + 1
        self.contributions = {}
        for term, (docs, freqs) in found.items():
            idf = log(self.count / (len(docs) + 1)) + 1
            tfs = [frequency * boost for frequency in freqs]
            self.contributions[term] = (docs, [idf * ((tf * scale) / (tf + norms[doc])) for doc, tf in zip(docs, tfs)])

    def scores(self, doc: int) -> dict:
        """other document -> its score for the Or query of ``doc``'s key terms, each boosted by its weight.

        Added up term by term in key-term order, as the query scores them.
        """
        scores: dict = {}
        for term, weight in self.keys[doc]:
            docs, contributions = self.contributions[term]
            adding = dict(zip(docs, map(weight.__mul__, contributions)))
            for other in scores.keys() & adding.keys():
                adding[other] = scores[other] + adding[other]
            scores.update(adding)
        return scores


_NONE = float("-inf")


class _Weights(dict):
    """term -> a Bo1 figure, with a default for terms in no body."""

    def __init__(self, default: float):
        super().__init__()
        self.default = default

    def __missing__(self, term: str) -> float:
        return self.default
