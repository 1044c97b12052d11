"""Timeline events → years, months and days, and the "on this day" calendar.

Pure functions over the sorted list from ``events.collect_events``. An event
is filed under its start date at its own precision: a month-only event sits in
a group of its own after the dated events of its month ("April 2025, day not
known") and a year-only event after the months of its year page, never under
the 1st: what is known to the day is read first. A range is
filed under the day it starts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby
from typing import Optional

from plugins.entries.dates import MONTH_NAMES

from .claims import claim_repeats
from .labels import day_heading
from .maps import EventMap, event_map


@dataclass
class EventGroup:
    """Events sharing a day, or, for imprecise dates, only a month or a year."""

    key: str        # "2025-04-04", "2025-04" or "2025": the date as far as it is known
    precision: str  # "day", "month" or "year"
    heading: str
    events: list = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"d-{self.key}"


@dataclass
class TimelineMonth:
    """One month page: its events grouped by day, then the month-only events."""

    year: int
    month: int
    groups: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def url(self) -> str:
        return f"timeline/{self.year:04d}/{self.month:02d}/"

    @property
    def events(self) -> list:
        return [event for group in self.groups for event in group.events]

    @property
    def count(self) -> int:
        return sum(len(group.events) for group in self.groups)


@dataclass
class TimelineYear:
    """One year page: its months, then the events known only to the year."""

    year: int
    undated: Optional[EventGroup] = None
    months: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(self.year)

    @property
    def url(self) -> str:
        return f"timeline/{self.year:04d}/"

    @property
    def events(self) -> list:
        return [e for month in self.months for e in month.events] + (self.undated.events if self.undated else [])

    @property
    def count(self) -> int:
        return len(self.events)


@dataclass
class Timeline:
    """The whole archive's events by year and month."""

    events: list
    years: list

    @property
    def months(self) -> list:
        return [month for year in self.years for month in year.months]


class EventsNotFiled(RuntimeError):
    """The timeline pages would not show every published event: a bug, never a content problem."""


def check_every_event_filed(timeline: Timeline) -> None:
    """Fail the build unless each event is on exactly one page of its year: its month's, or the year's own.

    The pages are written from ``timeline.years``; this counts what they will
    show against the events gathered from the published entries.
    """
    shown = {}
    for year in timeline.years:
        placed = [(event, None) for event in (year.undated.events if year.undated else [])]
        placed += [(event, month.month) for month in year.months for event in month.events]
        for event, month in placed:
            if event.date.year != year.year or (event.date.month or None) != month:
                raise EventsNotFiled(f"timeline: event {event.id} is filed under {year.year}"
                                     f"{f'-{month:02d}' if month else ''} but dated {event.date.iso()}")
            shown[event.id] = shown.get(event.id, 0) + 1
    missing = [event.id for event in timeline.events if shown.get(event.id) != 1]
    if missing or len(shown) != len(timeline.events):
        raise EventsNotFiled(f"timeline: {len(missing)} of {len(timeline.events)} events would not appear exactly once "
                             f"on the timeline pages (first: {', '.join(missing[:5])}); please report this as a bug")


def group_key(event) -> tuple:
    """(key, precision) of the group an event is filed in."""
    date = event.date
    if date.precision in ("day", "time"):
        return f"{date.year:04d}-{date.month:02d}-{date.day:02d}", "day"
    if date.precision == "month":
        return f"{date.year:04d}-{date.month:02d}", "month"
    return f"{date.year:04d}", "year"


def group_heading(precision: str, date) -> str:
    """'Friday, 4 April 2025', 'April 2025, day not known' or '2025, month not known'."""
    if precision == "day":
        return day_heading(date)
    if precision == "month":
        return f"{MONTH_NAMES[date.month - 1]} {date.year}, day not known"
    return f"{date.year}, month not known"


def group_by_day(events) -> list[EventGroup]:
    """Consecutive events of one day (or one imprecise period) together, order kept."""
    groups = []
    for (key, precision), members in groupby(events, key=group_key):
        members = list(members)
        groups.append(EventGroup(key, precision, group_heading(precision, members[0].date), members))
    return groups


