"""The search job of a build: what the index worker is given, from the settings and the documents."""

from __future__ import annotations

from pathlib import Path

from plugins.contract import build_of

from .background import PendingSearch, SearchJob
from .settings import search_settings
from .staging import commit_index, discard_index, stage_index, staged_path

# Owner of the search plugin's state in the Build (``Build.state``): this build's index jobs, writing into
# the staged index. It lives in the Build, never in the settings.
STAGED_KEY = f"{__name__}.staged"


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
    build = build_of(settings)
    staged = build.private.get(STAGED_KEY)
    if staged is None:  # the build's first index job: it writes into a fresh copy of the live index
        stage_index(search_settings(settings).index_path)
        staged = build.state(STAGED_KEY, list)
        build.waits.append(lambda: abandon_index(build))
    pending = PendingSearch(search_job(settings, documents, aliases), parallel=parallel, related=related)
    staged.append(pending)
    return pending


def abandon_index(build) -> None:
    """A failed build (``Build.waits``): wait for its index jobs, then throw their index away with the build."""
    pendings = build.private.pop(STAGED_KEY, None)
    if pendings is None:
        return  # committed already
    for pending in pendings:
        pending.wait_quietly()
    discard_index(search_settings(build.settings).index_path)


def commit_search_index(build) -> None:
    """``build_finished``: the build succeeded, so its index becomes the one the CLI and the service read."""
    settings = build.settings
    pendings = build.private.pop(STAGED_KEY, None)
    if pendings is None:
        return
    for pending in pendings:
        pending.wait_quietly()
    commit_index(search_settings(settings).index_path)
