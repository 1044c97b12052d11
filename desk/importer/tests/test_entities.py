"""Registry names found in text: folding, short names, longest match, surnames, unknown names."""

import pytest

from plugins.entries.registry import normalise
from desk.importer.entities import NameFinder, fold, proposed_ids, surnames, unknown_names


def test_fold_matches_the_registry_normalise_for_every_registry_name(registries):
    names = [n for kind in registries.by_kind for e in registries.by_kind[kind] for n in (e.name, *e.aliases)
             if "'s " not in n and "’s " not in n]
    assert names and [fold(n)[0].strip() for n in names] == [normalise(n) for n in names]


def test_fold_keeps_the_origin_of_each_character():
    folded, origin = fold("Kyïv’s  mayor")
    assert folded == "kyiv mayor"
    assert [origin[0], origin[folded.index("m")]] == [0, 8]


def ids(registries, text, kind=None, **kwargs):
    found = NameFinder(registries, **kwargs).mentions(text)
    return [m.id for m in found if kind is None or m.kind == kind]


@pytest.mark.parametrize("text, kind, expected", [
    ("Russia’s Defense Ministry said", "organisations", ["russian-ministry-of-defence"]),
    ("Russia’s Defense Ministry said", "places", []),  # the longer name wins the overlap
    ("drones over the Kyiv region", "places", ["kyiv-oblast"]),
    ("KYIV and Kyïv and kiev", "places", ["kyiv", "kyiv", "kyiv"]),
    ("Donald Trump’s hesitation", "people", ["donald-trump"]),
    ("U.S. President", "places", ["united-states"]),
    ("let us know", "places", []),  # short names only as written
    ("a post on X", "organisations", ["x"]),
    ("an x-ray", "organisations", []),
])
def test_names_and_aliases_are_found_as_the_reader_would_resolve_them(registries, text, kind, expected):
    assert ids(registries, text, kind) == expected


def test_topics_do_not_compete_with_entities(registries):
    found = NameFinder(registries).mentions("Ukraine’s NATO membership")
    assert {(m.kind, m.id) for m in found} >= {("organisations", "nato"), ("topics", "nato")}


def test_surname_counts_once_the_full_name_appeared(registries):
    extra = surnames(registries, ["denis-pushilin"])
    assert ("people", "denis-pushilin", "Pushilin") in extra
    assert ids(registries, "Pushilin blamed Kyiv.", "people") == []
    assert ids(registries, "Pushilin blamed Kyiv.", "people", extra_names=extra) == ["denis-pushilin"]


def test_proposed_ids_keep_first_mention_order_without_repeats(registries):
    finder = NameFinder(registries)
    texts = ["Kryvyi Rih, then Kyiv.", "Kyiv again, and Kryvyi Rih."]
    assert proposed_ids([finder.mentions(t) for t in texts])["places"] == ["kryvyi-rih", "kyiv"]


@pytest.mark.parametrize("text, expected", [
    ("after the Cold War ended", ["Cold War"]),
    ("Defense Staff Chief Adm. Antony Radakin said", []),  # titles and known names are no unknown names
    ("The Ukrainian President spoke", []),
    ("a speech by Jane Q Public of the European Commission", ["Jane Q Public of the European Commission"]),
    ("Zelenskyy’s office", []),
])
def test_unknown_capitalised_names_are_listed(registries, text, expected):
    finder = NameFinder(registries)
    assert unknown_names(text, finder.mentions(text)) == expected
