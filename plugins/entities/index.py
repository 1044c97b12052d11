"""Which entries name which entity: the pure part of the entity pages."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class EntityPage:
    """One person, place, topic… with the entries that name it, newest first."""

    kind: str
    entity: object
    articles: list = field(default_factory=list)

    @property
    def id(self):
        return self.entity.id


def mentions(entry) -> dict:
    """kind -> ids an entry names, in its front matter or in its events and claims."""
    found = defaultdict(dict)  # dicts keep first-seen order without duplicates
    found["sections"][entry.section] = True
    for kind in ("topics", "people", "places", "organisations"):
        for entity_id in getattr(entry, kind):
            found[kind][entity_id] = True
    if entry.story:
        found["stories"][entry.story] = True
    for event in entry.events:
        found["places"][event.place] = True
        for person in event.people:
            found["people"][person] = True
        for organisation in event.organisations:
            found["organisations"][organisation] = True
        for claim in event.claims:
            found["claimants"][claim.by] = True
    return {kind: list(ids) for kind, ids in found.items()}


def _kind_of_claimant(entity_id, registries) -> str:
    return "people" if entity_id in registries.people.entities else "organisations"


def build_index(articles, registries, kinds) -> dict:
    """kind -> {id: EntityPage}, for entities named by at least one article."""
    pages = {kind: {} for kind in kinds}
    for article in sorted(articles, key=lambda a: (a.date, a.slug), reverse=True):
        for kind, ids in mentions(article.entry).items():
            for entity_id in ids:
                kind_here = _kind_of_claimant(entity_id, registries) if kind == "claimants" else kind
                if kind_here not in pages:
                    continue
                page = pages[kind_here].setdefault(
                    entity_id, EntityPage(kind_here, registries.by_kind[kind_here][entity_id]))
                if not page.articles or page.articles[-1] is not article:
                    page.articles.append(article)
    return {kind: dict(sorted(by_id.items(), key=lambda item: item[1].entity.name.casefold()))
            for kind, by_id in pages.items()}
