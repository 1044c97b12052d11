"""The static form of the index: small JSON files a browser fetches a few at a time.

Laid out under ``<output>/<SEARCH_STATIC_DIR>/``:

- ``manifest.json``: the analysis rules, BM25F parameters, average field lengths,
  the number of documents, and the first term of every shard;
- ``terms/N.json``: shard N, a run of consecutive terms (sorted as JavaScript
  sorts strings): per term and field, Whoosh's idf and the postings (document,
  weight, field length), read from the index so the page computes Whoosh's scores;
  a term that starts a registry name also carries ``"aliases"``: the names it may
  start and every spelling of each (aliases.py), so the page widens a name from
  the shard it fetched for the word anyway;
- ``lexicon/<hex code point>.json``: the indexed terms starting with that letter and
  how many entries hold each, fetched only to correct a word the index lacks (spelling.py);
- ``positions/N.json``: the word positions for shard N, fetched only for phrases;
- ``filters/<place|person|topic|section>/<id>.json``: the documents carrying an id;
- ``dates.json``: publication times and the days each entry covers (date filters, "newest");
- ``docs/N.json``: what a result shows: url, title, summary, date, section and the text for excerpts.

Documents are numbered in the canonical order (newest first, then URL; see
collection.py), which is also the tie-break, so the files depend only on the
entries, never on the order they were indexed in.
"""

from __future__ import annotations

import hashlib
import shutil
from array import array
from dataclasses import dataclass
from pathlib import Path

from plugins.contract.store import load_state, save_state

from .aliases import AliasTable
from .analysis import manifest_entry, terms
from .collection import collection
from .plan import MIN_CORRECTED_LENGTH
from .query import PREFIX_MAX_TERMS, PREFIX_MIN_LENGTH, code_unit_order
from .request import MAX_QUERY_LENGTH
from .schema import FILTER_FIELDS, TEXT_FIELDS
from . import term_postings
from .term_postings import TermHelper, dumps, encode_terms

FORMAT = 2
CACHE_FORMAT = (FORMAT, 2)  # of the postings cache; change it with what the cache holds


@dataclass(frozen=True)
class StaticReport:
    documents: int
    terms: int
    shards: int
    files: int
    bytes: int


_dumps = dumps


def write_static_index(searcher, target: Path, shard_bytes: int = 24_000, write=None,
                       postings_cache: Path | None = None, aliases: AliasTable | None = None,
                       index_path: Path | None = None) -> StaticReport:
    """Write the static index for everything ``searcher`` sees into ``target``.

    ``write(relative_path, bytes)``, when given, writes each file (the incremental
    plugin's writer: unchanged files are left alone, files not written this time
    are removed after the build); otherwise ``target`` is emptied and rewritten.
    ``index_path``, the folder of the index ``searcher`` reads, lets a second
    process share a full read of a big index (``term_postings.TermHelper``).
    ``postings_cache``, when given, keeps the postings between builds so that only
    the terms of edited entries are read from the index again (see ``_postings``).
    """
    target = Path(target)
    if write is None and target.exists():
        shutil.rmtree(target)
    reader = searcher.reader()
    live = collection(searcher)
    docnums = live.order
    number = live.rank
    written = _Writer(target, write)
    stored = [reader.stored_fields(docnum) for docnum in docnums]
    encoded = _postings(searcher, number, stored, postings_cache, index_path)
    first_terms = []
    shard, shard_positions, size = [], [], 0

    def write_shard():
        written.text(f"terms/{len(first_terms) - 1}.json", "{" + ",".join(shard) + "}")
        written.text(f"positions/{len(first_terms) - 1}.json", "{" + ",".join(shard_positions) + "}")

    names = _names_by_first_term(aliases or AliasTable([]))
    for term in sorted(encoded.keys() | names.keys(), key=code_unit_order):
        entry, where, _ = encoded.get(term, ("{}", "{}", b""))
        if term in names:
            entry = entry[:-1] + ("," if entry != "{}" else "") + '"aliases":' + names[term] + "}"
        if shard and size + len(entry) > shard_bytes:
            write_shard()
            shard, shard_positions, size = [], [], 0
        if not shard:
            first_terms.append(term)
        key = _dumps(term)  # the shard is the JSON object {term: entry, …}, written from encoded parts
        shard.append(f"{key}:{entry}")
        shard_positions.append(f"{key}:{where}")
        size += len(entry) + len(term) + 4
    if shard:
        write_shard()
    _write_filters(written, reader, number)
    lexicon = _write_lexicon(written, encoded)
    written.json("dates.json", {"published": [fields["published"] for fields in stored],
                                "spans": [[day for span in fields["spans"] for day in span] for fields in stored]})
    for n, fields in enumerate(stored):
        written.json(f"docs/{n}.json", {"url": fields["url"], "title": fields["title"], "summary": fields["summary"],
                                        "date": fields["date"], "section": fields["section_name"],
                                        "text": fields["body"]})
    weighting = searcher.weighting
    manifest = {
        "format": FORMAT,
        "version": written.digest(),
        "documents": len(docnums),
        "fields": list(TEXT_FIELDS),
        "bm25f": {"B": {f: getattr(weighting, "_field_B", {}).get(f, weighting.B) for f in TEXT_FIELDS},
                  "K1": weighting.K1},
        "avgfl": {f: live.avg_field_length(f) or 1 for f in TEXT_FIELDS},
        "analysis": manifest_entry(),
        "query": {"max_length": MAX_QUERY_LENGTH, "prefix_min_length": PREFIX_MIN_LENGTH,
                  "prefix_max_terms": PREFIX_MAX_TERMS, "min_corrected_length": MIN_CORRECTED_LENGTH},
        "shards": first_terms,
        "lexicon": lexicon,
        "filters": sorted(FILTER_FIELDS),
    }
    written.json("manifest.json", manifest)
    return StaticReport(len(docnums), len(encoded), len(first_terms), written.files, written.bytes)


