"""invoke check on the broken fixture folder: every problem, with file and line."""

import subprocess
import sys

import pytest

from plugins.entries.check import check_archive
from tests.support.sites import FIXTURES, ROOT

BROKEN = FIXTURES / "broken"

EXPECTED = {
    "missing-date.md": (1, "the required key 'date' is missing"),
    "impossible-date.md": (3, "February 2025 has no day 30"),
    "yaml-syntax.md": (5, "YAML syntax error"),
    "unknown-place.md": (6, "unknown place 'Rivertwn'"),
    "negative-casualties.md": (14, "casualties killed is -3"),
    "misspelt-key.md": (4, "unknown key 'sumary'"),
    "bad-claim-status.md": (16, "'unverifed' is not a valid claims status"),
    "non-utf8.md": (4, "not valid UTF-8"),
    "post-card-without-url.md": (11, "the post card has no 'url'"),
}


@pytest.fixture(scope="module")
def problems():
    found, count = check_archive(BROKEN, data_dir=FIXTURES / "mini" / "data")
    assert count == len(EXPECTED)
    return found


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_broken_entry_is_reported_at_its_line(problems, name):
    line, message = EXPECTED[name]
    mine = [p for p in problems if p.path.endswith(name)]
    assert any(p.line == line and message in p.what for p in mine), mine


@pytest.mark.parametrize("name, hint", [
    ("unknown-place.md", "did you mean 'rivertown'?"),
    ("misspelt-key.md", "did you mean 'summary'?"),
    ("bad-claim-status.md", "did you mean 'unverified'?"),
])
def test_near_misses_get_a_did_you_mean(problems, name, hint):
    assert any(hint in p.fix for p in problems if p.path.endswith(name))


def test_every_problem_says_how_to_fix_it(problems):
    assert all(p.fix for p in problems), [str(p) for p in problems if not p.fix]


def test_fixture_archive_has_no_problems():
    found, count = check_archive(FIXTURES / "mini")
    assert found == [] and count == 6


def test_invoke_check_prints_path_and_line_and_exits_non_zero():
    result = subprocess.run([sys.executable, "-m", "invoke", "check", "--path", str(BROKEN),
                             "--data", str(FIXTURES / "mini" / "data")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    lines = [line for line in result.stdout.splitlines() if ".md:" in line]
    assert len(lines) == len(EXPECTED) + 1  # misspelt-key.md has two problems
    assert all(" — " in line for line in lines)


def test_invoke_check_passes_on_the_sample_archive():
    result = subprocess.run([sys.executable, "-m", "invoke", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems" in result.stdout
