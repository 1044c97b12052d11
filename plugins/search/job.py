"""The search job of a build: what the index worker is given, from the settings and the documents."""

from __future__ import annotations

from pathlib import Path

from plugins.contract import build_of

from .background import PendingSearch, SearchJob
from .settings import search_settings


def search_job(settings, documents) -> SearchJob:
    config = search_settings(settings)
    output = Path(settings["OUTPUT_PATH"])
    return SearchJob(str(config.index_path), documents, config.boosts, str(output), config.static_dir,
                     config.shard_bytes)


def related_cache(settings) -> Path:
    return Path(settings["CACHE_PATH"]) / "search-related.pickle"


def start_search(settings, documents, parallel: bool = True, with_related: bool = False) -> PendingSearch:
    """Start the search job; a build that fails meanwhile waits for it before deleting its partial site."""
    related = None
    if with_related and parallel:
        config = search_settings(settings)
        related = (config.related_count, config.boosts["body"], related_cache(settings))
    pending = PendingSearch(search_job(settings, documents), parallel=parallel, related=related)
    build_of(settings).waits.append(pending.wait_quietly)
    return pending
