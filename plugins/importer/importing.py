"""``invoke import``: read, check for a duplicate, propose, validate, write once.

The order matters: nothing is written before the duplicate check and the
validation have both passed, and the file is opened with mode "x", so an
existing entry is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from plugins.entries.errors import Problem
from plugins.entries.reader import load_valid_entry
from plugins.entries.registry import load_registries
from plugins.entries.scaffold import new_entry_path, write_new
from plugins.entries.validation import ProblemList

from .archive import read_entries
from .draft import propose, render
from .duplicates import find_duplicate
from .errors import CannotImport, DraftDoesNotValidate, DuplicateEntry
from .source import read_source


@dataclass
class ImportResult:
    """The file written, and what the maintainer should look at first."""

    path: Path
    notes: list = field(default_factory=list)


def import_entry(source: str, content_dir, *, title: str = "", date: str = "", section: str = "",
                 stdin=None, now: dt.datetime | None = None) -> ImportResult:
    """Import ``source`` (a page, a paste or '-') as a draft under ``content_dir/articles``."""
    content_dir = Path(content_dir)
    now = now or dt.datetime.now().astimezone().replace(second=0, microsecond=0)
    page = read_source(source, stdin=stdin)
    registries = load_registries(content_dir / "data")
    entries = read_entries(content_dir)
    draft = propose(page, registries, entries, title=title, date=date, section=section, now=now)
    duplicate = find_duplicate(entries, page.canonical, draft.title)
    if duplicate:
        entry, reason = duplicate
        raise DuplicateEntry(os.path.relpath(entry.path), reason)
    when = dt.datetime(int(draft.date[:4]), int(draft.date[5:7]), int(draft.date[8:10]))
    path = new_entry_path(content_dir, draft.title, when)
    text = render(draft)
    _validate(path, text, registries)
    try:
        write_new(path, text)
    except FileExistsError:
        raise CannotImport(f"{os.path.relpath(path)} already exists — nothing was written; "
                           "give another title with --title") from None
    return ImportResult(path=path, notes=draft.notes)


def _validate(path: Path, text: str, registries) -> None:
    """The draft passes invoke check, or this is the importer's bug."""
    shown = os.path.relpath(path)
    try:
        load_valid_entry(path, shown, registries, raw=text.encode("utf-8"))
    except Problem as problem:
        raise DraftDoesNotValidate([problem]) from None
    except ProblemList as many:
        raise DraftDoesNotValidate(many.problems) from None
