"""What a saved page says about its article: headline, date, byline, address, publisher.

Publishers state it in several places that rarely disagree but are rarely all
present: Open Graph and article meta tags, schema.org JSON-LD, ``<link
rel=canonical>``, ``<time>`` and bylines in the markup. Each field is read
from the first place that has it, in the order of ``SOURCES``, and the place it
came from is kept so the maintainer can be told.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .dates import from_machine

ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenews", "analysisnewsarticle",
                 "opinionnewsarticle", "backgroundnewsarticle", "report", "liveblogposting", "socialmediaposting"}


@dataclass
class PageMeta:
    """The article's facts as the page states them; '' where it does not."""

    title: str = ""
    published: str = ""  # an entry date string: YYYY-MM-DD or YYYY-MM-DDTHH:MM±HH:MM
    byline: str = ""
    canonical: str = ""
    publisher: str = ""
    description: str = ""
    lang: str = ""
    article_body: str = ""  # JSON-LD articleBody: the text when the markup hides it
    found_in: dict = field(default_factory=dict)  # field -> where it was found


def read_metadata(soup) -> PageMeta:
    """Every field from its first source; see ``SOURCES`` for the order."""
    article = article_object(json_ld_objects(soup))
    meta = PageMeta()
    for name, sources in SOURCES.items():
        for label, read in sources:
            value = read(soup, article)
            if name == "canonical" and not re.match(r"^https?://", value):
                value = ""  # a relative or odd address cannot be a source's url
            if value:
                setattr(meta, name, value)
                meta.found_in[name] = label
                break
    meta.published = from_machine(meta.published)
    if not meta.published and _date_in_address(meta.canonical):
        meta.published = _date_in_address(meta.canonical)
        meta.found_in["published"] = "the date in the page's address"
    suffix = _site_name_suffix(meta.title) or _site_name_suffix(_element("title")(soup, article))
    if not meta.publisher and suffix:
        meta.publisher = suffix
        meta.found_in["publisher"] = "the title's site-name suffix"
    if not meta.publisher and meta.canonical:
        meta.publisher = _domain(meta.canonical)
        meta.found_in["publisher"] = "the address's domain"
    meta.title = _without_site_name(meta.title, meta.publisher, meta.canonical)
    meta.byline = re.sub(r"^\s*by\s+", "", meta.byline, flags=re.IGNORECASE).strip()
    meta.lang = _language(soup)
    body = article.get("articleBody")
    meta.article_body = body.strip() if isinstance(body, str) else ""  # keeps its paragraph breaks
    return meta


def json_ld_objects(soup) -> list[dict]:
    """Every JSON-LD object on the page, ``@graph`` members included; bad JSON is skipped."""
    found = []
    for script in soup.find_all("script", type=re.compile(r"^application/ld\+json", re.I)):
        try:
            data = json.loads(script.string or script.get_text() or "null")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                stack.extend(item.get("@graph") or [])
    return found


def article_object(objects: list[dict]) -> dict:
    """The JSON-LD object describing the article itself, or {}."""
    for item in objects:
        types = item.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(str(t).lower() in ARTICLE_TYPES for t in types):
            return item
    return next((item for item in objects if item.get("headline")), {})


def _meta(*keys):
    def read(soup, _article):
        for key in keys:
            tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key}) \
                or soup.find("meta", attrs={"itemprop": key})
            if tag and tag.get("content", "").strip():
                return " ".join(tag["content"].split())
        return ""
    return read


def _json_ld(*path):
    def read(_soup, article):
        value = article
        for step in path:
            if isinstance(value, list):
                value = value[0] if value else None
            value = value.get(step) if isinstance(value, dict) else None
        if isinstance(value, list):
            return ", ".join(_text(v.get("name") if isinstance(v, dict) else v) for v in value if v)
        if isinstance(value, dict):
            value = value.get("name") or value.get("@id") or ""
        return _text(value)
    return read


def _element(selector, attribute=None):
    def read(soup, _article):
        element = soup.select_one(selector)
        if element is None:
            return ""
        return _text(element.get(attribute) if attribute else element.get_text(" "))
    return read


def _time_in_article(soup, _article):
    scope = soup.find("article") or soup
    element = scope.find("time", datetime=True) or soup.find("time", datetime=True)
    return element["datetime"] if element else ""


# field -> [(where, reader)], first match wins.
SOURCES = {
    "title": [("og:title", _meta("og:title", "twitter:title")), ("JSON-LD headline", _json_ld("headline")),
              ("the h1 heading", _element("h1")), ("the <title>", _element("title"))],
    "published": [("the article:published_time meta tag", _meta("article:published_time", "datePublished",
                                                                "date", "pubdate", "dc.date")),
                  ("JSON-LD datePublished", _json_ld("datePublished")),
                  ("a <time> element", _time_in_article)],
    "byline": [("the author meta tag", _meta("author", "article:author")), ("JSON-LD author", _json_ld("author")),
               ("the byline", _element(".byline, [rel=author], [itemprop=author], .author"))],
    "canonical": [("the canonical link", _element("link[rel=canonical]", "href")), ("og:url", _meta("og:url")),
                  ("JSON-LD url", _json_ld("url")), ("JSON-LD mainEntityOfPage", _json_ld("mainEntityOfPage"))],
    "publisher": [("og:site_name", _meta("og:site_name")), ("JSON-LD publisher", _json_ld("publisher", "name"))],
    "description": [("the description", _meta("og:description", "description", "twitter:description")),
                    ("JSON-LD description", _json_ld("description"))],
}


def _text(value) -> str:
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""


def _domain(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def _site_name_suffix(title: str) -> str:
    """'Headline | Southern Ledger' → 'Southern Ledger': a short, capitalised tail after a separator."""
    match = re.match(r"^(.*\S)\s+[|–—-]\s+([^|–—-]+)$", title)
    if not match:
        return ""
    words = match[2].split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() or w.lower() in ("of", "the", "and") for w in words) \
            or re.search(r"\d", match[2]):
        return ""
    return match[2].strip()


def _date_in_address(url: str) -> str:
    """'/2025/04/04/…' or '…-2025-07-09' in an address → '2025-07-09'; '' when it holds no date."""
    match = re.search(r"(?<!\d)(20\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?!\d)", url or "")
    return f"{match[1]}-{match[2]}-{match[3]}" if match else ""


def _without_site_name(title: str, publisher: str, canonical: str) -> str:
    """'Headline | The Daily' → 'Headline' when the tail names the site."""
    match = re.match(r"^(.*\S)\s+[|–—-]\s+(.+)$", title)
    if match:
        tail = match[2].strip().lower()
        site = {publisher.lower(), _domain(canonical).lower()} - {""}
        if any(tail == s or tail in s or s in tail for s in site):
            return match[1].strip()
    return title.strip()


def _language(soup) -> str:
    """The page's language as an entry's ``lang`` (en, uk, pt-br), or ''."""
    html = soup.find("html")
    value = (html.get("lang") if html else "") or ""
    primary, _sep, region = value.strip().replace("_", "-").partition("-")
    if not re.fullmatch(r"[A-Za-z]{2,3}", primary):
        return ""
    return primary.lower() + (f"-{region}" if re.fullmatch(r"[A-Za-z0-9]{1,8}", region or "") else "")
