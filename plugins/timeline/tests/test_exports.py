import csv
import io
import json

import pytest

from plugins.timeline.events import collect_events
from plugins.timeline.exports import FIELDS, csv_cell, event_row, events_csv, events_json, timelinejs_date, \
    timelinejs_document

from .conftest import event, published

SITE = "https://archive.example.org"


@pytest.fixture
def events():
    return collect_events([published("x", [
        event("2025-04-04T22:15:30+03:00", place="port-azur", kind="missile-strike", summary="A <b>blast</b> & fire.",
              casualties={"killed": 4, "children_killed": 0}, people=["ada-ivanova", "ben-okafor"],
              claims=[{"by": "defence-ministry", "says": "It hit a <depot> & more.", "status": "disputed"}]),
        event("2025-03", place="lakeside", end="2025-04"),
    ])])


@pytest.mark.parametrize("value, cell", [
    ("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"),
    ("+1 dead", "'+1 dead"),
    ("-5", "'-5"),
    ("@council says", "'@council says"),
    ("\tindented", "'\tindented"),
    ("plain text", "plain text"),
    (-38.45, "-38.45"),
    (0, "0"),
    (None, ""),
    ([{"by": "x"}], '[{"by": "x"}]'),
])
def test_csv_cells_guard_text_against_formulas_but_keep_numbers(value, cell):
    assert csv_cell(value) == cell


def test_rows_carry_every_field_with_unknown_figures_left_empty(events, registries):
    row = event_row(events[1], registries, SITE)
    assert list(row) == list(FIELDS)
    assert row["event_date"] == "2025-04-04T22:15:30+03:00"
    assert (row["time_precision"], row["place"], row["latitude"], row["longitude"]) == ("time", "Port Azur", -12.5,
                                                                                          -38.45)
    assert (row["killed"], row["children_killed"], row["injured"]) == (4, 0, None)
    assert row["claims"] == [{"by": "defence-ministry", "by_name": "Defence Ministry of Otherland",
                              "status": "disputed", "says": "It hit a <depot> & more.", "note": None}]
    assert row["people"] == "ada-ivanova ben-okafor"
    assert row["event_url"] == f"{SITE}/2025/04/05/x/#event-1"
    month = event_row(events[0], registries, SITE)
    assert (month["event_date"], month["end_date"], month["latitude"], month["killed"]) == ("2025-03", "2025-04",
                                                                                            None, None)


def test_csv_reads_back_to_the_rows(events, registries):
    rows = [event_row(e, registries, SITE) for e in events]
    read = list(csv.DictReader(io.StringIO(events_csv(rows))))
    assert [r["event_id"] for r in read] == ["x--event-2", "x--event-1"]
    assert read[1]["killed"] == "4" and read[1]["injured"] == "" and read[1]["longitude"] == "-38.45"
    assert json.loads(read[1]["claims"]) == rows[1]["claims"]


def test_events_json_lists_the_fields_and_the_rows(events, registries):
    rows = [event_row(e, registries, SITE) for e in events]
    document = json.loads(events_json(rows))
    assert document["fields"] == list(FIELDS)
    assert document["events"] == rows


@pytest.mark.parametrize("date, parts", [
    ("2025", {"year": "2025"}),
    ("2025-04", {"year": "2025", "month": "4"}),
    ("2025-04-04", {"year": "2025", "month": "4", "day": "4"}),
    ("2025-04-04T08:05+03:00", {"year": "2025", "month": "4", "day": "4", "hour": "8", "minute": "5"}),
    ("2025-04-04T08:05:09", {"year": "2025", "month": "4", "day": "4", "hour": "8", "minute": "5", "second": "9"}),
])
def test_timelinejs_dates_have_only_the_parts_the_date_has(date, parts):
    from plugins.entries.dates import parse_partial_date

    assert timelinejs_date(parse_partial_date(date)) == parts


def test_timelinejs_slides_escape_text_because_timelinejs_renders_html(events, registries):
    document = timelinejs_document(events, registries, SITE, "Archive <b>", "All & everything")
    assert document["title"]["text"]["headline"] == "Archive &lt;b&gt;"
    month, strike = document["events"]
    assert strike["text"]["headline"] == "Missile strike, Port Azur"
    assert "<p>A &lt;b&gt;blast&lt;/b&gt; &amp; fire.</p>" in strike["text"]["text"]
    assert "<p>4 killed, 0 children killed</p>" in strike["text"]["text"]
    assert strike["group"] == "Missile strike" and strike["unique_id"] == "x--event-1"
    assert month["start_date"] == {"year": "2025", "month": "3"} and month["end_date"] == {"year": "2025",
                                                                                           "month": "4"}
    assert month["display_date"] == "March–April 2025"
    assert f'href="{SITE}/2025/04/05/x/#event-2"' in month["text"]["text"]
