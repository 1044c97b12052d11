"""The timeline fixture archive, built for real: pages, grouping, order, counts, links, entity timelines."""

import re
from urllib.parse import urljoin, urlsplit

import pytest

from plugins.timeline.chart import PANEL_HEIGHT
from tests.support.sites import FIXTURES, build_site, soup

MONTHS = ["timeline/2024/04/", "timeline/2024/12/", "timeline/2025/01/", "timeline/2025/03/", "timeline/2025/04/"]
YEARS = ["timeline/2024/", "timeline/2025/"]
TIMELINE_PAGES = ["timeline/", *YEARS, *MONTHS, "timeline/on-this-day/"]
ALL_EVENTS = 15  # events of the published entries in tests/fixtures/timeline


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(FIXTURES / "timeline", tmp_path_factory.mktemp("timeline") / "output")


def text(element) -> str:
    return " ".join(element.get_text().split())


def groups(page) -> list:
    """[(group key, [event ids])] in page order."""
    return [(g["data-date"], [e["id"] for e in g.select(".timeline-event")]) for g in page.select(".timeline-day")]


def event_ids(page) -> list:
    return [e["id"] for e in page.select(".timeline-event")]


@pytest.mark.parametrize("url", TIMELINE_PAGES)
def test_timeline_page_exists_with_one_h1(site, url):
    page = soup(site, url)
    assert len(page.find_all("h1")) == 1
    assert page.find("main") is not None


def test_month_page_groups_events_by_day_in_a_stable_order_day_not_known_last(site):
    assert groups(soup(site, "timeline/2025/04/")) == [
        ("2025-04-04", ["rivertown-market-strike--event-1", "hillville-depot--event-1",
                        "rivertown-market-strike--morning-shelling", "rivertown-market-strike--event-2"]),
        ("2025-04-05", ["harbour-talks--event-1"]),
        ("2025-04-06", ["harbour-talks--event-2"]),
        ("2025-04", ["rivertown-market-strike--event-4"]),
    ]


def test_several_events_on_one_day_are_counted_under_the_day_heading(site):
    day = soup(site, "timeline/2025/04/").find(id="d-2025-04-04")
    assert text(day.find("h2")) == "Friday, 4 April 2025 4 events"


def test_month_only_event_shows_as_the_month_in_a_group_of_its_own_after_the_dated_ones(site):
    page = soup(site, "timeline/2025/04/")
    group = page.find(id="d-2025-04")
    assert text(group.find("h2")) == "April 2025, day not known 1 event"
    when = group.select_one(".timeline-event .event-when time")
    assert (when["datetime"], when.get_text()) == ("2025-04", "April 2025")
    assert page.find(id="d-2025-04-01") is None
    assert "1 April" not in page.select_one("[data-timeline]").get_text()


def test_year_only_events_are_on_their_year_page_and_on_no_month_page(site):
    year = soup(site, "timeline/2024/")
    assert groups(year)[-1] == ("2024", ["year-of-drones--event-1"])
    assert text(year.find(id="d-2024").find("h2")).startswith("2024, month not known")
    for url in MONTHS:
        assert "year-of-drones--event-1" not in event_ids(soup(site, url))


@pytest.mark.parametrize("url, event_id, label, start, end", [
    ("timeline/2025/04/", "harbour-talks--event-1", "5–6 April 2025", "2025-04-05", "2025-04-06"),
    ("timeline/2025/03/", "lakeside-and-ceasefire--event-3", "28 March – 2 April 2025", "2025-03-28", "2025-04-02"),
    ("timeline/2024/12/", "year-of-drones--event-3", "31 December 2024 – 1 January 2025", "2024-12-31",
     "2025-01-01"),
])
def test_ranges_read_as_ranges_with_both_dates_machine_readable(site, url, event_id, label, start, end):
    when = soup(site, url).find(id=event_id).select_one(".event-when")
    assert text(when).startswith(label + " ·")
    assert [t["datetime"] for t in when.find_all("time")] == [start, end]


@pytest.mark.parametrize("event_id, label, datetime", [
    ("rivertown-market-strike--event-2", "4 April 2025, 22:15", "2025-04-04T22:15+03:00"),
    ("rivertown-market-strike--morning-shelling", "4 April 2025, 08:05", "2025-04-04T08:05"),
])
def test_timestamps_keep_their_time_as_written(site, event_id, label, datetime):
    time = soup(site, "timeline/2025/04/").find(id=event_id).select_one(".event-when time")
    assert (time.get_text(), time["datetime"]) == (label, datetime)


