"""Sources that figures and claims cite: figure ranges, home pages, references, status history, warnings."""

import subprocess
import sys

import pytest
from pydantic import ValidationError

from plugins.entries.check import check_archive
from plugins.entries.citations import home_page_reason
from plugins.entries.model import Casualties
from plugins.entries.reader import load_valid_entry
from plugins.entries.registry import load_registries
from plugins.entries.robustlinks import robust_link
from plugins.entries.model import Source
from plugins.entries.validation import ProblemList
from tests.support.sites import FIXTURES, ROOT

REGISTRIES = load_registries(FIXTURES / "mini" / "data")

HEAD = """---
title: Strike on Rivertown
date: 2025-04-05
summary: A missile hits a market.
section: strikes
status: {status}
sources:
  - {{id: wire, publisher: Test Wire, url: "{url}", published: 2025-04-05}}
  - {{publisher: Second Wire, url: "https://example.org/second/item"}}
events:
  - date: 2025-04-04
    place: rivertown
    kind: missile-strike
    summary: A missile hits the central market.
    casualties: {{killed: 4{figure_source}}}
    claims:
      - by: defence-ministry
        says: The strike hit an arms depot.
        status: disputed
{claim_extra}---
Body.
"""


def entry_text(status="published", url="https://example.org/market/item", figure_source=", source: wire",
               claim_extra="        source: 2\n"):
    return HEAD.format(status=status, url=url, figure_source=figure_source, claim_extra=claim_extra)


def problems_of(tmp_path, text):
    path = tmp_path / "entry.md"
    path.write_text(text, encoding="utf-8")
    try:
        loaded = load_valid_entry(path, "entry.md", REGISTRIES)
    except ProblemList as many:
        return many.problems, []
    return [], loaded.warnings


def test_a_fully_cited_published_entry_has_no_problem(tmp_path):
    assert problems_of(tmp_path, entry_text()) == ([], [])


@pytest.mark.parametrize("case, text, line, what", [
    ("uncited figures", entry_text(figure_source=""), 15, "its casualty figures name no source"),
    ("uncited claim", entry_text(claim_extra=""), 17, "the claim names no source"),
    ("home page", entry_text(url="https://www.example.org/"), 8, "example.org is a site's home page"),
    ("language home page", entry_text(url="https://www.president.gov.ua/en"), 8, "site's home page"),
    ("organisation page", entry_text(url="https://www.gov.uk/government/organisations/ministry-of-defence"), 8,
     "organisation's or channel's page"),
    ("unknown source id", entry_text(figure_source=", source: wires"), 15, "no source 'wires' in this entry"),
    ("position past the end", entry_text(claim_extra="        source: 3\n"), 20, "no source '3' in this entry"),
    ("history ends elsewhere", entry_text(claim_extra="        source: 1\n        status_history:\n"
                                          "          - {date: 2025-04-04, status: unverified}\n"), 19,
     "status is 'disputed' but its status_history ends with 'unverified'"),
])
def test_published_entry_is_refused_at_the_line_with_a_fix(tmp_path, case, text, line, what):
    problems, _ = problems_of(tmp_path, text)
    assert [(p.line, what in p.what, bool(p.fix)) for p in problems] == [(line, True, True)], problems


@pytest.mark.parametrize("text, what", [
    (entry_text(status="draft", figure_source=""), "casualty figures name no source"),
    (entry_text(status="draft", claim_extra=""), "the claim names no source"),
    (entry_text(status="draft", url="https://example.org/"), "site's home page"),
    (entry_text(url="https://t.me/somechannel"), "channel or profile on t.me"),
])
def test_drafts_and_channel_links_only_warn(tmp_path, text, what):
    problems, warnings = problems_of(tmp_path, text)
    assert problems == [] and len(warnings) == 1 and what in warnings[0].what
    assert str(warnings[0]).startswith("entry.md:") and ": warning: " in str(warnings[0])


def test_a_broken_reference_fails_even_a_draft(tmp_path):
    problems, _ = problems_of(tmp_path, entry_text(status="draft", figure_source=", source: nowhere"))
    assert [p.line for p in problems] == [15]


