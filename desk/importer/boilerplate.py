"""What a news page carries besides the article, and how to recognise it.

Pages wrap an article in navigation, ads, share bars, audio and video players,
newsletter boxes, related links and comments. They are recognised by tag, by
ARIA role and by the words in class and id names ("share-bar", "ad-slot"); a
few leftovers survive as bare lines ("Listen To Story Above", "Advertisement")
and are recognised by their text.
"""

from __future__ import annotations

import re

from bs4 import Comment

# Never part of an article's text.
DROPPED_TAGS = ("script", "style", "noscript", "template", "iframe", "form", "button", "input", "select",
                "textarea", "label", "svg", "canvas", "audio", "video", "object", "embed", "nav", "aside",
                "footer", "header", "dialog", "picture", "img", "figure", "source", "track", "link", "meta")
DROPPED_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert",
                 "toolbar", "menu", "menubar")
# Words in class and id names of page furniture, matched as whole words of the name.
FURNITURE_WORDS = frozenset("""
    ad ads adv advert adverts advertisement advertising adslot adunit sponsor sponsored promo promoted
    share sharing sharebar social newsletter newsletters subscribe subscription signup
    related recommended recirc recirculation readmore outbrain taboola more
    comment comments disqus discussion replies cookie cookies consent gdpr popup modal overlay paywall
    audio player video podcast listen tts byline author authors dateline breadcrumb breadcrumbs
    tags toolbar menu nav navigation sidebar widget print skip masthead footer header caption credit
    hidden sr-only visually-hidden
""".split())
# Parts of class and id names that mark furniture wherever they appear ("jp-relatedposts", "sharedaddy").
FURNITURE_PARTS = ("advert", "sponsor", "promo", "share", "sharing", "social", "newsletter", "subscri", "signup",
                   "related", "recommend", "comment", "disqus", "cookie", "consent", "paywall", "outbrain",
                   "taboola", "breadcrumb", "sidebar", "widget", "byline", "podcast", "player")
# Whole paragraphs that are page furniture, whatever element holds them (matched on short text only).
FURNITURE_LINES = [re.compile(pattern, re.IGNORECASE) for pattern in (
    r"^listen (to )?(this |the )?(story|article|audio)( above| below| now)?\W*$",
    r"^(advertisement|advert|sponsored( content)?|ad|promoted)\W*$",
    r"^(share|share this( article| story| page)?|share on \w+|tweet|email|print|copy link)\W*$",
    r"^(sign up|subscribe)\b.*$",
    r"^(get|receive|join|our|the|free)\b.*\bnewsletters?\b.*$",
    r"^(read more|related|related (stories|articles|coverage)|see also|more on this( story)?|recommended)\b.*$",
    r"^(follow us|click here|download (our|the) app)\b.*$",
    r"^(\d+ )?comments?\W*$|^(show|view|load) (all )?comments\b.*$",
    r"^(play|watch)( video)?\W*$|^\d{1,2}:\d{2}$",
    r"^(photo|image|video|graphic)( credit)?: .*$",
    r"^\([^()]*\b(reporting|editing|writing)\b[^()]*\)$",
    r"^(tags|теги|мітки)\s*:.*$",
    r"^(читайте також|читайте также|дивіться також|смотрите также|підписуйтесь|подписывайтесь|поділитися|"
    r"поделиться|реклама)\b.*$",
    r"^(©|\(c\)|copyright)\s.*$",
)]
FURNITURE_LINE_MAX = 140


def is_furniture_text(text: str) -> bool:
    """True for a short paragraph that is page furniture ('Listen To Story Above')."""
    text = " ".join(text.split())
    return bool(text) and len(text) <= FURNITURE_LINE_MAX and any(p.match(text) for p in FURNITURE_LINES)


def name_words(element) -> set:
    """The words of an element's class and id names: 'share-bar btn' → {'share', 'bar', 'btn'}."""
    names = list(element.get("class") or []) + [element.get("id") or ""]
    words = set()
    for name in names:
        spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", name)
        words.update(w for w in re.split(r"[\s_\-]+", spaced.lower()) if w)
        words.add(name.lower())
    return words


def is_furniture(element) -> bool:
    """True for an element that is page furniture by its tag, role, names or visibility."""
    if element.name in DROPPED_TAGS:
        return True
    if (element.get("role") or "").lower() in DROPPED_ROLES:
        return True
    if element.has_attr("hidden") or (element.get("aria-hidden") or "").lower() == "true":
        return True
    if re.search(r"display\s*:\s*none", element.get("style") or ""):
        return True
    words = name_words(element)
    return bool(words & FURNITURE_WORDS) or any(part in word for word in words for part in FURNITURE_PARTS)


def paragraph_text_length(element) -> int:
    """Characters of paragraph text in an element; how much article it could hold."""
    return sum(len(p.get_text(" ", strip=True)) for p in element.find_all("p"))


def strip_furniture(container, keep_above: int) -> int:
    """Remove furniture inside ``container``; return how many elements went.

    An element holding more than ``keep_above`` characters of paragraph text is
    never removed for its names alone: a wrapper called "layout-with-sidebar"
    that holds the article is not a sidebar.
    """
    removed = 0
    for comment in container.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for element in list(container.find_all(True)):
        if element.decomposed or element.parent is None:
            continue
        by_tag = element.name in DROPPED_TAGS
        if is_furniture(element) and (by_tag or paragraph_text_length(element) <= keep_above):
            element.decompose()
            removed += 1
    for element in list(container.find_all(["p", "li", "div", "span", "h2", "h3", "h4", "a"])):
        if element.decomposed or element.parent is None:
            continue
        if is_furniture_text(element.get_text(" ", strip=True)) and not element.find(["p", "li"]):
            element.decompose()
            removed += 1
    return removed