def test_a_late_evening_at_a_negative_offset_stays_on_its_own_day(site):
    # 23:59 at -05:00 is already the 16th in UTC; the archive files it where it happened.
    page = soup(site, "timeline/2025/03/")
    assert "lakeside-and-ceasefire--event-2" in dict(groups(page))["2025-03-15"]
    assert page.find(id="d-2025-03-16") is None


def test_every_published_event_is_on_exactly_one_year_page(site):
    seen = [event_id for url in YEARS for event_id in event_ids(soup(site, url))]
    assert len(seen) == len(set(seen)) == ALL_EVENTS


def test_drafts_never_reach_the_timeline(site):
    for url in TIMELINE_PAGES:
        assert "draft" not in " ".join(event_ids(soup(site, url)))
    assert "draft" not in (site / "events.csv").read_text(encoding="utf-8")


def _resolve(site, page_url, href):
    url = urlsplit(urljoin(f"http://x/{page_url}", href))
    return url.path.lstrip("/"), url.fragment


@pytest.mark.parametrize("url", TIMELINE_PAGES[1:])
def test_each_event_links_to_an_anchor_that_exists_on_its_article_page(site, url):
    page = soup(site, url)
    rows = page.select(".timeline-event")
    assert rows
    for row in rows:
        article, anchor = _resolve(site, url, row.select_one(".event-source a")["href"])
        target = soup(site, article).find(id=anchor)
        assert target is not None and "event" in target["class"], f"{row['id']} -> {article}#{anchor}"
        assert row["id"] == f"{article.rstrip('/').split('/')[-1]}--{anchor}"


@pytest.mark.parametrize("url, previous, following", [
    ("timeline/2024/04/", None, "timeline/2024/12/"),
    ("timeline/2024/12/", "timeline/2024/04/", "timeline/2025/01/"),
    ("timeline/2025/03/", "timeline/2025/01/", "timeline/2025/04/"),
    ("timeline/2025/04/", "timeline/2025/03/", None),
    ("timeline/2024/", None, "timeline/2025/"),
    ("timeline/2025/", "timeline/2024/", None),
])
def test_previous_and_next_links_go_to_neighbouring_periods_with_events(site, url, previous, following):
    page = soup(site, url)
    for rel, expected in (("prev", previous), ("next", following)):
        link = page.select_one(f".timeline-pager a[rel={rel}]")
        assert (_resolve(site, url, link["href"])[0] if link else None) == expected


def test_overview_counts_match_the_pages_they_link_to(site):
    page = soup(site, "timeline/")
    listed = {}
    for block in page.select(".timeline-year-summary"):
        year_link = block.find("h3").find("a")
        listed[_resolve(site, "timeline/", year_link["href"])[0]] = int(block.find("h3").select_one(".count")
                                                                        .get_text().split()[0])
        for item in block.select(".timeline-months li"):
            target, fragment = _resolve(site, "timeline/", item.find("a")["href"])
            if not fragment:
                listed[target] = int(item.select_one(".count").get_text())
    assert listed == {url: len(event_ids(soup(site, url))) for url in YEARS + MONTHS}
    assert sum(listed[url] for url in YEARS) == ALL_EVENTS


def _table(page) -> dict:
    rows = {}
    for row in page.select("table.timeline-figures tbody tr"):
        events, killed, injured = (int(td.get_text()) for td in row.find_all("td"))
        rows[row["data-month"]] = {"events": events, "killed": killed, "injured": injured}
    return rows


def test_chart_numbers_match_the_data_table_on_the_same_page(site):
    page = soup(site, "timeline/")
    table = _table(page)
    bars = page.select("svg rect.chart-bar")
    charted = {}
    for bar in bars:
        charted.setdefault(bar["data-month"], {})[bar["data-series"]] = int(bar["data-value"])
    assert charted == table
    assert list(table)[0] == "2024-04" and list(table)[-1] == "2025-04" and len(table) == 13
    assert table["2025-04"] == {"events": 7, "killed": 5, "injured": 14}
    assert table["2024-06"] == {"events": 0, "killed": 0, "injured": 0}


