"""What templates need to show entries: date filters and labels for statuses and counts."""

from __future__ import annotations

import datetime as dt
import os

from plugins.contract import setting

from .dates import MONTH_NAMES, PartialDate
from .model import sources_cited
from .robustlinks import robust_link
from .statuses import BY_ID, CLAIM_STATUSES

CLAIM_STATUS_LABELS = {status.id: status.label for status in CLAIM_STATUSES}
CORRECTION_KIND_LABELS = {"correction": "Correction", "clarification": "Clarification", "update": "Update"}

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
    env.globals.update(CLAIM_STATUS_LABELS=CLAIM_STATUS_LABELS, CASUALTY_LABELS=CASUALTY_LABELS,
                       CLAIM_STATUSES=CLAIM_STATUSES, CLAIM_STATUS_BY_ID=BY_ID,
                       CORRECTION_KIND_LABELS=CORRECTION_KIND_LABELS, cited=sources_cited,
                       robust_link=robust_link, repository_history=_history_link(generator.settings))


def history_url(repository: str, path: str) -> str:
    """Where a file's history is read: ``{path}`` in the setting is replaced, else GitHub's
    ``<repository>/commits/HEAD/<path>`` (GitLab and Gitea users write their own pattern)."""
    repository = repository.rstrip("/")
    if "{path}" in repository:
        return repository.replace("{path}", path)
    return f"{repository}/commits/HEAD/{path}"


def _history_link(settings):
    """A template function: the history address of an article's file, or '' when REPOSITORY_URL is unset."""
    repository = setting(settings, "REPOSITORY_URL") or ""
    root = os.path.dirname(os.path.abspath(settings.get("PATH") or "."))

    def repository_history(article) -> str:
        if not repository or not getattr(article, "source_path", None):
            return ""
        rel = os.path.relpath(os.path.abspath(article.source_path), root).replace(os.sep, "/")
        return history_url(repository, rel)

    return repository_history
