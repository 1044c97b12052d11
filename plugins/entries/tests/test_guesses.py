"""A value marked '# GUESS:' may stay in a draft but blocks publishing, in check and build alike."""

import shutil

import pytest

from plugins.entries.guesses import guess_findings
from tests.support.sites import ROOT

FRONT = """---
title: T
date: 2025-05-18
events:
  # GUESS: date — the text gives no day for this
  - date: 2025-05-18
    place: odesa  # GUESS: proposed from GeoNames
    summary: "Not a # GUESS: inside quotes"
---
Body # GUESS: in the body is text
"""


def test_a_published_entry_with_guesses_gets_one_problem_per_guess_with_its_line():
    problems, warnings = guess_findings("a.md", FRONT, body_line=10, status="published")
    assert warnings == []
    assert [(p.line, "still a guess" in p.what) for p in problems] == [(5, True), (7, True)]


@pytest.mark.parametrize("status", ["draft"])
def test_a_draft_may_hold_guesses_each_a_warning(status):
    problems, warnings = guess_findings("a.md", FRONT, body_line=10, status=status)
    assert problems == [] and [w.line for w in warnings] == [5, 7]


DRAFT = """---
title: A draft with guesses
date: 2025-05-18  # GUESS: no date in the source
summary: One sentence.
section: strikes
status: draft
events:
  - date: 2025-05-17  # GUESS: the text says only "overnight"
    place: kyiv
    kind: drone-strike
    summary: Drones hit the city.
---
Body.
"""


def test_check_lists_the_guesses_a_draft_still_holds_as_warnings(tmp_path):
    from plugins.entries.check import check_files

    shutil.copytree(ROOT / "content" / "data", tmp_path / "data")
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    warnings = []
    assert check_files([draft], tmp_path, warnings=warnings) == []
    guesses = [w for w in warnings if "still a guess" in w.what]
    assert [w.line for w in guesses] == [3, 8] and all("publishing it fails" in w.what for w in guesses)
