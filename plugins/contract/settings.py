"""Every setting the project adds, with its default and meaning, declared once.

Plugins read a project setting with ``setting(settings, NAME)``: the default
lives here and nowhere else, ``docs/settings.md`` is generated from this table
(``invoke schema``), and ``tests/test_docs.py`` fails when the code reads a
setting that is neither declared here nor one of Pelican's own.

The few facts several plugins need to agree on (the entity kinds, the registry
folder, the site's absolute URL) are worked out here too, once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The six registries whose entities get pages, in the order the site lists them.
ENTITY_KINDS = ("sections", "topics", "people", "places", "organisations", "stories")
# The registries' folder inside the content folder, unless ENTRIES_DATA_PATH says otherwise.
REGISTRY_FOLDER = "data"


@dataclass(frozen=True)
class Setting:
    """One project setting: its name, its default, and what it means (one line, for docs/settings.md)."""

    name: str
    default: Any
    doc: str
    shown_default: str = ""  # how the docs show a default the code works out (e.g. "<PATH>/data")


DECLARED = (
    Setting("SITE_DESCRIPTION", "", "one sentence shown on the home page and in feeds", "—"),
    Setting("CONTENT_SECURITY_POLICY", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' "
            "data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'",
            "the policy in every page's meta tag", "no inline or foreign scripts"),
    Setting("ENTRIES_DATA_PATH", None, "folder of the registries", "`<PATH>/data`"),
    Setting("ENTRIES_CACHE", True, "keep reader results in `CACHE_PATH`, keyed by file bytes, registries, reader "
            "code and Markdown settings"),
    Setting("ENTRIES_WORKERS", None, "processes that read uncached entries in parallel before Pelican asks for them",
            "CPU count"),
    Setting("INCREMENTAL_BUILDS", True, "render only pages whose inputs changed; write only changed bytes (see "
            "[Fast rebuilds](internals.md#fast-rebuilds))"),
    Setting("INCREMENTAL_LIST_FIELDS", None, "what list pages show of an entry: a change elsewhere (the body) does "
            "not re-render the lists it is on",
            "url, date, modified, category, entry.title, entry.summary, entry.section, status"),
    Setting("INCREMENTAL_PREVIOUS_OUTPUT", None, "the published site a build starts from (set by the build "
            "runner, not by hand)", "`OUTPUT_PATH`"),
    Setting("ENTITY_KINDS_WITH_PAGES", list(ENTITY_KINDS), "which registries get `/kind/id/` pages",
            "all six kinds"),
    Setting("ENTITY_TIMELINE_MAX_EVENTS", 50, "events in an entity page's timeline: its latest ones (`None`: all)"),
    Setting("JSON_FEED_SAVE_AS", "feeds/all.json", "where the JSON Feed is written (empty: none)"),
    Setting("SEARCH_INDEX_PATH", None, "where the Whoosh index is kept between builds (outside `output/`)",
            "`<CACHE_PATH>/search-index`"),
    Setting("SEARCH_STATIC_DIR", "search-index", "folder of the static index in the site"),
    Setting("SEARCH_FIELD_BOOSTS", {"title": 3.0, "summary": 2.0, "body": 1.0, "names": 2.0, "where": 1.0},
            "BM25F weight of each field; changing it rebuilds the index",
            "title 3, summary 2, body 1, names 2, where 1"),
    Setting("SEARCH_RELATED_COUNT", 4, "related entries per article (0: none)"),
    Setting("SEARCH_SHARD_BYTES", 24_000, "target size of a static index shard"),
    Setting("SEARCH_MAX_RESULTS", 50, "most results the service returns per request"),
    Setting("SEARCH_WORKER_MIN_ENTRIES", 1000, "from this many entries, the index is written by a second process "
            "while pages render"),
    Setting("REPOSITORY_URL", None, "the archive's repository; each entry page links to its file's history there "
            "(`<url>/commits/HEAD/<path>`, or write `{path}` where the path goes); no link when unset (see "
            "[sources and claims](sources-and-claims.md))"),
)

BY_NAME = {declared.name: declared for declared in DECLARED}


def setting(settings, name: str):
    """The value of a declared project setting, or its declared default (a KeyError names an undeclared one)."""
    return settings.get(name, BY_NAME[name].default)


def apply_defaults(settings) -> None:
    """Give every declared setting the build does not set its default (templates read settings directly)."""
    for declared in DECLARED:
        settings.setdefault(declared.name, declared.default)


# Settings Pelican documents but leaves out of its DEFAULT_CONFIG; the docs test counts them as Pelican's.
PELICAN_UNDEFAULTED = ("FEED_DOMAIN", "TIMEZONE")


def registry_folder(settings) -> Path:
    """The folder of the registries (``ENTRIES_DATA_PATH``, else ``<PATH>/data``)."""
    return Path(setting(settings, "ENTRIES_DATA_PATH") or os.path.join(settings["PATH"], REGISTRY_FOLDER))


def site_url(settings) -> str:
    """Absolute base for links that leave the site (feeds, exports, JSON-LD): SITEURL when absolute, else FEED_DOMAIN."""
    url = settings.get("SITEURL") or ""
    if not url.startswith(("http://", "https://")):
        url = settings.get("FEED_DOMAIN") or url
    return url.rstrip("/")


SETTINGS_DOC = "docs/settings.md"


def settings_table() -> str:
    """docs/settings.md, from the declarations above."""
    lines = ["# Settings", "",
             "<!-- Generated from plugins/contract/settings.py by `invoke schema`; edit the declarations there. -->",
             "", "Pelican's own settings are in `pelicanconf.py` (development) and `publishconf.py` (production).",
             "The project adds these; a plugin reads each through `setting(settings, NAME)`, so the default below",
             "is the one the code uses.", "", "| setting | default | meaning |", "| --- | --- | --- |"]
    for declared in DECLARED:
        shown = declared.shown_default or f"`{declared.default!r}`"
        lines.append(f"| `{declared.name}` | {shown} | {declared.doc} |")
    return "\n".join(lines) + "\n"
