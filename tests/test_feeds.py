"""Feeds and machine-readable outputs: well-formed, complete, escaped."""

import json
import xml.etree.ElementTree as ET

import feedparser
import pytest


@pytest.mark.parametrize("path", [
    "feeds/all.atom.xml", "feeds/all.rss.xml",
    "feeds/sections/strikes.atom.xml", "feeds/sections/strikes.rss.xml",
    "feeds/topics/civilian-harm.atom.xml",
])
def test_feed_parses_without_errors(mini_site, path):
    feed = feedparser.parse((mini_site / path).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.entries


def test_all_feed_holds_every_published_entry_with_literal_titles(mini_site):
    feed = feedparser.parse((mini_site / "feeds/all.atom.xml").read_bytes())
    titles = {entry.title for entry in feed.entries}
    assert len(feed.entries) == 5
    assert "<script>alert('title')</script> & a test of escaping" in titles
    assert "A draft not yet published" not in titles


def test_section_feed_holds_only_its_section(mini_site):
    feed = feedparser.parse((mini_site / "feeds/sections/diplomacy.atom.xml").read_bytes())
    assert {e.title for e in feed.entries} >= {"Talks in Hillville end without a deal"}
    assert "Strike on Rivertown kills 4" not in {e.title for e in feed.entries}


def test_json_feed_follows_version_1_1(mini_site):
    document = json.loads((mini_site / "feeds/all.json").read_text())
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert len(document["items"]) == 5
    item = next(i for i in document["items"] if i["title"].startswith("Strike on Rivertown"))
    assert item["url"].endswith("/2025/04/05/rivertown-strike/")
    assert item["date_published"] == "2025-04-05T10:30:00+03:00"
    assert item["external_url"] == "https://example.org/market"


def test_sitemap_lists_every_page_and_no_draft(mini_site):
    tree = ET.parse(mini_site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = {loc.text.split("/", 3)[3] for loc in tree.findall(".//s:loc", ns)}
    pages = {str(p.relative_to(mini_site).parent) + "/" for p in mini_site.rglob("index.html")}
    pages = {"" if p == "./" else p for p in pages}
    assert pages - {p for p in pages if p.startswith("drafts/")} == locs
