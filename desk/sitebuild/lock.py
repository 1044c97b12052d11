"""One build at a time per output folder and per cache: a second build waits, and says so.

Two builds at once (a save under livereload while a manual build runs, two CI
steps) used to race on ``output.partial`` and the search index: tracebacks, or
a "Built" with exit code 0 and a site missing most of its files. A build now
holds an exclusive ``flock`` on ``<output>.lock`` and ``<cache>.lock``. The
operating system releases it when the holder ends, however it ends (Ctrl-C,
kill -9), so a killed build never leaves a stale lock behind.

A second build logs who holds the lock and waits (livereload and CI want the
site built, not an error); after ``BUILD_LOCK_TIMEOUT`` seconds it gives up
with a ``BuildBusy`` error that says which process to wait for.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import logging
import os
import time
from pathlib import Path

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 900.0  # seconds: longer than a cold build of a big archive
POLL_SECONDS = 0.1


class BuildBusy(Exception):
    """Another build holds the lock for too long; the message says which and what to do."""


def lock_path(folder: Path) -> Path:
    """``output`` → ``output.lock``, beside it (not inside: the build replaces the folder)."""
    folder = Path(folder).resolve()
    return folder.with_name(folder.name + ".lock")


@contextlib.contextmanager
def build_lock(folders, timeout: float = DEFAULT_TIMEOUT, what: str = "build"):
    """Hold the locks of ``folders`` (taken in sorted order, so two builds never deadlock)."""
    with contextlib.ExitStack() as stack:
        for path in sorted({lock_path(folder) for folder in folders}):
            stack.enter_context(_hold(path, timeout, what))
        yield


@contextlib.contextmanager
def _hold(path: Path, timeout: float, what: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+", encoding="utf-8")
    try:
        if not _try_lock(handle):
            holder = _holder(path)
            logger.warning("another build (%s) holds %s; this %s waits for it to finish", holder, path, what)
            deadline = time.monotonic() + timeout
            while not _try_lock(handle):
                if time.monotonic() > deadline:
                    raise BuildBusy(f"{path}: another build ({_holder(path)}) has been running for over "
                                    f"{timeout:.0f} s — wait for it to finish, or stop that process and "
                                    "build again")
                time.sleep(POLL_SECONDS)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()} {dt.datetime.now().isoformat(timespec='seconds')}\n")
        handle.flush()
        yield
    finally:
        handle.close()  # releases the lock


def _try_lock(handle) -> bool:
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder(path: Path) -> str:
    """"pid 1234, started 2026-12-03T13:20:01" from the lock file, as far as it says."""
    try:
        pid, started = path.read_text(encoding="utf-8").split()[:2]
    except (OSError, ValueError):
        return "process unknown"
    return f"pid {pid}, started {started}"
