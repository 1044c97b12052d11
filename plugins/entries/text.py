"""The plain text of an entry's rendered body: what search indexes and excerpts quote.

Worked out when an entry is read (in the parallel readers, and kept in the
reader cache with the HTML), so a rebuild does not parse 5,000 bodies again.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

_SOURCE_BREAKS = re.compile(r"[\n\r\t]")
_BLOCK_TAGS = ("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
               "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section",
               "table", "td", "th", "tr", "ul")


def html_to_text(html: str) -> str:
    """Readable plain text of an HTML fragment: one line per block, spaces collapsed."""
    soup = BeautifulSoup(html or "", "html.parser")
    for element in soup(["script", "style", "template"]):
        element.decompose()
    for string in soup.find_all(string=True):  # a newline in the source is a space, not a line
        if _SOURCE_BREAKS.search(string):
            string.replace_with(_SOURCE_BREAKS.sub(" ", string))
    for element in soup.find_all(_BLOCK_TAGS):
        element.insert_after("\n")
        element.insert_before("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    return "\n".join(line for line in lines if line)