def test_chart_bars_are_drawn_to_the_scale_of_their_numbers(site):
    bars = soup(site, "timeline/").select("svg rect.chart-bar")
    events = [b for b in bars if b["data-series"] == "events"]
    people = [b for b in bars if b["data-series"] in ("killed", "injured")]
    most_events = max(int(b["data-value"]) for b in events)
    most_people = max(sum(int(b["data-value"]) for b in people if b["data-month"] == month)
                      for month in {b["data-month"] for b in people})
    for group, largest in ((events, most_events), (people, most_people)):
        for bar in group:
            assert float(bar["height"]) == pytest.approx(int(bar["data-value"]) / largest * PANEL_HEIGHT, abs=0.01)


def test_chart_has_a_text_alternative_that_agrees_with_the_table(site):
    page = soup(site, "timeline/")
    svg = page.select_one("figure.timeline-chart svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find(id=title_id).get_text() == "Events and casualties per month"
    description = svg.find(id=desc_id).get_text()
    assert "from April 2024 to April 2025" in description
    assert "Most events: April 2025 (7 events)" in description
    assert "2 events known only to the year are not shown" in description


def test_bar_titles_carry_the_month_and_figure(site):
    bar = soup(site, "timeline/").select_one('svg rect[data-series="events"][data-month="2025-03"]')
    assert bar.find("title").get_text() == "March 2025: 3 events"


@pytest.mark.parametrize("url, expected", [
    ("people/cora-lind/", ["harbour-talks--event-1", "harbour-talks--event-2"]),
    ("people/ada-ivanova/", ["rivertown-market-strike--event-1", "rivertown-market-strike--event-4"]),
    ("places/port-azur/", ["lakeside-and-ceasefire--event-2", "harbour-talks--event-1", "harbour-talks--event-2"]),
    ("organisations/defence-ministry/", ["lakeside-and-ceasefire--event-3", "rivertown-market-strike--event-1"]),
    ("organisations/city-council/", ["new-year-shelling--event-2"]),
    ("topics/talks/", ["lakeside-and-ceasefire--event-2", "lakeside-and-ceasefire--event-3",
                       "lakeside-and-ceasefire--event-1", "harbour-talks--event-1", "harbour-talks--event-2"]),
    ("sections/diplomacy/", ["lakeside-and-ceasefire--event-2", "lakeside-and-ceasefire--event-3",
                             "lakeside-and-ceasefire--event-1", "harbour-talks--event-1", "harbour-talks--event-2"]),
    ("stories/rivertown-siege/", ["year-of-drones--event-2", "year-of-drones--event-3", "year-of-drones--event-1",
                                  "rivertown-market-strike--event-1",
                                  "hillville-depot--event-1", "rivertown-market-strike--morning-shelling",
                                  "rivertown-market-strike--event-2", "rivertown-market-strike--event-4"]),
])
def test_entity_pages_show_their_own_timeline_of_the_events_that_involve_them(site, url, expected):
    section = soup(site, url).select_one("section.entity-timeline")
    assert section.find("h2").get_text() == "Timeline"
    assert event_ids(section) == expected
    assert section.find("p").get_text().startswith(f"{len(expected)} event")


def test_entity_timeline_groups_by_month_and_links_each_month(site):
    section = soup(site, "stories/rivertown-siege/").select_one("section.entity-timeline")
    headings = [(text(h), _resolve(site, "stories/rivertown-siege/", h.find("a")["href"])[0])
                for h in section.find_all("h3")]
    assert headings == [("April 2024", "timeline/2024/04/"), ("December 2024", "timeline/2024/12/"),
                        ("2024, month not known", "timeline/2024/"), ("April 2025", "timeline/2025/04/")]


def test_entity_timeline_shows_only_the_latest_events_when_capped(tmp_path):
    capped = build_site(FIXTURES / "timeline", tmp_path / "output", ENTITY_TIMELINE_MAX_EVENTS=3)
    section = soup(capped, "stories/rivertown-siege/").select_one("section.entity-timeline")
    assert event_ids(section) == ["rivertown-market-strike--morning-shelling", "rivertown-market-strike--event-2",
                                  "rivertown-market-strike--event-4"]
    assert text(section.find("p")).startswith("The latest 3 of 8 events involving")


def test_entity_named_only_in_front_matter_has_no_empty_timeline(site):
    page = soup(site, "people/dan-reyes/")  # named by an entry, in none of its events
    assert page.h1.get_text() == "Dan Reyes"
    assert page.select_one("section.entity-timeline") is None


def test_on_this_day_lists_days_of_the_year_with_events_from_every_year(site):
    page = soup(site, "timeline/on-this-day/")
    days = [(d["data-month-day"], [e["id"] for e in d.select(".timeline-event")]) for d in page.select(".calendar-day")]
    assert [day for day, _ in days] == ["01-01", "03-15", "03-28", "04-04", "04-05", "04-06", "12-31"]
    april_4 = dict(days)["04-04"]
    assert april_4 == ["year-of-drones--event-2", "rivertown-market-strike--event-1", "hillville-depot--event-1",
                       "rivertown-market-strike--morning-shelling", "rivertown-market-strike--event-2"]
    assert text(page.find(id="on-04-04").find("h3")) == "4 April in 2 years"
    listed = {event_id for _, ids in days for event_id in ids}
    assert "rivertown-market-strike--event-4" not in listed and "year-of-drones--event-1" not in listed


def test_on_this_day_is_complete_without_javascript(site):
    page = soup(site, "timeline/on-this-day/")
    assert page.select_one("[data-today-link]").has_attr("hidden")
    assert [a["href"] for a in page.select("nav[aria-label='Months of the year'] a")] == [
        "#on-01", "#on-03", "#on-04", "#on-12"]
    assert all(page.find(id=a["href"][1:]) for a in page.select("main a[href^='#']") if a["href"] != "#")


@pytest.mark.parametrize("url", [*YEARS, *MONTHS])
def test_filter_choices_are_exactly_the_values_on_the_page(site, url):
    page = soup(site, url)
    form = page.select_one("form[data-timeline-filters]")
    assert form.has_attr("hidden")
    rows = page.select(".timeline-event")
    for name in ("kind", "place", "person"):
        select = form.find("select", attrs={"name": name})
        values = {v for row in rows for v in row[f"data-{name}"].split()}
        if select is None:
            assert not values
            continue
        assert form.find("label", attrs={"for": select["id"]}) is not None
        options = {o["value"]: int(re.search(r"\((\d+)\)$", o.get_text()).group(1))
                   for o in select.find_all("option") if o["value"]}
        assert options == {v: sum(v in row[f"data-{name}"].split() for row in rows) for v in values}


def test_timeline_pages_load_the_timeline_script_as_a_module(site):
    for url in [*YEARS, *MONTHS, "timeline/on-this-day/"]:
        scripts = soup(site, url).find_all("script", src=re.compile(r"js/timeline\.js$"))
        assert [s.get("type") for s in scripts] == ["module"]


# The sample archive (content/): the seed's events on the days the front matter gives them.
SAMPLE_APRIL = {
    "2025-04": {"kryvyi-rih-drone-attack--event-1", "russia-claims-kryvyi-rih-strike-hit-commanders--event-1",
                "horlivka-shelling-and-donetsk-drone-claims--event-1",
                "horlivka-shelling-and-donetsk-drone-claims--event-2",
                "overnight-attacks-kyiv-and-five-regions--event-8",
                "zelenskyy-criticises-us-ambassador-reaction--event-2"},
    "2025-04-04": {"kryvyi-rih-missile-strike-kills-18--event-1",
                   "zelenskyy-criticises-us-ambassador-reaction--event-1"},
    "2025-04-05": {"peacekeeping-force-talks-kyiv--event-1",
                   *(f"overnight-attacks-kyiv-and-five-regions--event-{n}" for n in range(1, 8))},
}


def test_sample_april_2025_lists_the_seed_events_on_the_right_days(sample_site):
    page = soup(sample_site, "timeline/2025/04/")
    found = {key: set(ids) for key, ids in groups(page)}
    for key, expected in SAMPLE_APRIL.items():
        assert expected <= found[key], f"missing on {key}: {expected - found[key]}"
    for group in page.select(".timeline-day"):
        for time in group.select(".timeline-event .event-when time:first-child"):
            assert time["datetime"].startswith(group["data-date"]) and len(time["datetime"]) >= len(group["data-date"])
    kryvyi_rih = page.find(id="kryvyi-rih-missile-strike-kills-18--event-1")
    assert {div.dt.get_text(): div.dd.get_text() for div in kryvyi_rih.select(".casualties div")} == {
        "Killed": "18", "Injured": "72", "Children killed": "9"}
    assert kryvyi_rih.select_one(".claim .badge").get_text() == "Disputed"  # rejected by Ukraine's General Staff (issue #14)
    overnight = page.find(id="overnight-attacks-kyiv-and-five-regions--event-1")
    assert text(overnight.select_one(".event-when")).startswith("5–6 April 2025")


def test_sample_march_2025_holds_the_aid_pause_as_a_range(sample_site):
    page = soup(sample_site, "timeline/2025/03/")
    pause = page.find(id="us-military-aid-pause-march-2025--event-1")
    assert pause.find_parent(class_="timeline-day")["data-date"] == "2025-03-03"
    assert text(pause.select_one(".event-when")).startswith("3–11 March 2025")


def _casualties(output, url, event_id) -> dict:
    row = soup(output, url).find(id=event_id)
    return {div.dt.get_text(): div.dd.get_text() for div in row.select(".casualties div")}


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    """The fixture built, one event's death toll corrected, then built again into the same output."""
    import shutil

    content = tmp_path_factory.mktemp("timeline-edit") / "content"
    shutil.copytree(FIXTURES / "timeline", content)
    output = build_site(content, content.parent / "output")
    depot = content / "articles" / "2025" / "hillville-depot.md"
    depot.write_text(depot.read_text(encoding="utf-8").replace("{killed: 1, missing: 2, source: 1}",
                                                               "{killed: 3, missing: 2, source: 1}"), encoding="utf-8")
    return build_site(content, output)


@pytest.mark.parametrize("url", ["timeline/2025/04/", "timeline/2025/", "timeline/on-this-day/"])
def test_a_corrected_figure_reaches_the_timeline_pages_on_a_rebuild(rebuilt, url):
    assert _casualties(rebuilt, url, "hillville-depot--event-1") == {"Killed": "3", "Missing": "2"}


def test_a_corrected_figure_reaches_the_chart_and_the_exports_on_a_rebuild(rebuilt):
    assert _table(soup(rebuilt, "timeline/"))["2025-04"]["killed"] == 7
    assert "hillville-depot--event-1,2025-04-04,day,,missile-strike,Missile strike,hillville,Hillville,South " \
           "Province,Testland,48.5,32.25,3," in (rebuilt / "events.csv").read_text(encoding="utf-8")
    assert (rebuilt / "timeline.json").is_file() and (rebuilt / "events.json").is_file()


def test_a_corrected_figure_reaches_the_entity_timelines_on_a_rebuild(rebuilt):
    assert _casualties(rebuilt, "places/hillville/", "hillville-depot--event-1") == {"Killed": "3", "Missing": "2"}


def test_two_entries_with_one_slug_fail_the_build_naming_both_files(tmp_path):
    import shutil

    from plugins.entries.errors import EntryErrors

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "timeline", content)
    again = (content / "articles/2025/hillville-depot.md").read_text(encoding="utf-8")
    (content / "articles/2024/hillville-depot.md").write_text(
        again.replace("date: 2025-04-06T08:00", "date: 2024-05-06T08:00"), encoding="utf-8")
    with pytest.raises(EntryErrors) as raised:  # refused with the file names, before the timeline's own check
        build_site(content, tmp_path / "output")
    [problem] = raised.value.problems
    assert problem.path.endswith("2025/hillville-depot.md") and "2024/hillville-depot.md" in problem.what
    assert "rename one of the two files" in problem.fix
    assert not (tmp_path / "output").exists()


