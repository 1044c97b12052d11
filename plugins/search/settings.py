"""The search plugin's settings, with their defaults, in one place.

Every ``SEARCH_…`` setting is read here so the build, the CLI and the service
agree on where the index lives and how it is weighted; the defaults are the
project's one declaration table (plugins/contract/settings.py).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from plugins.contract import setting
from plugins.contract.settings import BY_NAME

DEFAULT_BOOSTS = BY_NAME["SEARCH_FIELD_BOOSTS"].default


@dataclass(frozen=True)
class SearchSettings:
    """What the search plugin needs to know about one site."""

    index_path: Path
    static_dir: str = BY_NAME["SEARCH_STATIC_DIR"].default
    boosts: dict = field(default_factory=lambda: dict(DEFAULT_BOOSTS))
    related_count: int = BY_NAME["SEARCH_RELATED_COUNT"].default
    shard_bytes: int = BY_NAME["SEARCH_SHARD_BYTES"].default
    max_results: int = BY_NAME["SEARCH_MAX_RESULTS"].default


def search_settings(settings: dict) -> SearchSettings:
    """Read the ``SEARCH_…`` settings; their defaults are declared in plugins/contract/settings.py."""
    index_path = setting(settings, "SEARCH_INDEX_PATH") or os.path.join(
        settings.get("CACHE_PATH") or ".build/cache", "search-index")
    boosts = dict(DEFAULT_BOOSTS)
    boosts.update(setting(settings, "SEARCH_FIELD_BOOSTS") or {})
    unknown = set(boosts) - set(DEFAULT_BOOSTS)
    if unknown:
        raise ValueError(f"SEARCH_FIELD_BOOSTS names unknown fields {sorted(unknown)}; "
                         f"use some of {sorted(DEFAULT_BOOSTS)}")
    return SearchSettings(
        index_path=Path(index_path).resolve(),
        static_dir=(setting(settings, "SEARCH_STATIC_DIR") or "search-index").strip("/"),
        boosts=boosts,
        related_count=int(setting(settings, "SEARCH_RELATED_COUNT")),
        shard_bytes=int(setting(settings, "SEARCH_SHARD_BYTES")),
        max_results=int(setting(settings, "SEARCH_MAX_RESULTS")),
    )
