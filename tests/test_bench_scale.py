"""The scale run's arithmetic and table (bench/scale.py), on made-up figures: no build, no timing."""

import math

import pytest

from bench.run import replace_between_markers
from bench.scale import SizeFigures, growth_exponent, scale_table


@pytest.mark.parametrize("large_value, exponent", [(100.0, 1.0), (10.0, 0.0), (1000.0, 2.0), (31.6227766, 0.5)])
def test_growth_exponent_says_how_a_figure_grows_with_the_archive(large_value, exponent):
    assert math.isclose(growth_exponent(1000, 10000, 10.0, large_value), exponent, abs_tol=1e-6)


def _cells(line):
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_the_scale_table_shows_per_thousand_figures_and_growth_exponents():
    sizes = [SizeFigures(5000, 30.0, 5.0, 500.0, 450.0), SizeFigures(20000, 120.0, 40.0, 1000.0, 900.0)]
    header, _rule, first, second = scale_table(sizes)
    assert _cells(header)[:4] == ["entries", "cold build", "per 1,000", "k"]
    assert _cells(first) == ["5,000", "30.0 s", "6.00 s", "—", "5.0 s", "1.00 s", "—", "500 MiB (450)",
                             "100.00 MiB", "—"]
    cells = _cells(second)
    assert cells[:4] == ["20,000", "120.0 s", "6.00 s", "1.00"]  # linear: the same per 1,000, k 1
    assert cells[6] == "1.50" and cells[9] == "0.50"  # the rebuild grows faster than linear, memory slower


def test_a_size_that_failed_says_why_and_the_growth_restarts_after_it():
    sizes = [SizeFigures(1000, 10.0, 1.0, 100.0, 90.0), SizeFigures(5000, failed="out of memory")]
    rows = scale_table(sizes)[2:]
    assert "failed: out of memory" in rows[1] and len(_cells(rows[1])) == len(_cells(rows[0]))


def test_a_table_replaces_only_what_is_between_its_markers(tmp_path):
    page = tmp_path / "README.md"
    page.write_text("# Bench\n\nbefore\n<!-- bench-scale:start -->\nold\n<!-- bench-scale:end -->\nafter\n")
    replace_between_markers(page, "bench-scale", "| new |\n")
    assert page.read_text() == ("# Bench\n\nbefore\n<!-- bench-scale:start -->\n| new |\n"
                                "<!-- bench-scale:end -->\nafter\n")
