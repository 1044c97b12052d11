"""Timing a command and the peak memory of everything it starts.

Wall time alone hides the cost of a build that forks workers (our reader pool) or
hands its work to a child binary (``python -m pagefind`` runs the Pagefind binary),
so ``run_measured`` samples the resident memory of the whole process tree, the
command and all its descendants, every 50 ms and keeps the largest sum. Sampling
must not slow down what it measures (two cores): RSS comes from the cheap
``/proc/<pid>/statm``; PSS from ``smaps_rollup``, which costs the kernel a walk of
every page table, is sampled every 0.5 s.

The sum of RSS counts pages shared between a parent and its forked workers once per
process, so it overstates what the tree really holds: it is an upper bound, the
same one for our build and the peer's. The sum of PSS (each shared page split
between the processes sharing it) is kept beside it: it is what the tree holds.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SAMPLE_SECONDS = 0.05
PSS_EVERY = 10  # samples
PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


class CommandFailed(RuntimeError):
    """A measured command exited with an error: the benchmark stops rather than time a failure."""


@dataclass(frozen=True)
class Measured:
    seconds: float
    peak_mib: float  # largest sum of RSS over the process tree
    peak_pss_mib: float  # largest sum of PSS over the process tree
    output: str


def _children_by_parent() -> dict[int, list[int]]:
    """Every process's children, from the parent id in /proc/<pid>/stat (the kernel here has no
    /proc/<pid>/task/<tid>/children, so the table is built by scanning /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()  # the name in brackets may hold spaces
        except OSError:  # it ended while we looked
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    return children


def _rss_kib(pid: int) -> int:
    """RSS of one process in KiB, from /proc/<pid>/statm; 0 once it has ended."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * PAGE_KIB
    except (OSError, IndexError, ValueError):
        return 0


def _memory_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in KiB, from /proc/<pid>/smaps_rollup; (0, 0) once it has ended."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
            for line in rollup:
                if line.startswith(b"Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith(b"Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def tree_memory_kib(root: int, with_pss: bool = True) -> tuple[int, int]:
    """Resident memory (RSS, PSS) of ``root`` and all its descendants, in KiB (PSS 0 unless ``with_pss``)."""
    children = _children_by_parent()
    rss = pss = 0
    pending = [root]
    while pending:
        pid = pending.pop()
        if with_pss:
            one_rss, one_pss = _memory_kib(pid)
        else:
            one_rss, one_pss = _rss_kib(pid), 0
        rss, pss = rss + one_rss, pss + one_pss
        pending.extend(children.get(pid, ()))
    return rss, pss


def _sample_peak(pid: int, stop: threading.Event, peak: list[int]) -> None:
    samples = 0
    while not stop.is_set():
        rss, pss = tree_memory_kib(pid, with_pss=samples % PSS_EVERY == 0)
        peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
        samples += 1
        stop.wait(SAMPLE_SECONDS)


def run_measured(command: list[str], cwd: Path) -> Measured:
    """Run ``command`` to its end; return its wall time and peak tree memory; raise CommandFailed on an error exit."""
    stop, peak = threading.Event(), [0, 0]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sampler = threading.Thread(target=_sample_peak, args=(process.pid, stop, peak), daemon=True)
    sampler.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise CommandFailed(f"{' '.join(command)} exited with {process.returncode}:\n{output[-4000:]}")
    return Measured(seconds, peak[0] / 1024, peak[1] / 1024, output)
