"""A claim appears once per timeline: the same claim carried by two events is shown with the first.

Editors record a party's claim twice as a matter of course: with the event it
is about (the strike, and what Moscow said of it) and as an event of its own
in the entry that reports the claim (kind ``claim``). Listed together on one
timeline the reader would read the same assertion twice. The claim stays
with the event that comes first in reading order; the later event says where
it is instead of repeating it.

Two claims are taken to be the same when they are made by the same party,
about the same place, one of the two events is a ``claim`` event, and its
period covers the other event's start date ("April 2025" covers 4 April).
"""

from __future__ import annotations

from dataclasses import dataclass, field

CLAIM_KIND = "claim"


@dataclass(frozen=True)
class ClaimElsewhere:
    """A claim not repeated on an event row: who makes it, and the event row that shows it."""

    by: str
    shown_with: object  # the TimelineEvent that carries the claim in full


@dataclass
class ClaimRepeats:
    """The claims an event row shows in full, and those it points to instead."""

    shown: list = field(default_factory=list)
    elsewhere: list = field(default_factory=list)


def covers(outer, inner) -> bool:
    """True when the date ``outer`` (at its own precision) includes the start of ``inner``."""
    parts = [(outer.year, inner.date.year)]
    if outer.month:
        parts.append((outer.month, inner.date.month))
    if outer.day:
        parts.append((outer.day, inner.date.day))
    return all(a == b for a, b in parts)


def _same_claim(first, later) -> bool:
    """Whether ``later`` repeats a claim of ``first`` (same party and place already matched)."""
    if later.kind == CLAIM_KIND:
        return covers(later.date, first)
    return first.kind == CLAIM_KIND and covers(first.date, later)


def claim_repeats(events) -> dict:
    """event id -> ClaimRepeats, for the events (in reading order) whose claims were already shown.

    Earlier events are looked up by (place, party), so a year page of
    thousands of events stays linear rather than comparing every pair.
    """
    repeats, carried = {}, {}
    for event in events:
        record = ClaimRepeats()
        for claim in event.claims:
            earlier = carried.get((event.place, claim.by), [])
            first = next((other for other in earlier if _same_claim(other, event)), None)
            if first is None:
                record.shown.append(claim)
            else:
                record.elsewhere.append(ClaimElsewhere(claim.by, first))
        for claim in event.claims:
            party = carried.setdefault((event.place, claim.by), [])
            if not party or party[-1] is not event:
                party.append(event)
        if record.elsewhere:
            repeats[event.id] = record
    return repeats