def _postings(searcher, number: dict, stored: list, cache_file: Path | None = None,
              index_path: Path | None = None) -> dict:
    """term -> (JSON of {field: [idf, [doc, weight, length, …]]}, JSON of {field: [[positions of doc], …]},
    the term's document numbers as bytes).

    Reading every posting back from Whoosh is most of the cost of the static
    files. When the entries are the same ones in the same order as last time
    (an edit, not an addition or removal), a term's postings and idf can only
    have changed if an edited entry has the term now or had it before; every
    other term is taken, already encoded, from the cache. The result is the
    same as a full read (tests compare them); a cache that does not fit means
    a full read.
    """
    reader = searcher.reader()
    urls = [fields["url"] for fields in stored]
    hashes = [fields["hash"] for fields in stored]
    cached = _load_postings_cache(cache_file, urls)
    if cached is None:
        encoded, affected = {}, None  # None: every term
    else:
        encoded = cached["terms"]
        changed = [n for n, (old, new) in enumerate(zip(cached["hashes"], hashes)) if old != new]
        affected = set()
        for term, (_, _, docs) in encoded.items():  # terms the edited entries had
            numbers = array("i")
            numbers.frombytes(docs)
            if any(n in numbers for n in changed):
                affected.add(term)
        for n in changed:  # terms they have now
            for fieldname in TEXT_FIELDS:
                affected.update(terms(stored[n].get(fieldname) or ""))
        for term in affected:
            encoded.pop(term, None)
    if affected is None:
        to_read = set()
        for fieldname in TEXT_FIELDS:
            to_read.update(raw.decode("utf-8") if isinstance(raw, bytes) else raw for raw in reader.lexicon(fieldname))
    else:
        to_read = affected
    wanted = sorted(to_read)
    helper = None
    if index_path is not None and len(wanted) >= term_postings.PARALLEL_TERMS:
        # A full read of a big index: a second process reads the second half of the terms.
        half = len(wanted) // 2
        helper = TermHelper(index_path, wanted[half:])
        wanted = wanted[:half]
    encoded.update(encode_terms(searcher, wanted, number))
    if helper is not None:
        encoded.update(helper.result(lambda rest: encode_terms(searcher, rest, number)))
    if cache_file is not None:
        save_state(cache_file, {"format": CACHE_FORMAT, "urls": urls, "hashes": hashes, "terms": encoded})
    return encoded


def _load_postings_cache(cache_file: Path | None, urls: list):
    cached = load_state(cache_file) if cache_file is not None else None
    if not isinstance(cached, dict) or cached.get("format") != CACHE_FORMAT or cached.get("urls") != urls:
        return None  # none, or entries added, removed or reordered: numbers moved, read everything
    return cached


def _names_by_first_term(aliases: AliasTable) -> dict:
    """First term of a name -> the JSON of [[name terms, {names, spellings, terms}], …], longest first."""
    return {term: _dumps([[list(spelling), group.to_json()] for spelling, group in aliases.names_starting(term)])
            for term in aliases.starting}


def lexicon_file(term: str) -> str:
    """The lexicon file of the terms sharing ``term``'s first letter (spelling.py corrects within it)."""
    return f"lexicon/{ord(term[0]):x}.json"


def _write_lexicon(written, encoded: dict) -> list:
    """Per first letter: [term, entries holding it, term, …] in code-unit order; returns the letters' files."""
    files: dict = {}
    for term in sorted(encoded, key=code_unit_order):
        files.setdefault(lexicon_file(term), []).extend([term, len(encoded[term][2]) // 4])
    for relative, flat in files.items():
        written.json(relative, flat)
    return sorted(relative.split("/")[1].removesuffix(".json") for relative in files)


def _write_filters(written, reader, number: dict) -> None:
    for name, fieldname in FILTER_FIELDS.items():
        for raw in reader.lexicon(fieldname):
            value = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            docs = sorted(number[d] for d in reader.postings(fieldname, value).all_ids() if d in number)
            if docs:
                written.json(f"filters/{name}/{value}.json", docs)


class _Writer:
    """Writes JSON files under one folder, counting them and hashing what was written."""

    def __init__(self, root: Path, write=None):
        self.root, self.write, self.files, self.bytes = root, write, 0, 0
        self._hash = hashlib.sha256()

    def json(self, relative: str, data) -> None:
        self.text(relative, _dumps(data))

    def text(self, relative: str, text: str) -> None:
        text = text.encode("utf-8")
        if self.write is not None:
            self.write(relative, text)
        else:
            path = self.root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text)
        self.files += 1
        self.bytes += len(text)
        self._hash.update(relative.encode() + b"\0" + text)

    def digest(self) -> str:
        return self._hash.hexdigest()[:12]
