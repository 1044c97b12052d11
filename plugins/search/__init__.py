"""Search plugin: one Whoosh index, searched three ways (static page, service, CLI).

Signals used (module functions, as Pelican holds receivers weakly):

- ``archive_ready`` (ours, plugins/contract): the entries are read, valid and
  Pelican's articles made; start bringing the Whoosh index up to date with the
  published entries (only changed entries are re-indexed), in a worker
  process for a big archive (background.py);
- ``all_generators_finalized``: give every article its ``related_entries``
  (related.py) before any page is written;
- ``get_generators``: ``SearchGenerator`` writes ``/search/``, then waits for
  the worker, which writes the static index the page fetches;
- ``build_finished`` (ours): swap the index this build wrote (into a copy,
  staging.py) in for the one the CLI and the service read; a failed build
  never gets here (it abandons the copy through ``Build.waits``).

The query rules are in ``query.py``, shared by the CLI (``invoke search``) and
the service (``desk/search/service.py``); the page's JavaScript copies them.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator, Generator

from plugins.contract import build_of, setting
from plugins.contract import signals as contract

from .aliases import name_groups
from .background import POSTINGS_CACHE, PendingSearch
from .documents import document_for
from .job import commit_search_index, related_cache, start_search
from .related import cached_related_urls
from .schema import FILTER_FIELDS, FILTER_REGISTRIES
from .settings import search_settings

logger = logging.getLogger(__name__)
# Pelican's logger drops a message it has logged before; every build's counts must show (livereload).
getattr(logger, "disable_filter", lambda: None)()


@dataclass
class SearchRun:
    """The search plugin's own state in one build (``build.state``)."""

    articles: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    pending: PendingSearch | None = None  # the index and static files, being written
    filters: dict = field(default_factory=dict)


def search_run(settings) -> SearchRun:
    return build_of(settings).state(__name__, SearchRun)


class SearchGenerator(Generator):
    """Writes the search page and the static index files it reads."""

    def generate_output(self, writer):
        config = search_settings(self.settings)
        run = search_run(self.settings)
        writer.write_file("search/index.html", self.get_template("search"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], page_name="search/index",
                          search_filters=run.filters, search_index_dir=config.static_dir)
        if run.pending is not None:
            finish_search(self.settings, run.pending)
            run.pending = None


def finish_search(settings, pending: PendingSearch) -> None:
    """Wait for the index and static files; log what was done; claim the files for this build."""
    started = time.perf_counter()
    outcome = pending.result()
    waited = time.perf_counter() - started
    build_of(settings).outputs.claim_all(outcome.claimed)
    logger.info("search: %s (%.1f s)", outcome.index, outcome.index_seconds)
    static = outcome.static
    logger.info("search: static index of %d entries written: %d terms in %d shards, %d files, %.0f kB (%.1f s)",
                static.documents, static.terms, static.shards, static.files, static.bytes / 1000,
                outcome.static_seconds)
    logger.info("search: the build waited %.1f s for the index worker", waited)


def start_indexing(archive):
    """``archive_ready``: hand the published entries to the index (a worker process for a big archive)."""
    settings = archive.settings
    run = search_run(settings)
    started = time.perf_counter()
    run.articles = [a for a in archive.published if hasattr(a, "entry")]
    run.documents = [document_for(article, archive.registries) for article in run.articles]
    run.filters = filter_options(run.documents, archive.registries)
    # A worker process costs about half a second to start: worth it for a big archive only.
    parallel = len(run.documents) >= setting(settings, "SEARCH_WORKER_MIN_ENTRIES")
    # With an index to update (a rebuild) the worker has time to spare: it finds the related
    # entries too. Building the index from scratch keeps it busy longer than the pages take.
    warm = (Path(search_settings(settings).index_path) / POSTINGS_CACHE).exists()
    run.pending = start_search(settings, run.documents, parallel=parallel, with_related=warm,
                               aliases=name_groups(archive.registries))
    logger.info("search: %d entries %s (%.1f s)", len(run.documents),
                "handed to the index worker as soon as the archive was read" if parallel
                else "indexed in this process", time.perf_counter() - started)


def link_related(generators):
    """Give each published article its ``related_entries`` (before any page is written)."""
    articles_generator = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    if articles_generator is None:
        return
    settings = articles_generator.settings
    run = search_run(settings)
    if run.pending is None:
        return  # no archive: the entries plugin is stopping the build
    config = search_settings(settings)
    started = time.perf_counter()
    from_worker = run.pending.related()
    related, reused = from_worker or cached_related_urls(run.documents, config.related_count,
                                                         config.boosts["body"], related_cache(settings))
    logger.info("search: related entries %s for %d entries%s (%.1f s)", "reused" if reused else "found",
                len(related), " by the index worker" if from_worker else "", time.perf_counter() - started)
    by_url = {article.url: article for article in run.articles}
    for article in run.articles:
        article.related_entries = [by_url[url] for url in related.get(article.url, []) if url in by_url]


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
    contract.join()
    contract.archive_ready.connect(start_indexing)
    signals.all_generators_finalized.connect(link_related)
    signals.get_generators.connect(get_generators)
    contract.build_finished.connect(commit_search_index)
