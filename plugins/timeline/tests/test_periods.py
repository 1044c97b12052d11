import pytest

from plugins.timeline.events import collect_events
from plugins.timeline.periods import (EventsNotFiled, build_timeline, check_every_event_filed, group_by_day,
                                      group_by_month, neighbours, on_this_day)

from .conftest import event, published


def timeline_of(*dates):
    return collect_events([published("e", [event(d) for d in dates])])


def summary(groups):
    return [(g.key, g.precision, [e.date.iso() for e in g.events]) for g in groups]


def test_days_group_together_with_the_month_only_group_last():
    events = timeline_of("2025-04-04T22:15", "2025-04", "2025-04-04", "2025-04-01", "2025-04-05")
    assert summary(group_by_day(events)) == [
        ("2025-04-01", "day", ["2025-04-01"]),
        ("2025-04-04", "day", ["2025-04-04", "2025-04-04T22:15"]),
        ("2025-04-05", "day", ["2025-04-05"]),
        ("2025-04", "month", ["2025-04"]),
    ]


def test_group_headings_say_what_is_known():
    headings = [g.heading for g in group_by_day(timeline_of("2025", "2025-04", "2025-04-04"))]
    assert headings == ["Friday, 4 April 2025", "April 2025, day not known", "2025, month not known"]


def test_a_range_is_filed_under_the_day_it_starts():
    article = published("r", [event("2025-03-28", end="2025-04-02")])
    timeline = build_timeline(collect_events([article]))
    assert [m.key for m in timeline.months] == ["2025-03"]
    assert timeline.months[0].groups[0].key == "2025-03-28"


def test_years_hold_year_only_events_apart_from_their_months():
    timeline = build_timeline(timeline_of("2024", "2024-04-04", "2025-01-01", "2025"))
    assert [(y.year, y.count) for y in timeline.years] == [(2024, 2), (2025, 2)]
    assert [e.date.iso() for e in timeline.years[0].undated.events] == ["2024"]
    assert [m.key for m in timeline.years[0].months] == ["2024-04"]
    assert all(e.date.precision != "year" for m in timeline.months for e in m.events)


def test_months_and_years_link_to_the_previous_and_next_ones_with_events():
    timeline = build_timeline(timeline_of("2024-12-31", "2025-01-01", "2025-03", "2025-04-04"))
    links = [(m.key, p and p.url, n and n.url) for m, (p, n) in zip(timeline.months, neighbours(timeline.months))]
    assert links == [("2024-12", None, "timeline/2025/01/"), ("2025-01", "timeline/2024/12/", "timeline/2025/03/"),
                     ("2025-03", "timeline/2025/01/", "timeline/2025/04/"), ("2025-04", "timeline/2025/03/", None)]
    assert [(p and p.label, n and n.label) for p, n in neighbours(timeline.years)] == [(None, "2025"), ("2024", None)]


def test_entity_timelines_group_by_month_with_year_only_events_under_their_year():
    groups = group_by_month(timeline_of("2024", "2024-04-04", "2024-04", "2025-01-01"))
    assert [(g.key, g.heading, len(g.events)) for g in groups] == [
        ("2024-04", "April 2024", 2), ("2024", "2024, month not known", 1), ("2025-01", "January 2025", 1)]


def test_on_this_day_lists_each_day_of_the_year_with_its_events_from_every_year():
    events = timeline_of("2024-04-04", "2025-04-04T08:00", "2025-04", "2025", "2025-01-01", "2023-04-04")
    calendar = on_this_day(events)
    assert [(m.label, [d.label for d in m.days]) for m in calendar] == [
        ("January", ["1 January"]), ("April", ["4 April"])]
    april_4 = calendar[1].days[0]
    assert [e.date.year for e in april_4.events] == [2023, 2024, 2025]
    assert april_4.years == [2023, 2024, 2025]
    assert april_4.anchor == "on-04-04"


def test_the_build_check_passes_when_every_event_is_on_its_page():
    check_every_event_filed(build_timeline(timeline_of("2024", "2024-04-04", "2024-04", "2025-01-01", "2025")))


def test_the_build_check_fails_when_an_event_would_be_missing_or_misfiled():
    timeline = build_timeline(timeline_of("2024-04-04", "2024-04-05", "2025-01-01"))
    dropped = timeline.months[0].groups.pop()  # a page that would lose an event
    with pytest.raises(EventsNotFiled, match="1 of 3 events would not appear"):
        check_every_event_filed(timeline)
    timeline.years[1].months[0].groups.append(dropped)  # filed under the wrong year
    with pytest.raises(EventsNotFiled, match="filed under 2025"):
        check_every_event_filed(timeline)
