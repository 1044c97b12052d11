"""Incident dates resolved against the report's own date."""

import datetime as dt

import pytest

from desk.importer.when import resolve

SUNDAY = dt.date(2025, 5, 18)


@pytest.mark.parametrize("sentence, day", [
    ("Bombs fell on Kharkiv on Sunday afternoon.", "2025-05-18"),
    ("Artillery shelled the village on Tuesday.", "2025-05-13"),
    ("Drones struck the port overnight.", "2025-05-18"),
    ("A missile hit the city on 4 April, killing sixteen.", "2025-04-04"),
    ("Уночі 15 травня 2025 року дрони атакували Суми.", "2025-05-15"),
    ("4 апреля 2025 года ракета попала в Запорожье.", "2025-04-04"),
    ("У неділю авіація скинула бомби на Харків.", "2025-05-18"),
    ("The strike came yesterday.", "2025-05-17"),
])
def test_day_words_resolve_against_the_report_date(sentence, day):
    assert resolve(sentence, SUNDAY).day.isoformat() == day


@pytest.mark.parametrize("sentence", ["The footage was filmed in 2019.", "Talks resume in March 2025."])
def test_a_year_or_month_alone_dates_no_incident(sentence):
    assert resolve(sentence, SUNDAY) is None
