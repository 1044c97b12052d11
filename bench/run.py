"""invoke bench: our build against vanilla Pelican + Pagefind on one synthetic archive, in one run.

    .venv/bin/python -m bench.run [--entries 5000] [--rounds 3] [--seed 1] [--livereload 5]

Issue 6 sets its targets as ratios measured in one run, so both pipelines are timed
here, alternating, on the same machine state. Each round runs, as subprocesses:

1. our cold full build (pelicanconf.py: timelines, entity pages, search, exports)
   from empty output and cache folders;
2. the peer: vanilla Pelican 4.12 (default theme, no plugins), then Pagefind over
   its output, from empty folders, each step timed on its own;
3. our rebuild after appending a sentence to one entry's body, then after changing
   one entry's ``places:``, each with the output and cache of the build before
   (the edits differ every round, and are undone before the next round).

Each command's peak memory is that of its whole process tree (bench/measure.py).
After the rounds, headless Chromium measures the static search bytes of ten
two-word queries on both sites, and the real ``invoke livereload`` is timed on
the synthetic archive (its own output and cache folders) and on the sample archive, five
edits of different kinds each (bench/reload_latency.py). The table of medians,
the ratios against the issue's targets and the machine are printed, and written
as Markdown to bench/out/latest.md; a full-size run (5,000 entries or more) also
puts it in bench/README.md, between its "bench-latest" markers.

A failed command (a build that rejects the archive) stops the benchmark with its
error: timing a failure would only produce a misleading table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.metadata
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from bench.measure import CommandFailed, Measured, run_measured

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
WORK = OUT / "run"
LATEST = OUT / "latest.md"
README = ROOT / "bench" / "README.md"
FULL_SIZE = 5000  # runs this large replace the table in bench/README.md; smaller ones are trials

# The targets.
COLD_RATIO, REBUILD_RATIO, PEAK_MIB, SEARCH_RATIO, LIVERELOAD_SECONDS = 1.0, 0.2, 500, 1.0, 1.0


def say(message: str) -> None:
    """Progress on stderr, so stdout carries only the table."""
    print(message, file=sys.stderr, flush=True)


# --- the archive -------------------------------------------------------------------------------------------

def cached_archive(entries: int, seed: int) -> Path:
    """The synthetic archive for (entries, seed), generated once and kept under bench/out/ (5,000 entries
    take about 20 s to write); a change to bench/synthetic.py generates it again."""
    from bench.synthetic import generate_archive

    folder = OUT / f"archive-{entries}-{seed}"
    stamp = folder / "complete"
    key = hashlib.sha256((ROOT / "bench" / "synthetic.py").read_bytes()).hexdigest()
    if not (stamp.is_file() and stamp.read_text() == key):
        started = time.perf_counter()
        generate_archive(folder / "content", entries, seed)
        stamp.write_text(key)
        say(f"generated {entries} entries (seed {seed}) in {time.perf_counter() - started:.1f} s")
    return folder / "content"


@dataclass(frozen=True)
class Folders:
    """Where each pipeline reads and writes; everything under bench/out/run/."""

    content: Path
    ours_output: Path
    ours_cache: Path
    peer_content: Path
    peer_output: Path
    peer_cache: Path

    @classmethod
    def under(cls, work: Path) -> "Folders":
        return cls(work / "content", work / "ours" / "output", work / "ours" / "cache", work / "peer" / "content",
                   work / "peer" / "output", work / "peer" / "cache")


def prepare(entries: int, seed: int) -> Folders:
    """A working copy of the archive (the edits never touch the cached one) and its peer conversion."""
    from bench.peer import convert_archive

    folders = Folders.under(WORK)
    shutil.rmtree(WORK, ignore_errors=True)
    shutil.copytree(cached_archive(entries, seed), folders.content)
    count = convert_archive(folders.content, folders.peer_content)
    say(f"converted {count} entries to Pelican's own format for the peer (not timed)")
    return folders


def empty(*paths: Path) -> None:
    """Remove output and cache folders (and a left-over ``.partial``) so the next build is cold."""
    for path in paths:
        for leftover in (path, path.with_name(path.name + ".partial")):
            shutil.rmtree(leftover, ignore_errors=True)


# --- the edits between rebuilds ----------------------------------------------------------------------------

class Edits:
    """The two one-entry edits a round makes, and their undoing.

    The body edit appends a sentence to a mid-archive entry; the places edit replaces
    the first of another entry's places by a registry place it did not have. Both
    differ from round to round, so every rebuild sees a real change.
    """

    def __init__(self, content: Path):
        articles = sorted((content / "articles").rglob("*.md"))
        self.body_entry = articles[len(articles) // 2]
        self.places_entry = articles[len(articles) // 3]
        self.originals = {path: path.read_bytes() for path in (self.body_entry, self.places_entry)}
        self.place_ids = registry_ids(content / "data" / "places.yml")

    def edit_body(self, round_number: int) -> str:
        """Append a sentence; return it (the rebuilt article page must show it)."""
        sentence = f"Benchmark round {round_number} added this sentence at {time.time_ns()}."
        with open(self.body_entry, "a", encoding="utf-8") as entry:
            entry.write(f"\n{sentence}\n")
        return sentence

    def edit_places(self, round_number: int) -> str:
        """Replace the entry's first place by another valid one; return the new place id."""
        text = self.places_entry.read_text(encoding="utf-8")
        places = front_matter(self.places_entry)["places"]
        candidates = [place for place in self.place_ids if place not in places]
        new = candidates[(round_number * 7) % len(candidates)]
        self.places_entry.write_text(replace_places(text, [new, *places[1:]]), encoding="utf-8")
        if front_matter(self.places_entry)["places"] != [new, *places[1:]]:
            raise RuntimeError(f"bench: could not rewrite the places of {self.places_entry}")
        return new

    def restore(self) -> None:
        for path, data in self.originals.items():
            path.write_bytes(data)


