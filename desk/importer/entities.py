"""Registry entities named in a text, and the capitalised names no registry knows.

Names match the way the reader resolves front matter (registry.normalise):
ignoring case, accents, apostrophes and hyphens, so "Russia’s Defense
Ministry" finds the alias "Russia's Defense Ministry". Very short names
("US", "UK", "X") match only as written, or every "us" would be a country.
Where names overlap, the longest wins: "Kyiv region" is the oblast, not Kyiv,
and "Russia’s Defense Ministry" is the ministry, not the country.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .sentences import sentence_spans

# Registries whose entities an entry lists in its front matter, in the order they are proposed.
KINDS = ("people", "places", "organisations", "topics")
# Topics name subjects, not things in the text: they overlap with entity names without competing.
SUBJECT_KINDS = ("topics",)
APOSTROPHES = "’'`ʼ"
SHORT_NAME = 3  # folded names this short match case-sensitively, as written
# Words that start sentences or titles; not names on their own.
NOT_NAMES = frozenset("""
    a an the in on at by for from to of and but or nor yes no not this that these those it its he she they we
    our his her their there here meanwhile however also last next such every each after before when while
    according as if so then than with without despite during since until over under
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december
    president vice prime minister ministers governor mayor ambassador adm admiral gen general chief head
    defense defence staff secretary spokesman spokeswoman spokesperson mr mrs ms dr sir lt col capt sgt
    commander deputy foreign regional state senator sen rep official officials
