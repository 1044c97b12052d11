"""schema.org NewsArticle JSON-LD for an article page, safe inside a <script> element."""

from __future__ import annotations

from markupsafe import Markup

from plugins.contract import site_url

from .jsonfeed import dumps


def news_article(article, site_url: str, site_name: str, registries) -> dict:
    entry = article.entry
    document = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": entry.title[:110],
        "description": entry.summary,
        "datePublished": article.date.isoformat(),
        "url": f"{site_url}/{article.url}",
        "mainEntityOfPage": f"{site_url}/{article.url}",
        "inLanguage": entry.lang,
        "articleSection": article.category.name,
        "keywords": [tag.name for tag in article.tags],
        "publisher": {"@type": "Organization", "name": site_name},
        "about": [{"@type": "Person", "name": registries.people[p].name} for p in entry.people]
        + [{"@type": "Place", "name": registries.places[p].name} for p in entry.places],
        "citation": [{"@type": "CreativeWork", "name": s.title or s.url, "url": s.url,
                      "publisher": {"@type": "Organization", "name": s.publisher}} for s in entry.sources],
    }
    if getattr(article, "modified", None):
        document["dateModified"] = article.modified.isoformat()
    return document


def make_filter(settings, registries):
    """The template filter; ``registries()`` gives this build's registries (known once the archive is read)."""
    base = site_url(settings)

    def news_article_json_ld(article):
        document = news_article(article, base, settings["SITENAME"], registries())
        return Markup(dumps(document))  # dumps escapes <, > and & so </script> cannot occur

    return news_article_json_ld
