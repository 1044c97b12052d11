"""The search plugin's settings, with their defaults, in one place.

Every ``SEARCH_…`` setting is read here so the build, the CLI and the service
agree on where the index lives and how it is weighted.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_BOOSTS = {"title": 3.0, "summary": 2.0, "body": 1.0, "names": 2.0, "where": 1.0}


@dataclass(frozen=True)
class SearchSettings:
    """What the search plugin needs to know about one site."""

    index_path: Path
    static_dir: str = "search-index"
    boosts: dict = field(default_factory=lambda: dict(DEFAULT_BOOSTS))
    related_count: int = 4
    shard_bytes: int = 24_000
    max_results: int = 50


def search_settings(settings: dict) -> SearchSettings:
    """Read the ``SEARCH_…`` settings, falling back to the defaults above."""
    index_path = settings.get("SEARCH_INDEX_PATH") or os.path.join(
        settings.get("CACHE_PATH") or ".build/cache", "search-index")
    boosts = dict(DEFAULT_BOOSTS)
    boosts.update(settings.get("SEARCH_FIELD_BOOSTS") or {})
    unknown = set(boosts) - set(DEFAULT_BOOSTS)
    if unknown:
        raise ValueError(f"SEARCH_FIELD_BOOSTS names unknown fields {sorted(unknown)}; "
                         f"use some of {sorted(DEFAULT_BOOSTS)}")
    return SearchSettings(
        index_path=Path(index_path).resolve(),
        static_dir=(settings.get("SEARCH_STATIC_DIR") or "search-index").strip("/"),
        boosts=boosts,
        related_count=int(settings.get("SEARCH_RELATED_COUNT", 4)),
        shard_bytes=int(settings.get("SEARCH_SHARD_BYTES", 24_000)),
        max_results=int(settings.get("SEARCH_MAX_RESULTS", 50)),
    )
