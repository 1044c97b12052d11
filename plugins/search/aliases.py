"""Every spelling of a name finds every other: the registries' names as query-time alternatives.

A registry entity (a person, place or organisation) has a display name and
aliases in other spellings and scripts: Kyiv, Kiev, Київ, Киев. Indexing the
names of the entities an entry is tagged with (documents.py) finds the tagged
entries only; an entry that writes "Kyiv" but is not tagged with it would be
missed by "Kiev". So a query whose words spell one of those names is widened to
*any* of the entity's names, in every field: "Kiev" searches for kyiv OR kiev
OR київ OR киев, and "Кривий Ріг" for (kryvyi AND rih) OR (кривий AND ріг) OR ….

Topics, sections and stories are left out on purpose: their aliases are
synonyms ("Air war" for "Russian air attacks on Ukraine"), not spellings, and
widening by them would change what a query means.

The table is built from the registries at index time and kept next to the
index (``ALIASES_FILE``) for the CLI and the service; the static index carries
it inside the term shards (static.py), so the page learns a word's names from
the shard it fetches for the word anyway.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .analysis import terms

ALIASES_FILE = "search-aliases.json"
# Registries whose aliases are spellings of one name.
SPELLING_KINDS = ("people", "places", "organisations")


@dataclass(frozen=True)
class NameGroup:
    """One entity's names: as shown (display name first), and as index terms (one tuple per distinct name)."""

    names: tuple
    spellings: tuple     # each name's terms: what a query must say to be widened
    alternatives: tuple  # what it is widened to: the spellings that are no superset of another

    def to_json(self) -> dict:
        return {"names": list(self.names), "spellings": [list(s) for s in self.spellings],
                "terms": [list(a) for a in self.alternatives]}


def name_group(names) -> NameGroup | None:
    """The group of one entity's names, or None when they all analyse to the same terms (nothing to widen)."""
    shown, found = [], []
    for name in dict.fromkeys(names):
        analysed = tuple(terms(name))
        if analysed and analysed not in found:
            found.append(analysed)
            shown.append(name)
    # An alternative holding every term of another adds no entry the shorter one misses.
    kept = tuple(a for a in found if not any(b != a and set(b) <= set(a) for b in found))
    return NameGroup(tuple(shown), tuple(found), kept) if len(found) > 1 else None


def name_groups(registries) -> list:
    """The NameGroups of every person, place and organisation, in registry order."""
    groups = []
    for kind in SPELLING_KINDS:
        for entity in getattr(registries, kind).entities.values():
            group = name_group([entity.name, *entity.aliases])
            if group is not None:
                groups.append(group)
    return groups


class AliasTable:
    """Name terms -> the groups they spell; looked up by a name's first term."""

    def __init__(self, groups: list):
        self.groups = list(groups)
        self.starting: dict = {}  # first term -> [(name terms, group number), …], longest first
        for number, group in enumerate(self.groups):
            for spelling in group.spellings:
                self.starting.setdefault(spelling[0], []).append((spelling, number))
        for entries in self.starting.values():
            entries.sort(key=lambda item: (-len(item[0]), item[1]))

    def names_starting(self, term: str) -> list:
        """[(name terms, NameGroup), …] of the names whose first term is ``term``, longest first."""
        return [(name, self.groups[number]) for name, number in self.starting.get(term, [])]

    def to_json(self) -> dict:
        return {"groups": [group.to_json() for group in self.groups]}

    @classmethod
    def from_json(cls, data: dict) -> "AliasTable":
        return cls([NameGroup(tuple(g["names"]), tuple(tuple(s) for s in g["spellings"]),
                              tuple(tuple(a) for a in g["terms"])) for g in data.get("groups", [])])


def save_aliases(index_path: Path, groups: list) -> None:
    """Write the table next to the index (every update: registries change without entries changing)."""
    data = json.dumps(AliasTable(groups).to_json(), ensure_ascii=False, sort_keys=True)
    target = Path(index_path) / ALIASES_FILE
    if not target.is_file() or target.read_text(encoding="utf-8") != data:
        temporary = target.with_suffix(".tmp")
        temporary.write_text(data, encoding="utf-8")
        temporary.replace(target)


def load_aliases(index_path: Path) -> AliasTable:
    """The table kept with the index; an empty one for an index written before there were tables."""
    try:
        return AliasTable.from_json(json.loads((Path(index_path) / ALIASES_FILE).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return AliasTable([])
