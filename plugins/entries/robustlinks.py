"""Sources as Robust Links: the live address, a dated archived copy, and the date that ties them.

The Robust Links convention (https://robustlinks.mementoweb.org/spec/) puts
``data-versionurl`` and ``data-versiondate`` on the link to the original and
``data-originalurl`` on the link to the copy, so a reader (or a tool) can
still reach the page as it was when the link rot sets in. When the maintainer
gives no copy, the page links to the web archive's capture nearest to the
date the source was read, which the Wayback Machine resolves by itself: plain
links, no script.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

WAYBACK = "https://web.archive.org/web/"
_WAYBACK_STAMP = re.compile(r"^https?://web\.archive\.org/web/(\d{4})(\d{2})?(\d{2})?")


@dataclass(frozen=True)
class RobustLink:
    """What one source shows: the live link and the copy, both carrying the version date."""

    url: str
    version_url: str
    version_date: str          # YYYY-MM-DD
    archived: bool             # True: the maintainer's copy; False: the nearest-capture link


def nearest_capture(url: str, day: dt.date) -> str:
    """The Wayback Machine address that redirects to its capture of ``url`` nearest to ``day``."""
    return f"{WAYBACK}{day:%Y%m%d}/{url}"


def _copy_date(archived: str) -> Optional[dt.date]:
    """The capture date a Wayback address carries in its path, if any."""
    found = _WAYBACK_STAMP.match(archived)
    if not found:
        return None
    year, month, day = found.group(1), found.group(2) or "01", found.group(3) or "01"
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def robust_link(source, fallback: Optional[dt.date] = None) -> RobustLink:
    """The robust link of a Source; ``fallback`` (the entry's date) dates a source that has no date."""
    read_on = source.accessed or source.published
    day = read_on.first_day() if read_on is not None else (fallback or dt.date.today())
    if source.archived:
        stamped = _copy_date(source.archived)
        return RobustLink(source.url, source.archived, (stamped or day).isoformat(), True)
    return RobustLink(source.url, nearest_capture(source.url, day), day.isoformat(), False)
