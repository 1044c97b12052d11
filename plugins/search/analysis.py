"""Text analysis shared by the index, the query parser and the excerpts.

The static search page ranks with the same numbers Whoosh computes, so its
JavaScript (theme/static/js/search-analysis.js and search-porter.js) must cut
text into exactly the same terms. Everything that decides a term lives here,
spelled out rather than taken from Whoosh's defaults, and is copied into the
static manifest; tests compare the two implementations word for word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.lang.porter import stem

# A word: letters, digits or underscores, with single inner dots ("U.S", "2.5").
TOKEN_PATTERN = r"\w+(?:\.?\w+)*"
# Whoosh's English stop words, minus "us": in a news archive "US" is a country.
STOP_WORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "have", "if", "in", "is", "it",
    "may", "not", "of", "on", "or", "tbd", "that", "the", "this", "to", "we", "when", "will", "with", "yet",
    "you", "your",
))
MIN_LENGTH = 2  # shorter tokens ("a", "s" of "Kyiv's") are dropped
# Letters folded to the letter readers type for them: Ukrainian and Russian spellings of one
# name differ in these (Ґ/Г, Є/Е, Ї/І, Ё/Е), and Latin accents (é, ï, ş) are dropped below.
FOLDED_LETTERS = {"ґ": "г", "є": "е"}
KEPT_MARK = "\u0306"  # the breve of Cyrillic й and ў: a letter of its own, not an accent
FOLDING = "marks-v1"   # names the folding rules in the manifest; change it when they change

_TOKEN = re.compile(TOKEN_PATTERN)


@lru_cache(maxsize=500_000)
def fold(word: str) -> str:
    """A lower-cased word with accents and letter variants folded: "café" -> "cafe", "Київ" -> "киів".

    Canonical decomposition, then every combining mark is dropped except the breve
    of й/ў (so ї -> і, ё -> е, é -> e), then ґ -> г and є -> е; the same in
    search-analysis.js. Index and query both fold, so either spelling finds both.
    """
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    kept = "".join(char for char in decomposed
                   if char == KEPT_MARK or not unicodedata.category(char).startswith("M"))
    composed = unicodedata.normalize("NFC", kept)
    return "".join(FOLDED_LETTERS.get(char, char) for char in composed)


class FoldFilter(Filter):
    """Whoosh filter applying ``fold`` to every token (after lower-casing)."""

    def __call__(self, tokens):
        for token in tokens:
            token.text = fold(token.text)
            yield token


def text_analyzer():
    """The Whoosh analyzer of every text field: tokenise, lower-case, fold, drop stop words, Porter-stem."""
    return (RegexTokenizer(expression=TOKEN_PATTERN) | LowercaseFilter() | FoldFilter()
            | StopFilter(stoplist=STOP_WORDS, minsize=MIN_LENGTH) | StemFilter(stemfn=stem))


@dataclass(frozen=True)
class Token:
    """One word of a text: where it is, as written, and the term it indexes as (None for a stop word)."""

    start: int
    end: int
    word: str   # lower-cased and folded, unstemmed
    term: str | None


@lru_cache(maxsize=500_000)
def term_for(word: str) -> str | None:
    """The index term of one lower-cased, folded word, or None when the analyzer drops it.

    Memoised: an archive says the same few tens of thousands of words millions of
    times, and Porter stemming is most of the cost of analysing a text.
    """
    if len(word) < MIN_LENGTH or word in STOP_WORDS:
        return None
    return stem(word)


def tokens(text: str) -> list[Token]:
    """Every word of ``text`` with its character offsets, in order."""
    found = []
    for match in _TOKEN.finditer(text):
        word = fold(match.group(0).lower())
        found.append(Token(match.start(), match.end(), word, term_for(word)))
    return found


class _TermsOfWords(dict):
    """word as written -> its index term (None when dropped), worked out on first sight.

    One dictionary look-up per word, done in C by ``map``: ``terms`` runs over
    every body of the archive (related entries), and lower-casing, folding and
    stemming the same words again and again was most of its cost.
    """

    LIMIT = 1_000_000  # distinct spellings kept; then it starts afresh, so memory stays bounded

    def __missing__(self, word: str) -> str | None:
        if len(self) >= self.LIMIT:
            self.clear()
        term = self[word] = term_for(fold(word.lower()))
        return term


_term_of_word = _TermsOfWords()


def terms(text: str) -> list[str]:
    """The index terms of ``text`` in order, as the Whoosh analyzer produces them (``tokens`` without offsets)."""
    return list(filter(None, map(_term_of_word.__getitem__, _TOKEN.findall(text))))  # a term is never empty


def manifest_entry() -> dict:
    """The analysis rules, for the static manifest (the JavaScript checks it runs the same ones)."""
    return {"pattern": TOKEN_PATTERN, "stop_words": sorted(STOP_WORDS), "min_length": MIN_LENGTH,
            "stemmer": "porter", "folding": FOLDING}
