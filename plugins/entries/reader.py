"""The Pelican reader for entries: real YAML front matter, validated, then Markdown.

Pelican's own Markdown reader only understands "yaml-like" headers and, when a
file fails, Pelican logs and skips it. This reader validates against the one
content model and records every problem; the plugin then stops the build
(see ``__init__``), so no entry is ever dropped silently.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import markdown
from markupsafe import escape
from pelican.readers import BaseReader
from pelican.urlwrappers import Category, Tag
from pelican.utils import SafeDatetime

from plugins.contract import build_of, registry_folder
from plugins.embeds.postcard import parse_post_cards

from .cache import ReaderCache, entry_key
from .citations import citation_findings
from .dates import parse_timestamp
from .errors import Problem
from .guesses import guess_findings
from .limits import MAX_BODY_NESTING, body_nesting_problems
from .pages import load_page
from .registry import load_registries
from .sanitise import clean_body
from .text import html_to_text
from .validation import ProblemList, load_entry

logger = logging.getLogger(__name__)


@dataclass
class Reading:
    """The entries plugin's own state while Pelican reads: one per build (``reading_of``)."""

    registries: Any = None  # loaded once per build: the files cannot change mid-build
    cache: ReaderCache | None = None
    environment: str = ""


def reading_of(settings) -> Reading:
    return build_of(settings).state(__name__, Reading)


_registry_cache: dict = {}


def registries_for(settings):
    """Registries of the archive, re-read only when a registry file changes.

    Within one build they are looked up once (``start_run`` keeps them in the
    build's ``Reading``): checking the files' stamps for each of thousands of
    entries adds up.
    """
    data_dir = registry_folder(settings)
    stamp = tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in data_dir.glob("*.yml")))
    key = str(data_dir.resolve())
    cached = _registry_cache.get(key)
    if cached and cached[0] == stamp:
        return cached[1]
    registries = load_registries(data_dir)
    _registry_cache[key] = (stamp, registries)
    return registries


_markdown_instances: dict = {}


def render_markdown(body: str, settings) -> str:
    """Markdown to HTML with the project's extensions (post cards included), sanitised (see ``sanitise``)."""
    config = settings.get("MARKDOWN", {})
    key = (repr(config), threading.get_ident())  # a converter is not thread-safe: livereload reads in two threads
    md = _markdown_instances.get(key)
    if md is None:  # building a Markdown object costs as much as converting a page
        md = markdown.Markdown(
            extensions=list(config.get("extension_configs", {}).keys()) + ["plugins.embeds.postcard"],
            extension_configs=config.get("extension_configs", {}),
            output_format=config.get("output_format", "html5"),
        )
        _markdown_instances[key] = md
    return clean_body(md.reset().convert(body))


def post_card_problems(path: str, body: str, body_line: int) -> list:
    return [Problem(path, body_line + line - 1, what, fix)
            for card in parse_post_cards(body) for line, what, fix in card.problems]


class EntryReader(BaseReader):
    """Reads ``.md`` files: entries under ARTICLE_PATHS, plain pages elsewhere."""

    enabled = True
    file_extensions = ["md", "markdown"]

    def read(self, source_path):
        try:
            return self._read(source_path)
        except (Problem, ProblemList) as exc:
            problems = exc.problems if isinstance(exc, ProblemList) else [exc]
            build_of(self.settings).problems.extend(problems)
            raise

    def _read(self, source_path):
        shown = os.path.relpath(source_path)
        if self._is_page(source_path):
            page, body = load_page(source_path, shown)
            metadata = {"title": str(escape(page.title)), "summary": str(escape(page.summary or "")),
                        "status": page.status, "page": page}
            if page.slug:
                metadata["slug"] = page.slug
            return render_markdown(body, self.settings), metadata
        reading = reading_of(self.settings)
        registries = reading.registries or registries_for(self.settings)
        cache = reading.cache
        raw = Path(source_path).read_bytes()  # read once: what is rendered is what is fingerprinted
        key = entry_key(raw, shown, reading.environment)
        if cache is None:
            html, entry, text = read_entry_uncached(source_path, shown, registries, self.settings, raw=raw)
        else:
            html, entry, text = read_entry_cached(cache, key, source_path, shown, registries, self.settings, raw)
        slug = entry_slug(entry, source_path)
        metadata = entry_metadata(entry, slug, registries, self.settings)
        metadata["plain_text"] = text
        # The incremental plugin's fingerprint of this page's source: the bytes read here, not the file as
        # it is when the page is written (a save in between would otherwise go unseen by the next build).
        metadata["source_digest"] = key
        return html, metadata

    def _is_page(self, source_path) -> bool:
        content = os.path.realpath(self.settings["PATH"])
        rel = os.path.relpath(os.path.realpath(source_path), content).replace(os.sep, "/")
        return any(rel.startswith(p.rstrip("/") + "/") for p in self.settings.get("PAGE_PATHS", []))


