"""invoke bench --scale: how cold-build time, one-edit rebuild time and peak memory grow with the archive.

    .venv/bin/python -m bench.scale [--sizes 5000,20000,50000] [--rounds 1] [--seed 1]

For each size, smallest first, the synthetic archive of that size (bench/synthetic.py,
cached under bench/out/) is built cold from empty output and cache folders, then
rebuilt after one body edit, each as a subprocess with the peak memory of its whole
process tree (bench/measure.py), the same commands ``./dev bench`` times. The table
gives each figure per 1,000 entries, so a flat column means linear growth, and the
growth exponent between consecutive sizes: the k in time ∝ entries^k, where 1 is
linear and more than 1 is worse than linear.

A size whose build fails (out of memory, say) is reported as such and the larger
ones are skipped. The table is printed and written to bench/out/scale.md; a run
whose largest size is full size (5,000 entries or more) also puts it in
bench/README.md, between its "bench-scale" markers.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
from dataclasses import dataclass
from pathlib import Path

from bench.measure import CommandFailed, run_measured
from bench.run import (FULL_SIZE, OUT, README, Edits, Folders, cached_archive, check_article, empty, machine,
                       ours_command, replace_between_markers, say)

ROOT = Path(__file__).resolve().parents[1]

WORK = OUT / "scale"
TABLE = OUT / "scale.md"


@dataclass(frozen=True)
class SizeFigures:
    """Medians over the rounds at one archive size; ``failed`` says why there are none."""

    entries: int
    cold_seconds: float = math.nan
    edit_seconds: float = math.nan
    peak_mib: float = math.nan  # largest RSS sum over the process tree, cold build or rebuild
    peak_pss_mib: float = math.nan
    failed: str = ""


def growth_exponent(small: int, large: int, small_value: float, large_value: float) -> float:
    """k such that value ∝ entries^k between two sizes: 1 is linear growth, 2 quadratic, 0 flat."""
    return math.log(large_value / small_value) / math.log(large / small)


def measure_size(entries: int, seed: int, rounds: int) -> SizeFigures:
    """Cold build and one-edit rebuild of the ``entries``-entry archive, ``rounds`` times; medians."""
    folders = Folders.under(WORK)
    shutil.rmtree(WORK, ignore_errors=True)
    shutil.copytree(cached_archive(entries, seed), folders.content)
    edits = Edits(folders.content)
    cold, edit, peaks, pss = [], [], [], []
    try:
        for number in range(1, rounds + 1):
            empty(folders.ours_output, folders.ours_cache)
            built = run_measured(ours_command(folders), ROOT)
            sentence = edits.edit_body(number)
            rebuilt = run_measured(ours_command(folders), ROOT)
            check_article(folders.ours_output, edits.body_entry, sentence, "a body edit")
            edits.restore()
            cold.append(built.seconds)
            edit.append(rebuilt.seconds)
            peaks.append(max(built.peak_mib, rebuilt.peak_mib))
            pss.append(max(built.peak_pss_mib, rebuilt.peak_pss_mib))
            say(f"{entries:,} entries, round {number}/{rounds}: cold {built.seconds:.1f} s, "
                f"one edit {rebuilt.seconds:.1f} s, peak {peaks[-1]:.0f} MiB")
    except CommandFailed as exc:
        return SizeFigures(entries, failed=str(exc).strip().splitlines()[-1][:200])
    finally:
        edits.restore()
        shutil.rmtree(WORK, ignore_errors=True)
    return SizeFigures(entries, statistics.median(cold), statistics.median(edit), max(peaks), max(pss))


def _cell(value: float, unit: str) -> str:
    if math.isnan(value):
        return "—"
    return f"{value:.0f} {unit}" if unit in ("MiB", "ms", "KiB") else f"{value:.1f} {unit}"


def scale_table(sizes: list[SizeFigures]) -> list[str]:
    """One row per size: each figure, the same per 1,000 entries, and its growth exponent from the size before."""
    lines = ["| entries | cold build | per 1,000 | k | one-edit rebuild | per 1,000 | k | peak memory (PSS) "
             "| per 1,000 | k |", "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    before = None
    for size in sizes:
        if size.failed:
            lines.append(f"| {size.entries:,} | failed: {size.failed} |" + " |" * 8)
            continue
        cells = [f"{size.entries:,}"]
        for value, unit, attribute in ((size.cold_seconds, "s", "cold_seconds"),
                                       (size.edit_seconds, "s", "edit_seconds"),
                                       (size.peak_mib, "MiB", "peak_mib")):
            shown = f"{_cell(value, unit)} ({size.peak_pss_mib:.0f})" if unit == "MiB" else _cell(value, unit)
            per_thousand = value * 1000 / size.entries
            exponent = "—" if before is None else \
                f"{growth_exponent(before.entries, size.entries, getattr(before, attribute), value):.2f}"
            cells += [shown, f"{per_thousand:.2f} {unit}", exponent]
        lines.append("| " + " | ".join(cells) + " |")
        before = size
    return lines


def report(sizes: list[SizeFigures], rounds: int, seed: int, host: dict) -> str:
    measured = [size for size in sizes if not size.failed]
    lines = [f"### Scale run: {', '.join(f'{s.entries:,}' for s in sizes)} entries, seed {seed}, "
             f"{rounds} round(s)", "",
             f"Machine: {host['cpu']}, {host['cores']} cores, {host['ram']} RAM; {host['os']}; "
             f"Python {host['python']}, Pelican {host['pelican']}.", "", *scale_table(sizes), ""]
    if len(measured) >= 2:
        first, last = measured[0], measured[-1]
        growth = [(name, growth_exponent(first.entries, last.entries, getattr(first, key), getattr(last, key)))
                  for name, key in (("cold build", "cold_seconds"), ("one-edit rebuild", "edit_seconds"),
                                    ("peak memory", "peak_mib"))]
        lines.append(f"From {first.entries:,} to {last.entries:,} entries ({last.entries / first.entries:.0f}×): "
                     + "; ".join(f"{name} grows as entries^{k:.2f} "
                                 f"({'no faster than linear' if k <= 1.05 else 'faster than linear'})"
                                 for name, k in growth) + ".")
        lines.append("")
    lines.append("Times are wall-clock seconds of `python -m desk.sitebuild.build` as a subprocess; memory is "
                 "the largest sum of RSS over its process tree (PSS in brackets), the larger of the cold build's "
                 "and the rebuild's. k is the growth exponent from the size above: time ∝ entries^k.")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="5000,20000,50000", help="archive sizes, comma-separated")
    parser.add_argument("--rounds", type=int, default=1, help="cold build and rebuild this many times per size")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic archives")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    sizes = []
    for entries in sorted({int(size) for size in args.sizes.split(",") if size.strip()}):
        sizes.append(measure_size(entries, args.seed, args.rounds))
        if sizes[-1].failed:
            say(f"{entries:,} entries: the build failed ({sizes[-1].failed}); larger sizes skipped")
            break
    markdown = report(sizes, args.rounds, args.seed, machine())
    OUT.mkdir(parents=True, exist_ok=True)
    TABLE.write_text(markdown, encoding="utf-8")
    print(markdown)
    if max(size.entries for size in sizes) >= FULL_SIZE:
        replace_between_markers(README, "bench-scale", markdown)
        say(f"written to {TABLE.relative_to(ROOT)} and {README.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
