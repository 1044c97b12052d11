"""When a reported incident happened, read from the words of the report.

Reports date incidents relative to themselves: "on Sunday", "overnight",
"on 4 April", "15 травня 2025", "yesterday". Each is resolved against the
report's own date (its publication date or dateline): a weekday is the last
such day on or before it, a day without a year takes the report's year, and
"overnight" or "tonight" is the report's day. dateparser reads the day-and-month
phrases in English, Ukrainian and Russian; this module finds them and decides
what they are relative to.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = ("January February March April May June July August September October November December "
           "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
           "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня "
           "января февраля марта апреля мая июня июля августа сентября октября ноября декабря").split()
MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
DAY_MONTH = re.compile(rf"(?<!\w)(?P<day>\d{{1,2}})\s+(?P<month>{MONTH})(?:,?\s+(?P<year>\d{{4}}))?(?!\w)",
                       re.IGNORECASE)
MONTH_DAY = re.compile(rf"(?<!\w)(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
                       r"(?![\w:])", re.IGNORECASE)
WEEKDAYS = [
    "monday понеділок понеділка понедельник",
    "tuesday вівторок вівторка вторник",
    "wednesday середа середу середи среда среду",
    "thursday четвер четверга четверг",
    "friday п'ятниця п'ятницю п’ятниця п’ятницю пятница пятницу",
    "saturday субота суботу суботи суббота субботу",
    "sunday неділя неділю неділі воскресенье",
]
_WEEKDAY = {word: number for number, words in enumerate(WEEKDAYS) for word in words.split()}
WEEKDAY = re.compile(r"(?<!\w)(" + "|".join(sorted(_WEEKDAY, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)
SAME_DAY = re.compile(r"(?<!\w)(?:overnight|last night|tonight|this morning|this afternoon|this evening|today|"
                      r"уночі|вночі|сьогодні|цієї ночі|минулої ночі|ночью|этой ночью|сегодня|прошлой ночью)(?!\w)",
                      re.IGNORECASE)
DAY_BEFORE = re.compile(r"(?<!\w)(?:yesterday|вчора|учора|вчера)(?!\w)", re.IGNORECASE)


@dataclass
class Resolved:
    """A day, and the words it was read from."""

    day: dt.date
    words: str


def explicit_dates(text: str, reference: dt.date | None = None) -> list[Resolved]:
    """Every day-and-month phrase in ``text``, resolved; a missing year is the reference's."""
    found = []
    for pattern in (DAY_MONTH, MONTH_DAY):
        for match in pattern.finditer(text):
            if not match["year"] and reference is None:
                continue
            day = _parse(match.group(0), reference)
            if day is not None:
                found.append((match.start(), Resolved(day, match.group(0))))
    return [resolved for _start, resolved in sorted(found, key=lambda pair: pair[0])]


def resolve(sentence: str, reference: dt.date | None) -> Resolved | None:
    """The day a sentence dates its incident to, or None when it names none."""
    dates = explicit_dates(sentence, reference)
    if dates:
        return dates[0]
    if reference is None:
        return None
    weekday = WEEKDAY.search(sentence)
    if weekday:
        wanted = _WEEKDAY[weekday.group(1).lower()]
        back = (reference.weekday() - wanted) % 7
        return Resolved(reference - dt.timedelta(days=back), weekday.group(0))
    same = SAME_DAY.search(sentence)
    if same:
        return Resolved(reference, same.group(0))
    before = DAY_BEFORE.search(sentence)
    if before:
        return Resolved(reference - dt.timedelta(days=1), before.group(0))
    return None


def _parse(words: str, reference: dt.date | None) -> dt.date | None:
    """dateparser reads the phrase; a day without a year is not after the reference."""
    import dateparser

    options = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"]}  # dateparser's, not the site's
    if reference is not None:
        options["RELATIVE_BASE"] = dt.datetime(reference.year, reference.month, reference.day)
        options["PREFER_DATES_FROM"] = "past"
    parsed = dateparser.parse(words, languages=["en", "uk", "ru"], settings=options)
    return parsed.date() if parsed else None
