"""Is this article already in the archive? Same source address, or nearly the same title.

Addresses are compared without what varies between copies of one page
(scheme, "www.", a trailing slash, the fragment, tracking parameters); titles
after folding case, accents and punctuation, with difflib's ratio.
"""

from __future__ import annotations

import difflib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from plugins.entries.registry import normalise

TITLE_RATIO = 0.9
TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|ref_url|cmpid|icid|smid|at_\w+)$", re.I)


def address_key(url: str) -> str:
    """What stays the same across copies of one page's address."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not TRACKING.match(k)))
    return f"{host}{parts.path.rstrip('/') or '/'}{'?' + query if query else ''}"


def title_key(title: str) -> str:
    return re.sub(r"[^\w ]+", "", normalise(title))


def find_duplicate(entries, canonical: str, title: str):
    """(entry, reason) for the first known entry this article duplicates, or None."""
    if canonical:
        key = address_key(canonical)
        for entry in entries:
            if any(address_key(url) == key for url in entry.urls):
                return entry, f"already cites {canonical} as a source"
    wanted = title_key(title)
    if wanted:
        for entry in entries:
            ratio = difflib.SequenceMatcher(None, wanted, title_key(entry.title)).ratio()
            if ratio >= TITLE_RATIO:
                return entry, f"has nearly the same title ('{entry.title}', {ratio:.0%} alike)"
    return None
