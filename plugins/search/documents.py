"""What the index holds for one entry: a plain record built from a published article.

The body is the text of the *rendered* HTML (so post cards and Markdown
extensions read as readers see them), plus the entry's event summaries and
claims, which the article page shows too. Entity names and aliases go into
their own field so "Zelensky" finds an entry that only says "Zelenskyy". The
places where the entry's events happened go into ``where``, once more for each
doubling of the people harmed there: an entry reporting a strike on a place is
about that place more than one tagged with it, and ranks so (docs/search.md).
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import math
from dataclasses import asdict, dataclass, field
from functools import cached_property

from plugins.contract import ENTITY_KINDS
from plugins.entries.templating import human_date
from plugins.entries.text import html_to_text

EPOCH = dt.date(1970, 1, 1)
# Entity kinds whose names and aliases are indexed in the ``names`` field.
NAMED_KINDS = ENTITY_KINDS


@dataclass(frozen=True)
class SearchDocument:
    """One published entry, as the index and the static search files see it."""

    url: str
    title: str
    summary: str
    body: str
    names: str
    section: str
    section_name: str
    topics: list = field(default_factory=list)
    people: list = field(default_factory=list)
    places: list = field(default_factory=list)
    published: int = 0          # seconds since 1970 (UTC): the "newest" order
    date: str = ""              # "6 April 2025", as shown in results
    spans: list = field(default_factory=list)  # [first_day, last_day] pairs, days since 1970
    where: str = ""             # the places of the entry's events, weighted (event_places)

    @cached_property
    def content_hash(self) -> str:
        """Changes whenever anything the index stores for this entry changes.

        Worked out once: a document is made for one build and never changed (make a new one instead).
        """
        data = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()


def day_number(day: dt.date) -> int:
    return (day - EPOCH).days


def last_day(date) -> dt.date:
    """The last calendar day a PartialDate covers: 31 December for a year, the month's end for a month."""
    if not date.month:
        return dt.date(date.year, 12, 31)
    if not date.day:
        return dt.date(date.year, date.month, calendar.monthrange(date.year, date.month)[1])
    return dt.date(date.year, date.month, date.day)


def entry_spans(entry, published: dt.date) -> list:
    """The days an entry is about: its publication day and each event's span, deduplicated, in order."""
    spans = [[day_number(published), day_number(published)]]
    for event in entry.events:
        span = [day_number(event.date.first_day()), day_number(last_day(event.end or event.date))]
        if span not in spans:
            spans.append(span)
    return sorted(spans)


def entity_ids(entry) -> dict:
    """Ids of every entity the entry names, by registry kind: the entry's own lists and its events'."""
    ids = {"sections": [entry.section], "topics": list(entry.topics), "people": list(entry.people),
           "places": list(entry.places), "organisations": list(entry.organisations),
           "stories": [entry.story] if entry.story else []}
    for event in entry.events:
        ids["places"].append(event.place)
        ids["people"].extend(event.people)
        ids["organisations"].extend(event.organisations)
    return {kind: list(dict.fromkeys(values)) for kind, values in ids.items()}


def entity_names(ids: dict, registries) -> str:
    """Display names and aliases of the named entities, one per line."""
    names = []
    for kind in NAMED_KINDS:
        registry = getattr(registries, kind)
        for entity_id in ids.get(kind, []):
            if entity_id in registry.entities:
                entity = registry[entity_id]
                names.extend([entity.name, *entity.aliases])
    return "\n".join(dict.fromkeys(names))


def event_weight(event) -> int:
    """How often an event's place is named in ``where``: once, plus once per doubling of the people harmed."""
    casualties = event.casualties
    harmed = sum(casualties.value(n) or 0 for n in ("killed", "injured")) if casualties else 0
    return 1 + int(math.log2(1 + harmed))


def event_places(entry, registries) -> str:
    """The display name of each event's place, ``event_weight`` times, one per line."""
    places = registries.places
    lines = []
    for event in entry.events:
        if event.place in places.entities:
            lines.extend([places[event.place].name] * event_weight(event))
    return "\n".join(lines)


def events_text(entry) -> str:
    """Event summaries and the claims made about them, as the article page lists them."""
    lines = []
    for event in entry.events:
        lines.append(event.summary)
        lines.extend(claim.says for claim in event.claims)
    return "\n".join(lines)


def document_for(article, registries) -> SearchDocument:
    """The search record of one published Pelican article (``article.entry`` is its validated Entry)."""
    entry = article.entry
    ids = entity_ids(entry)
    text = getattr(article, "plain_text", None)  # worked out by the reader, and cached with the entry
    if text is None:
        text = html_to_text(article.content)
    body = "\n".join(part for part in (text, events_text(entry)) if part)
    section = registries.sections.entities.get(entry.section)
    return SearchDocument(
        url=article.url,
        title=entry.title,
        summary=entry.summary,
        body=body,
        names=entity_names(ids, registries),
        section=entry.section,
        section_name=section.name if section else entry.section,
        topics=ids["topics"],
        people=ids["people"],
        places=ids["places"],
        published=int(article.date.timestamp()),
        date=human_date(article.date),
        spans=entry_spans(entry, article.date.date()),
        where=event_places(entry, registries),
    )
