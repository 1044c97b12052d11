import pytest

from desk.importer.archive import KnownEntry
from desk.importer.sections import guess_section


@pytest.mark.parametrize("text, expected", [
    ("Missiles and drones hit the city overnight; artillery attacks damaged homes.", "strikes"),
    ("Diplomats met for talks and negotiations between governments on how the war might end.", "diplomacy"),
    ("The government paused weapons deliveries and funding of defence aid.", "military-aid"),
])
def test_section_is_guessed_from_the_registry_descriptions(registries, text, expected):
    assert guess_section(text, registries)[0] == expected


def test_entries_already_filed_teach_the_guess(registries):
    text = "Flotilla of zeppelins seen over the harbour."
    assert guess_section(text, registries)[0] == ""
    filed = [KnownEntry(path=None, title="Zeppelins over the harbour", section="media")]
    assert guess_section(text, registries, filed) == ("media", ["zeppelins", "harbour"])
