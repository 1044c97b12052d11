"""Is this article already in the archive? Any address it shares, or nearly the same text.

Addresses are compared without what varies between copies of one page
(scheme, "www.", a trailing slash, the fragment, tracking parameters), and
every address an entry cites counts: its sources and the posts it quotes as
cards. Text is compared by word shingles (five words in a row) and their
Jaccard overlap, whatever the title, so re-importing a page after editing the
draft's title is still caught. A post the archive already quotes is not a
duplicate article, only a warning: the editor may be about to write the same
incident twice.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

from plugins.entries.registry import normalise

TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|ref_url|cmpid|icid|smid|at_\w+|s|t)$", re.I)
SHINGLE = 5
TEXT_OVERLAP = 0.5  # Jaccard overlap of shingles above which two texts are one article
MIN_SHINGLES = 20  # texts shorter than this are too short to compare


@dataclass
class Duplicate:
    """The entry already holding this article, and what matched."""

    entry: object
    reason: str


def address_key(url: str) -> str:
    """What stays the same across copies of one page's address."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    host = "x.com" if host in ("twitter.com", "mobile.twitter.com") else host
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not TRACKING.match(k)))
    return f"{host}{parts.path.rstrip('/') or '/'}{'?' + query if query else ''}"


def shingles(text: str) -> set:
    words = re.findall(r"\w+", normalise(re.sub(r"[*_#>\[\]()`]|https?://\S+", " ", text)))
    return {" ".join(words[i:i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}


def find_duplicate(entries, canonical: str, body: str) -> Duplicate | None:
    """The first known entry citing this page's address, or holding nearly the same text."""
    if canonical:
        key = address_key(canonical)
        for entry in entries:
            for url, how in _cited(entry):
                if address_key(url) == key:
                    return Duplicate(entry, f"already cites {canonical} ({how})")
    mine = shingles(body)
    if len(mine) >= MIN_SHINGLES:
        for entry in entries:
            theirs = shingles(entry.body)
            if len(theirs) < MIN_SHINGLES:
                continue
            overlap = len(mine & theirs) / len(mine | theirs)
            if overlap >= TEXT_OVERLAP:
                return Duplicate(entry, f"has nearly the same text ({overlap:.0%} of five-word runs shared, "
                                        f"whatever the title: '{entry.title}')")
    return None


def cited_posts(entries, posts) -> list[str]:
    """Notes naming the entries that already cite a post this article quotes."""
    notes = []
    for post in posts:
        if not post.url:
            continue
        key = address_key(post.url)
        where = {}
        for entry in entries:
            for url, how in _cited(entry):
                if address_key(url) == key:
                    where.setdefault(os.path.relpath(entry.path), []).append(how)
        if where:
            shown = "; ".join(f"{path} ({' and '.join(hows)})" for path, hows in where.items())
            notes.append(f"the post by {post.who} ({post.url}) is already cited by {shown} — "
                         "this may be an incident the archive already has")
    return notes


def _cited(entry):
    yield from ((url, "as a source") for url in entry.urls)
    yield from ((url, "in a post card") for url in entry.post_urls)
