"""Casualty and air-defence figures in one sentence of a report.

Each pattern names the figure it gives. A sentence may give several
("killing four people and wounding 23"); a children count ("including nine
children", "nine of them children") belongs to the figure named just before
it. Figures are read in the order of the text, so a later sentence ("the death
toll rose to 18") replaces what an earlier one said (see events.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import NUMBER, value_of

N = rf"(?P<n>{NUMBER})"
M = rf"(?P<m>{NUMBER})"
_PEOPLE = (r"(?:\s+(?:more|other|others|people|persons|person|civilians|residents|workers|medics|men|women|of them|"
           r"were|was|have been|had been|has been|are|is|been|людей|людини|людина|человек|человека|мирних|мирных|"
           r"жителів|жителей|ще|еще))*")
_KILLED_WORDS = r"(?:killed|dead|died|fatalit(?:y|ies)|deaths?|загинул[иао]?|загинув|загиблих|загиблий|" \
                r"погибл[иао]|погиб|погибших|погибший)"
_INJURED_WORDS = r"(?:injured|wounded|hurt|поранен[іоийа]|поранених|постраждал[иао]|ранен[ыоа]?|раненых|раненый)"
_CHILDREN = r"(?:children|child|kids|дітей|дитин[аи]|дітьми|детей|ребен(?:ок|ка)|дети)"

# (figure, pattern); "children" takes its figure from the one before it.
PATTERNS = [
    ("killed", r"\b(?:nobody|no one|none)\s+(?:was|were|has been|had been)\s+killed\b"),
    ("killed", rf"\b(?:killing|killed|kills|kill)\s+(?:at least\s+)?{N}\b(?!\s*(?:of|drones|vehicles))"),
    ("killed", rf"\bdeath toll\b[^.;]*?\b(?:to|at|reached|stands at|of)\s+(?:at least\s+)?{N}\b"),
    ("killed", rf"\bclaimed\s+{N}\s+li(?:fe|ves)\b"),
    ("killed", rf"(?<![\w-]){N}{_PEOPLE}\s+{_KILLED_WORDS}(?!\w)"),
    ("killed", rf"(?<!\w)(?:загинул[иао]?|загинув|вбит[оаі]|погибл?[иао]?|погиб|убит[ыао]?)\s+"
               rf"(?:щонайменше\s+|не менее\s+|ще\s+|еще\s+)?{N}(?!\w)"),
    ("injured", rf"\b(?:wounding|injuring|wounded|injured|injures|wounds|hurt|hurting)\s+(?:at least\s+)?{N}\b"
                r"(?!\s*(?:drones|vehicles))"),
    ("injured", rf"(?<![\w-]){N}{_PEOPLE}\s+{_INJURED_WORDS}(?!\w)"),
    ("injured", rf"(?<!\w)(?:поранен[іоа]?|постраждал[иао]|ранен[ыо]?)\s+(?:щонайменше\s+|ще\s+|еще\s+)?{N}(?!\w)"),
    ("children", rf"(?<![\w-]){N}\s+of\s+the\s+(?P<of>wounded|injured|dead|killed|victims)\s+(?:are|were)\s+children\b"),
    ("children", rf"\b(?:including|among them|of them|of whom|among whom)\s+{N}\s+{_CHILDREN}"),
    ("children", rf"(?<![\w-]){N}\s+of\s+(?:them|whom)\s+(?:were\s+|are\s+)?{_CHILDREN}"),
    ("children", rf"(?<!\w)(?:серед них|зокрема|в тому числі|в том числе|среди них|из них)\s+{N}\s+{_CHILDREN}"),
    ("child", r"\b(?:among them|including)\s+(?:a|one)\s+child\b"),
    ("child", r"(?<!\w)(?:серед них|зокрема|в том числе|среди них)\s+(?:одна\s+|один\s+)?(?:дитина|ребенок)"),
    ("drones", rf"\b{N}\s+of\s+(?:the\s+)?{M}\s+(?:\w+\s+){{0,2}}(?:drones|UAVs|Shaheds)\b"),
    ("downed", rf"\b(?:shot down|shooting down|intercepted|intercepting|downed|neutralised|neutralized)\s+{N}\b"
               rf"(?!\s+of)"),
    ("launched", rf"\b{N}\s+(?:\w+\s+)?(?:drones|UAVs)\s+(?:were\s+)?launched\b"),
    ("launched", rf"\blaunch(?:ed|ing)\s+{N}\s+(?:\w+\s+)?(?:drones|UAVs|Shaheds)\b"),
    ("downed", rf"(?<![\w-]){N}\s+(?:of them\s+)?(?:were|was|had been)\s+(?:shot down|intercepted|downed)\b"),
]
COMPILED = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in PATTERNS]
CHILD_AGE = re.compile(r"\b(\d{1,2})-year-old\b")


@dataclass
class Figure:
    """One figure found, where it was found, and the sentence that says it."""

    name: str  # killed, injured, children_killed, children_injured, drones_launched, drones_downed
    value: int
    start: int
    sentence: str


def figures_in(sentence: str) -> list[Figure]:
    """The figures one sentence gives, in the order of the text."""
    found, taken = [], []
    for name, pattern in COMPILED:
        for match in pattern.finditer(sentence):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append((match.start(), match.end()))
            found.extend(_figures(name, match, sentence))
    found.sort(key=lambda f: f.start)
    return _children_attached(found, sentence)


def _figures(name: str, match, sentence: str) -> list[Figure]:
    groups = match.groupdict()
    n = value_of(groups["n"]) if groups.get("n") else (0 if name == "killed" else 1)
    if n is None:
        return []
    if name == "drones":
        m = value_of(match["m"])
        return [Figure("drones_downed", n, match.start(), sentence)] + (
            [Figure("drones_launched", m, match.start() + 1, sentence)] if m is not None else [])
    if name == "downed":
        return [Figure("drones_downed", n, match.start(), sentence)]
    if name == "launched":
        return [Figure("drones_launched", n, match.start(), sentence)]
    if name in ("children", "child"):
        of = groups.get("of")
        which = "children_killed" if of in ("dead", "killed") else "children_injured" if of else "children"
        return [Figure(which, n, match.start(), sentence)]
    return [Figure(name, n, match.start(), sentence)]


def _children_attached(found: list[Figure], sentence: str) -> list[Figure]:
    """'children' counts belong to the figure before them; N-year-olds among the injured count too."""
    result, last = [], None
    for figure in found:
        if figure.name == "children":
            if last is None:
                continue
            figure.name = "children_killed" if last == "killed" else "children_injured"
        elif figure.name in ("killed", "injured"):
            last = figure.name
        result.append(figure)
    ages = [int(age) for age in CHILD_AGE.findall(sentence) if int(age) < 18]
    if ages and re.search(r"\b(?:injur|wound|hurt)", sentence, re.I) \
            and not any(f.name.startswith("children") for f in result):
        result.append(Figure("children_injured", len(ages), len(sentence), sentence))
    return result
