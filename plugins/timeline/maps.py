"""Events → marks on the base map: one mark per place, its size the people killed and injured there.

A page's map summarises the events it lists, so it is made from the same
TimelineEvent list as the list below it, and its text alternative is that
summary as a list of places. Places carry ``lat``/``lon`` in
``content/data/places.yml``; a region (oblast) or a country is drawn at its
centre with its own mark style and says so; a place outside the frame
(Washington, Jeddah) or without coordinates is named under the map instead
of being drawn at a wrong spot.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .basemap import in_frame, project

# Mark radius in map units: MIN_RADIUS + RADIUS_PER_ROOT * sqrt(killed + injured), at most MAX_RADIUS,
# so a mark's area grows with the number of people harmed. timeline.js reads the same numbers from the SVG.
MIN_RADIUS, RADIUS_PER_ROOT, MAX_RADIUS = 4.0, 2.0, 30.0
AREA_KINDS = {"region": "region", "oblast": "region", "province": "region", "state": "region", "country": "country"}


# A region or country mark is never smaller than this: a dot would claim a precision the place does not have.
AREA_MIN_RADIUS = {"place": MIN_RADIUS, "region": 9.0, "country": 16.0}


def radius(harmed: int, scale: str = "place") -> float:
    size = min(MAX_RADIUS, MIN_RADIUS + RADIUS_PER_ROOT * math.sqrt(max(harmed, 0)))
    return round(max(size, AREA_MIN_RADIUS.get(scale, MIN_RADIUS)), 1)


def harmed(event) -> int:
    """People killed and injured in an event: the sizes of the marks (reported figures, best value)."""
    return event.count("killed") + event.count("injured")


@dataclass
class PlaceTally:
    """The events of a page at one place."""

    place: str
    name: str
    scale: str            # "place", "region" or "country": how precisely the mark locates the events
    events: int = 0
    killed: int = 0
    injured: int = 0

    @property
    def harmed(self) -> int:
        return self.killed + self.injured

    @property
    def summary(self) -> str:
        text = f"{self.name}: {self.events} event{'' if self.events == 1 else 's'}"
        if self.harmed:
            text += f", {self.killed} killed, {self.injured} injured"
        if self.scale != "place":
            text += f" (drawn at the {self.scale}, not at a town)"
        return text


@dataclass(frozen=True)
class Mark:
    tally: PlaceTally
    x: float
    y: float
    r: float


@dataclass
class EventMap:
    """What a page's map draws, and the places it cannot draw."""

    marks: list = field(default_factory=list)        # largest first, so small marks stay on top
    elsewhere: list = field(default_factory=list)    # PlaceTally outside the frame
    unplaced: list = field(default_factory=list)     # PlaceTally with no coordinates

    @property
    def description(self) -> str:
        """The map's text alternative in one sentence; the list under it gives each place."""
        if not self.marks:
            return "No event on this page happened inside the area of the map."
        events = sum(mark.tally.events for mark in self.marks)
        busiest = max(self.marks, key=lambda m: (m.tally.harmed, m.tally.events))
        text = (f"Map of Ukraine and its neighbours with {events} event{'' if events == 1 else 's'} "
                f"at {len(self.marks)} place{'' if len(self.marks) == 1 else 's'}, each mark sized by the people "
                f"killed and injured there.")
        if busiest.tally.harmed:
            text += f" Largest: {busiest.tally.summary}."
        return text


def scale_of(place) -> str:
    return AREA_KINDS.get((place.kind or "").casefold(), "place")


def tallies(events, places) -> list[PlaceTally]:
    """One tally per place, in the order the places first occur among the events."""
    found = {}
    for event in events:
        place = places[event.place]
        tally = found.setdefault(event.place, PlaceTally(event.place, place.name, scale_of(place)))
        tally.events += 1
        tally.killed += event.count("killed")
        tally.injured += event.count("injured")
    return list(found.values())


def event_map(events, places) -> EventMap:
    """The map of ``events`` (TimelineEvents) with ``places`` the places registry."""
    result = EventMap()
    for tally in tallies(events, places):
        place = places[tally.place]
        if place.lat is None or place.lon is None:
            result.unplaced.append(tally)
        elif not in_frame(place.lon, place.lat):
            result.elsewhere.append(tally)
        else:
            point = project(place.lon, place.lat)
            result.marks.append(Mark(tally, point.x, point.y, radius(tally.harmed, tally.scale)))
    result.marks.sort(key=lambda m: (-m.r, m.tally.name))
    return result
