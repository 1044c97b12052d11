// Searching the static index: fetch the few shards a query needs and rank
// with Whoosh's BM25F, computed from the numbers Whoosh itself wrote (idf,
// term weights, field lengths, average lengths). The rules are those of
// plugins/search/query.py; nothing here touches the page.

import { makeAnalyzer } from "./search-analysis.js";
import { excerpt } from "./search-excerpt.js";
import { bestSuggestion, planQuery } from "./search-plan.js";
import { parseQuery } from "./search-query.js";

async function fetchJson(url) {
  const response = await fetch(url);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`${url.pathname || url}: HTTP ${response.status}`);
  return response.json();
}

// Scores agree with Python's to about 1e-15; compare them at 1e-9 (query.rank_key).
export function rankKey(score) {
  return Math.floor(score * 1e9 + 0.5);
}

export class StaticIndex {
  constructor(baseUrl, { load = fetchJson } = {}) {
    this.base = new URL(baseUrl, typeof document === "undefined" ? undefined : document.baseURI);
    this.load = load;
    this.cache = new Map();
  }

  async open() {
    if (!this.manifest) {
      const manifest = await this.load(new URL("manifest.json", this.base));
      if (!manifest || manifest.format !== 2) throw new Error("the search index is missing or of another version");
      this.manifest = manifest;
      this.analyzer = makeAnalyzer(manifest.analysis);
    }
    return this;
  }

  file(path) {
    if (!this.cache.has(path)) {
      const url = new URL(path, this.base);
      url.searchParams.set("v", this.manifest.version);
      const pending = this.load(url);
      pending.catch(() => this.cache.delete(path));
      this.cache.set(path, pending);
    }
    return this.cache.get(path);
  }