def load_valid_entry(source_path, shown, registries, raw=None):
    """An entry whose front matter, citations and body are valid, or Problem / ProblemList with all of them.

    Warnings (a draft's uncited figure, say) ride on the result for ``invoke check`` to print.
    """
    try:
        loaded = load_entry(source_path, registries, raw=raw, shown=shown)
    except ProblemList as many:
        if many.front is not None:
            many.problems.extend(body_problems(shown, many.front.body, many.front.body_line))
        raise
    problems, loaded.warnings = citation_findings(shown, loaded.entry, loaded.front)
    problems += body_problems(shown, loaded.front.body, loaded.front.body_line)
    text = (raw if raw is not None else Path(source_path).read_bytes()).decode("utf-8-sig", "replace")
    guesses, cautions = guess_findings(shown, text, loaded.front.body_line, loaded.entry.status)
    problems += guesses
    loaded.warnings += cautions
    if problems:
        raise ProblemList(problems, loaded.front)
    return loaded


def body_problems(path: str, body: str, body_line: int) -> list:
    """What in a body the build would refuse: broken post cards, lists or quotes nested too deep."""
    return post_card_problems(path, body, body_line) + body_nesting_problems(path, body, body_line)


def read_entry_uncached(source_path, shown, registries, settings, raw=None):
    """(html, entry, plain text of the body) for one entry file, or Problem / ProblemList."""
    loaded = load_valid_entry(source_path, shown, registries, raw=raw)
    for warning in loaded.warnings:  # what invoke check prints as warnings: a draft's missing citations
        logger.warning("%s", warning)
    try:
        html = render_markdown(loaded.front.body, settings)
        return html, loaded.entry, html_to_text(html)
    except RecursionError:  # body_nesting_problems should have said so; never a traceback all the same
        _markdown_instances.clear()  # a converter left half-way is not reused
        raise Problem(shown, loaded.front.body_line, "the body is nested too deeply for Markdown",
                      f"nest lists and quotes at most {MAX_BODY_NESTING} levels deep") from None


def read_entry_cached(cache, key, source_path, shown, registries, settings, raw=None):
    """(html, entry, plain text) from the reader cache, read and cached first if it is not there."""
    found = cache.get(key)
    if found is None:
        found = read_entry_uncached(source_path, shown, registries, settings, raw=raw)
        cache.put(key, found)
    return found


def entry_slug(entry, source_path) -> str:
    """The entry's own slug, else its file name."""
    return entry.slug or Path(source_path).stem


def entry_date(entry, settings):
    """The publication time as Pelican's articles carry it (the settings' time zone)."""
    return _safe(parse_timestamp(entry.date, _zone(settings)))


def entry_metadata(entry, slug, registries, settings) -> dict:
    """What Pelican needs of an entry, plus the entry itself for templates and plugins."""
    tz = _zone(settings)
    section = registries.sections[entry.section]
    category = Category(section.name, settings)
    category.slug = section.id
    tags = []
    for topic_id in entry.topics:
        tag = Tag(registries.topics[topic_id].name, settings)
        tag.slug = topic_id
        tags.append(tag)
    metadata = {
        "title": str(escape(entry.title)),
        "date": entry_date(entry, settings),
        "summary": str(escape(entry.summary)),
        "slug": slug,
        "category": category,
        "tags": tags,
        "status": entry.status,
        "lang": entry.lang,
        "entry": entry,
    }
    modified = last_modified(entry)
    if modified is not None:
        metadata["modified"] = _safe(parse_timestamp(modified, tz))
    return metadata


def last_modified(entry):
    """The later of ``updated`` and the newest correction: a correction is a change readers must see."""
    dates = ([entry.updated] if entry.updated else []) + [c.date for c in entry.corrections]
    return max(dates, key=lambda d: (d.first_day(), d.iso()), default=None)


def _zone(settings):
    return ZoneInfo(settings.get("TIMEZONE", "UTC"))


def _safe(value):
    return SafeDatetime(value.year, value.month, value.day, value.hour, value.minute, value.second,
                        tzinfo=value.tzinfo)
