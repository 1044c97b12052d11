import math
from dataclasses import dataclass
from typing import Optional

import pytest

from plugins.timeline.basemap import FRAME, HEIGHT, WIDTH, base_map, in_frame, project, ring_path
from plugins.timeline.events import collect_events
from plugins.timeline.maps import MAX_RADIUS, MIN_RADIUS, event_map, radius

from .conftest import event, published


@dataclass(frozen=True)
class Place:
    name: str
    kind: str = "city"
    lat: Optional[float] = None
    lon: Optional[float] = None


PLACES = {"rivertown": Place("Rivertown", lat=47.9, lon=33.4), "hillville": Place("Hillville Oblast", "region",
                                                                                  48.3, 34.8),
          "port-azur": Place("Port Azur", lat=-12.5, lon=-38.45), "lakeside": Place("Lakeside")}


def test_the_frame_corners_project_to_the_corners_of_the_map():
    west, south, east, north = FRAME
    assert project(west, north) == project(west, north).__class__(0.0, 0.0)
    corner = project(east, south)
    assert (round(corner.x), round(corner.y)) == (WIDTH, HEIGHT)


def test_one_degree_east_is_shorter_than_one_degree_north_by_the_cosine_of_the_standard_parallel():
    a, b, c = project(30, 48), project(31, 48), project(30, 49)
    assert (b.x - a.x) / (a.y - c.y) == pytest.approx(math.cos(math.radians(48.5)), abs=0.01)


def test_marks_grow_with_the_square_root_of_the_people_harmed_up_to_a_cap():
    assert radius(0) == MIN_RADIUS
    assert radius(100) == pytest.approx(MIN_RADIUS + 20)
    assert radius(10_000) == MAX_RADIUS
    assert radius(0, "region") > radius(0) and radius(0, "country") > radius(0, "region")


def test_one_mark_per_place_with_its_events_and_casualties_places_off_the_frame_named_apart():
    article = published("a", [event("2025-04-04", casualties={"killed": 3, "injured": 6}),
                              event("2025-04-05", casualties={"killed": 1}),
                              event("2025-04-05", place="hillville"), event("2025-04-06", place="port-azur"),
                              event("2025-04-07", place="lakeside")])
    found = event_map(collect_events([article]), PLACES)
    assert [(m.tally.place, m.tally.events, m.tally.killed, m.tally.injured) for m in found.marks] == [
        ("rivertown", 2, 4, 6), ("hillville", 1, 0, 0)]  # largest first, so small marks are drawn on top
    rivertown = next(m for m in found.marks if m.tally.place == "rivertown")
    assert (rivertown.x, rivertown.y) == tuple(vars(project(33.4, 47.9)).values())
    assert rivertown.r == radius(10)
    assert [t.place for t in found.elsewhere] == ["port-azur"]
    assert [t.place for t in found.unplaced] == ["lakeside"]
    assert found.marks[1].tally.summary == "Hillville Oblast: 1 event (drawn at the region, not at a town)"
    assert "Largest: Rivertown: 2 events, 4 killed, 6 injured." in found.description


def test_the_base_map_has_ukraine_with_crimea_and_its_neighbours_within_the_frame():
    basemap = base_map()
    assert basemap.home.name == "Ukraine"
    assert {"Belarus", "Moldova", "Poland", "Romania", "Russia"} <= {c.name for c in basemap.neighbours}
    assert basemap.home.path.count("M") >= 2  # the mainland and Crimea
    assert "public domain" in basemap.source["licence"]
    assert in_frame(34.1, 44.95)  # Simferopol


def test_a_ring_is_written_as_whole_unit_relative_steps():
    path = ring_path([(30.0, 50.0), (31.0, 50.0), (31.0, 49.0)])
    start = project(30.0, 50.0)
    assert path.startswith(f"M{round(start.x)} {round(start.y)}l") and path.endswith("z")
