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

Memory stays small: postings are kept as two integer arrays per term.
"""

from __future__ import annotations

import hashlib
import heapq
from array import array
from collections import Counter
from math import log
from pathlib import Path
from typing import Iterable, NamedTuple

from whoosh.scoring import bm25

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
    related = {}
    for doc in range(len(corpus.urls)):
        scores = {}
        score_of = scores.get
        for term_id, boost in corpus.key_terms(doc):
            others, contributions = corpus.contributions(term_id)
            for other, contribution in zip(others, contributions):
                scores[other] = score_of(other, 0.0) + boost * contribution
        scores.pop(doc, None)
        related[corpus.urls[doc]] = [corpus.urls[other] for other in _best(scores, count)]
    return related


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


def _best(scores: dict, count: int) -> list:
    """The ``count`` best-scored documents, ties (to a billionth) broken by canonical order (the doc number)."""
    if not scores:
        return []
    threshold = heapq.nlargest(count, scores.values())[-1] - 1e-6
    near = [(-rank_key(score), doc) for doc, score in scores.items() if score >= threshold]
    return [doc for _, doc in sorted(near)[:count]]


class _Corpus:
    """The entries' body postings and term vectors; documents numbered in canonical order."""

    def __init__(self, documents: Iterable, body_boost: float):
        ordered = sorted(documents, key=lambda d: (-d.published, d.url))
        self.urls = [d.url for d in ordered]
        self.boost = body_boost
        self.vocabulary: dict[str, int] = {}
        self.words: list[str] = []
        self.docs: list[array] = []   # per term: documents whose body has it
        self.freqs: list[array] = []  # per term: how often, in the same order
        self.vectors = []             # per document: (term ids, frequencies) of title, summary and body
        self.lengths = array("i")     # per document: words in the body
        for doc, document in enumerate(ordered):
            body_terms = terms(document.body)
            everything = Counter(body_terms)
            ids = array("i", (self._id(term) for term in everything))
            for term_id, frequency in zip(ids, everything.values()):
                self.docs[term_id].append(doc)
                self.freqs[term_id].append(frequency)
            everything.update(terms(f"{document.title}\n{document.summary}"))
            ids.extend(self._id(term) for term in list(everything)[len(ids):])
            self.vectors.append((ids, array("i", everything.values())))
            self.lengths.append(len(body_terms))
        self.count = len(ordered)
        self.average_length = (sum(self.lengths) / self.count if self.count else 0) or 1
        # Bo1 per term: score = frequency * boost * gain + base, with f its mean weight per document.
        self.gain, self.base = [], []
        for freqs in self.freqs:
            f = sum(freqs) * body_boost / self.count
            self.gain.append(body_boost * log((1.0 + f) / f, 2) if f else 0.0)
            self.base.append(log(1.0 + f, 2) if f else None)
        self._contributions = {}

    def _id(self, term: str) -> int:
        term_id = self.vocabulary.get(term)
        if term_id is None:
            term_id = self.vocabulary[term] = len(self.words)
            self.words.append(term)
            self.docs.append(array("i"))
            self.freqs.append(array("i"))
        return term_id

    def key_terms(self, doc: int) -> list:
        """(term id, weight) of the document's ``KEY_TERMS`` best terms, as Whoosh's Expander with Bo1 ranks them."""
        ids, freqs = self.vectors[doc]
        gain, base = self.gain, self.base
        # A term in no body has no base: Whoosh skips terms missing from the field.
        scored = [(frequency * gain[term_id] + base[term_id], term_id)
                  for term_id, frequency in zip(ids, freqs) if base[term_id] is not None]
        if not scored:
            return []
        top = max(score for score, _ in scored)
        words = self.words
        best = heapq.nsmallest(KEY_TERMS, ((score / top, term_id) for score, term_id in scored),
                               key=lambda item: (-item[0], words[item[1]]))
        return [(term_id, score) for score, term_id in best]

    def contributions(self, term_id: int):
        """(documents, BM25 contribution of the term to each), computed once per term."""
        found = self._contributions.get(term_id)
        if found is None:
            docs, freqs = self.docs[term_id], self.freqs[term_id]
            idf = log(self.count / (len(docs) + 1)) + 1
            found = self._contributions[term_id] = (docs, array("d", (
                bm25(idf, frequency * self.boost, self.lengths[doc], self.average_length, B, K1)
                for doc, frequency in zip(docs, freqs))))
        return found
