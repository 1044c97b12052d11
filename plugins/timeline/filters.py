"""What a timeline page can be filtered by: kind, place and person.

The page carries each event's values in data-* attributes and the choices in
<select> elements rendered at build time; timeline.js shows and hides events,
and recounts each choice for the current combination (hiding those that would
leave nothing). The counts written here are the page's, for no filter.
Without JavaScript the filter form stays hidden and every event is listed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# The query-string name of each filter (?kind=…&place=…&person=…) and its label.
FILTERS = (("kind", "Kind of event", "All kinds"), ("place", "Place", "All places"),
           ("person", "Person", "All people"))


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    count: int


@dataclass
class Filter:
    name: str
    label: str
    everything: str  # the label of the empty choice
    choices: list = field(default_factory=list)


def people_of(event, registries) -> list[str]:
    """People an event involves: those it names and those whose claims it carries."""
    claimants = [c for c in event.claimants if c in registries.people.entities]
    return list(dict.fromkeys([*event.people, *claimants]))


def filter_values(event, registries) -> dict:
    """filter name -> the ids the event matches (a person filter may match several)."""
    return {"kind": [event.kind], "place": [event.place], "person": people_of(event, registries)}


def filter_options(events, registries) -> list[Filter]:
    """The choices each filter offers on a page: only values that occur there, by name."""
    registry_of = {"kind": registries.event_kinds, "place": registries.places, "person": registries.people}
    filters = []
    for name, label, everything in FILTERS:
        counts = Counter(value for event in events for value in filter_values(event, registries)[name])
        names = {value: registry_of[name][value].name for value in counts}
        choices = [Choice(value, names[value], counts[value])
                   for value in sorted(counts, key=lambda v: (names[v].casefold(), v))]
        filters.append(Filter(name, label, everything, choices))
    return filters
