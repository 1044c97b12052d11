"""Places the registry lacks, found in GeoNames by their Latin, Cyrillic or inflected names."""

import pytest

from desk.importer.gazetteer import aliases_for, lookup


@pytest.mark.parametrize("name, expected", [
    ("Odesa", "Odesa"), ("Одеса", "Odesa"), ("Одессе", "Odesa"), ("Харкові", "Kharkiv"), ("Харькове", "Kharkiv"),
    ("Запорожья", "Zaporizhzhya"), ("Zaporizhzhia", "Zaporizhzhya"), ("Mykolaiv", "Mykolayiv"),
])
def test_a_city_is_found_by_any_of_its_names_or_their_inflected_forms(name, expected):
    place = lookup(name)
    assert place is not None and (place.name, place.country) == (expected, "Ukraine")


@pytest.mark.parametrize("word", ["Загинули", "Sunday", "Firefighters"])
def test_common_words_are_not_places(word):
    assert lookup(word, inflected=False) is None


def test_aliases_are_spellings_of_the_name_not_old_names(registries):
    aliases = aliases_for(lookup("Odesa"), "Odesa", registries.places)
    assert "Одеса" in aliases and "Odessa" in aliases and "Коцюбіїв" not in aliases
