"""Entries plugin: the YAML reader, the content model and the build's guarantees.

Signals used (Pelican holds receivers weakly, so they are module functions):
- ``readers_init``: our reader takes over ``.md`` files;
- ``article_generator_init``: a fresh problem list for this run;
- ``all_generators_finalized``: stop before anything is written if any file
  had a problem, or two entries would share a URL;
- ``finalized``: entries in = pages out, or the build fails.
"""

from __future__ import annotations

import fnmatch
import logging
import os
from pathlib import Path

from pelican import signals

from .contents import memoise_urls
from .errors import EntryErrors, Problem
from .files import ContentLayout, content_problems, unreadable
from .cache import ReaderCache, entry_key, environment_digest, prewarm
from .reader import CACHE_KEY, ENVIRONMENT_KEY, PROBLEMS_KEY, REGISTRIES_KEY, EntryReader, registries_for
from .templating import add_to_environment

logger = logging.getLogger(__name__)

RUN_KEY = "_ENTRIES_RUN"
JOBS_KEY = "_ENTRY_JOBS"


class BuildIncomplete(Exception):
    """The output would not hold every published entry."""


def add_reader(readers):
    for extension in EntryReader.file_extensions:
        readers.reader_classes[extension] = EntryReader


def start_run(generator):
    """A fresh problem list; the reader cache loaded and filled in parallel."""
    settings = generator.settings
    settings[PROBLEMS_KEY] = content_problems(settings["PATH"], ContentLayout.from_settings(settings))
    if unreadable(settings[PROBLEMS_KEY]):  # stop before anything is read (a link, an oversized file)
        raise EntryErrors(settings[PROBLEMS_KEY])
    settings[CACHE_KEY] = None
    settings[JOBS_KEY] = None
    settings.pop(REGISTRIES_KEY, None)
    try:
        settings[REGISTRIES_KEY] = registries_for(settings)  # once per build (the files cannot change mid-build)
    except Exception:  # a broken registry: each reader call reports it with file and line
        pass
    if not settings.get("ENTRIES_CACHE", True):
        return
    data_dir = Path(settings.get("ENTRIES_DATA_PATH") or os.path.join(settings["PATH"], "data"))
    environment = environment_digest(settings, data_dir)
    cache = ReaderCache(settings["CACHE_PATH"])
    settings[CACHE_KEY], settings[ENVIRONMENT_KEY] = cache, environment
    jobs = []
    for path in entry_files(settings):
        shown = os.path.relpath(path)
        jobs.append((entry_key(path.read_bytes(), shown, environment), str(path), shown))
    read = prewarm(cache, jobs, settings, settings.get("ENTRIES_WORKERS") or os.cpu_count() or 1)
    settings[JOBS_KEY] = jobs  # (cache key, path, shown path) of every entry file: the search plugin's head start
    logger.info("entries: %d files, %d read in parallel, %d from cache", len(jobs), read, len(jobs) - read)


def stop_on_problems(generators):
    articles_generator = _articles_generator(generators)
    if articles_generator is None:
        return
    settings = articles_generator.settings
    if settings.get(CACHE_KEY) is not None:
        settings[CACHE_KEY].save()
    problems = list(settings.get(PROBLEMS_KEY, []))
    if not problems:  # two entries with one slug are reported by content_problems, as invoke check does
        problems.extend(_url_collisions(articles_generator))
    if problems:
        raise EntryErrors(problems)
    articles_generator.context["registries"] = registries_for(settings)
    published = articles_generator.articles + articles_generator.translations
    drafts = articles_generator.drafts + articles_generator.drafts_translations
    settings[RUN_KEY] = {"published": published, "drafts": drafts}
    logger.info("entries: %d published, %d drafts, all valid", len(published), len(drafts))


def check_pages_out(pelican):
    """Entries in = pages out: every entry file read, every published one written."""
    run = pelican.settings.get(RUN_KEY)
    if run is None:
        return
    sources = count_entry_files(pelican.settings)
    read = len(run["published"]) + len(run["drafts"])
    output = Path(pelican.settings["OUTPUT_PATH"])
    missing = [a.source_path for a in run["published"] if not (output / a.save_as).is_file()]
    if sources != read or missing:
        raise BuildIncomplete(
            f"entries in ≠ pages out: {sources} entry files, {read} read, "
            f"{len(run['published']) - len(missing)} of {len(run['published'])} article pages written"
            + (f"; missing pages for: {', '.join(missing[:10])}" if missing else ""))
    logger.info("entries in = pages out: %d entry files, %d article pages written",
                sources, len(run["published"]))


def count_entry_files(settings) -> int:
    return sum(1 for _ in entry_files(settings))


def entry_files(settings):
    """Every entry file Pelican should read, found independently of Pelican."""
    content = Path(settings["PATH"])
    ignored = settings.get("IGNORE_FILES", [])
    for folder in settings.get("ARTICLE_PATHS", [""]):
        for root, _dirs, files in os.walk(content / folder):
            rel_root = Path(root).relative_to(content).as_posix()
            if any(rel_root == p or rel_root.startswith(p.rstrip("/") + "/") for p in settings.get("PAGE_PATHS", [])):
                continue
            for name in sorted(files):
                if name.endswith((".md", ".markdown")) and not any(fnmatch.fnmatch(name, p) for p in ignored):
                    yield Path(root) / name


def _url_collisions(articles_generator):
    seen, problems = {}, []
    for article in articles_generator.articles + articles_generator.translations + articles_generator.drafts:
        if not article.save_as:
            continue
        other = seen.get(article.save_as)
        if other is not None:
            problems.append(Problem(article.source_path, 1, f"this entry would be published at the same URL as "
                                    f"{other} ({article.url})", "give one of them another slug or date"))
        seen[article.save_as] = article.source_path
    return problems


def _articles_generator(generators):
    from pelican.generators import ArticlesGenerator

    return next((g for g in generators if isinstance(g, ArticlesGenerator)), None)


def register():
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(add_to_environment)
    signals.content_object_init.connect(memoise_urls)
    signals.article_generator_init.connect(start_run)
    signals.all_generators_finalized.connect(stop_on_problems)
    signals.finalized.connect(check_pages_out)
