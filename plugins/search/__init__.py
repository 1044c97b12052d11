"""Search plugin: one Whoosh index, searched three ways (static page, service, CLI).

Signals used (module functions, as Pelican holds receivers weakly):

- ``all_generators_finalized``: bring the Whoosh index up to date with the
  published entries (only changed entries are re-indexed) and give every
  article its ``related_entries`` before any page is written;
- ``get_generators``: ``SearchGenerator`` writes ``/search/`` and the static
  index the page fetches.

The query rules are in ``query.py``, shared by the CLI (``invoke search``) and
the service (``service.py``); the page's JavaScript copies them.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator, Generator

from .collection import weighting
from .documents import document_for
from .indexing import open_index, update_index
from .related import related_urls
from .schema import FILTER_FIELDS, FILTER_REGISTRIES
from .settings import search_settings
from .static import write_static_index

logger = logging.getLogger(__name__)
# Pelican's logger drops a message it has logged before; every build's counts must show (livereload).
getattr(logger, "disable_filter", lambda: None)()


class SearchGenerator(Generator):
    """Writes the search page and the static index files it reads."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters = {}  # set by index_entries once the entries are known

    def generate_output(self, writer):
        config = search_settings(self.settings)
        writer.write_file("search/index.html", self.get_template("search"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], page_name="search/index",
                          search_filters=self.filters, search_index_dir=config.static_dir)
        started = time.perf_counter()
        with open_index(config.index_path).searcher(weighting=weighting()) as searcher:
            report = write_static_index(searcher, Path(self.settings["OUTPUT_PATH"]) / config.static_dir,
                                        config.shard_bytes, _output_writer(self.settings, config.static_dir))
        logger.info("search: static index of %d entries written: %d terms in %d shards, %d files, %.0f kB (%.1f s)",
                    report.documents, report.terms, report.shards, report.files, report.bytes / 1000,
                    time.perf_counter() - started)


def _output_writer(settings, folder: str):
    """The incremental plugin's file writer when it is on (it removes files a build no longer makes)."""
    names = {getattr(p, "__name__", p) for p in settings.get("PLUGINS", [])}
    if "plugins.incremental" not in names or not settings.get("INCREMENTAL_BUILDS", True):
        return None
    from plugins.incremental import write_output

    return lambda relative, data: write_output(settings, f"{folder}/{relative}", data)


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
    report = update_index(config.index_path, documents, config.boosts)
    logger.info("search: %s (%.1f s)", report, time.perf_counter() - started)
    started = time.perf_counter()
    with open_index(config.index_path).searcher(weighting=weighting()) as searcher:
        related = related_urls(searcher, config.related_count)
    logger.info("search: related entries found for %d entries (%.1f s)", len(related), time.perf_counter() - started)
    by_url = {article.url: article for article in articles}
    for article in articles:
        article.related_entries = [by_url[url] for url in related.get(article.url, []) if url in by_url]
    if search_generator is not None:
        search_generator.filters = filter_options(documents, registries)


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
    signals.all_generators_finalized.connect(index_entries)
    signals.get_generators.connect(get_generators)
