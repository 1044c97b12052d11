"""Property: on any entry, valid or broken, ``invoke check`` and the build give the same verdict and the same problems.

Hypothesis writes one entry into a copy of the mini archive from a mix of
good and bad parts: dates of every precision, unknown topics, missing sources,
YAML anchors and aliases (up to bombs), lists and quotes nested past the limit,
post cards with and without their fields. The check (plugins/entries/check.py)
and a real build must list the same problems; when the check finds none, the
build must publish the entry. A few dozen examples keep the suite fast; each
builds the archive once (about a second).
"""

from __future__ import annotations

import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugins.entries.limits import MAX_BODY_NESTING
from tests.support.parity import build_problems, check_problems
from tests.support.sites import FIXTURES

# Each part: (good choices, bad choices). An example is either good throughout or draws from both.
DATES = (["2025-05-02", "2025-05-02T10:30:00+03:00"], ["2025-05", "2025", "2025-13-01", "'soon'"])
SECTIONS = (["diplomacy", "strikes"], ["diplomcy"])
TOPICS = (["talks", "drones", "civilian-harm"], ["tlaks", "no-such-topic"])
SOURCES = (['  - {publisher: Test Wire, url: "https://example.org/a"}'],
           ['  - {publisher: Test Wire, url: "ftp://example.org/a"}', '  - {url: "https://example.org/a"}', ""])
STATUS = (["", "status: published", "status: draft"], ["status: publish"])
CARDS = (["", "author: Ada\ndate: 2025-05-01\nurl: https://example.org/p\n"], ["author: Ada\nwhen: yesterday\n"])


def part(draw, choices, good: bool):
    return draw(st.sampled_from(choices[0] if good else choices[0] + choices[1]))


@st.composite
def aliases(draw, good: bool) -> list:
    """Front matter lines using anchors and aliases: a few, many, or a bomb (levels × fan-out)."""
    levels, fan = (1, 1) if good else (draw(st.integers(1, 10)), draw(st.integers(1, 9)))
    lines = ["topics: &t0 [talks]"]
    lines += [f"x{i}: &t{i} [{', '.join([f'*t{i - 1}'] * fan)}]" for i in range(1, levels)]
    if good:  # an alias where the model expects a list of ids
        lines.append("people: &who [ben-okafor]\nplaces: [hillville]")
    elif draw(st.booleans()):  # an alias where the model expects places
        lines.append("places: *t0")
    return lines


@st.composite
def body(draw, good: bool) -> str:
    """Markdown with lists or quotes nested to a depth around the limit, and maybe a post card."""
    depth = draw(st.integers(1, MAX_BODY_NESTING if good else MAX_BODY_NESTING + 12))
    form = draw(st.sampled_from(["indent", "markers", "quotes"]))
    if form == "indent":
        text = "".join("    " * level + "- item\n" for level in range(depth))
    elif form == "markers":
        text = "- " * depth + "item\n"
    else:
        text = "> " * depth + "quoted\n"
    card = part(draw, CARDS, good)
    if card:
        text += f"\n::: post\n{card}\nThe post.\n:::\n"
    return "Opening paragraph.\n\n" + text


@st.composite
def entries(draw) -> str:
    """An entry good in every part (half the time), or one that mixes good and bad parts."""
    good = draw(st.booleans())
    lines = ["---", "title: A generated entry", f"date: {part(draw, DATES, good)}",
             "summary: Made by the property test.", f"section: {part(draw, SECTIONS, good)}"]
    if draw(st.booleans()):
        lines += draw(aliases(good))
        if good:  # aliases of text too: the summary repeats the title
            lines[1], lines[3] = "title: &headline A generated entry", "summary: *headline"
    else:
        topics = draw(st.lists(st.sampled_from(TOPICS[0] + ([] if good else TOPICS[1])), max_size=3))
        lines.append(f"topics: [{', '.join(topics)}]")
    lines += [line for line in [part(draw, STATUS, good)] if line]
    source = part(draw, SOURCES, good)
    if source:
        lines += ["sources:", source]
    lines.append("---")
    return "\n".join(lines) + "\n" + draw(body(good))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=entries())
def test_check_and_build_agree_on_every_generated_entry(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("property")
    content = folder / "content"
    shutil.copytree(FIXTURES / "mini", content)
    path = content / "articles" / "2025" / "generated.md"
    path.write_text(text, encoding="utf-8")
    checked = check_problems(content)
    built = build_problems(content, folder / "output")
    assert checked == built, f"check: {checked}\nbuild: {built}\nentry:\n{text}"
    if not checked and "status: draft" not in text:
        assert list((folder / "output").glob("2025/*/*/generated/index.html")), "a valid entry was not published"
    shutil.rmtree(folder)
