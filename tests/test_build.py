"""Whole builds of the fixture archive: URLs, pages, escaping, and the build's guarantees."""

import json

import pytest
from pelican import signals

from plugins.entries import BuildIncomplete
from plugins.entries.errors import EntryErrors
from tests.support.sites import FIXTURES, build_site, soup

ARTICLE = "2025/04/05/rivertown-strike/"


@pytest.mark.parametrize("url", [
    "", ARTICLE, "2025/03/10/talks-in-hillville/", "2024/12/30/drone-season/",
    "2025/", "2025/04/", "archives/", "about-the-test-archive/",
    "people/", "people/ada-ivanova/", "places/", "places/rivertown/", "places/hillville/",
    "topics/", "topics/civilian-harm/", "sections/", "sections/strikes/", "stories/rivertown-siege/",
    "organisations/defence-ministry/",
])
def test_page_exists_at_its_stable_url(mini_site, url):
    page = soup(mini_site, url)
    assert page.find("h1") is not None
    assert page.find("main") is not None


def test_article_page_shows_everything_the_entry_holds(mini_site):
    page = soup(mini_site, ARTICLE)
    assert page.h1.get_text() == "Strike on Rivertown kills 4"
    assert "A missile hits a market" in page.select_one(".entry-header .entry-summary").get_text()
    event = page.find(id="event-1")
    assert "4 April 2025" in event.get_text() and event.find("a", href="../../../../places/rivertown/")
    counts = {dt.get_text(): dd.get_text() for dt, dd in zip(event.select("dt"), event.select("dd"))}
    assert counts == {"Killed": "4", "Injured": "12", "Children killed": "1"}
    badge = event.select_one(".claim .badge")
    assert badge.get_text() == "Disputed" and "badge-disputed" in badge["class"]
    assert page.find(id="event-2").find("time")["datetime"] == "2025-04-04T22:15+03:00"
    sources = page.select(".entry-sources li")
    assert sources[0].find("a", string="archived copy")["href"].startswith("https://web.archive.org/")
    assert "Injured count raised" in page.select_one(".entry-corrections").get_text()
    tags = page.select_one(".entry-tags").get_text(" ")
    for name in ("Civilian harm", "Ada Ivanova", "Rivertown", "Defence Ministry of Otherland"):
        assert name in tags


def test_post_card_renders_as_static_figure(mini_site):
    card = soup(mini_site, ARTICLE).select_one("figure.post-card")
    assert card.select_one(".post-author").get_text() == "Ada Ivanova"
    assert card.select_one(".post-handle").get_text() == "@ada_mayor"
    assert card.find("time")["datetime"] == "2025-04-04"
    assert card.select_one("a.post-link")["href"] == "https://example.org/posts/1"
    assert "Four dead in the market." in card.blockquote.get_text()
    assert not soup(mini_site, ARTICLE).find("script", src=lambda s: s and "://" in s)


def test_title_with_script_is_shown_as_text(mini_site):
    page = soup(mini_site, "2025/02/01/script-title/")
    assert page.h1.get_text() == "<script>alert('title')</script> & a test of escaping"
    scripts = page.find_all("script")
    assert all(s.get("src") or s.get("type") == "application/ld+json" for s in scripts)
    ld = json.loads(page.find("script", type="application/ld+json").string)
    assert ld["headline"].startswith("<script>")
    assert page.find("meta", property="og:title")["content"].startswith("<script>")


def test_bom_and_crlf_entry_is_published(mini_site):
    assert soup(mini_site, "2025/01/15/bom-crlf/").h1.get_text() == "Entry saved with a BOM and CRLF line endings"


def test_drafts_are_validated_but_not_published(mini_site):
    assert not (mini_site / "2025/04/07/draft-entry").exists()
    assert not any("draft-entry" in p for p in (mini_site / "sitemap.xml").read_text().split())


def test_json_ld_is_a_news_article(mini_site):
    ld = json.loads(soup(mini_site, ARTICLE).find("script", type="application/ld+json").string)
    assert ld["@type"] == "NewsArticle"
    assert ld["datePublished"] == "2025-04-05T10:30:00+03:00"
    assert ld["citation"][0]["url"] == "https://example.org/market"


def test_entity_page_lists_entries_that_name_it_in_events(mini_site):
    page = soup(mini_site, "places/hillville/")
    titles = [a.get_text() for a in page.select(".entry-card-title a")]
    assert titles == ["Strike on Rivertown kills 4", "Talks in Hillville end without a deal"]


def test_entries_in_equal_pages_out_fails_when_an_entry_is_dropped(tmp_path):
    def drop_one(generator):
        generator.articles.pop()

    signals.article_generator_pretaxonomy.connect(drop_one)
    try:
        with pytest.raises(BuildIncomplete, match="6 entry files, 5 read"):
            build_site(FIXTURES / "mini", tmp_path / "output")
    finally:
        signals.article_generator_pretaxonomy.disconnect(drop_one)


def test_broken_entry_fails_the_build_and_keeps_previous_output(archive_copy, tmp_path):
    output = build_site(archive_copy, tmp_path / "output")
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    (archive_copy / "articles" / "2025" / "bad.md").write_text(
        "---\ntitle: Bad\ndate: 2025-02-30\nsummary: S\nsection: strikes\n---\n", encoding="utf-8")
    with pytest.raises(EntryErrors) as caught:
        build_site(archive_copy, output)
    assert "bad.md:3:" in str(caught.value)
    after = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before
    assert not (tmp_path / "output.partial").exists()


def test_two_entries_with_one_url_fail_the_build(archive_copy, tmp_path):
    text = (archive_copy / "articles/2025/talks-in-hillville.md").read_text()
    (archive_copy / "articles/2024/talks-in-hillville.md").write_text(text, encoding="utf-8")
    with pytest.raises(EntryErrors, match="the same slug"):
        build_site(archive_copy, tmp_path / "output")
