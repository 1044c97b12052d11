"""The sample archive in headless Chromium: readable with JavaScript on and off, accessible."""

import pytest

from tests.support.a11y import axe_violations

pytestmark = pytest.mark.browser

PAGES = {  # one page of every page type but the timeline's (test_timeline.py) and search's (test_search.py)
    "home": "/",
    "article": "/2025/04/06/kryvyi-rih-missile-strike-kills-18/",
    "place": "/places/kryvyi-rih/",
    "people index": "/people/",
    "section": "/sections/strikes/",
    "archive": "/2025/04/",
    "year archive": "/2025/",
    "all entries": "/archives/",
    "topic": "/topics/civilian-harm/",
    "person": "/people/volodymyr-zelenskyy/",
    "organisation": "/organisations/russian-armed-forces/",
    "story": "/stories/kryvyi-rih-strike/",
    "standalone page": "/about-this-archive/",
    "not found": "/no-such-page/",
}


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_reads_fully_without_console_errors(sample_server, page_factory, name, javascript):
    page = page_factory(javascript=javascript)
    response = page.goto(sample_server.url + PAGES[name])
    assert response.status == (404 if name == "not found" else 200)
    assert page.locator("main h1").first.is_visible()
    assert page.locator("header nav a").count() >= 5
    errors = page.console_errors
    if name == "not found":  # Chromium logs the page's own 404 status first; a missing asset would add another
        errors = errors[1:] if errors and "status of 404" in errors[0] else errors
    assert errors == []


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_has_no_axe_violations(sample_server, page_factory, name):
    page = page_factory()
    page.goto(sample_server.url + PAGES[name])
    assert axe_violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_article_has_no_contrast_problems_in_either_colour_scheme(sample_server, page_factory, scheme):
    page = page_factory()
    page.emulate_media(color_scheme=scheme)
    page.goto(sample_server.url + PAGES["article"])
    assert axe_violations(page) == []


def test_article_shows_events_claims_and_post_cards_without_javascript(sample_server, page_factory):
    page = page_factory(javascript=False)
    page.goto(sample_server.url + PAGES["article"])
    assert page.locator(".event").count() >= 1
    assert page.locator(".badge-unverified").first.is_visible() or page.locator(".badge").count() >= 1
    assert page.get_by_role("heading", name="Sources").is_visible()


def test_feed_link_from_home_serves_a_feed(sample_server, page_factory):
    page = page_factory()
    page.goto(sample_server.url + "/")
    href = page.locator("footer a", has_text="Atom feed").get_attribute("href")
    response = page.request.get(sample_server.url + "/" + href.lstrip("./"))
    assert response.status == 200
    assert "<feed" in response.text()
    assert response.headers["content-type"].startswith("application/")


def test_no_request_leaves_the_site(sample_server, page_factory):
    page = page_factory()
    outside = []
    page.on("request", lambda request: request.url.startswith(sample_server.url) or outside.append(request.url))
    for url in PAGES.values():
        page.goto(sample_server.url + url)
    assert outside == []


def test_skip_link_moves_focus_to_main(sample_server, page_factory):
    page = page_factory()
    page.goto(sample_server.url + PAGES["article"])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
