"""What templates need to show entries: date filters and labels for statuses and counts."""

from __future__ import annotations

import datetime as dt

from .dates import MONTH_NAMES, PartialDate

CLAIM_STATUS_LABELS = {
    "confirmed": "Confirmed",
    "unverified": "Unverified",
    "disputed": "Disputed",
    "false": "False",
}

CASUALTY_LABELS = {
    "killed": "Killed",
    "injured": "Injured",
    "children_killed": "Children killed",
    "children_injured": "Children injured",
    "missing": "Missing",
}


def human_date(value) -> str:
    """'5 April 2025' for datetimes and dates; a PartialDate keeps its precision."""
    if isinstance(value, PartialDate):
        return value.human()
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"
    return str(value)


def month_name(value) -> str:
    """'April 2025' for a date."""
    return f"{MONTH_NAMES[value.month - 1]} {value.year}"


def period_label(period) -> str:
    """Pelican's period tuple, (2025,) or (2025, 'April'), as 'April 2025'."""
    return " ".join(str(part) for part in reversed(tuple(period)))


def add_to_environment(generator) -> None:
    env = generator.env
    env.filters.update(human_date=human_date, month_name=month_name, period_label=period_label)
    env.globals.update(CLAIM_STATUS_LABELS=CLAIM_STATUS_LABELS, CASUALTY_LABELS=CASUALTY_LABELS)
