"""The one Whoosh schema of the archive, and a fingerprint that says when an index no longer fits it."""

from __future__ import annotations

import hashlib
import json
from importlib import metadata

from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from .analysis import manifest_entry, terms, text_analyzer

# Bump when the fields or what goes into them change; existing indexes are then rebuilt.
SCHEMA_VERSION = 4
TEXT_FIELDS = ("title", "summary", "body", "names", "where")
# Query parameter -> keyword field (and the folder of its static filter files).
FILTER_FIELDS = {"section": "section", "topic": "topics", "place": "places", "person": "people"}
# Query parameter -> the registry its ids come from.
FILTER_REGISTRIES = {"section": "sections", "topic": "topics", "place": "places", "person": "people"}


def build_schema(boosts: dict) -> Schema:
    """Title over summary over body; names (people, places, … with aliases) and the places of the
    entry's events (``where``, documents.py) searchable like text."""
    analyzer = text_analyzer()
    return Schema(
        url=ID(unique=True, stored=True),
        hash=ID(stored=True),
        title=TEXT(analyzer=analyzer, field_boost=boosts["title"], stored=True),
        summary=TEXT(analyzer=analyzer, field_boost=boosts["summary"], stored=True),
        body=TEXT(analyzer=analyzer, field_boost=boosts["body"], stored=True),
        names=TEXT(analyzer=analyzer, field_boost=boosts["names"], stored=True),
        where=TEXT(analyzer=analyzer, field_boost=boosts["where"], stored=True),
        section=ID(stored=True),
        topics=KEYWORD(commas=True, stored=True),
        people=KEYWORD(commas=True, stored=True),
        places=KEYWORD(commas=True, stored=True),
        published=NUMERIC(int, bits=64, stored=True, signed=True),
        date=STORED(),
        section_name=STORED(),
        spans=STORED(),
        lengths=STORED(),  # exact words per text field: live statistics (collection.py) add these up
    )


def whoosh_version() -> str:
    for distribution in ("whoosh3", "whoosh-ng", "whoosh-reloaded", "whoosh", "whoosh-novo"):
        try:
            return f"{distribution} {metadata.version(distribution)}"
        except metadata.PackageNotFoundError:
            continue
    return "unknown"


def schema_fingerprint(boosts: dict) -> str:
    """Changes when the schema, the analysis rules, the boosts or the Whoosh release change."""
    data = {"version": SCHEMA_VERSION, "boosts": boosts, "analysis": manifest_entry(), "whoosh": whoosh_version()}
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def index_fields(document) -> dict:
    """The values Whoosh stores for one SearchDocument."""
    return {
        "url": document.url,
        "hash": document.content_hash,
        "title": document.title,
        "summary": document.summary,
        "body": document.body,
        "names": document.names,
        "where": document.where,
        "section": document.section,
        "topics": ",".join(document.topics),
        "people": ",".join(document.people),
        "places": ",".join(document.places),
        "published": document.published,
        "date": document.date,
        "section_name": document.section_name,
        "spans": [list(span) for span in document.spans],
        "lengths": {f: len(terms(getattr(document, f))) for f in TEXT_FIELDS},
    }
