"""Social-media posts as static cards: quoted text, author, handle, date, link.

Archives outlive platforms, and a platform's widget script tracks readers and
can change what the archive shows. So a post is written in Markdown as

    ::: post
    author: Volodymyr Zelenskyy
    handle: ZelenskyyUa
    platform: X
    date: 2025-04-06
    url: https://x.com/ZelenskyyUa/status/…

    The text of the post, exactly as published.
    :::

and rendered as a ``<figure class="post-card">`` with no script at all.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.util import AtomicString

from plugins.entries.dates import DateFormatError, parse_partial_date

OPEN = re.compile(r"^:::\s*post\s*$")
CLOSE = ":::"
FIELDS = ("author", "handle", "platform", "date", "url")
REQUIRED = ("author", "date", "url")


@dataclass
class PostCard:
    """One post as written in an entry; ``line`` is 1-based within the body."""

    line: int
    fields: dict = field(default_factory=dict)
    text: str = ""
    problems: list = field(default_factory=list)  # (line, what, fix)


def parse_post_cards(body: str) -> list[PostCard]:
    """Find every post block in a Markdown body, with the problems of each."""
    cards, lines, i = [], body.split("\n"), 0
    while i < len(lines):
        if not OPEN.match(lines[i].strip()):
            i += 1
            continue
        card = PostCard(line=i + 1)
        i += 1
        while i < len(lines) and lines[i].strip() and lines[i].strip() != CLOSE:
            key, sep, value = lines[i].partition(":")
            key = key.strip().lower()
            if not sep or key not in FIELDS:
                card.problems.append((i + 1, f"'{lines[i].strip()}' is not a post card field",
                                      f"use 'key: value' with one of {', '.join(FIELDS)}"))
            else:
                card.fields[key] = value.strip()
            i += 1
        text = []
        while i < len(lines) and lines[i].strip() != CLOSE:
            text.append(lines[i])
            i += 1
        if i >= len(lines):
            card.problems.append((card.line, "the post card is not closed", "add a line with only ':::' after its text"))
        card.text = "\n".join(text).strip()
        _check(card)
        cards.append(card)
        i += 1
    return cards


def _check(card: PostCard) -> None:
    for key in REQUIRED:
        if not card.fields.get(key):
            card.problems.append((card.line, f"the post card has no '{key}'", f"add '{key}: …' under '::: post'"))
    if card.fields.get("date"):
        try:
            card.fields["date"] = parse_partial_date(card.fields["date"])
        except DateFormatError as exc:
            card.problems.append((card.line, f"post card date: {exc}", "write the date as YYYY-MM-DD"))
    url = card.fields.get("url", "")
    if url and not re.match(r"^https?://\S+$", url):
        card.problems.append((card.line, f"post card url '{url}' is not a web address", "start it with https://"))
    card.fields["handle"] = card.fields.get("handle", "").lstrip("@")
    if not card.text:
        card.problems.append((card.line, "the post card has no text", "add the post's text after a blank line"))


def _render(parent, card: PostCard) -> None:
    figure = etree.SubElement(parent, "figure", {"class": "post-card"})
    platform = card.fields.get("platform", "")
    if platform:
        figure.set("data-platform", platform.lower())
    quote = etree.SubElement(figure, "blockquote", {"cite": card.fields.get("url", "")})
    for paragraph in re.split(r"\n\s*\n", card.text):
        p = etree.SubElement(quote, "p")
        p.text = AtomicString(paragraph.strip())
    caption = etree.SubElement(figure, "figcaption")
    author = etree.SubElement(caption, "span", {"class": "post-author"})
    author.text = AtomicString(card.fields.get("author", ""))
    if card.fields.get("handle"):
        handle = etree.SubElement(caption, "span", {"class": "post-handle"})
        handle.text = AtomicString("@" + card.fields["handle"])
    date = card.fields.get("date")
    if date is not None and hasattr(date, "iso"):
        stamp = etree.SubElement(caption, "time", {"datetime": date.iso()})
        stamp.text = AtomicString(date.human())
    link = etree.SubElement(caption, "a", {"class": "post-link", "href": card.fields.get("url", ""),
                                           "rel": "nofollow noopener external"})
    link.text = AtomicString(f"View on {platform}" if platform else "View original")


class _PostCardProcessor(BlockProcessor):
    def test(self, parent, block):
        return bool(OPEN.match(block.split("\n", 1)[0].strip()))

    def run(self, parent, blocks):
        collected = []
        while blocks:
            block = blocks.pop(0)
            collected.append(block)
            if block.rstrip().endswith("\n" + CLOSE) or block.strip() == CLOSE or (
                    len(collected) == 1 and block.rstrip().split("\n")[-1].strip() == CLOSE and block.count("\n")):
                break
        cards = parse_post_cards("\n\n".join(collected))
        for card in cards:
            _render(parent, card)
        return True


class PostCardExtension(Extension):
    """Python-Markdown extension that renders ``::: post`` blocks as cards."""

    def extendMarkdown(self, md):
        md.parser.blockprocessors.register(_PostCardProcessor(md.parser), "post_card", 105)


def makeExtension(**kwargs):
    return PostCardExtension(**kwargs)
