"""From a reader's words to what is searched: spelling corrected, names widened to all their spellings.

``plan_query`` takes the parsed words (query.py) and a Lexicon, the little it
needs to know about the index:

- ``known(term)``: is the term in some live entry?
- ``names_starting(term)``: the registry names whose first term it is (aliases.py);
- ``suggest(term)``: the nearest indexed term, or None (see spelling.py).

The CLI and the service ask the Whoosh index (spelling.IndexLexicon); the page
asks the static files, and theme/static/js/search-plan.js makes the same plan
step for step:

1. a word that is neither indexed, nor the start of a name, nor (while it is
   being typed) the start of an indexed term is replaced by its nearest indexed
   term, and the plan records the correction for "Showing results for …";
2. runs of words that spell a name, longest first from the left, become one
   group: any spelling of that name matches ("Kiev" finds "Kyiv" and "Київ");
3. every other word is a group of its own; every group must match.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_CORRECTED_LENGTH = 3  # shorter words are too ambiguous to correct


@dataclass(frozen=True)
class Correction:
    """One word replaced: where it was in the query, as typed, and what is shown instead."""

    start: int
    end: int
    term: str
    shown: str


@dataclass(frozen=True)
class Plan:
    """What runs: groups (each a tuple of alternatives, each a tuple of terms that must all match)."""

    groups: tuple = ()
    phrases: tuple = ()
    prefix: str = ""
    prefix_term: str = ""
    corrections: tuple = ()
    widened: tuple = ()  # the names of each entity whose spellings were searched

    @property
    def empty(self) -> bool:
        return not (self.groups or self.phrases or self.prefix)

    def showing(self, text: str) -> str:
        """The query as searched: ``text`` with each corrected word replaced."""
        for correction in sorted(self.corrections, key=lambda c: -c.start):
            text = text[:correction.start] + correction.shown + text[correction.end:]
        return text

    @property
    def terms(self) -> set:
        """Every term a match can be on (highlighting), prefix expansions aside."""
        found = {term for group in self.groups for alternative in group for term in alternative}
        return found | {term for phrase in self.phrases for term in phrase}


def _corrected(word, lexicon, typing: bool, expansions: list):
    """The Correction for an unknown word, or None when it is known or has no near term."""
    if lexicon.known(word.term) or lexicon.names_starting(word.term) or (typing and expansions):
        return None
    if len(word.term) < MIN_CORRECTED_LENGTH:
        return None
    suggestion = lexicon.suggest(word.term)
    if suggestion is None:
        return None
    shown = suggestion + word.text[len(word.term):] if word.text.startswith(word.term) else suggestion
    for spelling, group in lexicon.names_starting(suggestion):
        if spelling == (suggestion,):  # a name in one word: show it as the registry writes it
            shown = group.names[group.spellings.index(spelling)]
            break
    return Correction(word.start, word.end, suggestion, shown)


def plan_query(parsed, lexicon, expansions: list = (), correct: bool = True) -> Plan:
    """The Plan for a ParsedQuery; ``expansions`` are the indexed terms starting with its prefix."""
    words, prefix, prefix_term = list(parsed.words), parsed.prefix, parsed.prefix_term
    sequence, corrections = [word.term for word in words], []
    for n, word in enumerate(words):
        typing = bool(prefix) and n == len(words) - 1
        correction = _corrected(word, lexicon, typing, expansions) if correct else None
        if correction is not None:
            sequence[n] = correction.term
            corrections.append(correction)
            if typing:
                prefix = prefix_term = ""
    groups, widened, n = [], [], 0
    while n < len(sequence):
        for spelling, group in lexicon.names_starting(sequence[n]):
            if tuple(sequence[n:n + len(spelling)]) == spelling:
                groups.append(group.alternatives)
                widened.append(group.names)
                n += len(spelling)
                if prefix and n == len(sequence):
                    prefix = prefix_term = ""  # the name is complete: search its spellings, not its prefix
                break
        else:
            if not (prefix and n == len(sequence) - 1):
                groups.append(((sequence[n],),))
            n += 1
    groups += [((term,),) for term in parsed.quoted]
    return Plan(tuple(dict.fromkeys(groups)), parsed.phrases, prefix, prefix_term, tuple(corrections),
                tuple(dict.fromkeys(widened)))
