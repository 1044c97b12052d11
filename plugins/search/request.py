"""A reader's search, checked: the words, the filters, the order and how many results.

The CLI, the service and (in JavaScript) the search page accept the same
parameters and reject the same bad ones with the same messages, so a link to
``/search/?q=…&place=…`` means one thing everywhere.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Mapping, Optional

from plugins.entries.dates import DateFormatError, parse_partial_date

from .documents import last_day

MAX_QUERY_LENGTH = 500
MAX_OFFSET = 10_000
SORTS = ("relevance", "newest")
FILTERS = ("section", "topic", "place", "person")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ALLOWED_CONTROLS = "\t\n\r"


class BadRequest(ValueError):
    """A search that cannot be run; the message says which parameter is wrong and how."""


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    section: Optional[str] = None
    topic: Optional[str] = None
    place: Optional[str] = None
    person: Optional[str] = None
    date_from: Optional[dt.date] = None
    date_to: Optional[dt.date] = None
    sort: str = "relevance"
    limit: int = 10
    offset: int = 0
    exact: bool = False  # the words as typed: no spelling correction

    @property
    def filters(self) -> dict:
        """The entity filters that are set, by parameter name."""
        return {name: getattr(self, name) for name in FILTERS if getattr(self, name)}

    def echo(self) -> dict:
        """The request as the service reports it back."""
        return {"q": self.q, **{name: getattr(self, name) for name in FILTERS},
                "from": self.date_from.isoformat() if self.date_from else None,
                "to": self.date_to.isoformat() if self.date_to else None,
                "sort": self.sort, "limit": self.limit, "offset": self.offset, "exact": self.exact}

    @classmethod
    def from_params(cls, params: Mapping[str, str], max_results: int = 50) -> "SearchRequest":
        """Check every parameter; raise BadRequest naming the first one that is wrong."""
        q = check_query(params.get("q") or "")
        filters = {name: check_id(name, params.get(name)) for name in FILTERS}
        date_from = check_date("from", params.get("from"), last=False)
        date_to = check_date("to", params.get("to"), last=True)
        if date_from and date_to and date_from > date_to:
            raise BadRequest(f"from ({date_from.isoformat()}) is after to ({date_to.isoformat()}); swap them")
        sort = (params.get("sort") or "relevance").strip()
        if sort not in SORTS:
            raise BadRequest(f"sort must be 'relevance' or 'newest', not '{_shown(sort)}'")
        limit = min(check_int("limit", params.get("limit"), 10, 1), max_results)
        offset = check_int("offset", params.get("offset"), 0, 0)
        if offset > MAX_OFFSET:
            raise BadRequest(f"offset may be at most {MAX_OFFSET}")
        exact = check_flag("exact", params.get("exact"))
        return cls(q=q, date_from=date_from, date_to=date_to, sort=sort, limit=limit, offset=offset, exact=exact,
                   **filters)


def check_query(q: str) -> str:
    """The query text, if it is short enough and holds no control characters (tabs and newlines are spaces)."""
    if len(q) > MAX_QUERY_LENGTH:
        raise BadRequest(f"q is {len(q)} characters long; the limit is {MAX_QUERY_LENGTH}")
    for position, char in enumerate(q):
        if char not in _ALLOWED_CONTROLS and unicodedata.category(char) in ("Cc", "Cs"):
            raise BadRequest(f"q contains the control character U+{ord(char):04X} at position {position + 1}; "
                             "remove it")
    return q


def check_id(name: str, value) -> Optional[str]:
    if value is None or value == "":
        return None
    if len(value) > 100 or not _ID.match(value):
        raise BadRequest(f"{name} must be an id such as 'kryvyi-rih' (lower-case words joined by hyphens), "
                         f"not '{_shown(value)}'")
    return value


def check_date(name: str, value, last: bool) -> Optional[dt.date]:
    """YYYY, YYYY-MM or YYYY-MM-DD; 'to' takes the last day of a month or year, 'from' the first."""
    if value is None or value.strip() == "":
        return None
    try:
        date = parse_partial_date(value.strip())
    except DateFormatError as exc:
        raise BadRequest(f"{name}: {exc}") from None
    if date.precision == "time":
        raise BadRequest(f"{name}: write a day (YYYY-MM-DD), a month (YYYY-MM) or a year, not a time")
    return last_day(date) if last else date.first_day()


def check_flag(name: str, value) -> bool:
    """'1' or 'true' turns a flag on; empty or '0' or 'false' leaves it off."""
    text = (value or "").strip().lower()
    if text in ("", "0", "false"):
        return False
    if text in ("1", "true"):
        return True
    raise BadRequest(f"{name} must be 1 or 0, not '{_shown(value)}'")


def check_int(name: str, value, default: int, minimum: int) -> int:
    if value is None or value == "":
        return default
    if not re.fullmatch(r"[0-9]{1,6}", value.strip()):
        raise BadRequest(f"{name} must be a whole number, not '{_shown(value)}'")
    number = int(value)
    if number < minimum:
        raise BadRequest(f"{name} must be at least {minimum}")
    return number


def _shown(value: str) -> str:
    """A bad value as it may be echoed in a message: short, and with control characters made visible."""
    text = value[:40] + ("…" if len(value) > 40 else "")
    return "".join(c if unicodedata.category(c)[0] != "C" else f"\\u{ord(c):04x}" for c in text)
