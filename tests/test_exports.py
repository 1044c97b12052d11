"""Open data read back: events.csv, events.json and timeline.json against the front matter itself."""

import csv
import io
import json
from pathlib import Path

import pytest

from plugins.entries.frontmatter import decode, split
from plugins.entries.registry import load_registries
from plugins.timeline.exports import FIELDS, FORMULA_STARTS
from tests.support.sites import FIXTURES, ROOT, build_site

ARCHIVES = {"timeline": FIXTURES / "timeline", "sample": ROOT / "content"}
COUNTS = ("killed", "injured", "children_killed", "children_injured", "missing")
OPEN_DATA_PAGE = (ROOT / "docs" / "open-data.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=sorted(ARCHIVES))
def archive(request, tmp_path_factory):
    """(content folder, built output) of each archive."""
    content = ARCHIVES[request.param]
    return content, build_site(content, tmp_path_factory.mktemp(request.param) / "output")


@pytest.fixture(scope="module")
def timeline_output(tmp_path_factory) -> Path:
    return build_site(FIXTURES / "timeline", tmp_path_factory.mktemp("timeline-exports") / "output")


def front_matter_events(content: Path) -> dict:
    """event id -> (entry data, event data) for every event of every published entry, read from the files."""
    found = {}
    for path in sorted((content / "articles").rglob("*.md")):
        data = split(decode(path.read_bytes(), str(path)), str(path)).data
        if data.get("status", "published") != "published":
            continue
        for index, event in enumerate(data.get("events") or []):
            found[f"{data.get('slug') or path.stem}--{event.get('id') or f'event-{index + 1}'}"] = (data, event)
    return found


def unguard(cell: str) -> str:
    """Undo the formula guard documented in docs/open-data.md: a ' before = + - @ tab or CR."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def read_csv(output: Path) -> list[dict]:
    with open(output / "events.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_events_csv_reads_back_to_the_events_and_figures_of_the_front_matter(archive):
    content, output = archive
    registries = load_registries(content / "data")
    expected = front_matter_events(content)
    rows = read_csv(output)
    assert sorted(row["event_id"] for row in rows) == sorted(expected)
    for row in rows:
        entry, event = expected[row["event_id"]]
        assert row["event_date"] == str(event["date"])
        assert row["end_date"] == str(event.get("end") or "")
        assert row["event_type"] == registries.event_kinds.resolve(event["kind"])
        assert row["place_id"] == registries.places.resolve(event["place"])
        assert unguard(row["summary"]) == event["summary"]
        casualties = event.get("casualties") or {}
        assert {name: row[name] for name in COUNTS} == {name: str(casualties.get(name, "")) for name in COUNTS}
        claims = [{key: claim.get(key) for key in ("by", "status", "says", "note")}
                  for claim in event.get("claims") or []]
        assert [{key: claim[key] for key in ("by", "status", "says", "note")}
                for claim in json.loads(row["claims"])] == claims
        assert row["source_urls"].split() == [source["url"] for source in entry["sources"]]
        assert unguard(row["article_title"]) == entry["title"]
        assert row["event_url"] == row["article_url"] + "#" + row["event_id"].split("--", 1)[1]


def test_events_csv_has_the_documented_header_and_is_utf8(archive):
    _content, output = archive
    raw = (output / "events.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    header = next(csv.reader(io.StringIO(raw.decode("utf-8"))))
    assert header == list(FIELDS)


def test_events_json_holds_the_same_rows_with_numbers_as_numbers(archive):
    _content, output = archive
    document = json.loads((output / "events.json").read_text(encoding="utf-8"))
    assert document["fields"] == list(FIELDS)
    rows = read_csv(output)
    assert [e["event_id"] for e in document["events"]] == [r["event_id"] for r in rows]
    for event, row in zip(document["events"], rows):
        assert list(event) == list(FIELDS)
        for name in COUNTS:
            assert event[name] is None or isinstance(event[name], int)
            assert str(event[name] if event[name] is not None else "") == row[name]
        assert event["claims"] == json.loads(row["claims"])


def test_timeline_json_gives_timelinejs_what_it_requires_of_every_event(archive):
    content, output = archive
    document = json.loads((output / "timeline.json").read_text(encoding="utf-8"))
    assert document["title"]["text"]["headline"]
    slides = document["events"]
    assert len(slides) == len(front_matter_events(content))
    assert len({s["unique_id"] for s in slides}) == len(slides)
    for slide in slides:
        start = slide["start_date"]
        assert start["year"].isdigit()
        assert all(isinstance(value, str) and value.isdigit() for value in start.values())
        assert slide["text"]["headline"] or slide["text"]["text"]
        assert isinstance(slide["group"], str) and slide["group"]
        if "end_date" in slide:
            assert slide["end_date"]["year"].isdigit()


@pytest.mark.parametrize("event_id, start, end", [
    ("year-of-drones--event-1", {"year": "2024"}, None),
    ("lakeside-and-ceasefire--event-1", {"year": "2025", "month": "3"}, None),
    ("harbour-talks--event-1", {"year": "2025", "month": "4", "day": "5"},
     {"year": "2025", "month": "4", "day": "6"}),
    ("lakeside-and-ceasefire--event-2", {"year": "2025", "month": "3", "day": "15", "hour": "23", "minute": "59"},
     None),
])
def test_timeline_json_dates_keep_their_precision_and_are_not_shifted(timeline_output, event_id, start, end):
    document = json.loads((timeline_output / "timeline.json").read_text(encoding="utf-8"))
    slides = {slide["unique_id"]: slide for slide in document["events"]}
    assert slides[event_id]["start_date"] == start
    assert slides[event_id].get("end_date") == end


def test_text_that_a_spreadsheet_would_run_is_guarded(timeline_output):
    rows = {r["event_id"]: r for r in read_csv(timeline_output)}
    assert rows["new-year-shelling--event-2"]["summary"].startswith("'@rivertown_council says")
    assert rows["lakeside-and-ceasefire--event-2"]["longitude"] == "-38.45"  # numbers are not text


def test_open_data_page_documents_every_column():
    section = OPEN_DATA_PAGE
    documented = [line.split("|")[1].strip().strip("`") for line in section.splitlines()
                  if line.startswith("| `")]
    assert documented == list(FIELDS)
    assert "formula" in section and "'" in section


def test_timeline_json_slides_carry_their_places_coordinates(timeline_output):
    document = json.loads((timeline_output / "timeline.json").read_text(encoding="utf-8"))
    slides = {slide["unique_id"]: slide for slide in document["events"]}
    assert slides["lakeside-and-ceasefire--event-2"]["location"] == {"lat": -12.5, "lon": -38.45, "name": "Port Azur"}
    rows = {r["event_id"]: r for r in read_csv(timeline_output)}
    for event_id, slide in slides.items():
        if "location" in slide:
            assert (float(rows[event_id]["latitude"]), float(rows[event_id]["longitude"])) == (
                slide["location"]["lat"], slide["location"]["lon"])