def registry_ids(path: Path) -> list[str]:
    import yaml

    return [entity["id"] for entity in yaml.safe_load(path.read_text(encoding="utf-8"))]


def front_matter(path: Path) -> dict:
    """The entry's front matter, read by the project's own reader."""
    from plugins.entries.frontmatter import decode, split

    return split(decode(path.read_bytes(), str(path)), str(path)).data


def replace_places(text: str, places: list[str]) -> str:
    """``text`` with the ``places:`` field of its front matter (a block or a flow list) set to ``places``."""
    head, separator, body = text.removeprefix("---\n").partition("\n---\n")
    lines = head.split("\n")
    start = next(number for number, line in enumerate(lines) if line.startswith("places:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith(("- ", "  - ")):  # the items of a block list
        end += 1
    lines[start:end] = ["places:", *(f"- {place}" for place in places)]
    return "---\n" + "\n".join(lines) + separator + body


def check_article(output: Path, entry: Path, needle: str, what: str) -> None:
    """Fail the benchmark if the rebuilt article page does not show ``needle``: a fast but stale rebuild
    must not pass for a fast one."""
    pages = list(output.glob(f"*/*/*/{entry.stem}/index.html"))
    if len(pages) != 1 or needle not in pages[0].read_text(encoding="utf-8"):
        raise CommandFailed(f"after the rebuild for {what}, the page of {entry.name} does not show {needle!r}")


# --- the builds --------------------------------------------------------------------------------------------

def ours_command(folders: Folders) -> list[str]:
    return [sys.executable, "-m", "desk.sitebuild.build", "--content", str(folders.content),
            "--output", str(folders.ours_output), "--cache", str(folders.ours_cache)]


def peer_commands(folders: Folders) -> list[list[str]]:
    from bench.peer import peer_build_commands, write_peer_settings

    settings = write_peer_settings(folders.peer_output.parent, folders.peer_content, folders.peer_output,
                                   folders.peer_cache)
    return peer_build_commands(settings, folders.peer_output)


class Samples:
    """Figures by row name: one per round (or per query, per livereload edit)."""

    def __init__(self):
        self.values: dict[str, list[float]] = defaultdict(list)

    def add(self, name: str, measured: Measured, peak_name: str | None = None) -> None:
        """Keep a command's time (and peak memory), and its output in bench/out/run/logs/ for a look later."""
        logs = WORK / "logs"
        logs.mkdir(exist_ok=True)
        (logs / f"{name.replace(' ', '-')}-{len(self.values[name]) + 1}.log").write_text(measured.output)
        self.values[name].append(measured.seconds)
        if peak_name:
            self.values[peak_name].append(measured.peak_mib)
            self.values[peak_name.replace("mem ", "pss ")].append(measured.peak_pss_mib)


def run_round(number: int, rounds: int, folders: Folders, edits: Edits, samples: Samples) -> None:
    """One round, in the order the issue's ratios compare: ours cold, peer cold, our two rebuilds."""
    empty(folders.ours_output, folders.ours_cache)
    cold = run_measured(ours_command(folders), ROOT)
    samples.add("ours cold", cold, "mem ours cold")
    say(f"round {number}/{rounds}: our cold build {cold.seconds:.1f} s, {cold.peak_mib:.0f} MiB")

    empty(folders.peer_output, folders.peer_cache)
    pelican, pagefind = (run_measured(command, folders.peer_output.parent) for command in peer_commands(folders))
    samples.add("peer pelican", pelican, "mem peer pelican")
    samples.add("peer pagefind", pagefind, "mem peer pagefind")
    samples.values["peer total"].append(pelican.seconds + pagefind.seconds)
    say(f"round {number}/{rounds}: peer Pelican {pelican.seconds:.1f} s + Pagefind {pagefind.seconds:.1f} s")

    try:
        sentence = edits.edit_body(number)
        body = run_measured(ours_command(folders), ROOT)
        check_article(folders.ours_output, edits.body_entry, sentence, "a body edit")
        samples.add("rebuild body", body, "mem rebuild body")
        place = edits.edit_places(number)
        places = run_measured(ours_command(folders), ROOT)
        check_article(folders.ours_output, edits.places_entry, f'places/{place}/"', "a places edit")
        samples.add("rebuild places", places, "mem rebuild places")
    finally:
        edits.restore()
    say(f"round {number}/{rounds}: rebuilds {body.seconds:.1f} s (body), {places.seconds:.1f} s (places)")


def measure_search(folders: Folders, samples: Samples) -> list[tuple]:
    """Bytes per query on both sites, in kB: the index and result data, and the code (our search scripts;
    Pagefind's loader and WebAssembly), each side apart, since Pagefind's code is most of what it sends.
    Return (query, ours data, ours code, Pagefind data, Pagefind code, Pagefind hits) rows."""
    from bench.peer import pagefind_query_sizes
    from bench.search_bench import QUERIES, query_sizes

    ours = query_sizes(folders.ours_output)
    peer = pagefind_query_sizes(folders.peer_output, QUERIES)
    rows = []
    for mine, theirs in zip(ours, peer):
        row = (mine["query"], mine["total"] / 1e3, mine["code"] / 1e3, (theirs["total"] - theirs["code"]) / 1e3,
               theirs["code"] / 1e3, theirs["hits"])
        for key, value in zip(("search ours", "search ours code", "search pagefind data", "search pagefind code"),
                              row[1:5]):
            samples.values[key].append(value)
        samples.values["search ours all"].append(row[1] + row[2])
        samples.values["search pagefind"].append(row[3] + row[4])
        rows.append(row)
    say(f"search: median {statistics.median(samples.values['search ours']):.1f} kB per query (ours), "
        f"{statistics.median(samples.values['search pagefind data']):.1f} kB (Pagefind), code left out")
    return rows


def measure_reload(repeats: int, samples: Samples, which: str, content: Path | None) -> str:
    """Time the real ``invoke livereload`` on the sample archive (``content`` None) or on ``content``;
    return why there is no browser figure, if there is none."""
    from bench.reload_latency import measure_livereload

    try:
        figures = measure_livereload(repeats, OUT / f"livereload-{which}.log", content)
    except Exception as exc:  # noqa: BLE001 - the build figures are worth printing without this one
        say(f"livereload ({which}): not measured: {exc}")
        return f"not measured: {str(exc).splitlines()[0]}"
    samples.values[f"livereload {which} browser"].extend(figures.browser)
    samples.values[f"livereload {which} served"].extend(figures.served)
    timings = ", ".join(f"{kind} {s:.2f}" for kind, s in zip(figures.kinds, figures.browser))
    say(f"livereload ({which}): {figures.problem or 'browser ' + timings + ' s'}")
    return figures.problem


# --- the report --------------------------------------------------------------------------------------------

def machine() -> dict:
    """What the figures were measured on: they mean little without it."""
    from tests.conftest import CHROMIUM

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    memory_kib = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal:"))
    try:
        chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except OSError:
        chromium = "no Chromium"
    return {"cpu": cpu, "cores": os.cpu_count(), "ram": f"{memory_kib / 2**20:.1f} GiB", "os": platform.platform(),
            "python": platform.python_version(), "pelican": importlib.metadata.version("pelican"),
            "pagefind": importlib.metadata.version("pagefind"), "chromium": chromium}


ROWS = [  # (samples key, label, unit, over what)
    ("ours cold", "our cold full build (everything)", "s", "rounds"),
    ("peer pelican", "peer: vanilla Pelican", "s", "rounds"),
    ("peer pagefind", "peer: Pagefind", "s", "rounds"),
    ("peer total", "peer: Pelican + Pagefind", "s", "rounds"),
    ("rebuild body", "our rebuild after a body edit", "s", "rounds"),
    ("rebuild places", "our rebuild after a places edit", "s", "rounds"),
    ("mem ours cold", "peak memory: our cold build", "MiB", "rounds"),
    ("mem rebuild body", "peak memory: our rebuild (body edit)", "MiB", "rounds"),
    ("mem rebuild places", "peak memory: our rebuild (places edit)", "MiB", "rounds"),
    ("mem peer pelican", "peak memory: peer Pelican", "MiB", "rounds"),
    ("mem peer pagefind", "peak memory: peer Pagefind", "MiB", "rounds"),
    ("search ours", "search bytes per query: ours, index + 10 documents", "kB", "queries"),
    ("search pagefind data", "search bytes per query: Pagefind, index + 10 fragments", "kB", "queries"),
    ("search ours all", "search bytes per query: ours, with our search scripts", "kB", "queries"),
    ("search pagefind", "search bytes per query: Pagefind, all /pagefind/ files (with its JS and wasm)", "kB",
     "queries"),
    ("livereload archive browser", "livereload, {entries} entries: save to visible in the browser", "s", "edits"),
    ("livereload archive served", "livereload, {entries} entries: save to rebuilt page served", "s", "edits"),
    ("livereload sample browser", "livereload, sample archive: save to visible in the browser", "s", "edits"),
    ("livereload sample served", "livereload, sample archive: save to rebuilt page served", "s", "edits"),
]


def _number(value: float, unit: str) -> str:
    if unit == "MiB":
        return f"{value:.0f} MiB"
    if unit == "kB":
        return f"{value:.1f} kB"
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def figures_table(values: dict, entries: int) -> list[str]:
    """Median, min and max of each row; memory cells show the RSS sum, then the PSS sum in brackets."""
    lines = ["| measure | median | min | max | over |", "| --- | ---: | ---: | ---: | --- |"]
    for key, label, unit, over in ROWS:
        numbers = values.get(key)
        if not numbers:
            continue
        cells = [_number(pick(numbers), unit) for pick in (statistics.median, min, max)]
        if unit == "MiB" and values.get(key.replace("mem ", "pss ")):
            pss = values[key.replace("mem ", "pss ")]
            cells = [f"{cell} (PSS {pick(pss):.0f})" for cell, pick in zip(cells, (statistics.median, min, max))]
        lines.append(f"| {label.format(entries=f'{entries:,}')} | {' | '.join(cells)} | {len(numbers)} {over} |")
    return lines


def targets(values: dict, reload_problems: dict, entries: int) -> list[tuple[str, str, bool | None]]:
    """(target, what was measured, met?) for each of the issue's targets; None: not measured."""
    median = lambda key: statistics.median(values[key]) if values.get(key) else None  # noqa: E731
    cold = median("ours cold")
    result = [("cold full build ≤ 1.0× Pelican + Pagefind", cold / median("peer total"), COLD_RATIO),
              ("rebuild after a body edit ≤ 0.2× our cold build", median("rebuild body") / cold, REBUILD_RATIO),
              ("rebuild after a places edit ≤ 0.2× our cold build", median("rebuild places") / cold, REBUILD_RATIO)]
    rows = [(name, f"{ratio:.2f}×", ratio <= limit) for name, ratio, limit in result]
    ours = ("ours cold", "rebuild body", "rebuild places")
    rss = max(peak for key in ours for peak in values[f"mem {key}"])
    pss = max(peak for key in ours for peak in values[f"pss {key}"])
    rows.append(("peak memory ≤ 500 MiB (largest of our builds, RSS sum)", f"{rss:.0f} MiB", rss <= PEAK_MIB))
    rows.append(("peak memory ≤ 500 MiB (largest of our builds, PSS sum)", f"{pss:.0f} MiB", pss <= PEAK_MIB))
    if values.get("search ours"):
        for name, ours, theirs in (("index and results, no code on either side", "search ours", "search pagefind data"),
                                   ("everything fetched, code included on both sides", "search ours all",
                                    "search pagefind"),
                                   ("ours without code / all of Pagefind's /pagefind/ files", "search ours",
                                    "search pagefind")):
            ratio = median(ours) / median(theirs)
            rows.append((f"static search bytes per query ≤ Pagefind's: {name} (medians)", f"{ratio:.2f}×",
                         ratio <= SEARCH_RATIO))
    for which, archive in (("archive", f"{entries:,} entries"), ("sample", "the sample archive")):
        if values.get(f"livereload {which} browser"):
            seconds = median(f"livereload {which} browser")
            rows.append((f"invoke livereload shows a saved edit within 1 s, {archive} (median)", f"{seconds:.2f} s",
                         seconds <= LIVERELOAD_SECONDS))
        elif reload_problems.get(which):
            problem = reload_problems[which]
            rows.append((f"invoke livereload shows a saved edit within 1 s, {archive}", problem,
                         None if problem.startswith("not measured") else False))
    return rows


def report(values: dict, search_rows: list[tuple], reload_problems: dict, args, host: dict) -> str:
    """The whole result as Markdown: it reads well in a terminal and goes into bench/README.md."""
    when = dt.date.today().isoformat()
    lines = [f"### Benchmark: {args.entries:,} entries, seed {args.seed}, {args.rounds} round(s), {when}", "",
             f"Machine: {host['cpu']}, {host['cores']} cores, {host['ram']} RAM; {host['os']}; Python "
             f"{host['python']}, Pelican {host['pelican']}, Pagefind {host['pagefind']}, {host['chromium']}.", "",
             *figures_table(values, args.entries), "",
             "| target | measured | |", "| --- | ---: | --- |"]
    for name, measured, met in targets(values, reload_problems, args.entries):
        lines.append(f"| {name} | {measured} | {'not measured' if met is None else 'met' if met else 'NOT met'} |")
    if search_rows:
        lines += ["", "| query | ours: index + documents | ours: scripts | Pagefind: index + fragments "
                  "| Pagefind: JS + wasm | Pagefind hits |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
        lines += [f"| {query} | {data:.1f} kB | {code:.1f} kB | {pf_data:.1f} kB | {pf_code:.1f} kB | {hits} |"
                  for query, data, code, pf_data, pf_code, hits in search_rows]
    lines += ["", "Times are wall-clock seconds of each command as a subprocess (interpreter start included); "
              "memory is the largest sum of RSS over the command's process tree, sampled every 50 ms "
              "(RSS counts the pages forked workers share with their parent once per process; PSS, sampled every "
              "0.5 s, splits them). "
              "Search bytes are what a fresh headless Chromium fetches for a query, as the project's static "
              "server sends them (text files of 1 KB or more gzipped, as static hosts do): the index and the "
              "10 first results' documents (ours under /search-index/, Pagefind's under /pagefind/), and "
              "apart the code that searches (our search page's scripts; Pagefind's pagefind.js and WebAssembly). "
              "livereload is the real task, timed from the save to the edit showing in Chromium, over edits of "
              "five kinds in turn (a sentence at the end, the start and the middle of the body, the title, the "
              "summary): on the synthetic archive (in its own output and cache folders, bench/reload_latency.py) and on the "
              "sample archive (content/)."]
    return "\n".join(lines) + "\n"


def replace_between_markers(page: Path, name: str, text: str) -> None:
    """Put ``text`` in ``page`` between ``<!-- name:start -->`` and ``<!-- name:end -->``."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    head, rest = page.read_text(encoding="utf-8").split(start, 1)
    tail = rest.split(end, 1)[1]
    page.write_text(f"{head}{start}\n{text.strip()}\n{end}{tail}", encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=5000, help="entries in the synthetic archive")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of every build")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic archive")
    parser.add_argument("--livereload", type=int, default=5,
                        help="saved edits timed through invoke livereload (0: skip)")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    samples, search_rows, reload_problems = Samples(), [], {}
    try:
        folders = prepare(args.entries, args.seed)
        edits = Edits(folders.content)
        for number in range(1, args.rounds + 1):
            run_round(number, args.rounds, folders, edits, samples)
        search_rows = measure_search(folders, samples)
        if args.livereload:
            reload_problems["archive"] = measure_reload(args.livereload, samples, "archive", folders.content)
            reload_problems["sample"] = measure_reload(args.livereload, samples, "sample", None)
    except CommandFailed as exc:
        print(f"bench: stopped, a build failed.\n{exc}", file=sys.stderr)
        return 1
    markdown = report(samples.values, search_rows, reload_problems, args, machine())
    LATEST.write_text(markdown, encoding="utf-8")
    print(markdown)
    say(f"written to {LATEST.relative_to(ROOT)}")
    if args.entries >= FULL_SIZE:
        replace_between_markers(README, "bench-latest", markdown)
        say(f"and to {README.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
