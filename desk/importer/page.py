"""A saved news page: its metadata, the article's own markup, the posts it embeds.

The article is found the way readers find it: the element marked as the
article body, else the ``<article>`` with the most text, else the block with
the most paragraph text. Furniture (boilerplate.py) is removed inside it, and
embedded posts are lifted out as Post records before their widget scripts go.
"""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup

from .boilerplate import DROPPED_ROLES, DROPPED_TAGS, is_furniture, paragraph_text_length, strip_furniture
from .markdown_body import PLACEHOLDER
from .metadata import read_metadata
from .posts import PLATFORM_BLOCKQUOTES, post_from_blockquote
from .source_page import SourcePage

# How much shorter than JSON-LD articleBody the markup's text may be before the JSON-LD text is used.
JSON_LD_BODY_RATIO = 0.5
# Dropped later, inside the article only: they may hold the headline, or are counted for the notes.
KEPT_FOR_NOW = ("header", "figure", "img", "picture", "source")


def from_html(text: str) -> SourcePage:
    """Read a saved page into a SourcePage."""
    soup = BeautifulSoup(text, "html.parser")
    meta = read_metadata(soup)
    page = SourcePage(title=meta.title, published=meta.published, byline=meta.byline, canonical=meta.canonical,
                      publisher=meta.publisher, description=meta.description, lang=meta.lang, kind="page")
    page.posts = _lift_posts(soup, page.notes)
    root = soup.body or soup
    for element in list(root.find_all(True)):
        if not element.decomposed and (element.name in DROPPED_TAGS and element.name not in KEPT_FOR_NOW
                                       or (element.get("role") or "").lower() in DROPPED_ROLES):
            element.decompose()
    container, how = _article_container(root)
    images = len(container.find_all("img")) if container is not None else 0
    if container is None or paragraph_text_length(container) < JSON_LD_BODY_RATIO * len(meta.article_body):
        container, how = _from_article_body(meta.article_body), "the JSON-LD articleBody"
        if not meta.article_body:
            how = "nowhere"
    strip_furniture(container, keep_above=paragraph_text_length(container) // 2)
    _drop_title_heading(container, meta.title)
    page.body_html = container.decode_contents()
    page.notes.extend(_notes(meta, how, images))
    return page


def _lift_posts(soup, notes) -> list:
    """Replace each platform blockquote (and its embed wrapper) by a placeholder paragraph."""
    posts = []
    for selector, platform in PLATFORM_BLOCKQUOTES.items():
        for quote in soup.select(selector):
            post = post_from_blockquote(quote, platform)
            if post is None or not (post.author and post.date and post.url):
                notes.append("an embedded post lacks its author, date or link; it is kept as a plain quote")
                quote.attrs.pop("class", None)
                continue
            target = quote
            while (target.parent is not None and target.parent.name not in ("body", "article", "main")
                   and is_furniture(target.parent)
                   and len(target.parent.get_text(strip=True)) - len(target.get_text(strip=True)) < 80):
                target = target.parent
            placeholder = soup.new_tag("p")
            placeholder.string = PLACEHOLDER.format(len(posts))
            target.replace_with(placeholder)
            posts.append(post)
    return posts


def _article_container(root):
    """The element holding the article, and how it was found; (None, '') on an empty page."""
    body = root.select_one("[itemprop=articleBody], [itemprop=articlebody]")
    if body is not None:
        return body, "the element marked itemprop=articleBody"
    articles = root.find_all("article")
    if articles:
        best = max(articles, key=paragraph_text_length)
        if paragraph_text_length(best):
            return best, "the <article> element"
    return _densest_block(root)


def _densest_block(root):
    """The element with the most text in paragraphs of its own, outside page furniture."""
    total = paragraph_text_length(root) or 1
    best, best_score = None, 0
    for element in root.find_all(True):
        score = sum(len(p.get_text(" ", strip=True)) for p in element.find_all("p", recursive=False))
        if score <= best_score:
            continue
        in_furniture = any(is_furniture(a) and paragraph_text_length(a) < 0.6 * total
                           for a in [element, *element.parents] if a.name not in (None, "[document]", "html", "body"))
        if not in_furniture:
            best, best_score = element, score
    if best is None:
        return None, ""
    return best, "the block with the most paragraph text"


def _from_article_body(text: str):
    """JSON-LD articleBody (plain text) as paragraphs."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", text or "") if p.strip()]
    markup = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return BeautifulSoup(f"<div>{markup}</div>", "html.parser").div


def _drop_title_heading(container, title: str) -> None:
    """The headline is the entry's title; an h1 repeating it in the body goes."""
    for heading in container.find_all("h1"):
        if " ".join(heading.get_text().split()).lower() == " ".join(title.split()).lower():
            heading.decompose()


def _notes(meta, how: str, images: int) -> list:
    notes = []
    if not meta.canonical:
        notes.append("no canonical address found (link rel=canonical, og:url or JSON-LD url): add the source's url")
    if meta.found_in.get("publisher") == "the address's domain":
        notes.append(f"publisher taken from the address: '{meta.publisher}' — write the publisher's name")
    if how == "nowhere":
        notes.append("no article text found on the page: write the body")
    elif how not in ("the element marked itemprop=articleBody", "the <article> element"):
        notes.append(f"the article text was taken from {how}: check that nothing is missing or left over")
    if images:
        notes.append(f"{images} image{'s' if images != 1 else ''} left out (the archive does not link images "
                     "from other sites; save one into content/images if it matters)")
    return notes
