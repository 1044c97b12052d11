"""``invoke import``: read, check for a duplicate, propose, validate, write once.

The order matters: nothing is written before the duplicate check and the
validation have both passed, and the file is opened with mode "x", so an
existing entry is never overwritten. Places proposed from the gazetteer are
validated with the draft (as if already in the registry) and then appended to
content/data/places.yml as a clearly marked block for the maintainer to review.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from plugins.entries.errors import Problem
from plugins.entries.reader import load_valid_entry
from plugins.entries.registry import Place, load_registries
from plugins.entries.scaffold import write_new
from plugins.entries.validation import ProblemList

from .archive import read_entries
from .draft import propose, render
from .duplicates import cited_posts, find_duplicate
from .errors import CannotImport, DraftDoesNotValidate, DuplicateEntry
from .gazetteer import aliases_for
from .markdown_body import paragraph_texts
from .proposed_places import append_proposals
from .slugs import entry_path
from .source import read_source


@dataclass
class ImportResult:
    """The file written, and what the maintainer should look at first."""

    path: Path
    notes: list = field(default_factory=list)
    events: list = field(default_factory=list)  # ProposedEvent, figures included
    publisher: str = ""
    proposed_places: list = field(default_factory=list)  # ids appended to places.yml


def import_entry(source: str, content_dir, *, title: str = "", date: str = "", section: str = "",
                 stdin=None, now: dt.datetime | None = None) -> ImportResult:
    """Import ``source`` (a page, a paste or '-') as a draft under ``content_dir/articles``."""
    content_dir = Path(content_dir)
    now = now or dt.datetime.now().astimezone().replace(second=0, microsecond=0)
    page = read_source(source, stdin=stdin)
    registries = load_registries(content_dir / "data")
    entries = read_entries(content_dir)
    duplicate = find_duplicate(entries, page.canonical, "\n".join(paragraph_texts(page.body_html)))
    if duplicate:
        raise DuplicateEntry(os.path.relpath(duplicate.entry.path), duplicate.reason)
    draft = propose(page, registries, entries, title=title, date=date, section=section, now=now)
    draft.notes.extend(cited_posts(entries, page.posts))
    places = _proposed_places(draft, registries)
    path = entry_path(content_dir, draft.title, dt.date.fromisoformat(draft.date[:10]))
    text = render(draft, registries)
    _validate(path, text, registries)
    try:
        write_new(path, text)
    except FileExistsError:
        raise CannotImport(f"{os.path.relpath(path)} already exists — nothing was written; "
                           "give another title with --title") from None
    if places:
        append_proposals(content_dir / "data" / "places.yml", places, draft.proposals,
                         path.relative_to(content_dir).as_posix(), now)
    return ImportResult(path=path, notes=draft.notes, events=draft.events, publisher=draft.publisher,
                        proposed_places=[place.id for place in places])


def _proposed_places(draft, registries) -> list:
    """Registry Place records for the gazetteer's proposals the draft uses, added to the loaded registry."""
    used = set(draft.front.get("places", [])) | {e.place for e in draft.events} | {
        e["place"] for e in draft.claim_events}
    places = []
    for place_id, (found, seen_as) in draft.proposals.items():
        if place_id not in used or registries.places.resolve(place_id):
            continue
        place = Place(id=place_id, name=found.name, aliases=tuple(aliases_for(found, seen_as, registries.places)),
                      description=f"City in {found.country} (proposed from GeoNames by invoke import; review).",
                      kind="city", country=found.country or None, lat=found.lat, lon=found.lon)
        registries.places.add(place, 0)
        places.append(place)
    return places


def _validate(path: Path, text: str, registries) -> None:
    """The draft passes invoke check, or this is the importer's bug."""
    shown = os.path.relpath(path)
    try:
        load_valid_entry(path, shown, registries, raw=text.encode("utf-8"))
    except Problem as problem:
        raise DraftDoesNotValidate([problem]) from None
    except ProblemList as many:
        raise DraftDoesNotValidate(many.problems) from None
