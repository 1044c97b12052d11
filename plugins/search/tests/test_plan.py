"""Names widened to every spelling, unknown words corrected: plan.py over a small index."""

import pytest

from plugins.search.aliases import AliasTable, name_group
from plugins.search.plan import plan_query
from plugins.search.query import parse_query, prefix_expansions, run_search
from plugins.search.request import SearchRequest
from plugins.search.spelling import IndexLexicon, best_suggestion

KRYVYI_RIH = name_group(["Kryvyi Rih", "Kryvyy Rih", "Krivoy Rog", "Кривий Ріг"])
KYIV = name_group(["Kyiv", "Kiev", "Київ"])
ALIASES = AliasTable([KRYVYI_RIH, KYIV])


def plan_for(searcher, text, correct=True):
    parsed = parse_query(text)
    expansions = prefix_expansions(searcher, parsed.prefix) if parsed.prefix else []
    return plan_query(parsed, IndexLexicon(searcher, ALIASES), expansions, correct=correct)


def urls(searcher, q, **params):
    results = run_search(searcher, SearchRequest.from_params({"q": q, **params}), ALIASES)
    return [hit.url for hit in results.hits], results


def test_a_name_group_keeps_each_spelling_and_widens_to_the_shortest():
    group = name_group(["Volodymyr Zelenskyy", "Zelenskyy", "Zelensky"])
    assert group.spellings == (("volodymyr", "zelenskyi"), ("zelenskyi",), ("zelenski",))
    assert group.alternatives == (("zelenskyi",), ("zelenski",))


@pytest.mark.parametrize("text", ["Krivoy Rog", "Кривий Ріг", "krivoy rog ", "Kryvyy Rih"])
def test_any_spelling_of_a_name_becomes_one_group_of_every_spelling(searcher, text):
    plan = plan_for(searcher, text)
    assert plan.groups == (KRYVYI_RIH.alternatives,) and plan.prefix == ""
    assert plan.widened == (KRYVYI_RIH.names,)


@pytest.mark.parametrize("variant", ["Kiev", "Київ", "kiev "])
def test_a_spelling_found_in_no_entry_finds_the_entries_of_the_others(searcher, variant):
    assert urls(searcher, variant)[0] == urls(searcher, "Kyiv")[0] != []


def test_an_unknown_word_is_read_as_the_nearest_indexed_one_and_exact_turns_that_off(searcher):
    found, results = urls(searcher, "balistic missile")
    assert found == urls(searcher, "ballistic missile")[0] != []
    assert results.showing == "ballistic missile"
    found, results = urls(searcher, "balistic missile", exact="1")
    assert found == [] and results.showing == ""


def test_a_word_being_typed_is_not_corrected_while_it_starts_an_indexed_word(searcher):
    plan = plan_for(searcher, "playgr")
    assert plan.corrections == () and plan.prefix == "playgr"


def test_short_words_are_not_corrected(searcher):
    assert plan_for(searcher, "xq ").corrections == ()


@pytest.mark.parametrize("counts, expected", [
    ({"missil": 3, "mile": 9}, "missil"),          # closer wins over more frequent
    ({"mistil": 0, "mile": 9}, None),              # a term in no entry is no suggestion; "mile" is too far
    ({"mistil": 5, "missil": 2}, "mistil"),        # same distance: in more entries
    ({"mistil": 5, "missil": 5}, "missil"),        # then the first in order
    ({"zzz": 1}, None),
])
def test_the_best_suggestion_is_the_closest_then_most_used_then_first(counts, expected):
    assert best_suggestion("misil", counts) == expected
