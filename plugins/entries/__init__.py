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
from .reader import PROBLEMS_KEY, EntryReader, registries_for
from .templating import add_to_environment

logger = logging.getLogger(__name__)

RUN_KEY = "_ENTRIES_RUN"


class BuildIncomplete(Exception):
    """The output would not hold every published entry."""


def add_reader(readers):
    for extension in EntryReader.file_extensions:
        readers.reader_classes[extension] = EntryReader


def start_run(generator):
    generator.settings[PROBLEMS_KEY] = []


def stop_on_problems(generators):
    articles_generator = _articles_generator(generators)
    if articles_generator is None:
        return
    settings = articles_generator.settings
    problems = list(settings.get(PROBLEMS_KEY, []))
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
    content = Path(settings["PATH"])
    ignored = settings.get("IGNORE_FILES", [])
    total = 0
    for folder in settings.get("ARTICLE_PATHS", [""]):
        for root, _dirs, files in os.walk(content / folder):
            rel_root = Path(root).relative_to(content).as_posix()
            if any(rel_root == p or rel_root.startswith(p.rstrip("/") + "/") for p in settings.get("PAGE_PATHS", [])):
                continue
            total += sum(1 for f in files if f.endswith((".md", ".markdown"))
                         and not any(fnmatch.fnmatch(f, pattern) for pattern in ignored))
    return total


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
