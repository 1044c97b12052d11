"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the latest entries."""

from __future__ import annotations

import json


def json_feed(articles, site_name: str, site_url: str, feed_url: str, description: str, limit: int) -> dict:
    """The feed document, most recently changed entries first (a correction brings one back), URLs absolute."""
    items = []
    latest = sorted(articles, key=lambda a: getattr(a, "modified", None) or a.date, reverse=True)
    for article in latest[:limit]:
        entry = article.entry
        item = {
            "id": f"{site_url}/{article.url}",
            "url": f"{site_url}/{article.url}",
            "title": entry.title,
            "summary": entry.summary,
            "content_html": article.content,
            "date_published": article.date.isoformat(),
            "tags": [article.category.name] + [tag.name for tag in article.tags],
            "language": entry.lang,
        }
        if getattr(article, "modified", None):
            item["date_modified"] = article.modified.isoformat()
        if entry.sources:
            item["external_url"] = entry.sources[0].url
        items.append(item)
    return {
        "version": "https://jsonfeed.org/version/1.1",
        "title": site_name,
        "home_page_url": f"{site_url}/",
        "feed_url": feed_url,
        "description": description,
        "language": "en",
        "items": items,
    }


def dumps(document: dict) -> str:
    """JSON that is also safe inside HTML: no raw '<', '>' or '&'."""
    text = json.dumps(document, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
