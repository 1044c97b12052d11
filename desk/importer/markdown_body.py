"""The article's cleaned HTML as the Markdown an entry body is written in.

markdownify (built on BeautifulSoup) does the conversion; this module only
says what the archive wants of it: ATX headings below the page's one h1, no
images (the archive does not hotlink), absolute links, and text escaped so a
``<script>`` in a page stays text in the entry. Post cards go in as
placeholders and come out as ``::: post`` blocks.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from markdownify import MarkdownConverter

from .boilerplate import is_furniture_text

PLACEHOLDER = "IMPORTEDPOST{}END"
_PLACEHOLDER_LINE = re.compile(r"^IMPORTEDPOST(\d+)END$", re.MULTILINE)
BLOCK_TAGS = ("p", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "div",
              "section", "article", "main", "dl", "hr")


class EntryMarkdown(MarkdownConverter):
    """markdownify, set up for entry bodies."""

    def __init__(self, base_url: str = "", **options):
        self.base_url = base_url
        options.setdefault("heading_style", "ATX")
        options.setdefault("bullets", "-")
        options.setdefault("strip", ["span", "font", "small", "sup", "sub", "u", "abbr", "cite", "mark", "ins",
                                     "del", "s", "time", "address"])
        super().__init__(**options)

    def convert_img(self, el, text, parent_tags):
        return ""

    def convert_a(self, el, text, parent_tags):
        href = (el.get("href") or "").strip()
        if href and self.base_url:
            href = urljoin(self.base_url, href)
        if not re.match(r"^https?://", href):
            return text  # javascript:, #anchors, mailto: keep their text only
        el["href"] = href
        el.attrs.pop("title", None)
        return super().convert_a(el, text, parent_tags)

    def convert_h1(self, el, text, parent_tags):
        return self.convert_hN(2, el, text, parent_tags)

    def escape(self, text, parent_tags):
        """Escape only what Python-Markdown would read as markup; '<' becomes an entity."""
        if not text:
            return ""
        text = text.replace("\\", "\\\\")
        text = re.sub(r"&(?=#?\w+;)", "&amp;", text).replace("<", "&lt;")
        text = re.sub(r"([`*_\[\]])", r"\\\1", text)
        text = re.sub(r"^(\s*)(#{1,6}(?=\s)|[-+](?=\s)|>)", r"\1\\\2", text)
        return re.sub(r"^(\s*\d{1,9})([.)]\s)", r"\1\\\2", text)


def to_markdown(fragment_html: str, posts: list, base_url: str = "") -> str:
    """Markdown of an HTML fragment; placeholder paragraphs become post cards."""
    soup = BeautifulSoup(fragment_html, "html.parser")
    _paragraphs_for_loose_text(soup)
    text = EntryMarkdown(base_url).convert_soup(soup)
    text = _PLACEHOLDER_LINE.sub(lambda m: "\n" + posts[int(m[1])].card() + "\n", text)
    blocks = [block.strip("\n") for block in re.split(r"\n[ \t]*\n", text)]
    kept = [block for block in blocks if block.strip() and not is_furniture_text(_plain(block))]
    return "\n\n".join(kept).strip() + "\n"


def paragraph_texts(fragment_html: str) -> list[str]:
    """The plain text of each paragraph, list item and heading, in order."""
    soup = BeautifulSoup(fragment_html, "html.parser")
    _paragraphs_for_loose_text(soup)
    texts = []
    for element in soup.find_all(["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td"]):
        if element.find(["p", "li"]):
            continue
        text = " ".join(element.get_text(" ").split())
        if text and not _PLACEHOLDER_LINE.match(text) and not is_furniture_text(text):
            texts.append(re.sub(r" ([,.;:!?…])", r"\1", text))
    return texts


def _paragraphs_for_loose_text(soup) -> None:
    """Wrap text that sits directly in a div next to blocks into paragraphs of its own."""
    for container in soup.find_all(["div", "section", "article", "main", "body", "td", "blockquote"]):
        if not container.find(BLOCK_TAGS):
            if container.name != "blockquote" and container.get_text(strip=True):
                container.name = "p"
            continue
        run = []
        for child in list(container.children):
            if getattr(child, "name", None) in BLOCK_TAGS:
                _wrap(soup, run)
                run = []
            else:
                run.append(child)
        _wrap(soup, run)
    for top in list(soup.children):  # loose text at the top of the fragment
        if isinstance(top, str) and top.strip():
            _wrap(soup, [top])


def _wrap(soup, nodes) -> None:
    if not nodes or not "".join(n.get_text() if hasattr(n, "get_text") else str(n) for n in nodes).strip():
        return
    paragraph = soup.new_tag("p")
    nodes[0].insert_before(paragraph)
    for node in nodes:
        paragraph.append(node.extract())


def _plain(block: str) -> str:
    """A Markdown block's visible text, for recognising furniture."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", block)
    return re.sub(r"^[#>\-\s]+|[*_\\]", "", text)
