"""Entries made with the real content model and the timeline fixture's registries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from plugins.entries.model import Entry
from plugins.entries.registry import load_registries
from tests.support.sites import FIXTURES

REGISTRIES = load_registries(FIXTURES / "timeline" / "data")


@dataclass
class PublishedEntry:
    """What the timeline reads from a Pelican Article, besides the entry itself."""

    entry: Entry
    slug: str
    url: str
    date: dt.datetime
    source_path: str


def published(slug: str, events: list[dict], date="2025-04-05T10:30:00+03:00", **front) -> PublishedEntry:
    """A validated entry with these events, as Pelican would publish it."""
    data = {"title": f"Entry {slug}", "date": date, "summary": "A summary.", "section": "strikes",
            "sources": [{"publisher": "Test Wire", "url": f"https://example.org/{slug}"}], "events": events, **front}
    entry = Entry.model_validate(data, context={"registries": REGISTRIES})
    when = dt.datetime.fromisoformat(date)
    url = f"{when:%Y/%m/%d}/{slug}/"
    return PublishedEntry(entry, slug, url, when, f"content/articles/{url.rstrip('/')}.md")


def event(date, place="rivertown", kind="shelling", **more) -> dict:
    return {"date": date, "place": place, "kind": kind, "summary": f"Something on {date}.", **more}


@pytest.fixture
def registries():
    return REGISTRIES
