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

import re

from .errors import Caution, Problem

MARKER = re.compile(r"#\s*GUESS\b:?\s*(?P<what>.*)$")


def guess_findings(path: str, text: str, body_line: int, status: str) -> tuple[list, list]:
    """(problems, warnings): one per GUESS comment in the front matter, a problem when the entry is published."""
    problems, warnings = [], []
    for number, line in enumerate(text.splitlines()[:max(body_line - 2, 0)], start=1):
        found = MARKER.search(line)
        if found and not _inside_quotes(line, found.start()):
            what = f"still a guess: {' '.join(found['what'].split())[:120] or 'a value marked GUESS'}"
            if status == "published":
                problems.append(Problem(path, number, what, "check the value against the source, then delete "
                                                            "the GUESS comment (or set status: draft)"))
            else:
                warnings.append(Caution(path, number, what + " (a draft; publishing it fails until confirmed)",
                                        "check the value against the source, then delete the GUESS comment"))
    return problems, warnings


def _inside_quotes(line: str, position: int) -> bool:
    """True when the '#' is inside a quoted YAML string, so it is text and not a comment."""
    before = line[:position]
    return before.count('"') % 2 == 1 or before.count("'") % 2 == 1
