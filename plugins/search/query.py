"""Readers' queries: what the words mean, and how they run against the Whoosh index.

The rules (the same in theme/static/js/search-query.js):

- every word must match, in the title, summary, body or names (AND);
- ``"quoted words"`` must appear together, in that order; an unbalanced quote is ignored;
- the last word, when it is being typed (nothing after it), also matches as a prefix
  ("kr" finds "Kryvyi"); it needs two letters and expands to the first
  ``PREFIX_MAX_TERMS`` index terms in order;
- a word the index does not know is read as the nearest one it does, and words that
  spell a registry name match any spelling of it (plan.py), unless ``exact`` asks
  for the words as typed (names are still widened: they are not corrections);
- nothing else is syntax: ``title:x``, ``AND``, ``-x`` and ``*`` are words or nothing.

Scores are Whoosh's BM25F over live statistics (collection.py). Results are
ordered by score, compared at a billionth so the JavaScript copy of the
arithmetic agrees, then newest first, then by URL; "newest" orders by
publication time first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from whoosh import query as wq

from .aliases import AliasTable
from .analysis import terms as analyze
from .analysis import tokens
from .collection import collection
from .excerpts import Excerpt, excerpt
from .plan import Plan, plan_query
from .request import SearchRequest
from .schema import FILTER_FIELDS, TEXT_FIELDS
from .spelling import IndexLexicon, code_unit_order  # noqa: F401 (code_unit_order: static.py, tests)

PREFIX_MIN_LENGTH = 2
PREFIX_MAX_TERMS = 50


@dataclass(frozen=True)
class Word:
    """A word outside quotes: its index term, where it is in the query, and its folded lower-case text."""

    term: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ParsedQuery:
    """The words of a query as index terms: required terms, required phrases and a prefix."""

    terms: tuple = ()        # stems; each must match
    phrases: tuple = ()      # tuples of two or more stems; each must match in order
    prefix: str = ""         # lower-case last word, matched as a prefix of index terms
    prefix_term: str = ""    # that word's own stem, which also matches
    words: tuple = ()        # Words outside quotes, in order, the prefix word included
    quoted: tuple = ()       # terms of one-word quotes: searched as typed

    @property
    def empty(self) -> bool:
        return not (self.terms or self.phrases or self.prefix)


def parse_query(text: str) -> ParsedQuery:
    """Split a reader's text into terms, phrases and the prefix; never fails."""
    quotes = [i for i, char in enumerate(text) if char == '"']
    if len(quotes) % 2:
        text = text[:quotes[-1]] + " " + text[quotes[-1] + 1:]
    parts = text.split('"')
    found, phrases, words, quoted, offset = [], [], [], [], 0
    for index, part in enumerate(parts):
        if index % 2:
            stems = analyze(part)
            if len(stems) > 1:
                phrases.append(tuple(stems))
            else:
                found.extend(stems)
                quoted.extend(stems)
        else:
            for t in tokens(part):
                if t.term:
                    found.append(t.term)
                    words.append(Word(t.term, offset + t.start, offset + t.end, t.word))
        offset += len(part) + 1
    prefix = prefix_term = ""
    trailing = tokens(parts[-1])
    if trailing and trailing[-1].end == len(parts[-1]) and trailing[-1].term \
            and len(trailing[-1].word) >= PREFIX_MIN_LENGTH:
        prefix, prefix_term = trailing[-1].word, trailing[-1].term
        found.pop()
    return ParsedQuery(tuple(dict.fromkeys(found)), tuple(dict.fromkeys(phrases)), prefix, prefix_term,
                       tuple(words), tuple(dict.fromkeys(quoted)))


def prefix_expansions(searcher, prefix: str) -> list:
    """Terms of live documents' text fields that start with ``prefix``: the first PREFIX_MAX_TERMS in order."""
    found, live = set(), collection(searcher)
    reader = searcher.reader()
    for fieldname in TEXT_FIELDS:
        for term in reader.expand_prefix(fieldname, prefix):
            term = term.decode("utf-8") if isinstance(term, bytes) else term
            if term not in found and live.doc_frequency(fieldname, term):
                found.add(term)
    return sorted(found, key=code_unit_order)[:PREFIX_MAX_TERMS]


def prefix_candidates(plan, expansions: list) -> list:
    """The terms the prefix group accepts: the word's own stem first, then the expansions."""
    return list(dict.fromkeys([plan.prefix_term, *expansions]))


