import pytest

from plugins.entries.errors import EntryErrors
from plugins.entries.registry import load_registries
from tests.support.sites import FIXTURES


@pytest.fixture(scope="module")
def registries():
    return load_registries(FIXTURES / "mini" / "data")


@pytest.mark.parametrize("name, expected", [
    ("rivertown", "rivertown"),
    ("River Town", "rivertown"),
    ("river-town", "rivertown"),
    ("RIVERTOWN", "rivertown"),
    ("Рівертаун", "rivertown"),
    ("Hill Ville", "hillville"),
    ("Atlantis", None),
])
def test_places_resolve_by_id_name_or_alias(registries, name, expected):
    assert registries.places.resolve(name) == expected


def test_unknown_name_gets_a_suggestion(registries):
    assert registries.places.suggest("Rivertwn") == "did you mean 'rivertown'?"


def test_an_alias_shared_by_two_entities_is_an_error(tmp_path):
    (tmp_path / "people.yml").write_text(
        "- {id: a-b, name: A B, aliases: [Shared]}\n- {id: c-d, name: C D, aliases: [shared]}\n", encoding="utf-8")
    with pytest.raises(EntryErrors) as caught:
        load_registries(tmp_path)
    problem = caught.value.problems[0]
    assert problem.line == 2 and "also names 'a-b'" in problem.what


def test_unknown_registry_field_is_reported_with_its_line(tmp_path):
    (tmp_path / "places.yml").write_text("- id: x\n  name: X\n- id: y\n  name: Y\n  latitude: 3\n", encoding="utf-8")
    with pytest.raises(EntryErrors) as caught:
        load_registries(tmp_path)
    assert caught.value.problems[0].line == 3
    assert "latitude" in caught.value.problems[0].what
