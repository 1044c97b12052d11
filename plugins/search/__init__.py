"""Search plugin: one Whoosh index, searched three ways (static page, service, CLI).

Signals used (module functions, as Pelican holds receivers weakly):

- ``all_generators_finalized``: start bringing the Whoosh index up to date
  with the published entries (only changed entries are re-indexed) in a worker
  process (background.py), and give every article its ``related_entries``
  (related.py) before any page is written;
- ``get_generators``: ``SearchGenerator`` writes ``/search/``, then waits for
  the worker, which writes the static index the page fetches;
- ``finalized``: swap the index this build wrote (into a copy, staging.py)
  in for the one the CLI and the service read; a failed build never gets here.

The query rules are in ``query.py``, shared by the CLI (``invoke search``) and
the service (``service.py``); the page's JavaScript copies them.
"""

from __future__ import annotations

import logging
import time

from pelican import signals
from pelican.generators import ArticlesGenerator, Generator

from .aliases import name_groups
from .background import PendingSearch
from .documents import document_for
from .early import start_early, take_early
from .job import commit_search_index, related_cache, start_search
from .related import cached_related_urls
from .schema import FILTER_FIELDS, FILTER_REGISTRIES
from .settings import search_settings

logger = logging.getLogger(__name__)
# Pelican's logger drops a message it has logged before; every build's counts must show (livereload).
getattr(logger, "disable_filter", lambda: None)()


class SearchGenerator(Generator):
    """Writes the search page and the static index files it reads."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters = {}  # set by index_entries once the entries are known
        self.pending: PendingSearch | None = None  # the index and static files, being written

    def generate_output(self, writer):
        config = search_settings(self.settings)
        writer.write_file("search/index.html", self.get_template("search"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], page_name="search/index",
                          search_filters=self.filters, search_index_dir=config.static_dir)
        if self.pending is not None:
            finish_search(self.settings, self.pending)
            self.pending = None


def finish_search(settings, pending: PendingSearch) -> None:
    """Wait for the index and static files; log what was done; claim the files for the incremental plugin."""
    started = time.perf_counter()
    outcome = pending.result()
    waited = time.perf_counter() - started
    settings.setdefault("_INCREMENTAL_CLAIMED", set()).update(outcome.claimed)
    logger.info("search: %s (%.1f s)", outcome.index, outcome.index_seconds)
    static = outcome.static
    logger.info("search: static index of %d entries written: %d terms in %d shards, %d files, %.0f kB (%.1f s)",
                static.documents, static.terms, static.shards, static.files, static.bytes / 1000,
                outcome.static_seconds)
    logger.info("search: the build waited %.1f s for the index worker", waited)


def index_entries(generators):
    """Update the index from this build's published entries, then set ``related_entries``."""
    from plugins.entries.reader import registries_for

    articles_generator = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    search_generator = next((g for g in generators if isinstance(g, SearchGenerator)), None)
    if articles_generator is None:
        return
    settings = articles_generator.settings
    config = search_settings(settings)
    articles = [a for a in articles_generator.articles + articles_generator.translations if hasattr(a, "entry")]
    registries = registries_for(settings)
    started = time.perf_counter()
    documents = [document_for(article, registries) for article in articles]
    pending = take_early(settings, documents)
    if pending is None:
        # A worker process costs about half a second to start: worth it for a big archive only.
        parallel = len(documents) >= settings.get("SEARCH_WORKER_MIN_ENTRIES", 1000)
        pending = start_search(settings, documents, parallel=parallel, aliases=name_groups(registries))
        logger.info("search: %d entries %s (%.1f s)", len(documents),
                    "handed to the index worker" if parallel else "indexed in this process",
                    time.perf_counter() - started)
    started = time.perf_counter()
    from_worker = pending.related()
    related, reused = from_worker or cached_related_urls(documents, config.related_count, config.boosts["body"],
                                                         related_cache(settings))
    logger.info("search: related entries %s for %d entries%s (%.1f s)", "reused" if reused else "found",
                len(related), " by the index worker" if from_worker else "", time.perf_counter() - started)
    by_url = {article.url: article for article in articles}
    for article in articles:
        article.related_entries = [by_url[url] for url in related.get(article.url, []) if url in by_url]
    if search_generator is not None:
        search_generator.filters = filter_options(documents, registries)
        search_generator.pending = pending
    else:
        finish_search(settings, pending)


def filter_options(documents, registries) -> dict:
    """For each filter, the (id, name, count) of entities published entries carry, by name."""
    options = {}
    for name, kind in FILTER_REGISTRIES.items():
        counts = {}
        for document in documents:
            values = [document.section] if name == "section" else getattr(document, FILTER_FIELDS[name])
            for value in values:
                counts[value] = counts.get(value, 0) + 1
        registry = getattr(registries, kind)
        rows = [(value, registry[value].name if value in registry.entities else value, count)
                for value, count in counts.items()]
        options[name] = sorted(rows, key=lambda row: (row[1].casefold(), row[0]))
    return options


def get_generators(pelican):
    return SearchGenerator


def register():
    signals.article_generator_init.connect(start_early)
    signals.all_generators_finalized.connect(index_entries)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(commit_search_index)
