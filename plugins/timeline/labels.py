"""How an event's date reads: its own precision, and ranges written the way editors write them.

"5–6 April 2025", "28 March – 2 April 2025", "December 2024 – January 2025":
the shared parts are said once. The label is split in a start part and an end
part so templates can wrap each in its own ``<time datetime>`` element.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from plugins.entries.dates import MONTH_NAMES, PartialDate

DASH = "\N{EN DASH}"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class DateLabel:
    """``start`` + ``separator`` + ``end`` is the text; ``end`` is empty for a single date."""

    start: str
    separator: str = ""
    end: str = ""

    def __str__(self) -> str:
        return f"{self.start}{self.separator}{self.end}"


def date_label(start: PartialDate, end: Optional[PartialDate] = None) -> DateLabel:
    """The label of a date or of a range from ``start`` to ``end`` (inclusive)."""
    if end is None or end == start:
        return DateLabel(start.human())
    if start.precision != end.precision or start.precision == "year":
        return DateLabel(start.human(), f" {DASH} ", end.human())
    if start.precision == "time":
        if (start.year, start.month, start.day) == (end.year, end.month, end.day):
            return DateLabel(start.human(), DASH, end.time[:5])
        return DateLabel(start.human(), f" {DASH} ", end.human())
    if start.precision == "month":
        if start.year == end.year:
            return DateLabel(MONTH_NAMES[start.month - 1], DASH, end.human())
        return DateLabel(start.human(), f" {DASH} ", end.human())
    # day precision
    if (start.year, start.month) == (end.year, end.month):
        return DateLabel(str(start.day), DASH, end.human())
    if start.year == end.year:
        return DateLabel(f"{start.day} {MONTH_NAMES[start.month - 1]}", f" {DASH} ", end.human())
    return DateLabel(start.human(), f" {DASH} ", end.human())


def day_heading(day: PartialDate) -> str:
    """'Friday, 4 April 2025' for a day-group heading (the weekday of the date as written)."""
    weekday = WEEKDAYS[day.first_day().weekday()]  # not strftime: it follows the machine's locale
    return f"{weekday}, {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
