// From the reader's words to what is searched, as plugins/search/plan.py and
// spelling.py decide it: unknown words corrected to the nearest indexed term
// (Damerau–Levenshtein, first letter kept), words that spell a registry name
// widened to every spelling of that name.

// whoosh.support.levenshtein.damerau_levenshtein (optimal string alignment), over code points.
export function distance(a, b) {
  const s = Array.from(a);
  const t = Array.from(b);
  let twoAgo = null;
  let oneAgo = null;
  let row = [...Array.from({ length: t.length }, (_, i) => i + 1), 0];
  for (let x = 0; x < s.length; x++) {
    twoAgo = oneAgo;
    oneAgo = row;
    row = [...new Array(t.length).fill(0), x + 1];
    const at = (r, i) => r[(i + r.length) % r.length];
    for (let y = 0; y < t.length; y++) {
      row[y] = Math.min(oneAgo[y] + 1, at(row, y - 1) + 1, at(oneAgo, y - 1) + (s[x] !== t[y] ? 1 : 0));
      if (x > 0 && y > 0 && s[x] === t[y - 1] && s[x - 1] === t[y] && s[x] !== t[y]) {
        row[y] = Math.min(row[y], at(twoAgo, y - 2) + 1);
      }
    }
  }
  return row[t.length - 1 < 0 ? row.length - 1 : t.length - 1];
}

export function maxDistance(term) {
  return Array.from(term).length <= 4 ? 1 : 2;
}

// spelling.best_suggestion: closest, then in most entries, then first in code-unit order.
export function bestSuggestion(term, flat) {
  const limit = maxDistance(term);
  let best = null;
  for (let i = 0; i < flat.length; i += 2) {
    const [candidate, count] = [flat[i], flat[i + 1]];
    if (candidate === term || count <= 0) continue;
    const d = distance(term, candidate);
    if (d > limit) continue;
    const key = [d, -count, candidate];
    if (!best || key[0] < best[0] || (key[0] === best[0] && (key[1] < best[1] ||
        (key[1] === best[1] && key[2] < best[2])))) best = key;
  }
  return best ? best[2] : null;
}

const same = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);

async function corrected(word, lexicon, typing, expansions, minLength) {
  if ((await lexicon.known(word.term)) || (await lexicon.namesStarting(word.term)).length ||
      (typing && expansions.length)) return null;
  if (Array.from(word.term).length < minLength) return null;
  const suggestion = await lexicon.suggest(word.term);
  if (suggestion === null) return null;
  let shown = word.text.startsWith(word.term) ? suggestion + word.text.slice(word.term.length) : suggestion;
  for (const [spelling, group] of await lexicon.namesStarting(suggestion)) {
    if (same(spelling, [suggestion])) {
      shown = group.names[group.spellings.findIndex((s) => same(s, spelling))];
      break;
    }
  }
  return { start: word.start, end: word.end, term: suggestion, shown };
}

// plan.plan_query: -> {groups, phrases, prefix, prefixTerm, corrections, widened}
export async function planQuery(parsed, lexicon, expansions, { correct = true, minLength = 3 } = {}) {
  const words = parsed.words;
  let { prefix, prefixTerm } = parsed;
  const sequence = words.map((w) => w.term);
  const corrections = [];
  for (let n = 0; n < words.length; n++) {
    const typing = Boolean(prefix) && n === words.length - 1;
    const fix = correct ? await corrected(words[n], lexicon, typing, expansions, minLength) : null;
    if (fix) {
      sequence[n] = fix.term;
      corrections.push(fix);
      if (typing) prefix = prefixTerm = "";
    }
  }
  const groups = [];
  const widened = [];
  let n = 0;
  while (n < sequence.length) {
    let matched = false;
    for (const [spelling, group] of await lexicon.namesStarting(sequence[n])) {
      if (same(sequence.slice(n, n + spelling.length), spelling)) {
        groups.push(group.terms);
        widened.push(group.names);
        n += spelling.length;
        if (prefix && n === sequence.length) prefix = prefixTerm = "";
        matched = true;
        break;
      }
    }
    if (!matched) {
      if (!(prefix && n === sequence.length - 1)) groups.push([[sequence[n]]]);
      n += 1;
    }
  }
  for (const term of parsed.quoted) groups.push([[term]]);
  const key = (v) => JSON.stringify(v);
  const unique = (list) => list.filter((v, i) => list.findIndex((w) => key(w) === key(v)) === i);
  return { groups: unique(groups), phrases: parsed.phrases, prefix, prefixTerm, corrections,
    widened: unique(widened),
    get empty() {
      return !(this.groups.length || this.phrases.length || this.prefix);
    } };
}

// Plan.showing: the query with each corrected word replaced.
export function showing(text, corrections) {
  for (const c of [...corrections].sort((a, b) => b.start - a.start)) {
    text = text.slice(0, c.start) + c.shown + text.slice(c.end);
  }
  return text;
}
