"""The facts an imported source gives, whatever its shape (a saved page or a pasted text).

Kept apart from source.py, which reads a source and hands it to page.py or
paste.py: both build a SourcePage, so it cannot live in the module that
imports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SourcePage:
    """One article as found in the outside world."""

    title: str = ""
    published: str = ""  # entry date string, or ''
    byline: str = ""
    canonical: str = ""
    publisher: str = ""
    description: str = ""
    lang: str = ""
    body_html: str = ""  # the article's text only, with post placeholders
    posts: list = field(default_factory=list)  # Post, by placeholder number
    kind: str = "page"  # "page" or "paste"
    notes: list = field(default_factory=list)  # what had to be guessed, for the maintainer
