"""Outputs plugin: JSON Feed 1.1 and sitemap.xml.

Atom and RSS come from Pelican itself (FEED_* settings); Open Graph and
JSON-LD are in the article template.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from pelican import signals
from pelican.generators import ArticlesGenerator

from .jsonfeed import dumps, json_feed
from .jsonld import make_filter
from .sitemap import page_urls, sitemap_xml
from plugins.incremental import write_output

logger = logging.getLogger(__name__)


def _site_url(settings) -> str:
    return (settings.get("SITEURL") or settings.get("FEED_DOMAIN") or "").rstrip("/")


def write_json_feed(generator: ArticlesGenerator, writer=None):
    settings = generator.settings
    target = settings.get("JSON_FEED_SAVE_AS", "feeds/all.json")
    if not target:
        return
    site_url = _site_url(settings)
    document = json_feed(generator.articles, settings["SITENAME"], site_url, f"{site_url}/{target}",
                         settings.get("SITE_DESCRIPTION", ""), settings.get("FEED_MAX_ITEMS") or 50)
    write_output(settings, target, dumps(document))


_pages_written: dict = {}  # output folder -> pages written in the current build


def start_sitemap(generators):
    _pages_written[generators[0].settings["OUTPUT_PATH"]] = set()


def note_page(path, context):
    pages = _pages_written.get(context.get("OUTPUT_PATH"))
    if pages is not None and path.endswith(".html"):
        pages.add(Path(path).relative_to(context["OUTPUT_PATH"]).as_posix())


def write_sitemap(pelican):
    """The pages this build wrote (not whatever lies in the folder), so removed entries drop out."""
    settings = pelican.settings
    run = settings.get("_ENTRIES_RUN") or {}
    lastmod = {a.url: getattr(a, "modified", None) or a.date for a in run.get("published", [])}
    written = _pages_written.pop(settings["OUTPUT_PATH"], set())
    document = sitemap_xml(_site_url(settings), page_urls(written), lastmod)
    write_output(settings, "sitemap.xml", document)
    logger.info("sitemap: %d pages listed", document.count("<loc>"))


def add_json_ld_filter(generator):
    from plugins.entries.reader import registries_for

    generator.env.filters["news_article_json_ld"] = make_filter(generator.settings, registries_for)
    # Root-relative prefix for pages served at any depth, such as 404.html.
    generator.env.globals["SITE_PATH"] = urlsplit(generator.settings.get("SITEURL") or "").path.rstrip("/")


def register():
    signals.generator_init.connect(add_json_ld_filter)
    signals.article_writer_finalized.connect(write_json_feed)
    signals.all_generators_finalized.connect(start_sitemap)
    signals.content_written.connect(note_page)
    signals.finalized.connect(write_sitemap)
