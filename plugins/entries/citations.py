"""Rules about sources that span the entry: every figure and claim cites one, and sources are items.

The model checks each field on its own; these rules need the whole entry (a
claim names a source by id or position, a status history must end where the
claim stands). A broken reference is a problem in any entry; an uncited figure
or claim, or a source that is a site's home page, is a problem in a published
entry and a warning in a draft, so drafts can be saved half-done.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .errors import Caution, Problem

# Profiles and channels on social platforms: the item is a post below them (t.me/<channel>/<post>).
PROFILE_HOSTS = {"t.me", "telegram.me", "x.com", "twitter.com", "facebook.com", "instagram.com",
                 "youtube.com", "tiktok.com", "vk.com", "threads.net", "bsky.app"}
HOME_SEGMENTS = {"", "index", "index.html", "index.htm", "index.php", "home", "news", "en", "uk", "ru", "de",
                 "fr", "es", "pl"}


def home_page_reason(url: str) -> tuple[str, bool]:
    """Why ``url`` looks like a home page rather than an item ('' when it does not), and whether that
    fails a published entry.

    A site's home page (or its organisation page) fails: it cannot support any fact. A channel or
    profile on a social platform only warns: a post that was deleted may leave nothing better to cite.
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    segments = [s for s in parts.path.split("/") if s]
    if parts.query or parts.fragment:
        return "", False
    if not segments or all(s.lower() in HOME_SEGMENTS or re.fullmatch(r"[a-z]{2}(-[a-z]{2})?", s.lower())
                           for s in segments):
        return f"{host} is a site's home page", True
    if host in PROFILE_HOSTS and len(segments) == 1:
        return f"{url} is a channel or profile on {host}, not a post", False
    lowered = [s.lower() for s in segments]
    if len(lowered) >= 2 and lowered[-2] in ("organisations", "organizations", "channel", "user", "c"):
        return f"{url} is an organisation's or channel's page, not an item", True
    return "", False


def citation_findings(path: str, entry, front) -> tuple[list, list]:
    """(problems, warnings) for the entry's citations, each at the line of the key concerned."""
    problems, warnings = [], []
    published = entry.status == "published"

    def report(loc, what, fix, strict=True):
        line = front.line_of(loc)
        if strict or published:
            problems.append(Problem(path, line, what, fix))
        else:
            warnings.append(Caution(path, line, what + " (required before publishing)", fix))

    ids = {}
    for index, source in enumerate(entry.sources):
        loc = ("sources", index)
        if source.id and source.id in ids:
            report(loc + ("id",), f"two sources share the id '{source.id}'", "give each source its own id")
        ids.setdefault(source.id, index)
        reason, strict_for_published = home_page_reason(source.url)
        if reason:
            fix = "link the item itself (the post, the article or the statement) and give its date in 'published:'"
            if strict_for_published:
                report(loc + ("url",), f"source {index + 1}: {reason}", fix, strict=False)
            else:
                warnings.append(Caution(path, front.line_of(loc + ("url",)), f"source {index + 1}: {reason}", fix))
    for e, event in enumerate(entry.events):
        if event.casualties is not None:
            loc = ("events", e, "casualties")
            _check_refs(entry, event.casualties.source, loc + ("source",), report)
            if not event.casualties.source:
                report(loc, f"event {e + 1}: its casualty figures name no source",
                       "add 'source:' to the casualties with the id or position (1 = first) of the source that "
                       "gives them", strict=False)
        for c, claim in enumerate(event.claims):
            loc = ("events", e, "claims", c)
            _check_refs(entry, claim.source, loc + ("source",), report)
            if not claim.source:
                report(loc + ("by",), f"event {e + 1}, claim {c + 1}: the claim names no source",
                       "add 'source:' with the id or position of the source where the claim was made", strict=False)
            _check_history(entry, claim, loc, report)
    return problems, warnings


def _check_refs(entry, refs, loc, report) -> None:
    for ref in refs or ():
        if entry.source_by_ref(ref) is None:
            known = [s.id for s in entry.sources if s.id]
            names = (f"ids: {', '.join(known)}; " if known else "") + \
                (f"positions 1–{len(entry.sources)}" if entry.sources else "no sources are listed yet")
            report(loc, f"no source '{ref}' in this entry", f"cite one of the entry's sources ({names})")


def _check_history(entry, claim, loc, report) -> None:
    history = claim.status_history
    for h, change in enumerate(history):
        _check_refs(entry, change.source, loc + ("status_history", h, "source"), report)
    days = [change.date.first_day() for change in history]
    if days != sorted(days):
        report(loc + ("status_history",), "the claim's status_history is not in date order",
               "list the changes oldest first")
    if history and history[-1].status != claim.status:
        report(loc + ("status",), f"the claim's status is '{claim.status}' but its status_history ends with "
               f"'{history[-1].status}'", "make the last status_history item the current status")
