"""The page's JavaScript reads text and queries exactly as the Python side does (run in Chromium)."""

import json
import re

import pytest

from plugins.search.analysis import manifest_entry, terms
from plugins.search.excerpts import excerpt
from plugins.search.query import PREFIX_MIN_LENGTH, parse_query
from plugins.search.request import BadRequest, SearchRequest
from plugins.search.tests.hostile import hostile_queries
from tests.support.sites import ROOT

pytestmark = pytest.mark.browser

WORDS = (ROOT / "plugins" / "search" / "tests" / "porter_words.txt").read_text(encoding="utf-8").split()
ANALYSIS_RULES = json.dumps(manifest_entry())
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "content" / "articles").rglob("*.md"))]
QUERIES = [q for q in hostile_queries() if "\ud800" not in q] + [
    "kryvyi rih strike", "kryvyi rih strike ", '"ballistic missile" kyiv', 'unbalanced "quote kyiv', "kry", "kr",
    "kyiv and", '"a" "b', "strikes strike striking", "Зеленський", "U.S. aid", '"the"', "title:kyiv",
    "Kyïv café naïve İstanbul", "Ґрунт Європа Ёлка Їжак Київ", "Йосип ўсё Crème BRÛLÉE"]


@pytest.fixture(scope="module")
def modules(browser, sample_server):
    """A page of the built site, for importing the search modules."""
    page = browser.new_page()
    page.goto(sample_server.url + "/search/")
    yield page
    page.close()


def js(page, body: str, arg=None):
    return page.evaluate(f"async (arg) => {{ {body} }}", arg)


def test_porter_stemmer_matches_whoosh_word_for_word(modules):
    from whoosh.lang.porter import stem

    stems = js(modules, 'const {stem} = await import("/theme/js/search-porter.js"); return arg.map(stem);', WORDS)
    differing = [(w, stem(w), s) for w, s in zip(WORDS, stems) if stem(w) != s]
    assert len(WORDS) > 5000 and differing == []


def test_word_characters_match_python_for_every_assigned_code_point(modules):
    import unicodedata

    matched = set(js(modules, """const re = /^[\\p{L}\\p{N}_]$/u, out = [];
        for (let cp = 0; cp <= 0x10FFFF; cp++) {
          if ((cp < 0xD800 || cp > 0xDFFF) && re.test(String.fromCodePoint(cp))) out.push(cp);
        } return out;"""))
    word = re.compile(r"\w")
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF or unicodedata.category(chr(cp)) == "Cn":
            continue  # unassigned in Python's Unicode: browsers may know newer letters
        assert (cp in matched) == bool(word.match(chr(cp))), hex(cp)


@pytest.mark.parametrize("source", ["texts", "queries"])
def test_analyzer_gives_the_same_terms(modules, source):
    texts = TEXTS if source == "texts" else QUERIES
    got = js(modules, f"""const {{makeAnalyzer}} = await import("/theme/js/search-analysis.js");
        const a = makeAnalyzer({ANALYSIS_RULES}); return arg.map((t) => a.terms(t));""", texts)
    assert got == [terms(t) for t in texts]


def test_query_parser_gives_the_same_terms_phrases_and_prefix(modules):
    got = js(modules, f"""const {{makeAnalyzer}} = await import("/theme/js/search-analysis.js");
        const {{parseQuery}} = await import("/theme/js/search-query.js");
        const a = makeAnalyzer({ANALYSIS_RULES});
        return arg.map((q) => {{ const p = parseQuery(q, a, {{prefix_min_length: {PREFIX_MIN_LENGTH}}});
          return [p.terms, p.phrases, p.prefix, p.prefixTerm]; }});""", QUERIES)
    for query, (found_terms, phrases, prefix, prefix_term) in zip(QUERIES, got):
        parsed = parse_query(query)
        assert (tuple(found_terms), tuple(map(tuple, phrases)), prefix, prefix_term) == \
            (parsed.terms, parsed.phrases, parsed.prefix, parsed.prefix_term), query


BAD = [{"q": "x" * 501}, {"q": "kyiv\x00"}, {"q": "\x1b[31m"}, {"place": "Kryvyi Rih"}, {"person": "../x"},
       {"from": "2025-13"}, {"to": "2025-02-30"}, {"from": "2025-05", "to": "2025-04"}, {"sort": "oldest"},
       {"limit": "ten"}, {"limit": "0"}, {"sort": "\u202e" + "x" * 50}, {"q": "🇺🇦" * 300}]


@pytest.mark.parametrize("params", BAD, ids=range(len(BAD)))
def test_bad_parameters_get_the_services_message(modules, params):
    with pytest.raises(BadRequest) as caught:
        SearchRequest.from_params(params)
    message = js(modules, """const {checkRequest} = await import("/theme/js/search-query.js");
        try { checkRequest(new URLSearchParams(arg), {max_length: 500}); return null; }
        catch (e) { return e.message; }""", params)
    assert message == str(caught.value)


def test_excerpts_are_the_same_passage_with_the_same_marks(modules):
    cases = [(text, sorted(parse_query(q).terms), parse_query(q).prefix) for text in TEXTS[:6]
             for q in ("kryvyi rih strike", "zelensky missile ", "children", "kry")]
    got = js(modules, f"""const {{makeAnalyzer}} = await import("/theme/js/search-analysis.js");
        const {{excerpt}} = await import("/theme/js/search-excerpt.js");
        const a = makeAnalyzer({ANALYSIS_RULES});
        return arg.map(([text, terms, prefix]) => {{ const e = excerpt(text, a, new Set(terms), prefix);
          return [e.text, e.highlights.map(([s, f]) => e.text.slice(s, f))]; }});""", cases)
    for (text, match_terms, prefix), (js_text, js_marks) in zip(cases, got):
        expected = excerpt(text, set(match_terms), prefix)
        assert js_text == expected.text
        assert js_marks == [expected.text[a:b] for a, b in expected.highlights]


def test_edit_distance_and_suggestion_match_whoosh(modules):
    from whoosh.support.levenshtein import damerau_levenshtein

    from plugins.search.spelling import best_suggestion

    pairs = [(a, b) for a in ("misile", "zelenskij", "kharkov", "київ", "ab", "") for b in
             ("missil", "zelenski", "kharkiv", "киів", "ba", "abc", "")]
    got = js(modules, 'const {distance} = await import("/theme/js/search-plan.js"); '
                      'return arg.map(([a, b]) => distance(a, b));', pairs)
    assert got == [damerau_levenshtein(a, b) for a, b in pairs]
    lexicon = ["missil", 3, "mile", 5, "misl", 9, "zelenski", 4, "zelenskii", 1]
    words = ["misil", "zelenskij", "mxyzpt"]
    got = js(modules, 'const {bestSuggestion} = await import("/theme/js/search-plan.js"); '
                      f'return arg.map((w) => bestSuggestion(w, {json.dumps(lexicon)}));', words)
    assert got == [best_suggestion(w, dict(zip(lexicon[0::2], lexicon[1::2]))) for w in words]
