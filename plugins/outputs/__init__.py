"""Outputs plugin: JSON Feed 1.1, sitemap.xml and the security headers file (``_headers``).

Atom and RSS come from Pelican itself (FEED_* settings); Open Graph and
JSON-LD are in the article template.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from pelican import signals
from pelican.generators import ArticlesGenerator

from plugins.contract import build_of, setting, site_url
from plugins.contract import signals as contract

from .headers import HEADERS_FILE, headers_file, security_rules
from .jsonfeed import dumps, json_feed
from .jsonld import make_filter, make_reviews_filter
from .sitemap import page_urls, sitemap_xml

logger = logging.getLogger(__name__)


def write_json_feed(generator: ArticlesGenerator, writer=None):
    settings = generator.settings
    target = setting(settings, "JSON_FEED_SAVE_AS")
    if not target:
        return
    base = site_url(settings)
    document = json_feed(generator.articles, settings["SITENAME"], base, f"{base}/{target}",
                         setting(settings, "SITE_DESCRIPTION"), settings.get("FEED_MAX_ITEMS") or 50)
    build_of(settings).write(target, dumps(document))


def _pages(settings) -> set:
    """The HTML pages this build wrote (the plugin's own state in the build)."""
    return build_of(settings).state(__name__, set)


def note_page(path, context):
    if path.endswith(".html") and context.get("OUTPUT_PATH"):
        _pages(context).add(Path(path).relative_to(context["OUTPUT_PATH"]).as_posix())


def write_sitemap(build):
    """The pages this build wrote (not whatever lies in the folder), so removed entries drop out."""
    settings = build.settings
    published = build.archive.published if build.archive is not None else []
    lastmod = {a.url: getattr(a, "modified", None) or a.date for a in published}
    document = sitemap_xml(site_url(settings), page_urls(_pages(settings)), lastmod)
    build.write("sitemap.xml", document)
    logger.info("sitemap: %d pages listed", document.count("<loc>"))


def order_feed_by_last_change(context, feed):
    """Atom and RSS items newest change first: a corrected entry comes back to the top, marked updated.

    Pelican fills each feed newest-published first and sets an item's ``updated``
    from the entry's ``modified`` (which corrections drive); readers' feed software
    shows the entry as updated only when it is near the top again.
    """
    feed.items.sort(key=lambda item: item.get("updateddate") or item["pubdate"], reverse=True)


def write_headers_file(build):
    """``_headers``: the response headers a static host (and ``invoke serve``) sends with every file."""
    build.write(HEADERS_FILE, headers_file(security_rules(build.settings)))


def add_json_ld_filter(generator):
    settings = generator.settings
    build = build_of(settings)  # this build's, kept: a page rendered later (livereload) still finds it

    def registries():  # this build's registries, known once the archive is read
        return build.archive.registries

    generator.env.filters["news_article_json_ld"] = make_filter(settings, registries)
    generator.env.filters["claim_reviews_json_ld"] = make_reviews_filter(settings, registries)
    # Root-relative prefix for pages served at any depth, such as 404.html.
    generator.env.globals["SITE_PATH"] = urlsplit(generator.settings.get("SITEURL") or "").path.rstrip("/")


def register():
    contract.join()
    signals.generator_init.connect(add_json_ld_filter)
    signals.feed_generated.connect(order_feed_by_last_change)
    signals.article_writer_finalized.connect(write_json_feed)
    signals.content_written.connect(note_page)
    contract.site_written.connect(write_sitemap)
    contract.site_written.connect(write_headers_file)
