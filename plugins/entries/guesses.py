"""Front-matter values an importer or an editor marked as a guess, refused in published entries.

``invoke import`` proposes values it could not establish from the source: an
event date the text does not give, a place proposed from the gazetteer, an
entry date it had to make up. It marks each with a ``# GUESS:`` comment on
the line (or the line above). A draft may hold them; a published entry may
not, so a guess cannot reach readers by flipping ``status``. The same rule
runs in ``invoke check`` and in the build, because both load entries through
``reader.load_valid_entry``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .errors import Problem

MARKER = re.compile(r"#\s*GUESS\b:?\s*(?P<what>.*)$")


def guess_problems(path: str, text: str, body_line: int, status: str) -> list:
    """A Problem per GUESS comment in the front matter of a published entry; [] for a draft."""
    if status != "published":
        return []
    problems = []
    for number, line in enumerate(text.splitlines()[:max(body_line - 2, 0)], start=1):
        found = MARKER.search(line)
        if found and not _inside_quotes(line, found.start()):
            what = " ".join(found["what"].split())[:120]
            problems.append(Problem(path, number, f"still a guess: {what or 'a value marked GUESS'}",
                                    "check the value against the source, then delete the GUESS comment "
                                    "(or set status: draft)"))
    return problems


def _inside_quotes(line: str, position: int) -> bool:
    """True when the '#' is inside a quoted YAML string, so it is text and not a comment."""
    before = line[:position]
    return before.count('"') % 2 == 1 or before.count("'") % 2 == 1


def draft_guesses(paths) -> list[str]:
    """'path:line: still a guess …' for each GUESS comment in draft files, for check to show (not fail on)."""
    from .frontmatter import decode, split

    lines = []
    for path in paths:
        try:
            text = decode(Path(path).read_bytes(), str(path))
            front = split(text, str(path))
        except (OSError, Problem):
            continue
        if not isinstance(front.data, dict) or front.data.get("status") != "draft":
            continue
        shown = os.path.relpath(path)
        lines += [f"{problem.path}:{problem.line}: {problem.what} (a draft; publishing it fails until confirmed)"
                  for problem in guess_problems(shown, text, front.body_line, "published")]
    return lines