KRYVYI_RIH_STRIKE = "kryvyi-rih-missile-strike-kills-18--event-1"
KRYVYI_RIH_FOLLOW_UPS = ["russia-claims-kryvyi-rih-strike-hit-commanders--event-1", "kryvyi-rih-drone-attack--event-1"]


def test_sample_april_2025_lists_every_dated_event_before_the_day_not_known_group(sample_site):
    page = soup(sample_site, "timeline/2025/04/")
    precisions = [group["data-precision"] for group in page.select(".timeline-day")]
    assert precisions == sorted(precisions, key=lambda p: p == "month") and precisions[-1] == "month"
    last = page.select(".timeline-day")[-1]
    assert text(last.find("h2")).startswith("April 2025, day not known")
    assert len(last.select(".timeline-event")) == 6


@pytest.mark.parametrize("url", ["timeline/2025/04/", "stories/kryvyi-rih-strike/", "places/kryvyi-rih/"])
def test_kryvyi_rih_follow_ups_come_after_the_strike_they_follow(sample_site, url):
    ids = event_ids(soup(sample_site, url))
    positions = [ids.index(event_id) for event_id in [KRYVYI_RIH_STRIKE, *KRYVYI_RIH_FOLLOW_UPS]]
    assert positions == sorted(positions), ids