def group_by_month(events) -> list[EventGroup]:
    """Consecutive events of one month together ("April 2025"); year-only events under their year."""
    def month_of(event):
        date = event.date
        return (f"{date.year:04d}-{date.month:02d}", "month") if date.month else (f"{date.year:04d}", "year")

    groups = []
    for (key, precision), members in groupby(events, key=month_of):
        members = list(members)
        date = members[0].date
        heading = f"{MONTH_NAMES[date.month - 1]} {date.year}" if precision == "month" else \
            f"{date.year}, month not known"
        groups.append(EventGroup(key, precision, heading, members))
    return groups


@dataclass
class EntityTimeline:
    """The timeline of one entity page: its latest events by month, and how many it has in all.

    A busy place or topic can be in thousands of events; its page shows the
    latest ``ENTITY_TIMELINE_MAX_EVENTS`` so it stays light (the month links lead
    to the full timeline), and says how many there are.
    """

    total: int
    months: list = field(default_factory=list)
    claim_repeats: dict = field(default_factory=dict)  # event id -> ClaimRepeats (claims.py)
    event_map: Optional[EventMap] = None               # place and story pages only (maps.py)

    @property
    def shown(self) -> int:
        return sum(len(group.events) for group in self.months)


def entity_timeline(events, limit: int | None, places=None) -> EntityTimeline:
    """The latest ``limit`` of ``events`` (in timeline order), grouped by month; all when ``limit`` is None.

    With ``places`` (the places registry) it also carries the map of the events it shows.
    """
    latest = events[-limit:] if limit else events
    return EntityTimeline(len(events), group_by_month(latest), claim_repeats(latest),
                          event_map(latest, places) if places is not None else None)


def build_timeline(events) -> Timeline:
    """Years → months → day groups."""
    years = []
    for year, in_year in groupby(events, key=lambda e: e.date.year):
        in_year = list(in_year)
        undated = [e for e in in_year if e.date.precision == "year"]
        timeline_year = TimelineYear(year, group_by_day(undated)[0] if undated else None)
        dated = [e for e in in_year if e.date.precision != "year"]
        for month, in_month in groupby(dated, key=lambda e: e.date.month):
            timeline_year.months.append(TimelineMonth(year, month, group_by_day(in_month)))
        years.append(timeline_year)
    return Timeline(list(events), years)


@dataclass(frozen=True)
class PeriodLink:
    """Where a previous/next link goes; a small record, not the period itself, so a page
    depends only on its neighbours' names (the incremental writer digests what a page is given)."""

    label: str
    url: str


def neighbours(periods) -> list[tuple[Optional[PeriodLink], Optional[PeriodLink]]]:
    """(previous, next) for each period in order; None at either end."""
    links = [PeriodLink(period.label, period.url) for period in periods]
    return [(links[i - 1] if i else None, links[i + 1] if i + 1 < len(links) else None)
            for i in range(len(links))]


@dataclass
class CalendarDay:
    """A day of the year (any year) and the events that happened on it, oldest first."""

    month: int
    day: int
    events: list = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"on-{self.month:02d}-{self.day:02d}"

    @property
    def label(self) -> str:
        return f"{self.day} {MONTH_NAMES[self.month - 1]}"

    @property
    def years(self) -> list:
        return sorted({event.date.year for event in self.events})


@dataclass
class CalendarMonth:
    month: int
    days: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return MONTH_NAMES[self.month - 1]

    @property
    def anchor(self) -> str:
        return f"on-{self.month:02d}"


def on_this_day(events) -> list[CalendarMonth]:
    """Every day of the year with events known to the day, January to December.

    Only day- and time-precise events take part: a month-only event has no
    day to be remembered on. Ranges count on the day they start.
    """
    precise = [e for e in events if e.date.precision in ("day", "time")]
    by_day = sorted(precise, key=lambda e: (e.date.month, e.date.day))  # stable: years stay in order
    months = []
    for month, in_month in groupby(by_day, key=lambda e: e.date.month):
        calendar_month = CalendarMonth(month)
        for day, on_day in groupby(in_month, key=lambda e: e.date.day):
            calendar_month.days.append(CalendarDay(month, day, list(on_day)))
        months.append(calendar_month)
    return months
