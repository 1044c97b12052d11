"""A Python reading of the static index, step for step what search-engine.js does.

It lets the tests check, without a browser, that the files the build writes
hold enough to reproduce Whoosh's ranking exactly; the browser tests then
check that the JavaScript does the same.
"""

from __future__ import annotations

import json
from pathlib import Path

from plugins.search.aliases import NameGroup
from plugins.search.documents import day_number
from plugins.search.plan import plan_query
from plugins.search.query import code_unit_order, parse_query, rank_key
from plugins.search.spelling import best_suggestion
from plugins.search.static import lexicon_file


class StaticReference:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.manifest = self._load("manifest.json")
        self.fetched: list[str] = []

    def _load(self, relative):
        path = self.folder / relative
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None

    def file(self, relative):
        if relative not in self.fetched:
            self.fetched.append(relative)
        return self._load(relative)

    def shard_of(self, term):
        shards = [code_unit_order(t) for t in self.manifest["shards"]]
        key = code_unit_order(term)
        found = -1
        for n, first in enumerate(shards):
            if first <= key:
                found = n
        return found

    def postings(self, term):
        n = self.shard_of(term)
        return (self.file(f"terms/{n}.json") or {}).get(term) if n >= 0 else None

    def positions(self, term):
        n = self.shard_of(term)
        return (self.file(f"positions/{n}.json") or {}).get(term, {}) if n >= 0 else {}

    def expand(self, prefix):
        limit = self.manifest["query"]["prefix_max_terms"]
        found = []
        for n in range(max(0, self.shard_of(prefix)), len(self.manifest["shards"])):
            first = self.manifest["shards"][n]
            if code_unit_order(first) > code_unit_order(prefix) and not first.startswith(prefix):
                break
            for term in sorted(self.file(f"terms/{n}.json"), key=code_unit_order):
                if term.startswith(prefix) and len(found) < limit:
                    found.append(term)
        return found

    # The Lexicon plan_query asks (plugins/search/plan.py), read from the files as search-plan.js reads them.
    def known(self, term):
        entry = self.postings(term) or {}
        return any(field in entry for field in self.manifest["fields"])

    def names_starting(self, term):
        return [(tuple(spelling), NameGroup(tuple(g["names"]), tuple(map(tuple, g["spellings"])),
                                            tuple(map(tuple, g["terms"]))))
                for spelling, g in (self.postings(term) or {}).get("aliases", [])]

    def suggest(self, term):
        if f"{ord(term[0]):x}" not in self.manifest["lexicon"]:
            return None
        flat = self.file(lexicon_file(term)) or []
        return best_suggestion(term, dict(zip(flat[0::2], flat[1::2])))

    def group(self, alternatives):
        """Any alternative, each needing all its terms; the scores of matching alternatives add up."""
        scores = {}
        for alternative in alternatives:
            found = self.term_group([alternative[0]])
            for term in alternative[1:]:
                more = self.term_group([term])
                found = {doc: score + more[doc] for doc, score in found.items() if doc in more}
            for doc, score in found.items():
                scores[doc] = scores.get(doc, 0) + score
        return scores

    def contribution(self, field, idf, weight, length):
        b, k1 = self.manifest["bm25f"]["B"][field], self.manifest["bm25f"]["K1"]
        avgfl = self.manifest["avgfl"][field]
        return idf * ((weight * (k1 + 1)) / (weight + k1 * ((1 - b) + b * length / avgfl)))

    def term_group(self, terms):
        scores = {}
        for term in terms:
            entry = self.postings(term) or {}
            for field in self.manifest["fields"]:
                if field in entry:
                    idf, flat = entry[field]
                    for i in range(0, len(flat), 3):
                        scores[flat[i]] = scores.get(flat[i], 0) + self.contribution(field, idf, flat[i + 1],
                                                                                     flat[i + 2])
        return scores

    def phrase_group(self, phrase):
        entries = [self.postings(term) for term in phrase]
        where = [self.positions(term) for term in phrase]
        scores = {}
        if not all(entries):
            return scores
        for field in self.manifest["fields"]:
            if not all(field in entry for entry in entries):
                continue
            per_term = []
            for k, entry in enumerate(entries):
                idf, flat = entry[field]
                per_term.append({flat[i]: (self.contribution(field, idf, flat[i + 1], flat[i + 2]),
                                           set(where[k][field][i // 3])) for i in range(0, len(flat), 3)})
            for doc, (score, positions) in per_term[0].items():
                rest = [docs.get(doc) for docs in per_term[1:]]
                if not all(rest):
                    continue
                if any(all(p + k + 1 in r[1] for k, r in enumerate(rest)) for p in positions):
                    scores[doc] = scores.get(doc, 0) + score + sum(r[0] for r in rest)
        return scores

    def search(self, request):
        """(total, [(doc number, score), …]) for a checked SearchRequest."""
        parsed = parse_query(request.q)
        expansions = self.expand(parsed.prefix) if parsed.prefix else []
        plan = plan_query(parsed, self, expansions, correct=not request.exact)
        allowed = None
        for name, value in request.filters.items():
            docs = set(self.file(f"filters/{name}/{value}.json") or [])
            allowed = docs if allowed is None else allowed & docs
        if request.date_from or request.date_to:
            low = day_number(request.date_from) if request.date_from else -10**9
            high = day_number(request.date_to) if request.date_to else 10**9
            spans = self.file("dates.json")["spans"]
            docs = {n for n, days in enumerate(spans)
                    if any(days[i] <= high and days[i + 1] >= low for i in range(0, len(days), 2))}
            allowed = docs if allowed is None else allowed & docs
        if plan.empty and allowed is None:
            return 0, []
        if plan.empty:
            scored = {n: 0.0 for n in allowed}
        else:
            groups = [self.group(g) for g in plan.groups]
            groups += [self.phrase_group(p) for p in plan.phrases]
            if plan.prefix:
                groups.append(self.term_group(list(dict.fromkeys([plan.prefix_term, *expansions]))))
            scored = dict(groups[0])
            for group in groups[1:]:
                scored = {doc: score + group[doc] for doc, score in scored.items() if doc in group}
            if allowed is not None:
                scored = {doc: score for doc, score in scored.items() if doc in allowed}
        ranked = list(scored.items())
        if request.sort == "newest" or plan.empty:
            published = self.file("dates.json")["published"]
            ranked.sort(key=lambda item: (-published[item[0]], -rank_key(item[1]), item[0]))
        else:
            ranked.sort(key=lambda item: (-rank_key(item[1]), item[0]))
        return len(ranked), ranked

    def url(self, n):
        return self._load(f"docs/{n}.json")["url"]
