import datetime as dt

import pytest

from plugins.entries.dates import DateFormatError, parse_partial_date, parse_timestamp


@pytest.mark.parametrize("text, precision, human", [
    ("2025", "year", "2025"),
    (2025, "year", "2025"),
    ("2025-04", "month", "April 2025"),
    ("2025-04-04", "day", "4 April 2025"),
    ("2025-04-04T22:15+03:00", "time", "4 April 2025, 22:15"),
    ("2025-04-04 22:15:30", "time", "4 April 2025, 22:15"),
])
def test_partial_dates_keep_their_precision(text, precision, human):
    date = parse_partial_date(text)
    assert date.precision == precision
    assert date.human() == human


@pytest.mark.parametrize("text, message", [
    ("2025-02-30", "February 2025 has no day 30"),
    ("2025-13", "no month 13"),
    ("2025-04-04T25:00", "impossible time"),
    ("04/05/2025", "write YYYY, YYYY-MM"),
    ("", "is not a date"),
    ("0000-01-01", "year 0"),
])
def test_impossible_dates_are_rejected_with_the_reason(text, message):
    with pytest.raises(DateFormatError, match=message):
        parse_partial_date(text)


def test_local_date_is_not_shifted_by_time_zones():
    kyiv = dt.timezone(dt.timedelta(hours=3))
    stamp = parse_timestamp("2025-04-05", kyiv)
    assert (stamp.year, stamp.month, stamp.day, stamp.hour) == (2025, 4, 5, 0)
    assert stamp.utcoffset() == dt.timedelta(hours=3)


def test_explicit_offset_wins_over_default_zone():
    stamp = parse_timestamp("2025-04-05T10:30:00-05:00", dt.timezone.utc)
    assert stamp.utcoffset() == dt.timedelta(hours=-5)
    assert stamp.hour == 10


def test_dates_order_by_calendar_then_precision():
    dates = [parse_partial_date(t) for t in ("2025-04-04", "2025-04", "2024", "2025-04-04T08:00")]
    assert [d.iso() for d in sorted(dates)] == ["2024", "2025-04", "2025-04-04", "2025-04-04T08:00"]
