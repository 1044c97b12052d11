"""The plain text of an entry's rendered body: what search indexes and excerpts quote.

Worked out when an entry is read (in the parallel readers, and kept in the
reader cache with the HTML), so a rebuild does not parse 5,000 bodies again.

The rules are BeautifulSoup's (its ``get_text`` of the tree after the changes
``_soup_text`` makes). Building that tree was a third of the cost of reading an
entry, so HTML of the plain kind the sanitiser emits (no comments, no
declarations, no self-closing syntax, only the five entities it writes, none
of the elements whose text BeautifulSoup treats specially) is read in one pass
without a tree, to the same text; anything else still goes through
BeautifulSoup.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from bs4 import BeautifulSoup
from bs4.builder import HTMLTreeBuilder

_SOURCE_BREAKS = re.compile(r"[\n\r\t]")
_BLOCK_TAGS = ("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
               "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section",
               "table", "td", "th", "tr", "ul")
_BLOCKS = frozenset(_BLOCK_TAGS)
_VOID = frozenset(HTMLTreeBuilder.DEFAULT_EMPTY_ELEMENT_TAGS)  # BeautifulSoup closes these as soon as they open
_KEEPS_SPACES = frozenset(HTMLTreeBuilder.DEFAULT_PRESERVE_WHITESPACE_TAGS)
_ASCII_SPACES = " \n\t\x0c\r"
# What the one-pass reader does not take: markup BeautifulSoup gives meanings of its own.
# (An end tag of a void element is one: BeautifulSoup ignores it without ending the text before it.)
_NOT_PLAIN = re.compile(r"<[!?]|/>|&(?!(?:amp|lt|gt|quot|nbsp);)"
                        r"|<\s*/?\s*(?:script|style|template|textarea|rt|rp)\b"
                        rf"|</\s*(?:{'|'.join(sorted(_VOID))})\b", re.IGNORECASE)


def html_to_text(html: str) -> str:
    """Readable plain text of an HTML fragment: one line per block, spaces collapsed."""
    html = html or ""
    text = _soup_text(html) if _NOT_PLAIN.search(html) else _plain_text(html)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _soup_text(html: str) -> str:
    """The text by BeautifulSoup: scripts and styles dropped, a line break around every block."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "template"]):
        element.decompose()
    for string in soup.find_all(string=True):  # a newline in the source is a space, not a line
        if _SOURCE_BREAKS.search(string):
            string.replace_with(_SOURCE_BREAKS.sub(" ", string))
    for element in soup.find_all(_BLOCK_TAGS):
        element.insert_after("\n")
        element.insert_before("\n")
    return soup.get_text()


def _plain_text(html: str) -> str:
    reader = _PlainText()
    reader.feed(html)
    reader.close()
    return "".join(reader.parts)


class _PlainText(HTMLParser):
    """One pass over plain HTML giving the text ``_soup_text`` gives (up to repeated line breaks).

    It keeps the stack of open elements as BeautifulSoup's tree builder does:
    an end tag closes every element opened after its own (a break for each
    block among them), and an end tag of no open element is ignored.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.open: list[str] = []
        self.keeping_spaces = 0  # open <pre> elements: their blank text is kept as written

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            self.parts.append("\n")
        if tag in _VOID:
            if tag in _BLOCKS:
                self.parts.append("\n")
            return
        self.open.append(tag)
        if tag in _KEEPS_SPACES:
            self.keeping_spaces += 1

    def handle_endtag(self, tag):
        if tag not in self.open:
            return
        while self.open:
            closed = self.open.pop()
            if closed in _BLOCKS:
                self.parts.append("\n")
            if closed in _KEEPS_SPACES:
                self.keeping_spaces -= 1
            if closed == tag:
                return

    def handle_data(self, data):
        if not self.keeping_spaces and not data.strip(_ASCII_SPACES):
            data = " "  # BeautifulSoup's blank string ("\n" or " "), a newline in the source read as a space
        self.parts.append(_SOURCE_BREAKS.sub(" ", data))
