"""Incidents reported in a text, as proposed events with their date, place, kind and figures.

A report is read sentence by sentence. A sentence that names a kind of attack
("glide bombs", "drone", "обстріл") or gives casualty figures belongs to an
incident: a new one when it names a new place or a different kind of attack,
else the one being told. Figures are taken in the order of the text, so a
later figure for the same incident ("the death toll rose to 18") replaces an
earlier one, and each keeps the sentence it came from for the editor to check.
Claims are read elsewhere (claims.py); their sentences give no figures here,
so "allegedly killing 85" is never a casualty count.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .figures import figures_in
from .place_names import event_place
from .sentences import sentence_spans
from .when import resolve

# kind id -> words that name it; the first kind whose words match wins, so the list runs specific to general.
KIND_WORDS = [
    ("meeting", r"\b(?:met|convened|held talks|hosted talks)\b|(?<!\w)(?:зустрілися|провели переговори|"
                r"встретились|встретились|провели переговоры)"),
    ("strike", r"\b(?:glide bombs?|guided bombs?|aerial bombs?|air ?strikes?)\b|(?<!\w)(?:КАБ\w*|авіабомб\w*|"
               r"авиабомб\w*|авіаудар\w*|авиаудар\w*)"),
    ("missile-strike", r"\bmissiles?\b|(?<!\w)(?:ракет\w*)"),
    ("drone-attack", r"\b(?:drones?|UAVs?|Shaheds?|debris)\b|(?<!\w)(?:дрон\w*|безпілотн\w*|беспилотн\w*|шахед\w*|"
                     r"уламк\w*|обломк\w*)"),
    ("shelling", r"\b(?:shell(?:ed|ing|s)?|artillery|mortars?)\b|(?<!\w)(?:обстріл\w*|обстріля\w*|обстрел\w*|"
                 r"обстреля\w*|артилер\w*|артиллер\w*)"),
]
KINDS = [(kind, re.compile(words, re.IGNORECASE)) for kind, words in KIND_WORDS]
GENERIC_KIND = "strike"
AIR_DEFENCE = "air-defence"
NATIONWIDE = "ukraine"  # where air defence over the whole country is filed, if the registry has it


@dataclass
class ProposedEvent:
    """One incident the text reports."""

    kind: str
    place: str
    date: str = ""
    date_words: str = ""  # the words the date was read from; '' when it is the report's own date
    figures: dict = field(default_factory=dict)  # name -> value
    quotes: dict = field(default_factory=dict)  # name -> the sentence the figure came from
    sentences: list = field(default_factory=list)
    proposed_place: object = None  # a GazetteerPlace when the place is not in the registry yet
    at: tuple = (0, 0)  # (paragraph, offset) of its first sentence


def kind_of(sentence: str, figures) -> str | None:
    """The event kind a sentence names, or None."""
    if any(f.name == "drones_downed" for f in figures):
        return AIR_DEFENCE
    for kind, words in KINDS:
        if words.search(sentence):
            return kind
    return None


def find_events(units, finder, reference: dt.date | None, registries, default_place=None,
                skip=frozenset(), notes=None) -> list[ProposedEvent]:
    """Events from ``units``: (paragraph text, its registry mentions) pairs.

    ``skip`` holds (paragraph index, sentence start) of claim sentences; a
    place named in the dateline is ``default_place`` (a NamedPlace).
    """
    events, current = [], None
    for index, (paragraph, mentions) in enumerate(units):
        for start, end in sentence_spans(paragraph):
            if (index, start) in skip:
                continue
            sentence = paragraph[start:end]
            figures = figures_in(sentence)
            kind = kind_of(sentence, figures)
            if kind is None and not figures:
                continue
            local = [m for m in mentions if start <= m.start < end]
            shifted = [type(m)(m.kind, m.id, m.start - start, m.end - start) for m in local]
            place = event_place(finder.places(sentence, shifted, incident=True))
            if _starts_new(current, kind, place):
                current = _new_event(kind, place, default_place, registries, current)
                if current is None:
                    if figures and notes is not None:
                        notes.append(f"an incident with figures names no place the registries or GeoNames know, "
                                     f"so no event was proposed: \"{sentence[:120]}\" — add the place and import again")
                    continue
                current.at = (index, start)
                events.append(current)
            _add(current, sentence, figures, reference)
    for event in events:
        if not event.date and reference is not None:
            event.date = reference.isoformat()
    return [event for event in events if event.date and (event.figures or event.date_words
                                                         or event.kind == "meeting")]


def _starts_new(current, kind, place) -> bool:
    if current is None:
        return True
    if place is not None and place.id != current.place and place.specificity >= 2:
        return True
    return kind is not None and kind not in (GENERIC_KIND, current.kind) and not (
        current.kind == GENERIC_KIND and kind == "missile-strike")


def _new_event(kind, place, default_place, registries, current) -> ProposedEvent | None:
    kind = kind or (current.kind if current else GENERIC_KIND)
    if place is None and kind == AIR_DEFENCE and registries.places.resolve(NATIONWIDE):
        place_id, proposed = registries.places.resolve(NATIONWIDE), None
    elif place is not None:
        place_id, proposed = place.id, place.proposed
    elif current is not None:
        place_id, proposed = current.place, current.proposed_place
    elif default_place is not None:
        place_id, proposed = default_place.id, default_place.proposed
    else:
        return None
    if not registries.event_kinds.resolve(kind):
        kind = registries.event_kinds.resolve(GENERIC_KIND) or kind
    return ProposedEvent(kind=registries.event_kinds.resolve(kind) or kind, place=place_id,
                         proposed_place=proposed)


def _add(event: ProposedEvent, sentence: str, figures, reference) -> None:
    event.sentences.append(sentence)
    if not event.date_words:
        resolved = resolve(sentence, reference)
        if resolved is not None:
            event.date, event.date_words = resolved.day.isoformat(), resolved.words
    for figure in figures:
        if figure.name.startswith("drones") and event.kind != AIR_DEFENCE:
            continue
        event.figures[figure.name] = figure.value
        event.quotes[figure.name] = sentence
