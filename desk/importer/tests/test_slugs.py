"""Slugs of imported drafts: at most 60 characters, whole words, Latin letters."""

import pytest

from desk.importer.slugs import SLUG_MAX, slug_of


@pytest.mark.parametrize("title, slug", [
    ("Ukrainian President Volodymyr Zelenskyy convened with British and French military leadership in Kyiv",
     "ukrainian-president-volodymyr-zelenskyy-convened-with"),
    ("Дрони атакували Суми вночі", "drony-atakuvaly-sumy-vnochi"),
    ("Glide bombs hit Kharkiv, killing four", "glide-bombs-hit-kharkiv-killing-four"),
])
def test_slugs_are_short_and_cut_between_words(title, slug):
    assert slug_of(title) == slug and len(slug) <= SLUG_MAX
