"""Registries: the people, places and other entities an entry may name.

Each registry is a YAML list in ``content/data/<kind>.yml``. An entity has an
id (used in URLs, so it never changes), a display name, aliases (other
spellings and scripts) and a few facts. Front matter may use any alias; the
reader stores the id.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import Problem, did_you_mean
from .frontmatter import _Loader, decode

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Entity(BaseModel):
    """Fields every registry entry shares."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=ID_PATTERN, description="Lower-case words joined by hyphens; appears in URLs.")
    name: str = Field(min_length=1, description="Display name.")
    aliases: tuple[str, ...] = Field(default=(), description="Other spellings and scripts that resolve to this id.")
    description: Optional[str] = None
    url: Optional[str] = Field(default=None, description="An authoritative page about the entity.")


class Person(Entity):
    role: Optional[str] = Field(default=None, description="Office or role, e.g. 'President of Ukraine'.")
    organisation: Optional[str] = None
    country: Optional[str] = None


class Place(Entity):
    kind: str = Field(default="city", description="city, town, region, country, …")
    region: Optional[str] = Field(default=None, description="Oblast, province or state.")
    country: Optional[str] = None
    lat: Optional[float] = Field(default=None, ge=-90, le=90)
    lon: Optional[float] = Field(default=None, ge=-180, le=180)


class Organisation(Entity):
    kind: Optional[str] = None
    country: Optional[str] = None


class Section(Entity):
    pass


class Topic(Entity):
    pass


class EventKind(Entity):
    pass


class Story(Entity):
    pass


# kind -> (file stem, model, plural URL segment, singular label)
KINDS = {
    "people": ("people", Person, "person"),
    "places": ("places", Place, "place"),
    "organisations": ("organisations", Organisation, "organisation"),
    "sections": ("sections", Section, "section"),
    "topics": ("topics", Topic, "topic"),
    "event_kinds": ("event-kinds", EventKind, "event kind"),
    "stories": ("stories", Story, "story"),
}


def normalise(name: str) -> str:
    """Fold a name so spellings that differ only in case, accents or punctuation meet."""
    text = unicodedata.normalize("NFKD", str(name)).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[’'`ʼ]", "", text)
    return re.sub(r"[\s\-_.]+", " ", text).strip()


@dataclass
class Registry:
    """One kind of entity, looked up by id or alias."""

    kind: str
    path: str
    entities: dict = field(default_factory=dict)  # id -> Entity
    _names: dict = field(default_factory=dict)  # normalised name -> id

    def add(self, entity: Entity, line: int) -> None:
        if entity.id in self.entities:
            raise Problem(self.path, line, f"the id '{entity.id}' is used twice", "give each entry its own id")
        self.entities[entity.id] = entity
        for name in (entity.id, entity.name, *entity.aliases):
            key = normalise(name)
            other = self._names.get(key)
            if other and other != entity.id:
                raise Problem(self.path, line, f"the name '{name}' of '{entity.id}' also names '{other}'",
                              "an alias must point to one entity only; remove it from one of them")
            self._names[key] = entity.id

    def resolve(self, name) -> Optional[str]:
        """The id an id or alias stands for, or None."""
        return self._names.get(normalise(name))

    def suggest(self, name) -> str:
        folded = {normalise(n): entity_id for n, entity_id in self._names.items()}
        hint = did_you_mean(normalise(name), folded)
        if hint:
            guess = folded[hint.split("'")[1]]
            return f"did you mean '{guess}'?"
        return ""

    def __getitem__(self, entity_id):
        return self.entities[entity_id]

    def __iter__(self):
        return iter(self.entities.values())

    def __len__(self):
        return len(self.entities)


@dataclass
class Registries:
    """All registries of an archive, loaded from its data folder."""

    by_kind: dict

    def __getattr__(self, kind):
        try:
            return self.__dict__["by_kind"][kind]
        except KeyError:
            raise AttributeError(kind) from None


def load_registries(data_dir) -> Registries:
    """Read every registry file; raise EntryErrors-compatible Problems on bad data."""
    from .errors import EntryErrors

    data_dir = Path(data_dir)
    problems, by_kind = [], {}
    for kind, (stem, model, _label) in KINDS.items():
        path = data_dir / f"{stem}.yml"
        registry = Registry(kind, str(path))
        by_kind[kind] = registry
        if not path.exists():
            continue
        try:
            _load_one(path, model, registry, problems)
        except Problem as problem:
            problems.append(problem)
    if problems:
        raise EntryErrors(problems)
    return Registries(by_kind)


def _load_one(path: Path, model, registry: Registry, problems: list) -> None:
    import yaml

    text = decode(path.read_bytes(), str(path))
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        items = loader.construct_document(root) if root is not None else []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise Problem(str(path), (mark.line + 1) if mark else 1, f"YAML syntax error: {getattr(exc, 'problem', exc)}",
                      "check the indentation") from None
    finally:
        loader.dispose()
    if not isinstance(items, list):
        raise Problem(str(path), 1, "a registry must be a YAML list of entries", "start each entry with '- id: …'")
    for node, item in zip(root.value if root is not None else [], items):
        line = node.start_mark.line + 1
        try:
            entity = model.model_validate(item)
        except ValidationError as exc:
            for err in exc.errors():
                where = ".".join(str(p) for p in err["loc"]) or "entry"
                problems.append(Problem(str(path), line, f"{where}: {err['msg']}",
                                        "see the registry fields in docs/front-matter.md"))
            continue
        try:
            registry.add(entity, line)
        except Problem as problem:
            problems.append(problem)
