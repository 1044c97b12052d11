"""Open data: every event as a row (events.csv, events.json) and as a TimelineJS 3 document.

Researchers and newsrooms load these into spreadsheets, ACLED-style analyses
and Knight Lab's TimelineJS, so the columns are fixed, documented in
docs/open-data.md, and filled from the same TimelineEvent list as the pages.
Unknown figures stay empty (null in JSON), never 0.
"""

from __future__ import annotations

import csv
import io
import json

from markupsafe import escape

from plugins.entries.model import sources_cited

from .labels import date_label

# name -> what the column holds; the table of docs/open-data.md lists the same (tested).
FIELDS = {
    "event_id": "Stable id of the event: '<entry slug>--<event anchor>'.",
    "event_date": "Start date as written: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[±HH:MM].",
    "time_precision": "How precise event_date is: year, month, day or time.",
    "end_date": "Last day of a range, as written; empty for a single date.",
    "event_type": "Event kind id, from event-kinds.yml.",
    "event_type_label": "Event kind name.",
    "place_id": "Place id, from places.yml.",
    "place": "Place name.",
    "region": "Region of the place (oblast, province, state), as in places.yml.",
    "country": "Country of the place, as in places.yml.",
    "latitude": "Latitude of the place in decimal degrees; empty if not in the registry.",
    "longitude": "Longitude of the place in decimal degrees; empty if not in the registry.",
    "killed": "People killed, children included (the best estimate); empty when not reported.",
    "injured": "People injured, children included (the best estimate); empty when not reported.",
    "children_killed": "Of the killed, children (the best estimate); empty when not reported.",
    "children_injured": "Of the injured, children (the best estimate); empty when not reported.",
    "missing": "People reported missing (the best estimate); empty when not reported.",
    "claims": "The claims about the event: in CSV a JSON-encoded list, in events.json a list, of "
              "{by, by_name, status, says, note}.",
    "summary": "The event in one sentence, in the archive's words.",
    "people": "Ids of the people involved, space-separated.",
    "organisations": "Ids of the organisations involved, space-separated.",
    "source_urls": "Addresses of the entry's sources, space-separated.",
    "article_url": "Absolute address of the entry that reports the event.",
    "event_url": "Absolute address of the event on that entry's page (article_url + #anchor).",
    "article_title": "Headline of that entry.",
    **{f"{name}_{end}": f"Lowest / highest figure reported for {name.replace('_', ' ')}: equal to {name} when the "
       f"figure is exact; {end} of the range when the source gives one; high empty for 'at least N'."
       for name in ("killed", "injured", "children_killed", "children_injured", "missing") for end in ("low", "high")},
    "casualty_source_urls": "Addresses of the sources the casualty figures cite, space-separated.",
}

COUNTS = ("killed", "injured", "children_killed", "children_injured", "missing")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def event_row(event, registries, site_url: str) -> dict:
    """One event as a flat record with the FIELDS keys; numbers stay numbers, unknowns None."""
    place = registries.places[event.place]
    casualties = event.casualties
    return {
        "event_id": event.id,
        "event_date": event.date.iso(),
        "time_precision": event.precision,
        "end_date": event.end.iso() if event.end else None,
        "event_type": event.kind,
        "event_type_label": registries.event_kinds[event.kind].name,
        "place_id": event.place,
        "place": place.name,
        "region": place.region,
        "country": place.country,
        "latitude": place.lat,
        "longitude": place.lon,
        **{name: casualties.value(name) if casualties is not None else None for name in COUNTS},
        "claims": [_claim(claim, registries) for claim in event.claims],
        "summary": event.summary,
        "people": " ".join(event.people),
        "organisations": " ".join(event.organisations),
        "source_urls": " ".join(event.source_urls),
        "article_url": f"{site_url}/{event.article_url}",
        "event_url": f"{site_url}/{event.link}",
        "article_title": event.article_title,
        **_ranges(casualties),
        "casualty_source_urls": " ".join(source.url for _, source in sources_cited(event.sources, casualties.source))
        if casualties is not None else "",
    }


