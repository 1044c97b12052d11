"""``invoke new``: a new entry whose front matter already passes ``invoke check``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from .slugs import slugify


def scaffold(title: str, section: str, when: dt.datetime, summary: str = "", extra: dict | None = None,
             body: str = "") -> str:
    """The text of a draft entry: front matter first, then a body to write."""
    front = {
        "title": title,
        "date": when.isoformat(timespec="minutes"),
        "summary": summary or "One or two plain sentences saying what happened.",
        "section": section,
        "topics": [],
        "people": [],
        "places": [],
        "organisations": [],
        "status": "draft",
        "sources": [],
        "events": [],
    }
    front.update(extra or {})
    yaml_text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=100)
    guide = ("# Fill in sources (id, publisher, title, url of the item itself, published), events (date, place, kind,\n"
             "# summary, casualties with source:, claims with source:) and the body, then set status: published.\n"
             "# Reference: docs/front-matter.md.\n")
    return f"---\n{guide}{yaml_text}---\n{body or 'Write the entry here, in your own words.'}\n"


def new_entry_path(content_dir, title: str, when: dt.datetime) -> Path:
    return Path(content_dir) / "articles" / f"{when:%Y}" / f"{slugify(title)}.md"


def write_new(path: Path, text: str) -> Path:
    """Write once: never overwrite a maintainer's file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(text)
    return path
