"""Issue 15's queries on the static page, the service and the CLI: names in every spelling, typos, a phone."""

import pytest
from playwright.sync_api import expect

from desk.search.service import SearchService
from tests.browser.test_search import open_search, result_urls, sample_settings  # noqa: F401 (fixture)
from tests.test_search import cli_urls

pytestmark = pytest.mark.browser

STRIKE = "2025/04/06/kryvyi-rih-missile-strike-kills-18/"
# (query, what it must find: every entry its intended words find, in the same order)
SPELLINGS = [("Kiev", "Kyiv"), ("Київ", "Kyiv"), ("Kharkov", "Kharkiv"), ("Харків", "Kharkiv"),
             ("Кривий Ріг", "Kryvyi Rih"), ("Krivoy Rog", "Kryvyi Rih"), ("Zelenskiy", "Zelenskyy"),
             ("Kharkov drones", "Kharkiv drones")]
TYPOS = [("ballistic misile", "ballistic missile"), ("Zelenskij", "Zelensky")]


@pytest.fixture(scope="module")
def service(sample_site):
    return SearchService(sample_site.parent / "cache" / "search-index")


def service_urls(service, q):
    from urllib.parse import urlencode

    _status, body = service.respond({"PATH_INFO": "/api/search", "REQUEST_METHOD": "GET",
                                     "QUERY_STRING": urlencode({"q": q})})
    return [hit["url"] for hit in body["results"]], body


@pytest.mark.parametrize("variant, name", SPELLINGS)
def test_every_spelling_of_a_name_finds_what_the_name_finds_on_all_three_paths(
        sample_server, page_factory, sample_settings, service, variant, name):
    expected = cli_urls(sample_settings, {"q": name})
    assert cli_urls(sample_settings, {"q": variant}) == expected
    assert service_urls(service, variant)[0] == expected
    page = page_factory()
    open_search(page, sample_server, {"q": variant})
    assert result_urls(page, sample_server) == expected
    expect(page.locator("#search-correction")).to_contain_text("Every spelling of")


@pytest.mark.parametrize("q", ["Kryvyi Rih", "Kryvyi Rih missile strike", "Кривий Ріг", "Krivoy Rog", "Kr"])
def test_the_strike_entry_comes_first_and_all_paths_agree(sample_server, page_factory, sample_settings, service, q):
    expected = cli_urls(sample_settings, {"q": q})
    assert expected[0] == STRIKE
    assert service_urls(service, q)[0] == expected
    page = page_factory()
    open_search(page, sample_server, {"q": q})
    assert result_urls(page, sample_server) == expected


@pytest.mark.parametrize("typo, intended", TYPOS)
def test_a_typo_finds_what_the_intended_words_find_and_says_so(sample_server, page_factory, sample_settings,
                                                               service, typo, intended):
    expected = cli_urls(sample_settings, {"q": intended})
    assert expected and cli_urls(sample_settings, {"q": typo}) == expected
    urls, body = service_urls(service, typo)
    assert urls == expected and body["showing"].lower() == intended.lower()
    page = page_factory()
    open_search(page, sample_server, {"q": typo})
    assert result_urls(page, sample_server) == expected
    note = page.locator("#search-correction")
    expect(note.locator("strong")).to_have_text(body["showing"])
    note.get_by_role("link", name=typo).click()
    expect(page.locator("#search-status")).not_to_be_empty()
    assert "exact=1" in page.url
    assert result_urls(page, sample_server) == cli_urls(sample_settings, {"q": typo, "exact": "1"})


def test_on_a_phone_the_first_result_shows_without_scrolling_and_typing_never_says_no_results(
        sample_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(sample_server.url + "/search/")
    expect(page.locator("#search-status")).to_have_text("Type words to search for, or choose a filter.")
    expect(page.locator("#search-section")).to_be_hidden()  # the filters wait behind one control
    said = []
    for text in ("K", "Kr"):
        page.locator("#search-q").fill(text)
        expect(page.locator("#search-status")).not_to_have_text(said[-1] if said else "")
        said.append(page.locator("#search-status").text_content())
    assert not any("No results" in text for text in said)
    expect(page.locator(".search-result").first).to_be_in_viewport(ratio=1)
    box = page.locator(".search-result").first.bounding_box()
    assert box["y"] + box["height"] <= 844
    context.close()


@pytest.mark.parametrize("q, lexicon_files", [("kyiv strike", 0), ("Kiev", 0), ("ballistic misile", 1)])
def test_the_term_list_for_corrections_is_fetched_only_for_an_unknown_word(sample_server, page_factory, q,
                                                                          lexicon_files):
    page = page_factory()
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    open_search(page, sample_server, {"q": q})
    assert len([url for url in fetched if "/search-index/lexicon/" in url]) == lexicon_files
    assert page.console_errors == []
