"""Where the gazetteer is asked, and where it is not: a person's name or a region is no city."""

import pytest

from desk.importer.place_names import PlaceFinder


@pytest.mark.parametrize("sentence, expected", [
    ("Drones hit the port of Odesa overnight.", ["odesa"]),
    ("A bomb fell on Kharkiv, Governor Ivan Fedorov said.", ["kharkiv"]),  # not Eyvan, Iran
    ("Three were killed in attacks on the Zaporizhzhia region.", []),      # a region, not the city
    ("Ministers should stop asking what Washington will do.", []),         # not where anything happened
])
def test_gazetteer_places_are_proposed_only_where_a_place_is_meant(registries, sentence, expected):
    finder = PlaceFinder(registries, {})
    incident = "killed" in sentence or "hit" in sentence or "fell" in sentence
    assert [place.id for place in finder.places(sentence, [], incident)] == expected
