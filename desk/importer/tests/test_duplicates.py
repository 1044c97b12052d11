from pathlib import Path

import pytest

from desk.importer.archive import KnownEntry
from desk.importer.duplicates import address_key, find_duplicate

KNOWN = [KnownEntry(Path("a.md"), "Missile strike on Kryvyi Rih kills 18",
                    urls=["https://www.news.example/world/strike-18/?utm_source=x"])]


@pytest.mark.parametrize("url", [
    "https://www.news.example/world/strike-18/",
    "http://news.example/world/strike-18",
    "https://news.example/world/strike-18?utm_medium=social&fbclid=abc#comments",
])
def test_copies_of_one_address_meet(url):
    assert address_key(url) == address_key("https://news.example/world/strike-18")


def test_different_query_values_are_different_pages():
    assert address_key("https://n.example/a?id=1") != address_key("https://n.example/a?id=2")


BODY = ("A Russian ballistic missile struck a residential district of Kryvyi Rih on Friday evening, hitting a "
        "playground and the streets around it. Eighteen people were killed, nine of them children, and 72 were "
        "injured, the governor of the region said on Sunday morning.")
KNOWN_WITH_TEXT = [KnownEntry(Path("b.md"), "Missile strike on Kryvyi Rih kills 18", body=BODY,
                              post_urls=["https://x.com/someone/status/1"])]


@pytest.mark.parametrize("canonical", ["https://news.example/world/strike-18", "https://x.com/someone/status/1?s=20",
                                       "https://twitter.com/someone/status/1"])
def test_an_address_cited_as_a_source_or_a_post_card_is_a_duplicate(canonical):
    found = find_duplicate(KNOWN + KNOWN_WITH_TEXT, canonical, "")
    assert found is not None and canonical.split("?")[0].split("/")[-1] in found.reason


@pytest.mark.parametrize("body", [BODY, BODY.replace("Friday evening", "Friday night") + " More follows."])
def test_nearly_the_same_text_is_a_duplicate_whatever_the_title(body):
    found = find_duplicate(KNOWN_WITH_TEXT, "", body)
    assert found is not None and found.entry.path == Path("b.md") and "five-word runs" in found.reason


def test_a_different_report_with_a_similar_title_is_not_a_duplicate():
    other = ("Rescue work in Kryvyi Rih ended on Monday. The city council said twenty apartment buildings, more "
             "than thirty cars, a school and a restaurant had been damaged, and set up a fund for the families.")
    assert find_duplicate(KNOWN_WITH_TEXT, "", other) is None
