"""Event maps in headless Chromium on the sample archive: drawn without JavaScript on timeline, place and
story pages, drawn for the results on the search page, marks where their places are, and axe-clean."""

import pytest
import yaml

from plugins.timeline.basemap import project
from tests.support.a11y import axe_violations
from tests.support.sites import ROOT

pytestmark = pytest.mark.browser

MAP_PAGES = ["/timeline/2025/", "/timeline/2025/04/", "/places/kryvyi-rih/", "/stories/kryvyi-rih-strike/"]
PLACES = {p["id"]: p for p in yaml.safe_load((ROOT / "content/data/places.yml").read_text(encoding="utf-8"))}


MARKS = "cs => Object.fromEntries(cs.map(c => [c.dataset.place, [Number(c.getAttribute('cx')), " \
        "Number(c.getAttribute('cy'))]]))"


def marks(page, selector) -> dict:
    """place id -> (cx, cy) of each mark drawn in the map ``selector``."""
    return page.eval_on_selector_all(f"{selector} circle", MARKS)


@pytest.mark.parametrize("url", MAP_PAGES)
def test_the_map_is_drawn_without_javascript(sample_server, page_factory, url):
    page = page_factory(javascript=False)
    page.goto(sample_server.url + url)
    figure = page.locator("[data-event-map]")
    assert figure.locator("svg").is_visible()
    assert figure.locator("svg").bounding_box()["width"] > 300
    assert marks(page, "[data-event-map]")
    assert figure.locator(".map-places li").count() >= 1


def test_the_search_results_get_a_map_of_their_events(sample_server, page_factory):
    page = page_factory()
    page.goto(sample_server.url + "/search/?q=kryvyi+rih")
    page.wait_for_selector("[data-search-map] circle")
    drawn = marks(page, "[data-search-map]")
    assert "kryvyi-rih" in drawn
    for place, (x, y) in drawn.items():
        expected = project(PLACES[place]["lon"], PLACES[place]["lat"])
        assert (x, y) == (expected.x, expected.y), place
    assert page.locator("[data-search-map] .map-places li", has_text="Kryvyi Rih: 3 events").count() == 1
    assert axe_violations(page) == []
    assert page.console_errors == []


def test_the_search_map_follows_a_new_query(sample_server, page_factory):
    page = page_factory()
    page.goto(sample_server.url + "/search/?q=kryvyi+rih")
    page.wait_for_selector("[data-search-map] circle")
    page.locator("#search-q").fill("horlivka")
    page.wait_for_selector("[data-search-map] circle[data-place='horlivka']")
    assert "kryvyi-rih" not in marks(page, "[data-search-map]")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", MAP_PAGES)
def test_map_pages_pass_axe(sample_server, page_factory, url, scheme):
    page = page_factory()
    page.emulate_media(color_scheme=scheme)
    page.goto(sample_server.url + url)
    assert axe_violations(page) == []
    assert page.console_errors == []
