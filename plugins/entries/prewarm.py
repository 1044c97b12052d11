"""Read the entries the reader cache lacks in a pool of processes, before Pelican asks for them.

Reading an entry (YAML, validation, Markdown) is most of a cold build and each
entry is independent, so every core reads a share; Pelican's reader then finds
each result in the cache.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

from plugins.contract import registry_folder
from plugins.contract.workers import exit_with_parent

from .cache import ReaderCache
from .reader import read_entry_uncached
from .registry import load_registries


def prewarm(cache: ReaderCache, jobs: list, settings, workers: int) -> int:
    """Read uncached entries in parallel; ``jobs`` are (key, source_path, shown) triples."""
    missing = [job for job in jobs if job[0] not in cache.items]
    if len(missing) < 8 or workers < 2:
        return 0
    chunks = [missing[i::workers] for i in range(workers)]
    plain_settings = {k: settings[k] for k in ("PATH", "MARKDOWN", "TIMEZONE", "ENTRIES_DATA_PATH") if k in settings}
    with ProcessPoolExecutor(max_workers=workers, initializer=exit_with_parent, initargs=(os.getpid(),)) as pool:
        for results in pool.map(_read_many, chunks, [plain_settings] * workers):
            for key, value in results:
                cache.put(key, value)
    return len(missing)


def _read_many(jobs, settings):
    registries = load_registries(registry_folder(settings))
    results = []
    for key, source_path, shown in jobs:
        try:
            results.append((key, read_entry_uncached(source_path, shown, registries, settings)))
        except Exception:  # the reader in the main process reports it properly
            continue
    return results
