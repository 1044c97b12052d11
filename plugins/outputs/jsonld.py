"""schema.org JSON-LD for an article page, safe inside a <script> element.

NewsArticle carries the entry, its citations and its corrections
(``correction``: one CorrectionComment each); claims with a verdict
(confirmed or false) get a ClaimReview each, the markup fact-checkers use.
"""

from __future__ import annotations

from markupsafe import Markup

from plugins.contract import site_url
from plugins.entries.statuses import BY_ID

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
    if entry.corrections:
        document["correction"] = [{"@type": "CorrectionComment", "text": c.note, "datePublished": c.date.iso(),
                                   "name": c.kind.capitalize()} for c in entry.corrections_newest_first()]
    return document


def claim_reviews(article, site_url: str, site_name: str, registries) -> list:
    """One ClaimReview per claim the archive has a verdict on; unverified and disputed claims get none."""
    entry, reviews = article.entry, []
    for index, event in enumerate(entry.events):
        anchor = entry.event_id(index)
        for number, claim in enumerate(event.claims, 1):
            status = BY_ID[claim.status]
            if not status.is_verdict:
                continue
            speaker = registries.people.entities.get(claim.by) or registries.organisations.entities.get(claim.by)
            kind = "Person" if claim.by in registries.people.entities else "Organization"
            said = claim.said or event.date
            review = {
                "@context": "https://schema.org", "@type": "ClaimReview",
                "url": f"{site_url}/{article.url}#{anchor}-claim-{number}",
                "claimReviewed": claim.says,
                "datePublished": article.date.date().isoformat(),
                "author": {"@type": "Organization", "name": site_name},
                "itemReviewed": {"@type": "Claim", "datePublished": said.iso(),
                                 "author": {"@type": kind, "name": speaker.name if speaker else claim.by},
                                 "appearance": [{"@type": "CreativeWork", "url": s.url} for _, s in entry.cited(claim.source)]},
                "reviewRating": {"@type": "Rating", "ratingValue": status.rating, "bestRating": 5, "worstRating": 1,
                                 "alternateName": status.label},
            }
            reviews.append(review)
    return reviews


def make_filter(settings, registries):
    """The template filter; ``registries()`` gives this build's registries (known once the archive is read)."""
    base = site_url(settings)

    def news_article_json_ld(article):
        document = news_article(article, base, settings["SITENAME"], registries())
        return Markup(dumps(document))  # dumps escapes <, > and & so </script> cannot occur

    return news_article_json_ld


def make_reviews_filter(settings, registries):
    """The ClaimReview filter; ``registries()`` gives this build's registries (known once the archive is read)."""
    base = site_url(settings)

    def claim_reviews_json_ld(article):
        reviews = claim_reviews(article, base, settings["SITENAME"], registries())
        if not reviews:
            return ""
        return Markup(dumps(reviews if len(reviews) > 1 else reviews[0]))

    return claim_reviews_json_ld