def _ranges(casualties) -> dict:
    """name_low / name_high for every count: the honest spread behind each best estimate."""
    values = {}
    for name in COUNTS:
        figure = getattr(casualties, name) if casualties is not None else None
        values[f"{name}_low"] = figure.lowest if figure is not None else None
        values[f"{name}_high"] = figure.highest if figure is not None else None
    return values


def _claim(claim, registries) -> dict:
    by = registries.people.entities.get(claim.by) or registries.organisations.entities.get(claim.by)
    return {"by": claim.by, "by_name": by.name if by else claim.by, "status": claim.status,
            "says": claim.says, "note": claim.note}


def csv_cell(value) -> str:
    """A value as CSV text; text that a spreadsheet would run as a formula gets a leading '.

    Numbers are written as numbers (a negative longitude stays a number); only
    text starting with = + - @, a tab or a carriage return is guarded.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_table(fields, rows) -> str:
    """RFC 4180 CSV (UTF-8, header row, CRLF) of the rows, every cell made safe for spreadsheets."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(list(fields))
    for row in rows:
        writer.writerow([csv_cell(row[name]) for name in fields])
    return out.getvalue()


def events_csv(rows) -> str:
    return csv_table(FIELDS, rows)


def events_json(rows) -> str:
    return json_one_row_per_line({"fields": list(FIELDS), "events": list(rows)}, "events")


def json_one_row_per_line(document: dict, key: str) -> str:
    """JSON with each item of ``document[key]`` (its last member) on a line of its own.

    Diffs between two exports show the events that changed, and the encoding
    stays in the json module's C encoder (``indent`` makes it use the slow
    Python one, seconds for a big archive on every build).
    """
    head = json.dumps({k: v for k, v in document.items() if k != key}, ensure_ascii=False)
    rows = ",\n".join(json.dumps(row, ensure_ascii=False) for row in document[key])
    opening = head[:-1] + (", " if len(head) > 2 else "")
    return f'{opening}"{key}": [\n{rows}\n]}}\n' if rows else f'{opening}"{key}": []}}\n'


def timelinejs_date(date) -> dict:
    """A TimelineJS date object with only the parts the date has, as strings."""
    parts = {"year": str(date.year)}
    if date.month:
        parts["month"] = str(date.month)
    if date.day:
        parts["day"] = str(date.day)
    if date.time:
        pieces = date.time.split(":")
        parts["hour"], parts["minute"] = str(int(pieces[0])), str(int(pieces[1]))
        if len(pieces) > 2:
            parts["second"] = str(int(pieces[2]))
    return parts


def timelinejs_slide(event, registries, site_url: str) -> dict:
    """One event as a TimelineJS slide. TimelineJS renders headline and text as HTML, so both are escaped."""
    kind = registries.event_kinds[event.kind].name
    place = registries.places[event.place].name
    figures = ", ".join(f"{figure.text()} {name.replace('_', ' ')}" for name, figure in event.casualties.items()) \
        if event.casualties is not None else ""
    text = f"<p>{escape(event.summary)}</p>"
    if figures:
        text += f"<p>{escape(figures)}</p>"
    text += f'<p><a href="{escape(site_url)}/{escape(event.link)}">{escape(event.article_title)}</a></p>'
    slide = {
        "start_date": timelinejs_date(event.date),
        "text": {"headline": str(escape(f"{kind}, {place}")), "text": text},
        "group": kind,
        "display_date": str(date_label(event.date, event.end)),
        "unique_id": event.id,
    }
    if event.end is not None:
        slide["end_date"] = timelinejs_date(event.end)
    place_entity = registries.places[event.place]
    if place_entity.lat is not None and place_entity.lon is not None:
        # Not read by TimelineJS (it ignores unknown keys); StoryMapJS and GIS tools read this shape.
        slide["location"] = {"lat": place_entity.lat, "lon": place_entity.lon, "name": place_entity.name}
    return slide


def timelinejs_document(events, registries, site_url: str, title: str, description: str) -> dict:
    """The whole timeline in TimelineJS 3 JSON format (https://timeline.knightlab.com/docs/json-format.html)."""
    return {
        "title": {"text": {"headline": str(escape(title)), "text": f"<p>{escape(description)}</p>"}},
        "events": [timelinejs_slide(event, registries, site_url) for event in events],
    }
