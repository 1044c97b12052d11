// The excerpt of a result: the 30 words with the most distinct matches (the
// earliest such), as plugins/search/excerpts.py chooses it.

export const WINDOW = 30;

// -> {text, highlights: [[start, end], ...]} (offsets into text)
export function excerpt(text, analyzer, matchTerms, prefix = "", window = WINDOW) {
  const words = analyzer.tokens(text);
  if (!words.length) return { text: text.split(/\s+/).filter(Boolean).join(" ").slice(0, 200), highlights: [] };
  const hits = words.map((t) => matchTerms.has(t.term) || Boolean(prefix && t.word.startsWith(prefix)));
  let best = 0;
  let bestCount = -1;
  for (let first = 0; first < Math.max(1, words.length - window + 1); first++) {
    const distinct = new Set();
    for (let i = first; i < Math.min(first + window, words.length); i++) {
      if (hits[i]) distinct.add(words[i].term || words[i].word);
    }
    if (distinct.size > bestCount) {
      best = first;
      bestCount = distinct.size;
    }
  }
  const last = Math.min(best + window, words.length) - 1;
  const start = best === 0 ? 0 : words[best].start;
  const end = last === words.length - 1 ? text.length : words[last].end;
  const lead = start === 0 ? "" : "… ";
  const tail = end === text.length ? "" : " …";
  const body = text.slice(start, end).replace(/[\n\r\t]/g, " ");
  const highlights = [];
  for (let i = best; i <= last; i++) {
    if (hits[i]) highlights.push([lead.length + words[i].start - start, lead.length + words[i].end - start]);
  }
  return { text: lead + body + tail, highlights };
}
