"""The proposed events as front-matter text, with the editor's evidence beside each value.

A YAML dump cannot carry comments, and the comments are the point: each
figure is followed by the sentence it came from, and every value that is still
a guess (a date the text does not give, a place proposed from the gazetteer)
carries a ``# GUESS:`` comment. ``invoke check`` refuses a published entry that
still has one (plugins/entries/guesses.py), so a guess cannot be published by
flipping ``status``.
"""

from __future__ import annotations

import json

GUESS = "# GUESS:"
CASUALTY_FIELDS = ("killed", "injured", "children_killed", "children_injured", "missing")
QUOTE_MAX = 220


def _scalar(value) -> str:
    """A YAML scalar: JSON's double-quoted strings are valid YAML and need no escaping rules of our own."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


def _quote(sentence: str) -> str:
    text = " ".join(sentence.split())
    return _scalar(text if len(text) <= QUOTE_MAX else text[:QUOTE_MAX].rsplit(" ", 1)[0] + "…")


def render_events(events, claim_events, registries, proposals) -> str:
    """``events:`` with incidents first, then claims; '' when there are none."""
    if not events and not claim_events:
        return "events: []\n"
    lines = ["events:"]
    for event in events:
        lines.extend(_incident(event, registries, proposals))
    for event in claim_events:
        lines.extend(_claim(event, proposals))
    return "\n".join(lines) + "\n"


def place_name(place_id: str, registries, proposals) -> str:
    if place_id in proposals:
        return proposals[place_id][0].name
    return registries.places[place_id].name


def _date_lines(day: str, words: str, guessed: bool) -> list[str]:
    if guessed:
        return [f"  {GUESS} date — the text gives no day for this; {day} is the report's own date. "
                "Confirm it, then delete this line.", f"  - date: {day}"]
    return [f"  - date: {day}  # from {_scalar(words)}"] if words else [f"  - date: {day}"]


def _place_line(place_id: str, proposals) -> str:
    if place_id in proposals:
        place = proposals[place_id][0]
        return (f"    place: {place_id}  {GUESS} proposed from GeoNames ({place.name}, {place.country}, "
                f"id {place.geonameid}); review it in content/data/places.yml, then delete this comment")
    return f"    place: {place_id}"


def _incident(event, registries, proposals) -> list[str]:
    kind = registries.event_kinds[event.kind].name
    where = place_name(event.place, registries, proposals)
    told = ", ".join(f"{value} {name.replace('_', ' ')}" for name, value in event.figures.items())
    summary = f"{kind} in {where}{': ' + told if told else ''} (proposed by invoke import: rewrite in your own words)."
    lines = _date_lines(event.date, event.date_words, not event.date_words)
    lines += [_place_line(event.place, proposals), f"    kind: {event.kind}", f"    summary: {_scalar(summary)}"]
    casualties = [(name, value) for name, value in event.figures.items() if name in CASUALTY_FIELDS]
    if casualties:
        lines.append("    casualties:")
        lines += [f"      {name}: {value}  # {_quote(event.quotes[name])}" for name, value in casualties]
    others = [(name, value) for name, value in event.figures.items() if name not in CASUALTY_FIELDS]
    for name, value in others:
        lines.append(f"    # {name}: {value} (no front-matter field yet) — {_quote(event.quotes[name])}")
    return lines


def _claim(event: dict, proposals) -> list[str]:
    lines = _date_lines(event["date"], "", event.get("date_guessed", False))
    lines += [_place_line(event["place"], proposals), f"    kind: {event['kind']}",
              f"    summary: {_scalar(event['summary'])}"]
    for key in ("people", "organisations"):
        if event.get(key):
            lines.append(f"    {key}: [{', '.join(event[key])}]")
    lines.append("    claims:")
    lines += [f"      - {json.dumps(claim, ensure_ascii=False)}" for claim in event["claims"]]
    return lines
