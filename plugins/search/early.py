"""Start the index worker as soon as the entries are read, before Pelican builds its articles.

On a big archive the index worker (background.py) takes about as long as
rendering every page, so the sooner it starts the sooner the build ends. The
entries plugin reads every entry into its cache before Pelican asks for them;
from that cache this module predicts the search documents Pelican's articles
will give (URL from ``ARTICLE_URL``, date, text) and starts the worker on them.

A prediction is only a head start: when the articles exist, ``index_entries``
makes the real documents and uses the early worker only if every one of them
matches, URL and content hash alike. Otherwise it waits for the early worker,
discards what it wrote and starts again, and the log says so.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from types import SimpleNamespace

logger = logging.getLogger(__name__)

EARLY_KEY = "_SEARCH_EARLY"


def documents_signature(documents) -> list:
    """What must match for the early worker's work to stand: every document's URL and content hash."""
    return sorted((document.url, document.content_hash) for document in documents)


def predicted_documents(settings, jobs, cache, registries):
    """The documents the published entries will give, from the reader cache; None if unsure of any."""
    from plugins.entries.reader import entry_date, entry_slug, read_entry_cached

    from .documents import document_for

    documents = []
    for key, source_path, shown in jobs:
        try:  # what the reader will do: only new entries (too few for the reading pool) are read here
            html, entry, text = read_entry_cached(cache, key, source_path, shown, registries, settings)
        except Exception:  # a problem in the entry: the reader reports it, the build stops
            return None
        if entry.status != "published":
            continue
        date, slug = entry_date(entry, settings), entry_slug(entry, source_path)
        values = {"slug": slug, "date": date, "lang": entry.lang, "category": entry.section}
        try:
            url = settings["ARTICLE_URL"].format(**values)
        except (KeyError, IndexError, ValueError, AttributeError):
            return None  # a URL pattern that needs more than we know here
        article = SimpleNamespace(entry=entry, plain_text=text, content=html, url=url, date=date)
        documents.append(document_for(article, registries))
    return documents


def start_early(generator):
    """``article_generator_init`` (after the entries plugin filled its cache): start the worker if it pays."""
    from plugins.entries import JOBS_KEY
    from plugins.entries.reader import CACHE_KEY, registries_for

    from .aliases import name_groups
    from .background import POSTINGS_CACHE
    from .job import start_search
    from .settings import search_settings

    settings = generator.settings
    settings.pop(EARLY_KEY, None)
    jobs, cache = settings.get(JOBS_KEY), settings.get(CACHE_KEY)
    if not jobs or cache is None or len(jobs) < settings.get("SEARCH_WORKER_MIN_ENTRIES", 1000):
        return
    try:
        documents = predicted_documents(settings, jobs, cache, registries_for(settings))
    except Exception as exc:  # a prediction must never break a build; the normal path follows
        logger.info("search: no early start (%s: %s)", type(exc).__name__, exc)
        return
    if not documents:
        return
    # With an index to update (a rebuild) the worker has time to spare: it finds the related
    # entries too. Building the index from scratch keeps it busy longer than the pages take.
    index_path = search_settings(settings).index_path
    warm = (Path(index_path) / POSTINGS_CACHE).exists()
    registries = registries_for(settings)
    settings[EARLY_KEY] = (documents_signature(documents), start_search(settings, documents, with_related=warm,
                                                                        aliases=name_groups(registries)))
    logger.info("search: %d entries handed to the index worker before Pelican's articles were made",
                len(documents))


def take_early(settings, documents):
    """The early worker if it worked on exactly ``documents``; else None, once it is out of the way."""
    early = settings.pop(EARLY_KEY, None)
    if early is None:
        return None
    signature, pending = early
    if signature == documents_signature(documents):
        return pending
    logger.info("search: the articles differ from the entries the index worker started with; indexing again")
    try:
        outcome = pending.result()  # let it finish: one writer at a time, and its files are known
    except Exception:  # whatever it hit, the run that follows meets again and reports
        return None
    output = Path(settings["OUTPUT_PATH"])
    for relative in outcome.claimed:  # what it wrote is not this build's
        path = output / relative
        if path.is_file():
            os.unlink(path)
    return None
