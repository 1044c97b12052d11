"""One slug rule for ./dev new, the importer and file-name fixes: short, whole words, Cyrillic kept readable."""

import datetime as dt

import pytest

from plugins.entries.scaffold import new_entry_path
from plugins.entries.slugs import SLUG_MAX, slugify

LONG = "Russia and Ukraine trade accusations after a strike on an energy facility near the French military mission"


@pytest.mark.parametrize("title, slug", [
    (LONG, "russia-and-ukraine-trade-accusations-after-a-strike-on-an"),
    ("Удар по Харкову: четверо загиблих", "udar-po-kharkovu-chetvero-zahyblykh"),
    ("Kyiv\u202e after the\u200b night", "kyiv-after-the-night"),
    ("Café — « quoted » ½", "cafe-quoted-12"),
    ("!!!", "entry"),
])
def test_a_title_becomes_a_readable_slug_cut_between_words(title, slug):
    assert slugify(title) == slug and len(slug) <= SLUG_MAX


def test_dev_new_names_the_file_by_the_same_rule():
    path = new_entry_path("content", LONG, dt.datetime(2025, 4, 4))
    assert path.name == slugify(LONG) + ".md" and not path.stem.endswith("-militar")
