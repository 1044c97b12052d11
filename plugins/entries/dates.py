"""Dates as newsrooms write them: a year, a month, a day or an exact time.

An event known only to the month must never be shown as the 1st of that month,
so the precision travels with the date. Local dates are kept as written, with
no time zone arithmetic.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

PRECISIONS = ("year", "month", "day", "time")

_PATTERN = re.compile(
    r"^(?P<year>\d{4})"
    r"(?:-(?P<month>\d{2})"
    r"(?:-(?P<day>\d{2})"
    r"(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2})?)(?P<tz>Z|[+-]\d{2}:?\d{2})?)?)?)?$"
)

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")


class DateFormatError(ValueError):
    """A date that cannot be read; the message says what was expected."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date with its precision; orders by (year, month, day, time)."""

    year: int
    month: int = 0
    day: int = 0
    time: str = ""  # "HH:MM" or "HH:MM:SS", local to the place of the event
    tz: str = ""    # offset as written, e.g. "+03:00", or ""

    @property
    def precision(self) -> str:
        if self.time:
            return "time"
        if self.day:
            return "day"
        if self.month:
            return "month"
        return "year"

    def iso(self) -> str:
        """The date as written in front matter, normalised."""
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        if self.time:
            text += f"T{self.time}{self.tz}"
        return text

    def first_day(self) -> dt.date:
        """The earliest calendar day the date covers (for sorting and ranges)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def human(self) -> str:
        """'2025', 'April 2025', '4 April 2025' or '4 April 2025, 10:30'."""
        if not self.month:
            return str(self.year)
        if not self.day:
            return f"{MONTH_NAMES[self.month - 1]} {self.year}"
        text = f"{self.day} {MONTH_NAMES[self.month - 1]} {self.year}"
        return f"{text}, {self.time[:5]}" if self.time else text

    def __str__(self) -> str:
        return self.iso()


def parse_partial_date(value) -> PartialDate:
    """Read YYYY, YYYY-MM, YYYY-MM-DD or an ISO timestamp; reject impossible dates."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, bool) or value is None:
        raise DateFormatError(f"'{value}' is not a date; write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, dt.datetime):
        value = value.isoformat()
    elif isinstance(value, dt.date):
        value = value.isoformat()
    text = str(value).strip()
    match = _PATTERN.match(text)
    if not match:
        raise DateFormatError(f"'{text}' is not a date; write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    year = int(match["year"])
    if year < 1:
        raise DateFormatError(f"'{text}' has year 0; years start at 0001")
    month = int(match["month"] or 0)
    day = int(match["day"] or 0)
    if match["month"] and not 1 <= month <= 12:
        raise DateFormatError(f"'{text}' has no month {month}; months run from 01 to 12")
    if match["day"]:
        try:
            dt.date(year, month, day)
        except ValueError:
            raise DateFormatError(f"'{text}' is not a real day ({MONTH_NAMES[month - 1]} {year} has no day {day})") from None
    time = match["time"] or ""
    if time:
        hour, minute = int(time[:2]), int(time[3:5])
        second = int(time[6:8]) if len(time) > 5 else 0
        if hour > 23 or minute > 59 or second > 59:
            raise DateFormatError(f"'{text}' has an impossible time of day")
    tz = match["tz"] or ""
    if tz and tz != "Z" and ":" not in tz:
        tz = f"{tz[:3]}:{tz[3:]}"
    return PartialDate(year, month, day, time, tz)


def parse_timestamp(value, default_tz: Optional[dt.tzinfo]) -> dt.datetime:
    """An entry's publication time: a full date, with a time and zone if given."""
    date = parse_partial_date(value)
    if date.precision in ("year", "month"):
        raise DateFormatError(f"'{date.iso()}' is not precise enough; an entry's date needs at least YYYY-MM-DD")
    hour, minute, second = 0, 0, 0
    if date.time:
        parts = [int(p) for p in date.time.split(":")]
        hour, minute = parts[0], parts[1]
        second = parts[2] if len(parts) > 2 else 0
    if date.tz == "Z":
        tzinfo = dt.timezone.utc
    elif date.tz:
        sign = 1 if date.tz[0] == "+" else -1
        tzinfo = dt.timezone(sign * dt.timedelta(hours=int(date.tz[1:3]), minutes=int(date.tz[4:6])))
    else:
        tzinfo = default_tz
    return dt.datetime(date.year, date.month, date.day, hour, minute, second, tzinfo=tzinfo)
