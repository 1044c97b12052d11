"""Fingerprints of what a page shows, so a rebuild can tell which pages changed.

A page is rendered from a template, the site-wide inputs (theme, plugin code,
settings, registries, standalone pages) and the values its generator passes
for that page (the article, the list of entries, the events…). The digest of
those values is what ``FingerprintWriter`` compares between builds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

from pelican.contents import Content
from pelican.paginator import Page as PaginatedPage
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper
from pydantic import BaseModel

# Model digests of this build, by id (the model is kept alive with it, so ids are not reused);
# emptied by ``forget_models`` when a build starts.
_model_digests: dict = {}


def forget_models() -> None:
    _model_digests.clear()
    _list_digests.clear()


def content_digest(content) -> str:
    """An article or page: its source, where it lives, and the entries it links to (once per build)."""
    memo = _memo(content)
    if memo is not None and "page" in memo:
        return memo["page"]
    parts = [getattr(content, "source_digest", "") or _file_digest(getattr(content, "source_path", "")),
             getattr(content, "url", ""), getattr(content, "save_as", ""), getattr(content, "status", "")]
    for related in getattr(content, "related_entries", None) or []:
        parts.append(f"{related.url}|{related.title}")
    value = hashlib.sha256("\n".join(map(str, parts)).encode()).hexdigest()
    if memo is not None:
        memo["page"] = value
    return value


# What list pages (home, archives, entity pages, pagination) show of each entry.
LIST_FIELDS = ("url", "date", "modified", "category", "entry.title", "entry.summary", "entry.section", "status")


def card_digest(content, fields=LIST_FIELDS) -> str:
    """An entry as a list shows it: a body edit does not re-render every list it is on.

    Remembered on the entry (per set of fields): an entry is on many lists, and
    nothing it shows changes while pages are written.
    """
    memo = _memo(content)
    if memo is not None and fields in memo:
        return memo[fields]
    parts = []
    for field in fields:
        value = content
        for step in field.split("."):
            value = getattr(value, step, None)
        parts.append(f"{field}={value}")
    value = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    if memo is not None:
        memo[fields] = value
    return value


def _memo(value) -> dict | None:
    """A per-object dict for remembered digests (None for objects without a ``__dict__``)."""
    try:
        return value.__dict__.setdefault("_incremental_digests", {})
    except AttributeError:
        return None


def _file_digest(path) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


def feed(digest, value, depth=0, list_fields=LIST_FIELDS) -> None:
    """Add ``value`` to ``digest`` by what it shows, not by its identity in memory.

    An entry passed as the page's own subject counts whole; an entry inside a
    list counts by ``list_fields`` only.
    """
    if depth > 12:
        digest.update(b"<deep>")
        return
    if value is None or isinstance(value, (str, int, float, bool)):
        digest.update(f"{type(value).__name__}:{value}\x1f".encode())
    elif isinstance(value, Content):
        digest.update(b"C" + (content_digest(value) if depth == 0 else card_digest(value, list_fields)).encode())
    elif isinstance(value, URLWrapper):
        digest.update(f"U{value.slug}|{value.name}\x1f".encode())
    elif isinstance(value, BaseModel):
        found = _model_digests.get(id(value))
        if found is None:
            found = _model_digests[id(value)] = (value, b"M" + value.model_dump_json().encode())
        digest.update(found[1])
    elif isinstance(value, (dt.date, dt.datetime)):
        digest.update(value.isoformat().encode())
    elif isinstance(value, PaginatedPage):
        digest.update(f"P{value.number}/{value.paginator.num_pages}".encode())
        feed(digest, value.object_list, depth + 1, list_fields)
    elif isinstance(value, Paginator):
        digest.update(f"N{value.num_pages}".encode())
    elif isinstance(value, dict):
        for key in sorted(value, key=str):
            digest.update(f"K{key}".encode())
            feed(digest, value[key], depth + 1, list_fields)
    elif isinstance(value, list) and len(value) >= SHARED_LIST_MIN:
        digest.update(_shared_list_digest(value, depth, list_fields))
    elif isinstance(value, (list, tuple, set, frozenset)):
        _feed_items(digest, value, depth, list_fields)
    elif dataclasses.is_dataclass(value):
        digest.update(_dataclass_digest(value, depth, list_fields))
    else:
        # Unknown objects count by their text form; one that prints its address
        # simply never matches, so its page is always rendered (slow, never stale).
        digest.update(repr(value).encode())


def _feed_items(digest, value, depth, list_fields) -> None:
    items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
    digest.update(f"L{len(items)}".encode())
    for item in items:
        if isinstance(item, Content):  # the common case, a list of entries: no recursion
            digest.update(b"C" + card_digest(item, list_fields).encode())
        else:
            feed(digest, item, depth + 1, list_fields)


# A list this long is a generator's own list of every entry (``articles``, ``dates``), handed to each of
# hundreds of pages (every page of the home page's pagination gets both): its digest is worked out once.
SHARED_LIST_MIN = 200
_list_digests: dict = {}


def _shared_list_digest(value: list, depth, list_fields) -> bytes:
    """A long list's digest, remembered by identity while it keeps its length and ends (lists are not
    changed while pages are written; a list that was would simply be worked out again)."""
    key = (id(value), list_fields)
    shape = (len(value), id(value[0]), id(value[-1]))
    found = _list_digests.get(key)
    if found is not None and found[0] is value and found[1] == shape:
        return found[2]
    digest = hashlib.sha256()
    _feed_items(digest, value, depth, list_fields)
    result = b"S" + digest.digest()
    _list_digests[key] = (value, shape, result)
    return result


def _dataclass_digest(value, depth, list_fields) -> bytes:
    """A dataclass (an event, a day of events) by its fields, remembered: one event is on many pages."""
    memo = _memo(value)
    key = ("dataclass", list_fields)
    if memo is not None and key in memo:
        return memo[key]
    digest = hashlib.sha256(type(value).__name__.encode())
    for field in dataclasses.fields(value):
        feed(digest, getattr(value, field.name), depth + 1, list_fields)
    result = digest.digest()
    if memo is not None:
        memo[key] = result
    return result


def values_digest(*values, list_fields=LIST_FIELDS) -> str:
    digest = hashlib.sha256()
    for value in values:
        feed(digest, value, 0, list_fields)
    return digest.hexdigest()


def tree_digest(*folders) -> str:
    """Names and bytes of every file under ``folders``: theme, plugin code."""
    digest = hashlib.sha256()
    for folder in folders:
        folder = Path(folder)
        if not folder.exists():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                           and "tests" not in p.relative_to(folder).parts):
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def settings_digest(settings) -> str:
    """The settings as JSON; run-time objects count by their type, underscored keys not at all."""
    import json

    plain = {k: v for k, v in settings.items() if k.isupper() and not k.startswith("_")}
    text = json.dumps(plain, sort_keys=True, default=lambda o: type(o).__name__)
    return hashlib.sha256(text.encode()).hexdigest()
