// Text analysis for the search page, the same as plugins/search/analysis.py:
// words are runs of letters, digits and underscores with single inner dots,
// lower-cased and folded (accents dropped, ґ/є/ї/ё read as г/е/і/е); stop words
// and one-letter words are dropped; the rest are Porter-stemmed. The rules that are data (stop words, minimum length) come
// from the index manifest, so page and index cannot drift apart.

import { stem } from "./search-porter.js";

// Python's \w+(?:\.?\w+)* — \w there is any letter, digit or underscore in Unicode.
export const PYTHON_PATTERN = "\\w+(?:\\.?\\w+)*";
const WORD = /[\p{L}\p{N}_]+(?:\.?[\p{L}\p{N}_]+)*/gu;

// analysis.fold: decompose, drop combining marks but the breve of й/ў, recompose, then ґ -> г, є -> е.
const FOLDED = { "ґ": "г", "є": "е" };
const MARKS = /(?!\u0306)\p{M}/gu;
const ASCII = /^[\x00-\x7f]*$/;

export function fold(word) {
  if (ASCII.test(word)) return word;
  return word.normalize("NFD").replace(MARKS, "").normalize("NFC").replace(/[ґє]/g, (c) => FOLDED[c]);
}

export function length(text) {
  // Python counts code points; JavaScript strings count UTF-16 units.
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

export function makeAnalyzer(rules) {
  if (rules.pattern !== PYTHON_PATTERN || rules.stemmer !== "porter" || rules.folding !== "marks-v1") {
    throw new Error("the search index was built with other text rules than this page knows; reload the page");
  }
  const stopWords = new Set(rules.stop_words);
  const minLength = rules.min_length;

  function termFor(word) {
    if (length(word) < minLength || stopWords.has(word)) return null;
    return stem(word);
  }

  function tokens(text) {
    const found = [];
    for (const match of text.matchAll(WORD)) {
      const word = fold(match[0].toLowerCase());
      found.push({ start: match.index, end: match.index + match[0].length, word, term: termFor(word) });
    }
    return found;
  }

  function terms(text) {
    return tokens(text).map((t) => t.term).filter((t) => t !== null);
  }

  return { termFor, tokens, terms };
}
