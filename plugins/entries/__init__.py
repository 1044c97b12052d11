"""Entries plugin: the YAML reader, the content model and the build's guarantees.

It produces the build's ``Archive`` (plugins/contract): every other plugin
starts from it. Signals used (Pelican holds receivers weakly, so they are
module functions):

- ``readers_init``: our reader takes over ``.md`` files;
- ``article_generator_init``: the registries loaded once, the reader cache
  loaded and filled in parallel;
- ``content_object_init``: each article's URL fixed once (contents.py);
- ``article_generator_finalized``: the articles are made; if no entry had a
  problem, ``archive_ready`` sends the Archive;
- ``all_generators_finalized``: stop before anything is written if any file
  had a problem, or two entries would share a URL;
- ``site_written`` (ours): entries in = pages out, or the build fails.
"""

from __future__ import annotations

import fnmatch
import logging
import os
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator

from plugins.contract import Archive, build_of, registry_folder, setting
from plugins.contract import signals as contract

from .cache import entry_key, environment_digest, open_cache
from .contents import fix_urls
from .errors import EntryErrors, Problem
from .files import ContentLayout, content_problems, unreadable
from .prewarm import prewarm
from .reader import EntryReader, reading_of, registries_for
from .templating import add_to_environment

logger = logging.getLogger(__name__)


class BuildIncomplete(Exception):
    """The output would not hold every published entry."""


def add_reader(readers):
    for extension in EntryReader.file_extensions:
        readers.reader_classes[extension] = EntryReader


def start_run(generator):
    """The registries read once; the reader cache loaded and filled in parallel."""
    settings = generator.settings
    build, reading = build_of(settings), reading_of(settings)
    build.problems.extend(content_problems(settings["PATH"], ContentLayout.from_settings(settings)))
    if unreadable(build.problems):  # stop before anything is read (a link, an oversized file)
        raise EntryErrors(list(build.problems))
    try:
        reading.registries = registries_for(settings)  # once per build (the files cannot change mid-build)
    except Exception:  # a broken registry: each reader call reports it with file and line
        reading.registries = None
    if not setting(settings, "ENTRIES_CACHE"):
        return
    environment = environment_digest(settings, registry_folder(settings))
    cache = open_cache(settings["CACHE_PATH"])
    reading.cache, reading.environment = cache, environment
    jobs = []
    for path in entry_files(settings):
        shown = os.path.relpath(path)
        jobs.append((entry_key(path.read_bytes(), shown, environment), str(path), shown))
    read = prewarm(cache, jobs, settings, setting(settings, "ENTRIES_WORKERS") or os.cpu_count() or 1)
    logger.info("entries: %d files, %d read in parallel, %d from cache", len(jobs), read, len(jobs) - read)


def announce_archive(generator):
    """The articles are made: unless an entry had a problem, the Archive goes to every plugin."""
    settings = generator.settings
    build, reading = build_of(settings), reading_of(settings)
    if reading.cache is not None:
        reading.cache.save()
    if not build.problems:  # two entries with one slug are reported by content_problems, as invoke check does
        build.problems.extend(_url_collisions(generator))
    if build.problems:
        return  # stop_on_problems reports them with the pages' problems, in one pass
    archive = Archive(settings=settings, articles=generator.articles, translations=generator.translations,
                      drafts=generator.drafts + generator.drafts_translations,
                      registries=reading.registries or registries_for(settings), reader_cache=reading.cache,
                      environment=reading.environment)
    build.archive = archive
    generator.context["registries"] = archive.registries
    contract.archive_ready.send(archive)


def stop_on_problems(generators):
    """Every problem of every entry and page, in one report, before anything is written."""
    articles_generator = _articles_generator(generators)
    if articles_generator is None:
        return
    build = build_of(articles_generator.settings)
    if build.problems:
        raise EntryErrors(list(build.problems))
    archive = build.archive
    logger.info("entries: %d published, %d drafts, all valid", len(archive.published), len(archive.drafts))


def check_pages_out(build):
    """Entries in = pages out: every entry file read, every published one written."""
    archive = build.archive
    if archive is None:
        return
    sources = count_entry_files(build.settings)
    published = archive.published
    read = len(published) + len(archive.drafts)
    output = Path(build.settings["OUTPUT_PATH"])
    missing = [a.source_path for a in published if not (output / a.save_as).is_file()]
    if sources != read or missing:
        raise BuildIncomplete(
            f"entries in ≠ pages out: {sources} entry files, {read} read, "
            f"{len(published) - len(missing)} of {len(published)} article pages written"
            + (f"; missing pages for: {', '.join(missing[:10])}" if missing else ""))
    logger.info("entries in = pages out: %d entry files, %d article pages written", sources, len(published))


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
    """Two entries Pelican would write to the same file."""
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
    return next((g for g in generators if isinstance(g, ArticlesGenerator)), None)


def register():
    contract.join()
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(add_to_environment)
    signals.content_object_init.connect(fix_urls)
    signals.article_generator_init.connect(start_run)
    signals.article_generator_finalized.connect(announce_archive)
    signals.all_generators_finalized.connect(stop_on_problems)
    contract.site_written.connect(check_pages_out)
