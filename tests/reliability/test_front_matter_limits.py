"""YAML bombs and oversized front matter are refused at their line, by check and build alike (issue #11 case 5).

The old position mapper walked every alias path: a 625-byte front matter of
ten levels of nine aliases ran ``invoke check`` past 300 s. Each case runs in
a child process with a deadline, so a regression fails instead of hanging.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from plugins.entries.limits import MAX_ALIASES, MAX_DEPTH, MAX_VALUES
from tests.support.sites import ROOT

HEAD = "---\ntitle: Limits\ndate: 2025-04-05\nsummary: Front matter at its limits.\nsection: strikes\n"


def bomb(levels: int = 10, fan: int = 9) -> str:
    lines = ["x0: &a0 [lol]"]
    lines += [f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * fan)}]" for i in range(1, levels)]
    return HEAD + "\n".join(lines) + f"\ntopics: *a{levels - 1}\n---\n\nBody.\n"


def many_aliases(count: int) -> str:
    return HEAD + "base: &b civilian-harm\ntopics: [" + ", ".join(["*b"] * count) + "]\n---\n\nBody.\n"


def nested(levels: int) -> str:
    return HEAD + "topics: " + "[" * levels + "x" + "]" * levels + "\n---\n\nBody.\n"


CASES = {  # name: (front matter, line, what the message says)
    "ten levels of nine aliases": (bomb(), 10, f"over {MAX_VALUES:,} values"),
    "too many aliases": (many_aliases(MAX_ALIASES + 1), 7, f"more than {MAX_ALIASES} YAML aliases"),
    "too deep": (nested(MAX_DEPTH + 2), 6, f"nested more than {MAX_DEPTH} levels deep"),
    "an alias inside itself": (HEAD + "topics: &t [a, *t]\n---\n\nBody.\n", 6, "refers to the value it is part of"),
    "a python tag on line 7": (HEAD + "topics: [a]\nplaces: !!python/object:os.system [x]\n---\n\nB.\n", 7,
                               "could not determine a constructor"),
}

SPLIT = textwrap.dedent("""
    import sys
    from plugins.entries.errors import Problem
    from plugins.entries.frontmatter import split
    try:
        split(sys.stdin.read(), "entry.md")
    except Problem as problem:
        print(problem)
    else:
        print("accepted")
""")


def split_in_child(text: str) -> str:
    done = subprocess.run([sys.executable, "-c", SPLIT], input=text, cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.parametrize("name", sorted(CASES))
def test_front_matter_beyond_the_limits_is_refused_at_its_line(name):
    text, line, what = CASES[name]
    message = split_in_child(text)
    assert message.startswith(f"entry.md:{line}: ") and what in message and " — " in message, message
