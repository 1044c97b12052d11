"""The reader never fails with anything but a maintainer-facing Problem naming file and line."""

import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugins.entries.errors import Problem
from plugins.entries.registry import load_registries
from plugins.entries.validation import ProblemList, load_entry
from tests.support.sites import FIXTURES

REGISTRIES = load_registries(FIXTURES / "mini" / "data")
KEYS = ["title", "date", "updated", "summary", "slug", "section", "topics", "people", "places", "organisations",
        "story", "status", "lang", "sources", "events", "corrections", "casualties", "claims", "by", "says",
        "place", "kind", "end", "killed", "url", "publisher"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30), st.floats(allow_nan=True),
    st.text(max_size=40), st.sampled_from(["2025-02-30", "2025-13-01", "0000-01-01", "9999-12-31T23:59:59+14:00",
                                           "2025-04", "2025", "rivertown", "River Town", "confirmed", "https://x.y",
                                           "-1", "1e400", ".inf", "~", "<script>", "2025-04-04T25:61"]),
)
yaml_values = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), children, max_size=5)),
    max_leaves=25,
)


def _assert_only_problems(raw: bytes):
    try:
        load_entry("fuzz.md", REGISTRIES, raw=raw)
    except Problem as problem:
        assert problem.path == "fuzz.md" and problem.line >= 1 and problem.what
    except ProblemList as many:
        assert many.problems
        assert all(p.path == "fuzz.md" and p.line >= 1 and p.what for p in many.problems)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(KEYS), yaml_values, max_size=10))
def test_random_front_matter_gives_problems_not_crashes(data):
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\nBody\n"
    _assert_only_problems(text.encode("utf-8"))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_give_problems_not_crashes(raw):
    _assert_only_problems(raw)
    _assert_only_problems(b"---\n" + raw + b"\n---\n")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=string.printable + "äЖ\u200b\ufeff\x00", max_size=200))
def test_random_text_between_fences_gives_problems_not_crashes(text):
    _assert_only_problems(("---\n" + text + "\n---\n").encode("utf-8", "surrogatepass"))


def test_deep_nesting_is_a_problem_not_a_crash():
    deep = "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n"
    _assert_only_problems(deep.encode())
    nested = "---\nevents:\n" + "".join("  " * i + "- \n" for i in range(1, 200)) + "---\n"
    _assert_only_problems(nested.encode())


def test_yaml_aliases_bomb_is_a_problem_not_a_hang():
    bomb = "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n" \
           "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\ntitle: *e\n---\n"
    _assert_only_problems(bomb.encode())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["::: post", ":::", "author: A", "date: 2025-04-31", "date: 2025-04-01",
                                 "url: https://x.y", "url: javascript:alert(1)", "handle: @h", "", "text <b>x</b>",
                                 "platform: X", "nonsense line"]), max_size=12))
def test_post_card_blocks_in_any_order_give_problems_or_safe_html(lines):
    from bs4 import BeautifulSoup

    from plugins.entries.reader import post_card_problems, render_markdown

    body = "\n".join(lines)
    problems = post_card_problems("fuzz.md", body, 10)
    assert all(p.line >= 10 for p in problems)
    cards = BeautifulSoup(render_markdown(body, {}), "html.parser").select("figure.post-card")
    for card in cards:
        assert card.find("b") is None  # post text is shown as text, never as HTML
        if not problems:  # what the build would publish
            assert all(a["href"].startswith("https://") for a in card.find_all("a"))
