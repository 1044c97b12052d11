import pytest

from desk.importer.dates import from_machine, from_words


@pytest.mark.parametrize("text, expected", [
    ("April 6, 2025", "2025-04-06"),
    ("— Name (@handle) March 29, 2025", "2025-03-29"),
    ("6 April 2025", "2025-04-06"),
    ("Apr. 6, 2025", "2025-04-06"),
    ("Sept 1, 2024", "2024-09-01"),
    ("February 30, 2025", ""),
    ("Smarch 3, 2025", ""),
    ("no date here", ""),
])
def test_written_dates_become_iso_days(text, expected):
    assert from_words(text) == expected


@pytest.mark.parametrize("value, expected", [
    ("2025-04-07T06:45:00Z", "2025-04-07T06:45+00:00"),
    ("2025-04-06T18:20:00+03:00", "2025-04-06T18:20+03:00"),
    ("2025-04-06T18:20:00.123+03:00", "2025-04-06T18:20+03:00"),
    ("2025-04-06 18:20", "2025-04-06T18:20"),
    ("2025-04-06", "2025-04-06"),
    ("Sun, 06 Apr 2025 10:30:00 GMT", "2025-04-06T10:30+00:00"),
    ("yesterday", ""),
    ("", ""),
])
def test_machine_dates_keep_time_and_offset_when_given(value, expected):
    assert from_machine(value) == expected
