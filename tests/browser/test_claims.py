"""The claim ledger, glossary, corrections log and track records in headless Chromium."""

import pytest

from tests.support.a11y import axe_violations

pytestmark = pytest.mark.browser

MOD_ON_STRIKE = "kryvyi-rih-missile-strike-kills-18--event-1-claim-1"
MOD_ON_CLAIM = "russia-claims-kryvyi-rih-strike-hit-commanders--event-1-claim-1"
PUSHILIN = "horlivka-shelling-and-donetsk-drone-claims--event-1-claim-1"
SECURITY = "horlivka-shelling-and-donetsk-drone-claims--event-2-claim-1"
OLESHKO = "oleshko-post-ukraine-border-claim--event-1-claim-1"
ALL_CLAIMS = {MOD_ON_STRIKE, MOD_ON_CLAIM, PUSHILIN, SECURITY, OLESHKO}

PAGES = {
    "ledger": "/claims/",
    "status page": "/claims/status/disputed/",
    "speaker page": "/claims/by/russian-ministry-of-defence/",
    "glossary": "/claims/statuses/",
    "corrections": "/corrections/",
    "track record": "/organisations/russian-ministry-of-defence/",
    "person track record": "/people/denis-pushilin/",
}


def visible_claims(page) -> set:
    return set(page.eval_on_selector_all(".ledger-claim", "rows => rows.filter(r => r.offsetParent !== null)"
                                                          ".map(r => r.id)"))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_claim_pages_have_no_axe_violations(sample_server, page_factory, name):
    page = page_factory()
    page.goto(sample_server.url + PAGES[name])
    assert axe_violations(page) == []
    assert page.console_errors == []


@pytest.mark.parametrize("url, expected", [
    ("/claims/", ALL_CLAIMS),
    ("/claims/status/disputed/", {MOD_ON_STRIKE, MOD_ON_CLAIM}),
    ("/claims/status/unverified/", {PUSHILIN, SECURITY, OLESHKO}),
    ("/claims/by/denis-pushilin/", {PUSHILIN}),
])
def test_ledger_pages_filter_by_status_and_speaker_without_javascript(sample_server, page_factory, url, expected):
    page = page_factory(javascript=False)
    page.goto(sample_server.url + url)
    assert visible_claims(page) == expected
    assert page.locator("[data-claim-filters]").is_hidden()  # the form needs the script; the links do not


def test_ledger_filters_by_status_then_speaker_and_writes_the_url(sample_server, page_factory):
    page = page_factory()
    page.goto(sample_server.url + "/claims/")
    assert visible_claims(page) == ALL_CLAIMS
    page.get_by_label("Status", exact=True).select_option("unverified")
    assert visible_claims(page) == {PUSHILIN, SECURITY, OLESHKO}
    page.get_by_label("Speaker", exact=True).select_option("denis-pushilin")
    assert visible_claims(page) == {PUSHILIN}
    assert page.url == f"{sample_server.url}/claims/?status=unverified&by=denis-pushilin"
    assert page.locator("[data-filter-status]").text_content() == "Showing 1 of 5 claims: Unverified, Denis Pushilin."
    assert page.console_errors == []


def test_ledger_filters_are_restored_from_the_url(sample_server, page_factory):
    page = page_factory()
    page.goto(sample_server.url + "/claims/?status=disputed&by=russian-ministry-of-defence")
    assert visible_claims(page) == {MOD_ON_STRIKE, MOD_ON_CLAIM}
    assert page.get_by_label("Status", exact=True).input_value() == "disputed"
    page.get_by_role("button", name="Show all").click()
    page.wait_for_url(f"{sample_server.url}/claims/")  # the reset is applied on the next tick, then the URL follows
    assert visible_claims(page) == ALL_CLAIMS


def test_claim_badge_leads_to_its_definition_in_the_glossary(sample_server, page_factory):
    page = page_factory(javascript=False)
    page.goto(sample_server.url + "/2025/04/06/kryvyi-rih-missile-strike-kills-18/")
    page.locator(".claim .badge").first.click()
    assert page.url == f"{sample_server.url}/claims/statuses/#status-disputed"
    assert "the other side denies" in page.locator("#status-disputed dd").text_content()