@pytest.mark.parametrize("url, fails", [
    ("https://www.whitehouse.gov/", True),
    ("https://state.gov", True),
    ("https://ua.usembassy.gov/index.html", True),
    ("https://t.me/dnipropetrovskaODA", False),
    ("https://x.com/ZelenskyyUa", False),
    ("https://t.me/dnipropetrovskaODA/12345", None),
    ("https://x.com/ZelenskyyUa/status/1908", None),
    ("https://www.novinite.com/view_news.php?id=231697", None),
    ("https://www.politico.eu/article/russia-strike-kills-19/", None),
])
def test_home_pages_and_channels_are_told_from_items(url, fails):
    reason, strict = home_page_reason(url)
    assert (strict if reason else None) == fails


@pytest.mark.parametrize("figure, text, value, lowest, highest", [
    (18, "18", 18, 18, 18),
    ({"at_least": 18}, "at least 18", 18, 18, None),
    ({"low": 12, "best": 14, "high": 18}, "12–18 (best estimate 14)", 14, 12, 18),
    ({"best": 14, "high": 18}, "14 (up to 18)", 14, 14, 18),
    ({"low": 10, "best": 14}, "14 (at least 10)", 14, 10, 14),
])
def test_figures_keep_the_uncertainty_the_source_gives(figure, text, value, lowest, highest):
    killed = Casualties.model_validate({"killed": figure}).killed
    assert (killed.text(), killed.value, killed.lowest, killed.highest) == (text, value, lowest, highest)


@pytest.mark.parametrize("figure, message", [
    ({"low": 18, "best": 14}, "out of order"),
    ({"low": 2, "high": 8}, "no best estimate"),
    ({"at_least": 3, "best": 4}, "both at_least and best"),
    ({"best": -1}, "greater than or equal to 0"),
    ({"best": 2, "maybe": 3}, "Extra inputs"),
    ("many", "not a whole number"),
])
def test_impossible_figures_are_refused(figure, message):
    with pytest.raises(ValidationError, match=message):
        Casualties.model_validate({"killed": figure})


@pytest.mark.parametrize("source, version_url, version_date", [
    ({"url": "https://example.org/a", "accessed": "2025-04-06"},
     "https://web.archive.org/web/20250406/https://example.org/a", "2025-04-06"),
    ({"url": "https://example.org/a", "published": "2025-04"},
     "https://web.archive.org/web/20250401/https://example.org/a", "2025-04-01"),
    ({"url": "https://example.org/a", "published": "2025-04-05",
      "archived": "https://web.archive.org/web/20250407101500/https://example.org/a"},
     "https://web.archive.org/web/20250407101500/https://example.org/a", "2025-04-07"),
    ({"url": "https://example.org/a", "accessed": "2025-04-06", "archived": "https://archive.ph/abcde"},
     "https://archive.ph/abcde", "2025-04-06"),
])
def test_every_source_gets_a_dated_copy_link(source, version_url, version_date):
    link = robust_link(Source.model_validate({"publisher": "P", **source}))
    assert (link.version_url, link.version_date, link.archived) == (version_url, version_date, "archived" in source)


def test_the_sample_archive_cites_a_source_for_every_figure_and_claim():
    problems, count = check_archive(ROOT / "content")
    assert problems == [] and count >= 10


def test_invoke_check_prints_warnings_but_exits_zero_for_a_draft(tmp_path):
    content = tmp_path / "content"
    (content / "articles" / "2025").mkdir(parents=True)
    (content / "articles" / "2025" / "draft.md").write_text(entry_text(status="draft", figure_source=""))
    result = subprocess.run([sys.executable, "-m", "invoke", "check", "--path", str(content),
                             "--data", str(FIXTURES / "mini" / "data")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert ": warning: event 1: its casualty figures name no source" in result.stdout


def test_invoke_check_refuses_the_same_entry_once_published(tmp_path):
    content = tmp_path / "content"
    (content / "articles" / "2025").mkdir(parents=True)
    (content / "articles" / "2025" / "entry.md").write_text(entry_text(figure_source=""))
    result = subprocess.run([sys.executable, "-m", "invoke", "check", "--path", str(content),
                             "--data", str(FIXTURES / "mini" / "data")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "entry.md:15: event 1: its casualty figures name no source — add 'source:'" in result.stdout
