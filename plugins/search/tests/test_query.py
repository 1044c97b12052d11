import pytest
from whoosh import query as wq

from plugins.search.query import (
    PREFIX_MAX_TERMS,
    parse_query,
    prefix_expansions,
    rank_key,
    run_search,
    whoosh_query,
)
from plugins.search.plan import Plan
from plugins.search.request import SearchRequest


@pytest.mark.parametrize("text, terms, phrases, prefix", [
    ("kryvyi rih strike", ("kryvyi", "rih"), (), "strike"),
    ("kryvyi rih strike ", ("kryvyi", "rih", "strike"), (), ""),
    ('"ballistic missile" kyiv', (), (("ballist", "missil"),), "kyiv"),
    ('"ballistic missile"', (), (("ballist", "missil"),), ""),
    ('"meeting of commanders"', (), (("meet", "command"),), ""),
    ('"kyiv"', ("kyiv",), (), ""),
    ('"the"', (), (), ""),
    ('unbalanced "quote kyiv', ("unbalanc", "quot"), (), "kyiv"),
    ('"a" "b', (), (), ""),
    ("title:kyiv AND body:strike", ("titl", "kyiv", "bodi"), (), "strike"),
    ("strikes strike striking", ("strike",), (), "striking"),
    ("kr", (), (), "kr"),  # two letters already find "Kryvyi" while typing (issue 15)
    ("k", (), (), ""),
    ("kry", (), (), "kry"),
    ("kyiv and", ("kyiv",), (), ""),
    ("-kyiv +rih* ~zel", ("kyiv", "rih"), (), "zel"),
    ("", (), (), ""),
    ("<script>alert(1)</script>", ("script", "alert"), (), ""),
])
def test_parse_query(text, terms, phrases, prefix):
    parsed = parse_query(text)
    assert (parsed.terms, parsed.phrases, parsed.prefix) == (tuple(dict.fromkeys(terms)), phrases, prefix)


def test_prefix_keeps_the_words_own_stem():
    parsed = parse_query("missiles")
    assert (parsed.prefix, parsed.prefix_term) == ("missiles", "missil")


@pytest.mark.parametrize("text", ["", "   ", "the of", '""', "!!!"])
def test_queries_without_words_are_empty(text):
    assert parse_query(text).empty


def test_whoosh_query_is_an_and_of_groups_over_the_text_fields():
    q = whoosh_query(Plan(groups=((("kyiv",),),), phrases=(("ballist", "missil"),)), [])
    assert isinstance(q, wq.And) and len(q.subqueries) == 2
    assert {t.fieldname for t in q.subqueries[0].subqueries} == {"title", "summary", "body", "names", "where"}
    assert all(isinstance(p, wq.Phrase) for p in q.subqueries[1].subqueries)


def test_rank_key_ignores_differences_below_a_billionth():
    assert rank_key(1.2345678901234) == rank_key(1.2345678901234 + 1e-14)
    assert rank_key(1.2345) > rank_key(1.2344)


def _urls(searcher, **params):
    results = run_search(searcher, SearchRequest.from_params({k: str(v) for k, v in params.items()}))
    return [hit.url.split("/")[-2] for hit in results.hits], results.total


@pytest.mark.parametrize("params, expected", [
    ({"q": "kryvyi rih"}, {"missile-strike", "drone-attack"}),
    ({"q": "Zelensky"}, {"missile-strike", "peace-talks"}),           # an alias, in names
    ({"q": "Kryvyy Rih"}, {"missile-strike", "drone-attack"}),
    ({"q": "strikes "}, {"missile-strike", "drone-attack", "peace-talks"}),  # stem: strikes = strike
    ({"q": '"ballistic missile"'}, {"missile-strike"}),
    ({"q": '"missile ballistic"'}, set()),                               # phrase order matters
    ({"q": "kry"}, {"missile-strike", "drone-attack"}),                 # prefix
    ({"q": "kryvyi", "place": "kyiv"}, set()),
    ({"q": "strike", "section": "diplomacy"}, {"peace-talks"}),
    ({"q": "strike", "topic": "drones"}, {"drone-attack"}),
    ({"q": "aid", "person": "donald-trump"}, {"aid-pause"}),
    ({"q": "", "from": "2025-03", "to": "2025-03"}, {"aid-pause"}),
    ({"q": "", "from": "2025-04-30", "to": "2025-05"}, {"drone-attack"}),     # an event spanning April
    ({"q": "", "from": "2025-04-05", "to": "2025-04-05"}, {"drone-attack", "peace-talks"}),
    ({"q": "", "to": "2025-03-02"}, set()),
    ({"q": "nothing-like-this"}, set()),
])
def test_search_finds_what_each_rule_promises(searcher, params, expected):
    urls, total = _urls(searcher, **params)
    assert set(urls) == expected and total == len(expected)


def test_every_word_must_match(searcher):
    assert _urls(searcher, q="kryvyi playground ")[0] == ["missile-strike"]


def test_title_matches_rank_above_body_matches(searcher):
    urls, _ = _urls(searcher, q="drone ")
    assert urls[0] == "drone-attack"


def test_newest_orders_by_publication_time(searcher):
    urls, _ = _urls(searcher, q="strike ", sort="newest")
    assert urls == ["drone-attack", "missile-strike", "peace-talks"]


def test_filters_alone_list_newest_first(searcher):
    assert _urls(searcher, q="", place="kryvyi-rih")[0] == ["drone-attack", "missile-strike"]


def test_no_words_and_no_filters_finds_nothing(searcher):
    assert _urls(searcher, q="   ") == ([], 0)


def test_limit_and_offset_page_through_the_same_ranking(searcher):
    everything, total = _urls(searcher, q="strike ", limit=10)
    pages = [_urls(searcher, q="strike ", limit=1, offset=n)[0] for n in range(total)]
    assert [page[0] for page in pages] == everything


def test_prefix_expansion_is_capped_and_in_order(searcher):
    found = prefix_expansions(searcher, "k")
    assert found == sorted(found) and len(found) <= PREFIX_MAX_TERMS and "kryvyi" in found


def test_hits_carry_a_highlighted_excerpt(searcher):
    hit = run_search(searcher, SearchRequest.from_params({"q": "playground"})).hits[0]
    assert "[playground]" in hit.excerpt.marked()
