"""``invoke check`` reports every problem the build would refuse, in one pass, at the right line (issue #11 case 10).

Each case adds one file to a copy of the mini archive, then runs the check and
the build: both must list exactly the same problems, the ones named here among
them, and the build must stop with that report, never a traceback.
"""

from __future__ import annotations

import pytest

from plugins.entries.limits import MAX_BODY_NESTING
from plugins.entries.pages import RESERVED_SLUGS, YEAR
from tests.support.parity import VALID_ENTRY, build_problems, check_problems, shown
from tests.support.sites import FIXTURES, build_site

# Far past MAX_BODY_NESTING yet under MAX_ENTRY_BYTES: 400 levels of lists are 320 kB, which the file-size
# check (plugins/entries/files.py) refuses before the body is read, so the nesting message never showed.
DEEP_LEVELS = 120
DEEP_LIST = "".join("    " * level + "- item\n" for level in range(DEEP_LEVELS))
SOURCE_LINES = 'sources:\n  - {publisher: Test Wire, url: "https://example.org/again"}\n'
POST_CARD = "::: post\nauthor: Ada\nwhen: yesterday\n\nThe text.\n:::\n"

CASES = {  # name: (relative path, text, [(line, words the message holds)])
    "a 120-level list": ("articles/2025/deep-list.md", VALID_ENTRY + DEEP_LIST,
                         [(12 + MAX_BODY_NESTING, f"the limit is {MAX_BODY_NESTING}")]),
    "a page at /timeline/": ("pages/timeline-page.md", "---\ntitle: Our timeline\nslug: timeline\n---\nText.\n",
                             [(3, "/timeline/ is one the archive itself uses")]),
    "a page titled like a year": ("pages/year.md", "---\ntitle: '2025'\n---\nText.\n",
                                  [(2, "/2025/ is one the archive itself uses")]),
    "no source, with another problem": (
        "articles/2025/no-source.md",
        VALID_ENTRY.replace(SOURCE_LINES, "status: published\n")
        .replace("topics: [talks]", "topics: [tlaks]"),
        [(6, "unknown topic 'tlaks'"), (8, "a published entry needs at least one source")]),
    "a bad post card, with another problem": (
        "articles/2025/post-card.md", VALID_ENTRY.replace("section: diplomacy", "section: diplomcy") + POST_CARD,
        [(5, "diplomcy"), (14, "'when: yesterday' is not a post card field")]),
    "a YAML tag on line 7": ("articles/2025/tagged.md",
                             VALID_ENTRY.replace("places: [hillville]", "places: !!python/object:os.system [x]"),
                             [(7, "could not determine a constructor")]),
    "the slug differs from the file name, with another problem": (
        "articles/2025/other-name.md", VALID_ENTRY.replace("title:", "slug: a-slug\ntitle:").replace(
            "summary: Delegations meet again.", "summary: ''"), [(2, "differs from the file name"), (5, "summary")]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_and_build_report_the_same_problems_in_one_pass(archive_copy, tmp_path, name):
    relative, text, expected = CASES[name]
    path = archive_copy / relative
    path.write_text(text, encoding="utf-8")
    checked = check_problems(archive_copy)
    built = build_problems(archive_copy, tmp_path / "output")
    assert checked == built, f"check: {checked}\nbuild: {built}"
    assert checked, "the check found nothing"
    for line, words in expected:
        assert any(problem.startswith(f"{shown(path)}:{line}: ") and words in problem for problem in checked), \
            (line, words, checked)
    assert all(" — " in problem for problem in checked)


def test_an_entry_dated_to_the_month_gets_one_consistent_fix(archive_copy):
    path = archive_copy / "articles" / "2025" / "month.md"
    path.write_text(VALID_ENTRY.replace("date: 2025-05-02", "date: 2025-05"), encoding="utf-8")
    [problem] = check_problems(archive_copy)
    assert problem.startswith(f"{shown(path)}:3: ") and "needs a day" in problem
    fix = problem.split(" — ", 1)[1]
    assert "YYYY-MM-DD" in fix and "YYYY-MM," not in fix and "YYYY or" not in fix, fix


def test_every_name_at_the_root_of_a_built_site_is_reserved_for_the_archive(tmp_path):
    output = build_site(FIXTURES / "mini", tmp_path / "output")
    page_slugs = {"about-the-test-archive"}  # the fixture's own page
    root = {path.name for path in output.iterdir()} - page_slugs
    assert {name for name in root if not YEAR.fullmatch(name)} <= RESERVED_SLUGS
