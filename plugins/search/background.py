"""The Whoosh index and the static index files, written in a second process while pages render.

Indexing is the single largest step of a cold build (Whoosh analyses and
writes every entry), and nothing Pelican renders needs the index: related
entries are computed from the entries' text (related.py), and only the static
search files are read from the index. So the build hands the entries to one
worker process as soon as they are known, renders every page meanwhile, and
waits for the worker only when it writes the search page, on a machine with
two cores or more, for roughly the cost of the longer of the two.

The worker is a fresh interpreter ("spawn"), not a fork of a Pelican process
that may hold threads and locks. Its log lines and the files it wrote are sent
back, so the log reads as if one process did everything and the files are
claimed by the build (not taken for leftovers).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from plugins.contract import OutputFiles
from plugins.contract.workers import exit_with_parent

from .aliases import AliasTable, save_aliases
from .collection import weighting
from .indexing import IndexReport, open_index, update_index
from .related import cached_related_urls
from .static import StaticReport, write_static_index

logger = logging.getLogger(__name__)

POSTINGS_CACHE = "static-postings.pickle"  # kept in the index folder: it goes when the index is rebuilt


@dataclass
class SearchJob:
    """Everything the worker needs: plain values that pickle."""

    index_path: str
    documents: list
    boosts: dict
    output_path: str
    static_dir: str     # the static index's folder in the output
    shard_bytes: int
    aliases: list = field(default_factory=list)  # NameGroups: every spelling of each entity's name
    live_index_path: str = ""  # the index the build replaces when it succeeds (index_path is its staged copy)


@dataclass
class SearchOutcome:
    index: IndexReport
    index_seconds: float
    static: StaticReport
    static_seconds: float
    claimed: set = field(default_factory=set)
    log: list = field(default_factory=list)   # (logger name, level, message) from the worker
    worker: int = 0                           # the process that did the job


def run_job(job: SearchJob) -> SearchOutcome:
    """Update the index, then write the static files from it (in the worker, or inline)."""
    records = _Collect()
    search_logger = logging.getLogger("plugins.search")
    search_logger.addHandler(records)
    previous_level = search_logger.level
    search_logger.setLevel(logging.INFO)
    try:
        started = time.perf_counter()
        report = update_index(Path(job.index_path), job.documents, job.boosts,
                              Path(job.live_index_path) if job.live_index_path else None)
        save_aliases(Path(job.index_path), job.aliases)
        index_seconds = time.perf_counter() - started
        started = time.perf_counter()
        # Through the one writer API, as every plugin writes its files: only changed bytes are
        # written, and the files claimed here are claimed in the build (finish_search).
        outputs = OutputFiles(job.output_path)

        def write(relative, data):
            outputs.write(f"{job.static_dir}/{relative}", data)

        with open_index(Path(job.index_path)).searcher(weighting=weighting()) as searcher:
            static = write_static_index(searcher, Path(job.output_path) / job.static_dir, job.shard_bytes, write,
                                        postings_cache=Path(job.index_path) / POSTINGS_CACHE,
                                        aliases=AliasTable(job.aliases), index_path=Path(job.index_path))
        return SearchOutcome(report, index_seconds, static, time.perf_counter() - started,
                             outputs.claimed, records.lines, os.getpid())
    finally:
        search_logger.removeHandler(records)
        search_logger.setLevel(previous_level)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.lines = []

    def emit(self, record):
        self.lines.append((record.name, record.levelno, record.getMessage()))


_pool: ProcessPoolExecutor | None = None


def _submit(function, *args) -> Future:
    """Run ``function`` in the index worker: one process, started once and kept for the next build.

    Starting a fresh interpreter and importing Whoosh costs about a second on a
    busy machine; ``invoke livereload`` builds again and again in one process,
    so the worker outlives a build. A worker that died is replaced.
    """
    global _pool
    for _attempt in range(2):
        if _pool is None:
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=exit_with_parent, initargs=(os.getpid(),))
        try:
            return _pool.submit(function, *args)
        except (BrokenProcessPool, RuntimeError):  # it died, or the pool was shut down
            _pool = None
    raise RuntimeError("cannot start the search index worker")


class PendingSearch:
    """A job running in a worker process; ``result()`` waits for it and replays its log here.

    ``related`` ((count, body boost, cache file)), when given, has the worker work
    out the related entries first (``related()`` returns them): on a rebuild the
    worker has time to spare and the build has none.
    """

    def __init__(self, job: SearchJob, parallel: bool = True, related: tuple | None = None):
        self._parallel, self._related = parallel, None
        if parallel:
            if related is not None:
                self._related = _submit(cached_related_urls, job.documents, *related)
            self._future: Future = _submit(run_job, job)
        else:
            self._future = Future()
            try:
                self._future.set_result(run_job(job))
            except BaseException as exc:  # surfaced by result(), as from a worker
                self._future.set_exception(exc)

    def related(self):
        """(related urls, reused from the cache) worked out by the worker, or None if it was not asked to."""
        return self._related.result() if self._related is not None else None

    def wait_quietly(self) -> None:
        """Wait for the worker without caring how it ended (a failed build cleaning up)."""
        if self._related is not None:
            self._related.exception()
        self._future.exception()

    def result(self) -> SearchOutcome:
        outcome = self._future.result()
        for name, level, message in outcome.log:
            if self._parallel:  # inline, the records were logged already
                logging.getLogger(name).log(level, "%s", message)
        return outcome
