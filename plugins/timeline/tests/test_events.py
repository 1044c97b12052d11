import pytest

from plugins.timeline.events import DuplicateEventId, check_unique_ids, collect_events, entity_timelines, involved

from .conftest import event, published


def ids(events):
    return [e.id for e in events]


def test_events_get_stable_ids_and_links_to_their_anchor():
    article = published("market", [event("2025-04-04"), event("2025-04-05", id="evening-raid")])
    found = collect_events([article])
    assert ids(found) == ["market--event-1", "market--evening-raid"]
    assert found[1].link == "2025/04/05/market/#evening-raid"
    assert found[0].source_urls == ("https://example.org/market",)


def test_imprecise_dates_come_after_the_dated_events_of_their_period_and_never_as_the_first_of_it():
    article = published("mixed", [event("2025-04-01"), event("2025-04"), event("2025"), event("2025-01-01"),
                                  event("2025-04-01T00:00")])
    assert ids(collect_events([article])) == ["mixed--event-4", "mixed--event-1", "mixed--event-5",
                                              "mixed--event-2", "mixed--event-3"]


def test_a_follow_up_known_only_to_the_month_comes_after_the_event_it_follows():
    strike = published("strike", [event("2025-04-04")], date="2025-04-06T09:00:00+03:00")
    follow_up = published("a-follow-up", [event("2025-04")], date="2025-04-05T09:00:00+03:00")
    assert ids(collect_events([follow_up, strike])) == ["strike--event-1", "a-follow-up--event-1"]


def test_times_compare_as_written_without_time_zone_arithmetic():
    # 23:59 at -05:00 is 04:59 UTC the next day; it still happened late on the 4th, after 01:00 at +03:00.
    article = published("night", [event("2025-04-04T23:59-05:00"), event("2025-04-04T01:00+03:00")])
    found = collect_events([article])
    assert ids(found) == ["night--event-2", "night--event-1"]
    assert [e.date.day for e in found] == [4, 4]


def test_same_day_events_are_ordered_by_article_date_then_slug_then_position():
    later = published("b-later", [event("2025-04-04")], date="2025-04-06T08:00:00+03:00")
    first = published("z-first", [event("2025-04-04"), event("2025-04-04")], date="2025-04-05T08:00:00+03:00")
    tie = published("a-tie", [event("2025-04-04")], date="2025-04-05T08:00:00+03:00")
    expected = ["a-tie--event-1", "z-first--event-1", "z-first--event-2", "b-later--event-1"]
    assert ids(collect_events([later, first, tie])) == expected
    assert ids(collect_events([tie, later, first])) == expected


def test_two_events_with_one_id_fail_with_a_fix():
    one = published("same", [event("2025-04-04")], date="2025-04-05T08:00:00+03:00")
    other = published("same", [event("2025-04-06")], date="2025-05-01T08:00:00+03:00")
    with pytest.raises(DuplicateEventId) as raised:
        check_unique_ids(collect_events([one, other]))
    assert [str(p) for p in raised.value.problems] == [
        "content/articles/2025/05/01/same.md:1: its events would get the same timeline ids as those of "
        "content/articles/2025/04/05/same.md (both entries have the slug 'same', e.g. 'same--event-1') — "
        "rename one of the two files: the file name is the slug, and event ids are '<slug>--<anchor>'"]


def test_an_event_involves_its_place_people_organisations_claimants_and_its_entry_filing(registries):
    article = published("talks", [event("2025-04-05", place="port-azur", kind="meeting", people=["ben-okafor"],
                                        organisations=["city-council"],
                                        claims=[{"by": "cora-lind", "says": "x", "status": "false"},
                                                {"by": "defence-ministry", "says": "y", "status": "disputed"}])],
                        section="diplomacy", topics=["talks"], story="harbour-talks")
    assert involved(collect_events([article])[0], registries) == {
        "places": ["port-azur"], "people": ["ben-okafor", "cora-lind"],
        "organisations": ["city-council", "defence-ministry"], "sections": ["diplomacy"],
        "topics": ["talks"], "stories": ["harbour-talks"]}


def test_entity_timelines_keep_timeline_order_and_only_the_kinds_asked_for(registries):
    article = published("two", [event("2025-04-06", place="hillville"), event("2025-04-04")], topics=["drones"])
    timelines = entity_timelines(collect_events([article]), registries, ["places", "topics"])
    assert set(timelines) == {"places", "topics"}
    assert ids(timelines["topics"]["drones"]) == ["two--event-2", "two--event-1"]
    assert ids(timelines["places"]["hillville"]) == ["two--event-1"]
