import pytest

from plugins.entries.dates import parse_partial_date
from plugins.timeline.labels import date_label, day_heading


@pytest.mark.parametrize("start, end, text", [
    ("2025", None, "2025"),
    ("2025-04", None, "April 2025"),
    ("2025-04-04", None, "4 April 2025"),
    ("2025-04-04T22:15+03:00", None, "4 April 2025, 22:15"),
    ("2025-04-05", "2025-04-06", "5–6 April 2025"),
    ("2025-03-28", "2025-04-02", "28 March – 2 April 2025"),
    ("2024-12-31", "2025-01-01", "31 December 2024 – 1 January 2025"),
    ("2025-03", "2025-04", "March–April 2025"),
    ("2024-12", "2025-01", "December 2024 – January 2025"),
    ("2024", "2025", "2024 – 2025"),
    ("2025-04-04T22:15", "2025-04-04T23:30", "4 April 2025, 22:15–23:30"),
    ("2025-04-04T22:15", "2025-04-05T02:00", "4 April 2025, 22:15 – 5 April 2025, 02:00"),
    ("2025-04", "2025-04-20", "April 2025 – 20 April 2025"),
    ("2025-04-04", "2025-04-04", "4 April 2025"),
])
def test_dates_and_ranges_read_as_editors_write_them(start, end, text):
    label = date_label(parse_partial_date(start), parse_partial_date(end) if end else None)
    assert str(label) == text


def test_range_label_splits_into_a_start_and_an_end_part():
    label = date_label(parse_partial_date("2025-04-05"), parse_partial_date("2025-04-06"))
    assert (label.start, label.separator, label.end) == ("5", "–", "6 April 2025")


@pytest.mark.parametrize("day, heading", [
    ("2025-04-04", "Friday, 4 April 2025"),
    ("2024-02-29", "Thursday, 29 February 2024"),
    ("2025-04-04T23:59-05:00", "Friday, 4 April 2025"),
])
def test_day_heading_names_the_weekday_of_the_date_as_written(day, heading):
    assert day_heading(parse_partial_date(day)) == heading
