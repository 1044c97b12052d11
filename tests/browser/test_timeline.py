"""Timeline pages in headless Chromium: filters with JavaScript, every event without, today's date, axe."""

import pytest

from tests.support.a11y import axe_violations
from tests.support.sites import FIXTURES, StaticServer, build_site

pytestmark = pytest.mark.browser

APRIL = "/timeline/2025/04/"
APRIL_EVENTS = ["rivertown-market-strike--event-1", "hillville-depot--event-1",
                "rivertown-market-strike--morning-shelling", "rivertown-market-strike--event-2",
                "harbour-talks--event-1", "harbour-talks--event-2", "rivertown-market-strike--event-4"]
IN_RIVERTOWN = ["rivertown-market-strike--event-1", "rivertown-market-strike--morning-shelling",
                "rivertown-market-strike--event-4"]
PAGES = {"overview": "/timeline/", "year": "/timeline/2024/", "month": APRIL, "on this day": "/timeline/on-this-day/",
         "story": "/stories/rivertown-siege/", "person": "/people/cora-lind/"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    output = build_site(FIXTURES / "timeline", tmp_path_factory.mktemp("timeline-browser") / "output")
    with StaticServer(output) as running:
        yield running


def visible_events(page) -> list:
    return page.eval_on_selector_all(".timeline-event", "rows => rows.filter(r => r.offsetParent !== null)"
                                                        ".map(r => r.id)")


def test_filtering_by_place_hides_other_events_and_writes_the_url(server, page_factory):
    page = page_factory()
    page.goto(server.url + APRIL)
    assert visible_events(page) == APRIL_EVENTS
    page.get_by_label("Place").select_option("rivertown")
    assert visible_events(page) == IN_RIVERTOWN
    assert page.url == f"{server.url}{APRIL}?place=rivertown"
    assert page.locator("[data-filter-status]").text_content() == "Showing 3 of 7 events: Rivertown."
    assert page.locator("#d-2025-04-05").is_hidden()  # a day left without events is hidden too
    assert page.locator("#d-2025-04-04 [data-count]").text_content() == "2 events"
    assert page.console_errors == []


def test_filters_combine_and_are_restored_from_the_url(server, page_factory):
    page = page_factory()
    page.goto(f"{server.url}{APRIL}?place=hillville&kind=missile-strike")
    assert visible_events(page) == ["hillville-depot--event-1"]
    assert page.get_by_label("Place").input_value() == "hillville"
    assert page.get_by_label("Kind of event").input_value() == "missile-strike"
    page.get_by_label("Kind of event").select_option("")
    assert visible_events(page) == ["hillville-depot--event-1", "rivertown-market-strike--event-2"]
    assert page.url == f"{server.url}{APRIL}?place=hillville"


def test_person_filter_matches_claimants_and_show_all_resets(server, page_factory):
    page = page_factory()
    page.goto(f"{server.url}{APRIL}?person=cora-lind")
    assert visible_events(page) == ["harbour-talks--event-1", "harbour-talks--event-2"]
    page.get_by_role("button", name="Show all").click()
    assert visible_events(page) == APRIL_EVENTS
    assert page.url == server.url + APRIL
    assert page.locator("[data-filter-status]").text_content() == "Showing all 7 events."


def test_unknown_filter_values_in_the_url_are_ignored(server, page_factory):
    page = page_factory()
    page.goto(f"{server.url}{APRIL}?place=atlantis")
    assert visible_events(page) == APRIL_EVENTS


def test_a_url_combining_filters_into_nothing_keeps_only_the_choices_that_give_events(server, page_factory):
    page = page_factory()
    page.goto(f"{server.url}{APRIL}?kind=meeting&place=hillville")
    assert visible_events(page) == ["harbour-talks--event-1"]
    assert page.get_by_label("Place").input_value() == ""
    assert page.url == f"{server.url}{APRIL}?kind=meeting"
    assert "Showing 0" not in page.locator("[data-filter-status]").text_content()


def test_year_page_hides_months_left_empty_by_a_filter(server, page_factory):
    page = page_factory()
    page.goto(server.url + "/timeline/2025/?kind=ceasefire")
    assert visible_events(page) == ["lakeside-and-ceasefire--event-3"]
    assert page.locator("#m-2025-04").is_hidden()
    assert page.locator("#m-2025-03").is_visible()


def test_filters_are_usable_with_the_keyboard_alone(server, page_factory):
    page = page_factory()
    page.goto(server.url + APRIL)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "filter-place":
            break
    else:
        pytest.fail("the place filter cannot be reached with Tab")
    page.keyboard.press("ArrowDown")  # the first place, Hillville
    assert visible_events(page) == ["hillville-depot--event-1", "rivertown-market-strike--event-2"]
    assert "place=hillville" in page.url


def test_without_javascript_every_event_shows_and_the_filters_do_not(server, page_factory):
    page = page_factory(javascript=False)
    page.goto(f"{server.url}{APRIL}?place=rivertown")
    assert visible_events(page) == APRIL_EVENTS
    assert page.locator("form[data-timeline-filters]").is_hidden()


@pytest.mark.parametrize("today, target, text", [
    ("2026-04-04T09:00:00", "on-04-04", "Today, 4 April: jump to its events"),
    ("2026-04-10T09:00:00", "on-12-31", "Nothing on 10 April (today); jump to the next day with events, 31 December"),
])
def test_on_this_day_points_to_and_jumps_to_today(server, page_factory, today, target, text):
    page = page_factory()
    page.clock.set_fixed_time(today)
    page.set_viewport_size({"width": 900, "height": 500})
    page.goto(server.url + "/timeline/on-this-day/")
    link = page.locator("[data-today-link] a")
    assert link.is_visible()
    assert (link.text_content(), link.get_attribute("href")) == (text, f"#{target}")
    assert page.evaluate("window.scrollY") > 0
    top = page.locator(f"#{target}").bounding_box()["y"]
    assert -1 <= top < 250  # scrolled into view (the last day of the page cannot reach the very top)


def test_on_this_day_without_javascript_lists_every_day_and_no_jump_link(server, page_factory):
    page = page_factory(javascript=False)
    page.goto(server.url + "/timeline/on-this-day/")
    assert page.locator(".calendar-day").count() == 7
    assert page.locator("[data-today-link]").is_hidden()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_timeline_pages_have_no_axe_violations(server, page_factory, name, scheme):
    page = page_factory()
    page.emulate_media(color_scheme=scheme)
    page.goto(server.url + PAGES[name])
    assert axe_violations(page) == []
    assert page.console_errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_filtered_month_page_has_no_axe_violations(server, page_factory, scheme):
    page = page_factory()
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{server.url}{APRIL}?place=rivertown")
    assert axe_violations(page) == []


def test_sample_timeline_pages_read_and_pass_axe(sample_server, page_factory):
    page = page_factory()
    for url in ("/timeline/", "/timeline/2025/", "/timeline/2025/04/", "/timeline/on-this-day/",
                "/places/kryvyi-rih/", "/stories/kryvyi-rih-strike/"):
        assert page.goto(sample_server.url + url).status == 200
        assert axe_violations(page) == [], url
    assert page.console_errors == []


def options(page, name) -> dict:
    """value -> text of the options a reader can pick in one filter (hidden ones left out)."""
    return page.eval_on_selector_all(
        f"#filter-{name} option", "os => Object.fromEntries(os.filter(o => !o.hidden && o.value)"
                                  ".map(o => [o.value, o.textContent]))")


def test_filter_options_count_the_current_combination_and_hide_those_giving_nothing(server, page_factory):
    page = page_factory()
    page.goto(server.url + APRIL)
    assert options(page, "kind")["missile-strike"] == "Missile strike (2)"
    page.get_by_label("Place").select_option("hillville")
    kinds = options(page, "kind")
    assert kinds == {"drone-attack": "Drone attack (1)", "missile-strike": "Missile strike (1)"}
    assert page.locator("#filter-kind option[value='']").text_content() == "All kinds (2)"


@pytest.mark.parametrize("first", ["kind", "place", "person"])
def test_every_combination_a_reader_can_pick_shows_some_events(server, page_factory, first):
    page = page_factory()
    page.goto(server.url + APRIL)
    for value in list(options(page, first)):
        page.locator(f"#filter-{first}").select_option(value)
        for name in {"kind", "place", "person"} - {first}:
            for other in list(options(page, name)):
                page.locator(f"#filter-{name}").select_option(other)
                assert visible_events(page), f"{first}={value}, {name}={other}"
                page.locator(f"#filter-{name}").select_option("")


def visible_marks(page) -> dict:
    """place id -> radius of each mark a reader sees (drawn, not display: none)."""
    return page.eval_on_selector_all("[data-event-map] circle", "cs => Object.fromEntries(cs.filter("
                                     "c => getComputedStyle(c).display !== 'none' && c.getBBox().width > 0)"
                                     ".map(c => [c.dataset.place, Number(c.getAttribute('r'))]))")


def test_the_map_keeps_in_step_with_the_filters(server, page_factory):
    page = page_factory()
    page.goto(server.url + APRIL)
    everything = visible_marks(page)
    assert set(everything) == {"rivertown", "hillville"}  # Port Azur lies outside the frame
    page.get_by_label("Kind of event").select_option("shelling")
    shelling = visible_marks(page)
    assert set(shelling) == {"rivertown"}
    assert shelling["rivertown"] <= everything["rivertown"]
    assert page.locator(".map-places li[data-place='hillville']").is_hidden()
    page.get_by_role("button", name="Show all").click()
    assert visible_marks(page) == everything


def test_without_javascript_the_map_draws_every_place_of_the_page(server, page_factory):
    page = page_factory(javascript=False)
    page.goto(server.url + APRIL)
    assert page.locator("[data-event-map] svg").is_visible()
    assert len(visible_marks(page)) == page.locator(".map-places li").count() - page.locator(
        ".map-places li", has_text="outside this map").count()


CHART_BOXES = """svg => {
  const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  return {
    svg: box(svg), column: box(svg.closest('figure').parentElement),
    texts: [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, cls: t.getAttribute('class'),
                                                           box: box(t) })),
    bars: [...svg.querySelectorAll('rect[data-series=events]')].map((r) => ({ month: r.dataset.month, box: box(r) })),
  };
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_chart_fills_its_column_with_unclipped_labels_that_do_not_overlap(server, page_factory, width):
    page = page_factory()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server.url + "/timeline/")
    found = page.eval_on_selector("figure.timeline-chart svg", CHART_BOXES)
    left, top, right, bottom = found["svg"]
    assert right - left >= 0.95 * (found["column"][2] - found["column"][0])
    for text in found["texts"]:
        x1, y1, x2, y2 = text["box"]
        assert left - 0.5 <= x1 and x2 <= right + 0.5 and top - 0.5 <= y1 and y2 <= bottom + 0.5, text["text"]
        assert y2 - y1 >= 11, f"{text['text']} is drawn too small to read"
    months = sorted((t["box"] for t in found["texts"] if t["cls"] == "chart-label" and t["text"].isalpha()))
    for a, b in zip(months, months[1:]):
        assert a[2] <= b[0], "two month labels overlap"



def test_a_click_on_a_mark_filters_by_its_place_and_a_second_click_undoes_it(server, page_factory):
    page = page_factory()
    page.goto(server.url + APRIL)
    page.locator("[data-event-map] circle[data-place='hillville']").click(force=True)
    assert page.get_by_label("Place").input_value() == "hillville"
    assert visible_events(page) == ["hillville-depot--event-1", "rivertown-market-strike--event-2"]
    assert set(visible_marks(page)) == {"hillville"}
    page.locator("[data-event-map] circle[data-place='hillville']").click(force=True)
    assert visible_events(page) == APRIL_EVENTS