def _any_field(term: str):
    return wq.Or([wq.Term(f, term) for f in TEXT_FIELDS])


def _group_query(group: tuple):
    """One group: any of its alternatives, each needing all its terms (scores add up, as on the page)."""
    alternatives = [_any_field(a[0]) if len(a) == 1 else wq.And([_any_field(t) for t in a]) for a in group]
    return alternatives[0] if len(alternatives) == 1 else wq.Or(alternatives)


def whoosh_query(plan: Plan, expansions: list):
    """The Whoosh query: an And of one group per word or name, phrase and the prefix, over the text fields."""
    groups = [_group_query(group) for group in plan.groups]
    groups += [wq.Or([wq.Phrase(f, list(phrase)) for f in TEXT_FIELDS]) for phrase in plan.phrases]
    if plan.prefix:
        groups.append(wq.Or([wq.Term(f, term) for term in prefix_candidates(plan, expansions)
                             for f in TEXT_FIELDS]))
    return wq.And(groups)


@dataclass
class Hit:
    url: str
    title: str
    summary: str
    date: str
    section: str
    score: float
    excerpt: Excerpt


@dataclass
class SearchResults:
    request: SearchRequest
    plan: Plan
    total: int
    hits: list = field(default_factory=list)

    @property
    def showing(self) -> str:
        """The query as searched, when spelling correction changed it; else ""."""
        return self.plan.showing(self.request.q) if self.plan.corrections else ""


def rank_key(score: float) -> int:
    """Scores agree across Python and JavaScript to about 1e-15; compare them at 1e-9."""
    return math.floor(score * 1e9 + 0.5)


def run_search(searcher, request: SearchRequest, aliases: AliasTable | None = None) -> SearchResults:
    """Run a checked request; return the total and one page of hits with excerpts.

    ``aliases`` is the table kept with the index (aliases.load_aliases); without it names are not widened.
    """
    parsed = parse_query(request.q)
    live = collection(searcher)
    allowed = allowed_documents(searcher, request)
    expansions = prefix_expansions(searcher, parsed.prefix) if parsed.prefix else []
    plan = plan_query(parsed, IndexLexicon(searcher, aliases or AliasTable([])), expansions,
                      correct=not request.exact)
    if not plan.prefix:
        expansions = []
    if plan.empty and allowed is None:
        return SearchResults(request, plan, 0)
    if plan.empty:
        scored = [(docnum, 0.0) for docnum in allowed]
    else:
        results = searcher.search(whoosh_query(plan, expansions), filter=allowed, limit=None)
        scored = [(hit.docnum, hit.score) for hit in results]
    if request.sort == "newest" or plan.empty:
        documents = live.documents
        scored.sort(key=lambda item: (-documents[item[0]].published, -rank_key(item[1]), live.rank[item[0]]))
    else:
        scored.sort(key=lambda item: (-rank_key(item[1]), live.rank[item[0]]))
    page = scored[request.offset:request.offset + request.limit]
    match_terms = highlight_terms(plan, expansions)
    hits = []
    for docnum, score in page:
        fields = searcher.stored_fields(docnum)
        hits.append(Hit(fields["url"], fields["title"], fields["summary"], fields["date"], fields["section_name"],
                        score, excerpt(fields["body"], match_terms, plan.prefix)))
    return SearchResults(request, plan, len(scored), hits)


def highlight_terms(plan: Plan, expansions: list) -> set:
    """Every index term a match can be on, for highlighting."""
    found = set(plan.terms)
    if plan.prefix:
        found |= set(prefix_candidates(plan, expansions))
    return found


def allowed_documents(searcher, request: SearchRequest):
    """Document numbers the filters allow, or None when no filter is set."""
    from .documents import day_number

    allowed = None
    for name, value in request.filters.items():
        docs = set(searcher.docs_for_query(wq.Term(FILTER_FIELDS[name], value)))
        allowed = docs if allowed is None else allowed & docs
    if request.date_from or request.date_to:
        low = day_number(request.date_from) if request.date_from else -10**9
        high = day_number(request.date_to) if request.date_to else 10**9
        docs = {docnum for docnum, document in collection(searcher).documents.items()
                if any(start <= high and end >= low for start, end in document.spans)}
        allowed = docs if allowed is None else allowed & docs
    return allowed