  shardOf(term) {
    const shards = this.manifest.shards;
    let low = 0;
    let high = shards.length - 1;
    if (high < 0 || term < shards[0]) return -1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (shards[mid] <= term) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  async postings(term) {
    const n = this.shardOf(term);
    if (n < 0) return undefined;
    const shard = await this.file(`terms/${n}.json`);
    return shard && Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : undefined;
  }

  async positions(term) {
    const n = this.shardOf(term);
    const shard = n < 0 ? undefined : await this.file(`positions/${n}.json`);
    return shard && Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : {};
  }

  // The first prefix_max_terms index terms starting with prefix, in order.
  async expand(prefix) {
    const max = this.manifest.query.prefix_max_terms;
    const shards = this.manifest.shards;
    const found = [];
    for (let n = Math.max(0, this.shardOf(prefix)); n < shards.length && found.length < max; n++) {
      if (shards[n] > prefix && !shards[n].startsWith(prefix)) break;
      const shard = (await this.file(`terms/${n}.json`)) || {};
      for (const term of Object.keys(shard).sort(compare)) {
        if (term.startsWith(prefix) && found.length < max) found.push(term);
      }
    }
    return found;
  }

  // The Lexicon of search-plan.js (plugins/search/plan.py), from the shards and, for typos, the lexicon files.
  async known(term) {
    const entry = await this.postings(term);
    return Boolean(entry) && this.manifest.fields.some((field) => entry[field]);
  }

  async namesStarting(term) {
    const entry = await this.postings(term);
    return ((entry && entry.aliases) || []).map(([spelling, group]) => [spelling, group]);
  }

  async suggest(term) {
    const first = term.codePointAt(0).toString(16);
    if (!this.manifest.lexicon.includes(first)) return null; // no indexed term starts with that letter
    return bestSuggestion(term, (await this.file(`lexicon/${first}.json`)) || []);
  }

  async filter(name, id) {
    return new Set((await this.file(`filters/${name}/${id}.json`)) || []);
  }

  dates() {
    return this.file("dates.json");
  }

  document(n) {
    return this.file(`docs/${n}.json`);
  }

  // A checked request (search-query.js checkRequest) -> {total, ranked: [[doc, score], ...], plan, matchTerms}
  async search(request) {
    await this.open();
    const parsed = parseQuery(request.q, this.analyzer, this.manifest.query);
    const allowed = await this.allowed(request);
    let expansions = parsed.prefix ? await this.expand(parsed.prefix) : [];
    const plan = await planQuery(parsed, this, expansions,
      { correct: !request.exact, minLength: this.manifest.query.min_corrected_length });
    if (!plan.prefix) expansions = [];
    const candidates = plan.prefix ? [...new Set([plan.prefixTerm, ...expansions])] : [];
    const matchTerms = new Set([...plan.groups.flat(2), ...plan.phrases.flat(), ...candidates]);
    if (plan.empty && allowed === null) return { total: 0, ranked: [], plan, matchTerms };
    let scored;
    if (plan.empty) {
      scored = new Map([...allowed].map((n) => [n, 0]));
    } else {
      const groups = [];
      for (const group of plan.groups) groups.push(await this.group(group));
      for (const phrase of plan.phrases) groups.push(await this.phraseGroup(phrase));
      if (plan.prefix) groups.push(await this.termGroup(candidates));
      scored = intersect(groups, allowed);
    }
    const ranked = [...scored.entries()];
    if (request.sort === "newest" || plan.empty) {
      const { published } = await this.dates();
      ranked.sort((a, b) => published[b[0]] - published[a[0]] || rankKey(b[1]) - rankKey(a[1]) || a[0] - b[0]);
    } else {
      ranked.sort((a, b) => rankKey(b[1]) - rankKey(a[1]) || a[0] - b[0]);
    }
    return { total: ranked.length, ranked, plan, matchTerms };
  }

  // Any of the alternatives, each needing all its terms; the scores of matching alternatives add up.
  async group(alternatives) {
    const scores = new Map();
    for (const alternative of alternatives) {
      const parts = [];
      for (const term of alternative) parts.push(await this.termGroup([term]));
      for (const [doc, score] of intersect(parts, null)) scores.set(doc, (scores.get(doc) || 0) + score);
    }
    return scores;
  }

  async allowed(request) {
    let allowed = null;
    const narrow = (docs) => {
      allowed = allowed === null ? docs : new Set([...allowed].filter((n) => docs.has(n)));
    };
    for (const name of ["section", "topic", "place", "person"]) {
      if (request[name]) narrow(await this.filter(name, request[name]));
    }
    if (request.from || request.to) {
      const low = request.from ? request.from.day : -1e9;
      const high = request.to ? request.to.day : 1e9;
      const { spans } = await this.dates();
      const docs = new Set();
      spans.forEach((days, n) => {
        for (let i = 0; i < days.length; i += 2) {
          if (days[i] <= high && days[i + 1] >= low) {
            docs.add(n);
            break;
          }
        }
      });
      narrow(docs);
    }
    return allowed;
  }

  contribution(field, idf, weight, length) {
    const { K1 } = this.manifest.bm25f;
    const B = this.manifest.bm25f.B[field];
    const avgfl = this.manifest.avgfl[field];
    return idf * ((weight * (K1 + 1)) / (weight + K1 * ((1 - B) + (B * length) / avgfl)));
  }

  // Any of the terms in any field: doc -> summed score (an Or group).
  async termGroup(terms) {
    const scores = new Map();
    for (const term of terms) {
      const entry = await this.postings(term);
      if (!entry) continue;
      for (const field of this.manifest.fields) {
        if (!entry[field]) continue;
        const [idf, flat] = entry[field];
        for (let i = 0; i < flat.length; i += 3) {
          const add = this.contribution(field, idf, flat[i + 1], flat[i + 2]);
          scores.set(flat[i], (scores.get(flat[i]) || 0) + add);
        }
      }
    }
    return scores;
  }

  // The words next to each other, in order, in one field; scored as the sum of its terms there.
  async phraseGroup(phrase) {
    const entries = await Promise.all(phrase.map((term) => this.postings(term)));
    const where = await Promise.all(phrase.map((term) => this.positions(term)));
    const scores = new Map();
    if (entries.some((entry) => !entry)) return scores;
    for (const field of this.manifest.fields) {
      if (entries.some((entry) => !entry[field])) continue;
      const perTerm = entries.map((entry, k) => {
        const [idf, flat] = entry[field];
        const docs = new Map();
        for (let i = 0, j = 0; i < flat.length; i += 3, j++) {
          docs.set(flat[i], { score: this.contribution(field, idf, flat[i + 1], flat[i + 2]),
            positions: new Set(where[k][field][j]) });
        }
        return docs;
      });
      for (const [doc, first] of perTerm[0]) {
        const rest = perTerm.slice(1).map((docs) => docs.get(doc));
        if (rest.some((r) => !r)) continue;
        const together = [...first.positions].some((p) => rest.every((r, k) => r.positions.has(p + k + 1)));
        if (!together) continue;
        const add = first.score + rest.reduce((sum, r) => sum + r.score, 0);
        scores.set(doc, (scores.get(doc) || 0) + add);
      }
    }
    return scores;
  }

  excerptOf(text, result) {
    return excerpt(text, this.analyzer, result.matchTerms, result.plan.prefix);
  }
}

// UTF-16 order, as the shards are sorted.
export function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function intersect(groups, allowed) {
  let result = null;
  for (const group of groups) {
    const next = new Map();
    const source = result === null ? group : result;
    for (const [doc, score] of source) {
      if (allowed !== null && !allowed.has(doc)) continue;
      if (result === null) next.set(doc, score);
      else if (group.has(doc)) next.set(doc, score + group.get(doc));
    }
    result = next;
  }
  return result || new Map();
}
