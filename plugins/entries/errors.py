"""The one kind of error a maintainer sees: a file, a line, what is wrong, how to fix it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem(Exception):
    """One problem in one file, written for the person who will fix it."""

    path: str
    line: int
    what: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.what}"
        return f"{text} — {self.fix}" if self.fix else text


@dataclass(frozen=True)
class Caution:
    """Something to fix before publishing; printed by ``invoke check`` but not a failure."""

    path: str
    line: int
    what: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: warning: {self.what}"
        return f"{text} — {self.fix}" if self.fix else text


class EntryErrors(Exception):
    """Every problem found in a set of files, reported together."""

    def __init__(self, problems):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.what))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(problem) for problem in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found; the site was not built.")
        return "\n".join(lines)


def did_you_mean(word: str, choices, n: int = 1) -> str:
    """A ' — did you mean …?' hint, or '' when nothing is close."""
    matches = difflib.get_close_matches(str(word).casefold(), [str(c) for c in choices], n=n, cutoff=0.6)
    if not matches:
        return ""
    return "did you mean " + " or ".join(f"'{m}'" for m in matches) + "?"
