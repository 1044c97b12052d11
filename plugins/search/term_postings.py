"""The postings of each term read back from the Whoosh index and encoded for the static files.

Reading every posting of a 5,000-entry index back takes a single process about
twenty seconds, at the very end of a cold build when the pages are written and
a core is idle. So a full read of a big index is shared: a helper process
opens the same index and encodes the second half of the terms while this one
encodes the first. The numbers and statistics depend only on the index, so
both halves are what one process would have written.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
from array import array
from pathlib import Path

from .collection import collection, weighting
from .indexing import open_index
from .schema import TEXT_FIELDS

logger = logging.getLogger(__name__)

PARALLEL_TERMS = 20_000  # a full read of at least this many terms is shared with a helper process
LEXICON_TERMS = 2_000  # reading at least this many terms, each segment's terms are listed first


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def number_text(value: float):
    return int(value) if float(value).is_integer() else value


def encode_terms(searcher, wanted: list, number: dict) -> dict:
    """term -> (JSON of {field: [idf, [doc, weight, length, …]]}, JSON of {field: [[positions of doc], …]},
    the term's document numbers as bytes), for the ``wanted`` terms the index holds.

    Segment by segment (an index may be written in several, indexing.py), asking a
    segment only for the terms it has: Whoosh's look-up of a term a segment lacks
    costs as much as reading one. Term by term, each encoded at once: only the
    encoded text of the postings stays in memory.
    """
    whole = len(wanted) >= LEXICON_TERMS  # a few terms (a rebuild) are looked up one by one instead
    leaves = [(leaf, offset, {fieldname: {} for fieldname in TEXT_FIELDS}, _lexicons(leaf) if whole else None)
              for leaf, offset in searcher.reader().leaf_readers()]
    encoded = {}
    for term in wanted:
        postings, positions = {}, {}
        for fieldname in TEXT_FIELDS:
            found = []
            for leaf, offset, lengths, lexicons in leaves:
                if (term in lexicons[fieldname]) if whole else ((fieldname, term) in leaf):
                    _read_postings(leaf, offset, fieldname, term, number, lengths[fieldname], found)
            if found:  # a term of deleted documents only is left out
                found.sort()
                flat = [value for doc, weight, length, _ in found for value in (doc, weight, length)]
                postings[fieldname] = [searcher.idf(fieldname, term), flat]
                positions[fieldname] = [where for *_, where in found]
        if postings:
            docs = sorted({doc for _, flat in postings.values() for doc in flat[0::3]})
            encoded[term] = (dumps(postings), dumps(positions), array("i", docs).tobytes())
    return encoded


def _lexicons(leaf) -> dict:
    """field -> the set of terms one segment holds in it."""
    return {fieldname: {raw.decode("utf-8") if isinstance(raw, bytes) else raw for raw in leaf.lexicon(fieldname)}
            for fieldname in TEXT_FIELDS}


def _read_postings(leaf, offset: int, fieldname: str, term: str, number: dict, lengths: dict, found: list) -> None:
    """Add (doc, weight, field length, positions) of one segment's live documents with the term to ``found``."""
    matcher = leaf.postings(fieldname, term)
    while matcher.is_active():
        docnum = offset + matcher.id()
        if docnum in number:
            if docnum not in lengths:
                lengths[docnum] = leaf.doc_field_length(docnum - offset, fieldname, 1) or 1
            found.append((number[docnum], number_text(matcher.weight()), lengths[docnum],
                          list(matcher.value_as("positions"))))
        matcher.next()


class TermHelper:
    """``encode_terms`` for some terms in a fresh process ("spawn": this one may hold threads).

    The result comes back through a pipe; the helper lives only as long as its
    one task, and if its parent is gone it fails on sending and ends.
    """

    def __init__(self, index_path: Path, wanted: list):
        self.wanted = wanted
        context = multiprocessing.get_context("spawn")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_encode_in_helper, args=(str(index_path), wanted, send),
                                        name="static-index-terms", daemon=True)
        self._process.start()
        send.close()

    def result(self, fallback) -> dict:
        """The helper's encoded terms; ``fallback(terms)`` does the work here if the helper failed."""
        try:
            encoded = self._receive.recv()
        except (EOFError, OSError):
            encoded = None
        finally:
            self._receive.close()
            self._process.join()
        if encoded is None:
            logger.warning("search: the static index helper process failed; reading its terms here")
            return fallback(self.wanted)
        return encoded


def _encode_in_helper(index_path: str, wanted: list, send) -> None:
    with open_index(Path(index_path)).searcher(weighting=weighting()) as searcher:
        encoded = encode_terms(searcher, wanted, collection(searcher).rank)
    send.send(encoded)
    send.close()
