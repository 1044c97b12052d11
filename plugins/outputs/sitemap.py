"""sitemap.xml from what was actually written, so no page type can be forgotten."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

SKIP_PREFIXES = ("drafts/", "theme/", "search-index/")


def page_urls(written) -> list[str]:
    """Site-relative URLs of the HTML files written (paths relative to the output), sorted."""
    urls = []
    for rel in written:
        if rel.startswith(SKIP_PREFIXES) or rel == "404.html":
            continue
        urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return sorted(urls)


def sitemap_xml(site_url: str, urls, lastmod: dict) -> str:
    """The sitemap document; ``lastmod`` maps URL -> date for entries."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url in urls:
        lines.append(f"  <url><loc>{escape(f'{site_url}/{url}')}</loc>")
        if url in lastmod:
            lines.append(f"    <lastmod>{lastmod[url].date().isoformat() if isinstance(lastmod[url], dt.datetime) else lastmod[url]}</lastmod>")
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
