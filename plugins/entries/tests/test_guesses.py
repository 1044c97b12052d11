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


def test_check_lists_the_guesses_a_draft_still_holds(tmp_path):
    from plugins.entries.guesses import draft_guesses

    draft = tmp_path / "draft.md"
    draft.write_text(FRONT.replace("date: 2025-05-18\nevents", "date: 2025-05-18\nstatus: draft\nevents"),
                     encoding="utf-8")
    published = tmp_path / "published.md"
    published.write_text(FRONT, encoding="utf-8")
    lines = draft_guesses([draft, published])
    assert [line.split(":")[1] for line in lines] == ["6", "8"]
    assert all("draft.md" in line and "publishing it fails" in line for line in lines)
