"""Everything dated and placed in a report: incidents, claims and the places they happen at.

This ties the readers together for draft.py: the place finder (registry and
gazetteer), the claims finder, the events finder, and the report's own date
and dateline to resolve "on Sunday" against. Claim sentences are read once,
as claims, and give no figures to the incidents.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .claims import find_claims
from .events import find_events, kind_of
from .entities import NOT_NAMES
from .figures import figures_in
from .place_names import PLACE_PREPOSITIONS, NamedPlace, PlaceFinder, event_place
from .sentences import sentence_spans
from .when import resolve

CLAIM_EVENT_KINDS = ("claim", "statement")  # the first the archive has is used for proposed claims
ALLEGED = re.compile(r"\b(?:allegedly|reportedly claimed)\b", re.IGNORECASE)
NATIONALITY = re.compile(r"(?:ian|ean|ese|ish)$")  # "in Russian attacks": an adjective, not a place
SINGLE_NAME = re.compile(r"(?<![\w’'-])([A-ZА-ЯІЇЄҐ][a-zа-яіїєґ’'-]{2,})(?![\w’'-])")


@dataclass
class Findings:
    """What draft.py proposes from the text beyond the entities it names."""

    events: list = field(default_factory=list)  # ProposedEvent
    claim_events: list = field(default_factory=list)  # front-matter dicts
    places: list = field(default_factory=list)  # place ids named where a place is expected
    proposals: dict = field(default_factory=dict)  # id -> (GazetteerPlace, as the text wrote it)
    unknown_places: list = field(default_factory=list)


def read_incidents(paragraphs, mentions, registries, reference: dt.date | None, dateline_place: str,
                   notes: list) -> Findings:
    """Events, claim events and places of a report; guesses go to ``notes``."""
    findings = Findings()
    finder = PlaceFinder(registries, findings.proposals)
    default = _dateline_place(dateline_place, finder, registries)
    claims, claim_notes = find_claims(paragraphs, mentions)
    notes.extend(claim_notes)
    skip = {(claim.paragraph, claim.start) for claim in claims}
    for index, paragraph in enumerate(paragraphs):
        skip.update((index, start) for start, end in sentence_spans(paragraph) if ALLEGED.search(paragraph[start:end]))
    findings.events = find_events(list(zip(paragraphs, mentions)), finder, reference, registries, default, skip, notes)
    findings.places = _places(paragraphs, mentions, finder, findings)
    kind = next((registries.event_kinds.resolve(k) for k in CLAIM_EVENT_KINDS if registries.event_kinds.resolve(k)),
                None)
    for claim in claims:
        event = _claim_event(claim, paragraphs, mentions, finder, findings, default, kind, reference, registries,
                             notes)
        if event:
            findings.claim_events.append(event)
    return findings


def _dateline_place(name: str, finder: PlaceFinder, registries) -> NamedPlace | None:
    if not name:
        return None
    shown = name.title() if name.isupper() else name
    known = registries.places.resolve(shown)
    if known:
        return NamedPlace(known, 0, 3)
    return event_place(finder.places(shown, [], incident=True))


def _shifted(mentions, start, end):
    return [type(m)(m.kind, m.id, m.start - start, m.end - start) for m in mentions if start <= m.start < end]


def _places(paragraphs, mentions, finder, findings) -> list[str]:
    """Places named where a place is expected, registry or gazetteer, in text order."""
    found = []
    for paragraph, paragraph_mentions in zip(paragraphs, mentions):
        for start, end in sentence_spans(paragraph):
            sentence = paragraph[start:end]
            incident = kind_of(sentence, figures_in(sentence)) is not None
            named = finder.places(sentence, _shifted(paragraph_mentions, start, end), incident)
            found.extend(place.id for place in named)
            known = {place.seen_as for place in named}
            for match in SINGLE_NAME.finditer(sentence):
                before = sentence[:match.start()].split()
                if before and before[-1].lower() in PLACE_PREPOSITIONS and match.group(1) not in known \
                        and match.group(1).lower() not in NOT_NAMES and not NATIONALITY.search(match.group(1)) \
                        and not any(m.start <= match.start() < m.end for m in _shifted(paragraph_mentions, start, end)) \
                        and match.group(1) not in findings.unknown_places and not named:
                    findings.unknown_places.append(match.group(1))
    for event in findings.events:
        found.append(event.place)
    return list(dict.fromkeys(found))


def _claim_event(claim, paragraphs, mentions, finder, findings, default, kind, reference, registries, notes):
    """A claim as the archive files it: an event of kind 'claim' at the place the claim is about."""
    if kind is None:
        notes.append("a claim was found, but content/data/event-kinds.yml has no 'claim' or 'statement' kind to "
                     "file it under; add one and import again")
        return None
    sentence = claim.says
    place = event_place(finder.places(sentence, _shifted(mentions[claim.paragraph], claim.start,
                                                         claim.start + len(sentence)), incident=True))
    before = [event for event in findings.events if event.at <= (claim.paragraph, claim.start)]
    told = before[-1] if before else (findings.events[0] if findings.events else None)
    place_id = place.id if place else (told.place if told else default.id if default else
                                       (findings.places or [None])[0])
    if place_id is None:
        notes.append(f"a claim by {claim.by} was found, but no place is named to hold its event: "
                     f"\"{sentence[:80]}…\"")
        return None
    resolved = resolve(sentence, reference)
    day = resolved.day.isoformat() if resolved else (reference.isoformat() if reference else "")
    if not day:
        return None
    name = registries.by_kind[claim.by_kind][claim.by].name
    status = {"unverified": "not verified by any independent source", "disputed": "rejected by another party",
              "false": "shown to be false"}.get(claim.status, claim.status)
    if place_id not in findings.places:
        findings.places.append(place_id)
    return {"date": day, "date_guessed": resolved is None, "place": place_id, "kind": kind,
            "summary": f"A claim made by {name}, {status}.", claim.by_kind: [claim.by],
            "claims": [{key: value for key, value in {"by": claim.by, "says": claim.says, "status": claim.status,
                                                      "note": claim.note}.items() if value}]}
