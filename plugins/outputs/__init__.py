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
    path = Path(settings["OUTPUT_PATH"]) / target
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(document), encoding="utf-8")


def write_sitemap(pelican):
    settings = pelican.settings
    output = Path(settings["OUTPUT_PATH"])
    run = settings.get("_ENTRIES_RUN") or {}
    lastmod = {a.url: getattr(a, "modified", None) or a.date for a in run.get("published", [])}
    document = sitemap_xml(_site_url(settings), page_urls(output), lastmod)
    (output / "sitemap.xml").write_text(document, encoding="utf-8")
    logger.info("sitemap: %d pages listed", document.count("<loc>"))


def add_json_ld_filter(generator):
    from plugins.entries.reader import registries_for

    generator.env.filters["news_article_json_ld"] = make_filter(generator.settings, registries_for)
    # Root-relative prefix for pages served at any depth, such as 404.html.
    generator.env.globals["SITE_PATH"] = urlsplit(generator.settings.get("SITEURL") or "").path.rstrip("/")


def register():
    signals.generator_init.connect(add_json_ld_filter)
    signals.article_writer_finalized.connect(write_json_feed)
    signals.finalized.connect(write_sitemap)
