"""A value marked '# GUESS:' may stay in a draft but blocks publishing, in check and build alike."""

import pytest

from plugins.entries.guesses import guess_problems

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
    problems = guess_problems("a.md", FRONT, body_line=10, status="published")
    assert [(p.line, "still a guess" in p.what) for p in problems] == [(5, True), (7, True)]


@pytest.mark.parametrize("status", ["draft"])
def test_a_draft_may_hold_guesses(status):
    assert guess_problems("a.md", FRONT, body_line=10, status=status) == []