""".split())


@dataclass(frozen=True)
class Mention:
    """One place in a text where a registry entity is named."""

    kind: str
    id: str
    start: int
    end: int


def fold(text: str) -> tuple[str, list[int]]:
    """``registry.normalise`` character by character, keeping each folded character's origin.

    One difference: a possessive "’s" is dropped whole (normalise keeps the s),
    so a name followed by "’s" is still the name. Names and texts are both
    folded here, so they meet.
    """
    folded, origin = [], []
    skip = False
    for index, char in enumerate(text):
        if skip:
            skip = False
            continue
        if char in APOSTROPHES:
            # A possessive "’s" goes whole, so "Trump’s" is a mention of "Trump".
            after = text[index + 2:index + 3]
            skip = text[index + 1:index + 2] in ("s", "S") and not (after.isalnum() or after == "_")
            continue
        if char.isspace() or char in "-_.":
            if folded and folded[-1] != " ":
                folded.append(" ")
                origin.append(index)
            continue
        for part in unicodedata.normalize("NFKD", char).casefold():
            if not unicodedata.combining(part):
                folded.append(part)
                origin.append(index)
    return "".join(folded), origin


class NameFinder:
    """Finds every name and alias of some registries in texts."""

    def __init__(self, registries, kinds=KINDS, extra_names=()):
        """``extra_names``: more (kind, id, name) to find, such as surnames (see ``surnames``)."""
        names = [(kind, entity.id, name) for kind in kinds for entity in registries.by_kind[kind]
                 for name in (entity.name, *entity.aliases)]
        # One pattern per group, so a topic's name never hides an entity's within it, nor the reverse.
        self._groups = []
        for subjects in (False, True):
            folded_names, exact_names = {}, {}
            for kind, entity_id, name in [*names, *extra_names]:
                key = fold(name)[0].strip()
                if not key or (kind in SUBJECT_KINDS) != subjects:
                    continue
                if len(key.replace(" ", "")) <= SHORT_NAME:
                    exact_names.setdefault(name.strip(), set()).add((kind, entity_id))
                else:
                    folded_names.setdefault(key, set()).add((kind, entity_id))
            self._groups.append((folded_names, _alternation(folded_names), exact_names, _alternation(exact_names)))

    def mentions(self, text: str) -> list[Mention]:
        """Non-overlapping mentions in ``text``, in order; the longest name wins an overlap."""
        found = []
        folded, origin = fold(text)
        for folded_names, folded_pattern, exact_names, exact_pattern in self._groups:
            for match in folded_pattern.finditer(folded) if folded_pattern else ():
                start, end = origin[match.start()], origin[match.end() - 1] + 1
                found.extend((start, end, kind, entity_id) for kind, entity_id in folded_names[match.group()])
            for match in exact_pattern.finditer(text) if exact_pattern else ():
                found.extend((match.start(), match.end(), kind, entity_id)
                             for kind, entity_id in exact_names[match.group()])
        accepted, taken = [], []
        for start, end, kind, entity_id in sorted(found, key=lambda f: (f[0] - f[1], f[0], f[2], f[3])):
            group = kind in SUBJECT_KINDS
            if any(start < t_end and t_start < end and (t_start, t_end) != (start, end) and t_group == group
                   for t_start, t_end, t_group in taken):
                continue
            taken.append((start, end, group))
            accepted.append(Mention(kind, entity_id, start, end))
        return sorted(accepted, key=lambda m: (m.start, m.kind))


def surnames(registries, person_ids) -> list[tuple[str, str, str]]:
    """("people", id, surname) for people already named in full, as news text names them again.

    A surname that is also another registry name, or that two of the people
    share, is left out: it would point at the wrong entity.
    """
    known = {fold(name)[0].strip() for kind in registries.by_kind for entity in registries.by_kind[kind]
             for name in (entity.name, *entity.aliases)}
    found = {}
    for person_id in person_ids:
        surname = registries.people[person_id].name.split()[-1]
        key = fold(surname)[0].strip()
        if len(key) > SHORT_NAME and key not in known:
            found.setdefault(key, []).append((person_id, surname))
    return [("people", pairs[0][0], pairs[0][1]) for pairs in found.values() if len(pairs) == 1]


def proposed_ids(mentions_by_text: list[list[Mention]], kinds=KINDS) -> dict:
    """kind -> ids in the order of their first mention."""
    proposed = {kind: [] for kind in kinds}
    for mentions in mentions_by_text:
        for mention in mentions:
            if mention.kind in proposed and mention.id not in proposed[mention.kind]:
                proposed[mention.kind].append(mention.id)
    return proposed


_CAPITALISED = re.compile(
    r"(?<![\w’'])[A-ZА-ЯІЇЄҐ][\w’'\-]*(?:\.(?=\s+[A-ZА-ЯІЇЄҐ]))?"
    r"(?:\s+(?:(?:of|the|de|al|von|van)\s+)*[A-ZА-ЯІЇЄҐ][\w’'\-]*(?:\.(?=\s+[A-ZА-ЯІЇЄҐ]))?)+")


def unknown_names(text: str, mentions: list[Mention]) -> list[str]:
    """Capitalised names of two or more words that no registry name covers, never across a full stop."""
    names = []
    matches = [match for start, end in sentence_spans(text) for match in _CAPITALISED.finditer(text, start, end)]
    for match in matches:
        piece_start = match.start()
        cuts = sorted((m.start, m.end) for m in mentions if m.start < match.end() and match.start() < m.end)
        pieces = []
        for start, end in cuts:
            pieces.append(text[piece_start:max(start, piece_start)])
            piece_start = max(piece_start, end)
        pieces.append(text[piece_start:match.end()])
        for piece in pieces:
            name = _trimmed_name(piece)
            if name and name not in names:
                names.append(name)
    return names


def _trimmed_name(piece: str) -> str:
    words = [re.sub(r"(’s|'s)$", "", w.strip(".,;:")) for w in piece.split()]
    while words and (words[0].lower().strip(".") in NOT_NAMES or not words[0][:1].isupper()
                     or len(words[0].strip(".")) == 1):  # the "S." left of "U.S."
        words.pop(0)
    while words and (words[-1].lower().strip(".") in NOT_NAMES or not words[-1][:1].isupper()):
        words.pop()
    return " ".join(words) if len(words) >= 2 else ""


def _alternation(names: dict):
    if not names:
        return None
    ordered = sorted(names, key=lambda n: (-len(n), n))
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)")
