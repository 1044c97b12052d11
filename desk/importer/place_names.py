"""Places named in a sentence: the registry's first, then the gazetteer's.

A capitalised name the registries do not know is looked up in GeoNames
(gazetteer.py) only where a place is expected: after a preposition of place
("in", "near", "over", "у", "на", "в") or in a sentence reporting an incident.
That keeps "March" and "Most" out. A city GeoNames knows is either a registry
entry already (by any of its names) or a proposed new one; it is never swapped
for a nearby place the registry has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .entities import NOT_NAMES
from .gazetteer import GazetteerPlace, is_cyrillic, lookup, place_id, registry_id

PLACE_PREPOSITIONS = frozenset("""
    in on at near over outside across of to into towards around
    у в во на по біля під над поблизу під'єднаний под около возле
""".split())
# Capitalised words (Latin or Cyrillic), up to three in a row: "Kryvyi Rih", "Bila Tserkva".
CANDIDATE = re.compile(r"(?<![\w’'-])([A-ZА-ЯІЇЄҐ][\w’'-]+(?:\s+[A-ZА-ЯІЇЄҐ][\w’'-]+){0,2})")
# A country named as the one acting is not where the event happened: "Russia launched", "Russia's".
ACTING = re.compile(r"^(?:[’']s\b|\s+(?:launched|fired|attacked|struck|hit|sent|said|says|claimed|used|"
                    r"dropped|shelled|targeted)\b)")
SPECIFICITY = {"city": 3, "town": 3, "village": 3, "region": 2, "country": 1}


@dataclass
class NamedPlace:
    """A place named in a sentence: a registry id, or a proposal from the gazetteer."""

    id: str
    start: int
    specificity: int
    proposed: GazetteerPlace | None = None  # set when the registry does not have it yet
    seen_as: str = ""
    acting: bool = False


class PlaceFinder:
    """Registry places by NameFinder mentions; gazetteer cities for the names left over."""

    def __init__(self, registries, proposals: dict):
        self.registry = registries.places
        self.proposals = proposals  # id -> (GazetteerPlace, seen_as), shared across the whole draft
        self._countries = {p.country for p in self.registry if p.country} | {
            p.name for p in self.registry if p.kind == "country"}

    def places(self, sentence: str, mentions, incident: bool) -> list[NamedPlace]:
        """Places in ``sentence`` in text order; ``mentions`` are its registry mentions."""
        found = []
        for mention in mentions:
            if mention.kind != "places":
                continue
            entity = self.registry[mention.id]
            found.append(NamedPlace(mention.id, mention.start, SPECIFICITY.get(entity.kind, 3), seen_as="",
                                    acting=bool(ACTING.match(sentence[mention.end:]))))
        covered = [(m.start, m.end) for m in mentions]
        for match in CANDIDATE.finditer(sentence):
            if any(match.start() < end and start < match.end() for start, end in covered):
                continue
            named = self._looked_up(sentence, match, incident)
            if named is not None:
                found.append(named)
        return sorted(found, key=lambda place: place.start)

    def _looked_up(self, sentence: str, match, incident: bool) -> NamedPlace | None:
        words = match.group(1).split()
        before = sentence[:match.start()].split()
        while words and words[0].lower() in NOT_NAMES | PLACE_PREPOSITIONS:  # "In Kharkiv" at a sentence's start
            before.append(words.pop(0))
        previous = before[-1].lower().strip(",;:(") if before else ""
        if not words or (previous not in PLACE_PREPOSITIONS and not incident):
            return None
        after = sentence[match.end():].lstrip().lower()
        if re.match(r"(?:region|oblast|province|district|область|області|район|области)\b", after):
            return None  # "the Zaporizhzhia region" is not the city; a region the registry lacks stays unknown
        # A longer name that is not a place ("Ivan Fedorov") is not searched for its first word.
        for size in ([len(words)] if len(words) > 1 else [1]):
            name = " ".join(words[:size])
            if name.lower() in NOT_NAMES or (not is_cyrillic(name) and len(name) < 4):
                continue
            shown = name.title() if name.isupper() else name
            place = lookup(shown, inflected=previous in PLACE_PREPOSITIONS)
            if place is None:
                continue
            if place.country not in self._countries and previous not in PLACE_PREPOSITIONS:
                continue  # far from the archive's places: only "in X" is evidence enough
            known = registry_id(place, self.registry)
            if known:
                return NamedPlace(known, match.start(), 3)

            new_id = next((pid for pid, (p, _s) in self.proposals.items() if p.geonameid == place.geonameid), None)
            new_id = new_id or place_id(place, self.registry)
            self.proposals.setdefault(new_id, (place, shown))
            return NamedPlace(new_id, match.start(), 3, proposed=place, seen_as=shown)
        return None


def event_place(places: list[NamedPlace]) -> NamedPlace | None:
    """The most specific place a sentence names, leaving out a country named as the one acting."""
    usable = [place for place in places if not place.acting]
    return max(usable, key=lambda place: place.specificity) if usable else None
