"""Dates as pages and pastes carry them, turned into the archive's date strings.

Meta tags and JSON-LD give ISO timestamps (often in UTC, often with fractions
of a second); post attributions give words ("April 6, 2025"). The entry keeps
the time and offset when the source has them, and only the day otherwise.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from plugins.entries.dates import MONTH_NAMES

_MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
_MONTHS.update({name[:3].lower(): number for name, number in list(_MONTHS.items())})
_MONTHS["sept"] = 9

# "April 6, 2025", "Apr. 6 2025" and "6 April 2025"
WRITTEN_DATE = re.compile(
    r"(?P<month1>[A-Za-z]{3,9})\.? (?P<day1>\d{1,2}),? (?P<year1>\d{4})"
    r"|(?P<day2>\d{1,2}) (?P<month2>[A-Za-z]{3,9})\.?,? (?P<year2>\d{4})")


def from_words(text: str) -> str:
    """'April 6, 2025' → '2025-04-06'; '' when the text holds no such date."""
    match = WRITTEN_DATE.search(text or "")
    if not match:
        return ""
    month = _MONTHS.get((match["month1"] or match["month2"]).lower())
    day, year = int(match["day1"] or match["day2"]), int(match["year1"] or match["year2"])
    try:
        return dt.date(year, month, day).isoformat() if month else ""
    except ValueError:
        return ""


def from_machine(value) -> str:
    """An ISO or RFC 2822 timestamp → 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM±HH:MM'; '' if unreadable."""
    text = str(value or "").strip()
    if not text:
        return ""
    try:
        moment = dt.datetime.fromisoformat(text.replace(" ", "T", 1) if re.match(r"^\d{4}-\d\d-\d\d \d", text)
                                           else text)
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return ""
    if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
        return moment.date().isoformat()
    return moment.isoformat(timespec="minutes")


def day_of(value: str) -> str:
    """The 'YYYY-MM-DD' part of an entry date string."""
    return value[:10]
