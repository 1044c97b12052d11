from pathlib import Path

import pytest

from plugins.importer.archive import KnownEntry
from plugins.importer.duplicates import address_key, find_duplicate

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


@pytest.mark.parametrize("canonical, title, found", [
    ("https://news.example/world/strike-18", "Anything at all", True),
    ("", "Missile strike on Kryvyi Rih kills 18.", True),
    ("", "Missile Strike on Kryvyy Rih kills 18", True),
    ("", "Missile strike on Kryvyi Rih kills 20 after rescue work ends", False),
    ("https://other.example/x", "Talks in Jeddah", False),
])
def test_same_address_or_nearly_same_title_is_a_duplicate(canonical, title, found):
    assert (find_duplicate(KNOWN, canonical, title) is not None) is found