@pytest.mark.parametrize("url", ["timeline/2025/04/", "timeline/2025/", "stories/kryvyi-rih-strike/",
                                 "places/kryvyi-rih/"])
def test_a_claim_is_shown_once_per_timeline_and_the_repeat_points_to_it(sample_site, url):
    page = soup(sample_site, url)
    claims = [claim.find_parent(class_="timeline-event")["id"]
              for claim in page.select(".timeline-event .claim") if "85 soldiers" in claim.get_text()]
    assert claims == [KRYVYI_RIH_STRIKE]
    repeat = page.find(id=KRYVYI_RIH_FOLLOW_UPS[0]).select_one(".claim-elsewhere")
    assert repeat.find("a", href=f"#{KRYVYI_RIH_STRIKE}") is not None
    assert "Russian Ministry of Defence" in text(repeat)


def test_an_entry_page_still_shows_every_claim_it_records(sample_site):
    article = soup(sample_site, "2025/04/06/russia-claims-kryvyi-rih-strike-hit-commanders/")
    assert any("85 soldiers" in claim.get_text() for claim in article.select(".claim"))


def _rings(path_data: str) -> list:
    """Absolute points of each ring of an 'M x y l dx dy … z' path (the base map's own form)."""
    rings = []
    for part in re.findall(r"M[^z]*z", path_data):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", part)]
        x, y = numbers[0], numbers[1]
        ring = [(x, y)]
        for dx, dy in zip(numbers[2::2], numbers[3::2]):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def _inside(point, rings) -> bool:
    """Even-odd ray casting over every ring of a country."""
    x, y = point
    crossings = 0
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


