"""Published entries → one sorted list of timeline events: the pure core of the timeline.

Every page, entity timeline and export is made from this list, so they all
agree on which events exist, what they are called and in which order they come.
Dates stay PartialDates as written: no time zone arithmetic ever moves an event
to another day.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Optional

from plugins.entries.dates import PartialDate
from plugins.entries.errors import EntryErrors, Problem


class DuplicateEventId(EntryErrors):
    """Two events would share an id; exports and anchors need each to be unique."""


@dataclass(frozen=True)
class TimelineEvent:
    """One event of one published entry, with what every timeline view needs."""

    id: str                      # "<article slug>--<event anchor>": stable, unique in the archive
    anchor: str                  # the event's id on its article page ("event-1" or its own id)
    index: int                   # position in the entry's events list
    slug: str
    source_path: str             # the entry file, for error messages
    article_url: str             # site-relative, e.g. "2025/04/06/slug/"
    article_title: str           # raw text (templates escape it)
    article_date: dt.datetime
    date: PartialDate
    end: Optional[PartialDate]
    place: str
    kind: str
    summary: str
    people: tuple = ()
    organisations: tuple = ()
    casualties: object = None    # plugins.entries.model.Casualties or None
    claims: tuple = ()           # plugins.entries.model.Claim
    source_urls: tuple = ()
    sources: tuple = ()          # the entry's Source objects: figures and claims cite them by id or position
    section: str = ""
    topics: tuple = ()
    story: Optional[str] = None
    claimants: tuple = field(default=(), repr=False)

    @property
    def precision(self) -> str:
        return self.date.precision

    @property
    def link(self) -> str:
        """Site-relative address of the event on its article page."""
        return f"{self.article_url}#{self.anchor}"

    def count(self, name: str) -> int:
        """A casualty figure's best estimate as a number, 0 when not reported (for sums, never for display)."""
        value = self.casualties.value(name) if self.casualties is not None else None
        return value or 0


def sort_key(event: TimelineEvent) -> tuple:
    """Reading order, deterministic: events of one day never swap places between builds.

    What is known comes first: the dated events of a month, then the events
    known only to that month ("April 2025, day not known"), and a year's months
    before its events known only to the year. A follow-up reported in a later
    entry therefore never comes before the event it follows. Within a day,
    times compare as written (local to the event, never converted), then the
    entry's date and slug, then the order within the entry.
    """
    date = event.date
    return (date.year, date.month or 13, date.day or 32, _seconds(date.time),
            event.article_date, event.slug, event.index)


def _seconds(time: str) -> int:
    if not time:
        return 0
    parts = [int(part) for part in time.split(":")]
    return parts[0] * 3600 + parts[1] * 60 + (parts[2] if len(parts) > 2 else 0)


def events_of(article) -> list[TimelineEvent]:
    """The timeline events of one published Pelican article (``article.entry`` is its Entry)."""
    entry = article.entry
    sources = tuple(source.url for source in entry.sources)
    found = []
    for index, event in enumerate(entry.events):
        anchor = entry.event_id(index)
        found.append(TimelineEvent(
            id=f"{article.slug}--{anchor}", anchor=anchor, index=index, slug=article.slug,
            source_path=str(article.source_path), article_url=article.url, article_title=entry.title,
            article_date=article.date,
            date=event.date, end=event.end, place=event.place, kind=event.kind, summary=event.summary,
            people=tuple(event.people), organisations=tuple(event.organisations),
            casualties=event.casualties, claims=tuple(event.claims), source_urls=sources,
            sources=tuple(entry.sources),
            section=entry.section, topics=tuple(entry.topics), story=entry.story,
            claimants=tuple(dict.fromkeys(claim.by for claim in event.claims)),
        ))
    return found


def collect_events(articles) -> list[TimelineEvent]:
    """Every event of every published article, in timeline order."""
    return sorted((event for article in articles for event in events_of(article)), key=sort_key)


def check_unique_ids(events) -> None:
    """Fail when two events share an id (two entries with one slug), naming both files and the fix.

    Called when writing, not when gathering: two entries that share a URL as well
    are reported first, with the entries plugin's own message.
    """
    first_with, problems = {}, {}
    for event in events:
        first = first_with.setdefault(event.id, event)
        if first.source_path != event.source_path:
            problems[event.source_path, first.source_path] = Problem(
                os.path.relpath(event.source_path), 1,
                f"its events would get the same timeline ids as those of {os.path.relpath(first.source_path)} "
                f"(both entries have the slug '{event.slug}', e.g. '{event.id}')",
                "rename one of the two files: the file name is the slug, and event ids are '<slug>--<anchor>'")
    if problems:
        raise DuplicateEventId(list(problems.values()))


def involved(event: TimelineEvent, registries) -> dict:
    """kind -> ids of the entities an event involves, for the entity pages' timelines.

    People and organisations count when the event names them or one of its
    claims is theirs; sections, topics and stories come from the entry.
    """
    people = list(event.people) + [c for c in event.claimants if c in registries.people.entities]
    organisations = list(event.organisations) + [c for c in event.claimants if c not in registries.people.entities]
    return {
        "places": [event.place],
        "people": list(dict.fromkeys(people)),
        "organisations": list(dict.fromkeys(organisations)),
        "sections": [event.section] if event.section else [],
        "topics": list(event.topics),
        "stories": [event.story] if event.story else [],
    }


def entity_timelines(events, registries, kinds) -> dict:
    """kind -> {id: [TimelineEvent, …]} in timeline order, for entities that have events."""
    timelines = {kind: {} for kind in kinds}
    for event in events:
        for kind, ids in involved(event, registries).items():
            if kind not in timelines:
                continue
            for entity_id in ids:
                timelines[kind].setdefault(entity_id, []).append(event)
    return timelines
