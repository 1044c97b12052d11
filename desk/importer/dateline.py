"""What a report says about itself in its text: the dateline, a date line, a copyright line.

Wire copy opens with a dateline ("KHARKIV, Ukraine, July 9 (Northline Wire) -"):
the place it was filed from, the day, and the agency. Pastes often keep the
page's date on a line of its own ("Friday, August 22, 2025", "18 травня 2025")
and its footer ("© 2025 Kharkiv Courier"). Each gives a field the page's
markup would otherwise have given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .when import MONTH, WEEKDAY, explicit_dates

DATELINE = re.compile(
    rf"^(?P<place>[A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ'’ .-]{{2,40}}?),(?:\s+[A-Z][a-z]+\.?,)?\s+"
    rf"(?P<date>(?:{MONTH})\s+\d{{1,2}}(?:,\s+\d{{4}})?|\d{{1,2}}\s+(?:{MONTH})(?:\s+\d{{4}})?)\s*"
    r"(?:\((?P<publisher>[^()]{2,40})\))?\s*[-–—]+\s*")
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<publisher>[^.|]{2,60}?)\.?"
                       r"(?:\s*(?:all rights reserved|усі права захищені|все права защищены)\.?)?$", re.IGNORECASE)
DATE_ONLY_MAX = 40


@dataclass
class Dateline:
    """A wire dateline: where the report was filed, the day words, the agency."""

    place: str
    date_words: str
    publisher: str
    length: int  # characters of the paragraph the dateline takes


def dateline_of(paragraph: str) -> Dateline | None:
    """The dateline that opens a paragraph, or None."""
    match = DATELINE.match(paragraph)
    if not match or not match["place"].strip().isupper():
        return None
    return Dateline(place=match["place"].strip(), date_words=match["date"], publisher=(match["publisher"] or "").strip(),
                    length=match.end())


def date_line(line: str) -> str:
    """'Friday, August 22, 2025' → '2025-08-22' for a line that is only a date; else ''."""
    if len(line) > DATE_ONLY_MAX:
        return ""
    found = explicit_dates(line)
    if len(found) != 1:
        return ""
    rest = line.replace(found[0].words, "")
    rest = WEEKDAY.sub("", rest)
    if re.sub(r"[\s,.року годаг]+", "", rest, flags=re.IGNORECASE):
        return ""
    return found[0].day.isoformat()


def copyright_publisher(line: str) -> str:
    """'© 2025 Kharkiv Courier' → 'Kharkiv Courier'; '' for any other line."""
    match = COPYRIGHT.match(line.strip())
    return match["publisher"].strip() if match else ""