@pytest.mark.parametrize("url", ["timeline/2025/", "timeline/2025/04/", "timeline/2025/03/", "places/kryvyi-rih/",
                                 "places/kyiv/", "stories/kryvyi-rih-strike/"])
def test_each_map_mark_sits_inside_the_map_at_its_places_coordinates(sample_site, url):
    import math

    import yaml

    from plugins.timeline.basemap import FRAME, STANDARD_PARALLEL, WIDTH

    places = {p["id"]: p for p in yaml.safe_load((FIXTURES.parent.parent / "content/data/places.yml").read_text())}
    svg = soup(sample_site, url).select_one("[data-event-map] svg")
    _, _, width, height = (float(n) for n in svg["viewbox"].split())
    ukraine = _rings(svg.select_one(".map-home")["d"])
    scale = WIDTH / ((FRAME[2] - FRAME[0]) * math.cos(math.radians(STANDARD_PARALLEL)))
    marks = svg.select("circle.map-mark")
    assert marks
    for mark in marks:
        place = places[mark["data-place"]]
        x = (place["lon"] - FRAME[0]) * math.cos(math.radians(STANDARD_PARALLEL)) * scale
        y = (FRAME[3] - place["lat"]) * scale
        cx, cy = float(mark["cx"]), float(mark["cy"])
        assert max(abs(cx - x), abs(cy - y)) <= 0.1, place["id"]
        assert 0 <= cx <= width and 0 <= cy <= height
        if place.get("country") == "Ukraine" or place["id"] == "ukraine":
            assert _inside((cx, cy), ukraine), f"{place['id']} is drawn outside Ukraine"


def test_a_mark_grows_with_the_people_killed_and_injured_and_regions_say_so(sample_site):
    svg = soup(sample_site, "timeline/2025/04/").select_one("[data-event-map]")
    radius = {mark["data-place"]: float(mark["r"]) for mark in svg.select("circle.map-mark")}
    assert radius["kryvyi-rih"] > radius["kyiv"] > 0
    assert "map-mark-region" in svg.find("circle", attrs={"data-place": "sumy-oblast"})["class"]
    items = [text(li) for li in svg.select(".map-places li")]
    assert "Sumy Oblast: 1 event (drawn at the region, not at a town)" in items
    assert items[0].startswith("Kryvyi Rih: 3 events, 19 killed, 79 injured")


def test_a_place_outside_the_frame_is_named_not_drawn(sample_site):
    figure = soup(sample_site, "timeline/2025/03/").select_one("[data-event-map]")
    assert figure.find("circle", attrs={"data-place": "jeddah"}) is None
    assert any(text(li).endswith("outside this map") and "Jeddah" in text(li) for li in figure.select(".map-places li"))
