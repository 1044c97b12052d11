"""The search job of a build: what the index worker is given, from the settings and the documents."""

from __future__ import annotations

from pathlib import Path

from plugins.sitebuild.build import BACKGROUND_KEY

from .background import PendingSearch, SearchJob
from .settings import search_settings
from .staging import commit_index, discard_index, stage_index, staged_path

STAGED_KEY = "_SEARCH_STAGED"  # this build's index jobs, writing into the staged index


def search_job(settings, documents, aliases=()) -> SearchJob:
    """``aliases``: the registries' NameGroups (aliases.name_groups), kept with the index for every path."""
    config = search_settings(settings)
    output = Path(settings["OUTPUT_PATH"])
    return SearchJob(str(staged_path(config.index_path)), documents, config.boosts, str(output), config.static_dir,
                     config.shard_bytes, list(aliases), str(config.index_path))


def related_cache(settings) -> Path:
    return Path(settings["CACHE_PATH"]) / "search-related.pickle"


def start_search(settings, documents, parallel: bool = True, with_related: bool = False,
                 aliases=()) -> PendingSearch:
    """Start the search job; a build that fails meanwhile waits for it before deleting its partial site."""
    related = None
    if with_related and parallel:
        config = search_settings(settings)
        related = (config.related_count, config.boosts["body"], related_cache(settings))
    if STAGED_KEY not in settings:
        stage_index(search_settings(settings).index_path)
        settings[STAGED_KEY] = []
        settings.setdefault(BACKGROUND_KEY, []).append(lambda: abandon_index(settings))
    pending = PendingSearch(search_job(settings, documents, aliases), parallel=parallel, related=related)
    settings[STAGED_KEY].append(pending)
    return pending


def abandon_index(settings) -> None:
    """A failed build: wait for its index jobs, then throw their index away with the build."""
    for pending in settings.pop(STAGED_KEY, []):
        pending.wait_quietly()
    discard_index(search_settings(settings).index_path)


def commit_search_index(pelican) -> None:
    """``finalized``: the build succeeded, so its index becomes the one the CLI and the service read."""
    settings = pelican.settings
    pendings = settings.pop(STAGED_KEY, None)
    if pendings is None:
        return
    for pending in pendings:
        pending.wait_quietly()
    commit_index(search_settings(settings).index_path)
