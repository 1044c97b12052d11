"""Keep the Whoosh index in step with the archive, re-indexing only what changed.

Each document stores a hash of everything indexed about it; a build compares
hashes and touches only new, changed and removed entries. An index written
with another schema (see ``schema_fingerprint``) or one that cannot be read
is rebuilt from scratch, and the log says why.
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import LockError

from .schema import build_schema, index_fields, schema_fingerprint

logger = logging.getLogger(__name__)
# Pelican's logger drops a message it has logged before; every build's counts must show (livereload).
getattr(logger, "disable_filter", lambda: None)()

FINGERPRINT_FILE = "search-schema.json"
# Whoosh's posting pool spills to temporary files beyond this (pickled one posting
# at a time, then merged back: a third of the cost of indexing, but memory stays bounded).
WRITER_MEMORY_MB = 128
# An index built from scratch for a big archive is written by this many processes, each
# its own segment (Whoosh's MpWriter, not merged: merging would cost what was saved). The
# build's pages keep one core busy while the index is written, but they end first.
INDEX_PROCESSES = 2
PARALLEL_ENTRIES = 2000
INDEX_BATCH = 250  # entries handed to a process at a time


class IndexBusy(RuntimeError):
    """Another process holds the index's write lock."""


@dataclass(frozen=True)
class IndexReport:
    """What one update did; ``rebuilt`` says why the index was started afresh, if it was."""

    indexed: int
    unchanged: int
    removed: int
    rebuilt: str = ""

    def __str__(self) -> str:
        return f"{self.indexed} indexed, {self.unchanged} unchanged, {self.removed} removed"


def open_index(path: Path):
    """The index at ``path`` for searching; raises FileNotFoundError with what to do when there is none."""
    path = Path(path)
    try:
        if whoosh_index.exists_in(str(path)):
            return whoosh_index.open_dir(str(path))
    except Exception as exc:  # damaged files: the next build rebuilds them
        raise FileNotFoundError(f"the search index at {path} cannot be read ({exc}); "
                                "build the site again (./dev build) to rebuild it") from None
    raise FileNotFoundError(f"no search index at {path}; build the site first (./dev build)")


def update_index(path: Path, documents: list, boosts: dict, shown: Path | None = None) -> IndexReport:
    """Bring the index at ``path`` up to date with ``documents`` (SearchDocuments, unique by url).

    ``shown`` is the path the log names: a build updates a staged copy (staging.py) of the index the
    maintainer knows by its setting.
    """
    path = Path(path)
    shown = shown or path
    fingerprint = schema_fingerprint(boosts)
    ix, known, reason = _existing(path, fingerprint)
    if ix is None:
        logger.info("search: building the index at %s from scratch (%s)", shown, reason)
        ix = _create(path, boosts, fingerprint)
        known = {}
    current = {document.url: document for document in documents}
    changed = [d for d in documents if known.get(d.url) != d.content_hash]
    removed = sorted(url for url in known if url not in current)
    if changed or removed:
        processes = INDEX_PROCESSES if not known and len(changed) >= PARALLEL_ENTRIES else 1
        writer = _writer(ix, path, shown, processes)
        try:
            for url in removed:
                writer.delete_by_term("url", url)
            for document in changed:
                writer.update_document(**index_fields(document))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
    ix.close()
    return IndexReport(len(changed), len(documents) - len(changed), len(removed), reason or "")


def _writer(ix, path: Path, shown: Path, processes: int = 1):
    # "spawn": the build may run this in a process with threads, where a fork could inherit a held lock.
    options = ({"procs": processes, "multisegment": True, "batchsize": INDEX_BATCH, "start_method": "spawn"}
               if processes > 1 else {})
    try:
        return ix.writer(timeout=30.0, limitmb=WRITER_MEMORY_MB, **options)
    except LockError:
        raise IndexBusy(f"another build is writing the search index at {shown}; wait for it to finish, "
                        f"or delete {path} if no build is running") from None


def _existing(path: Path, fingerprint: str):
    """(index, {url: hash}, "") for a usable index, else (None, None, why it cannot be used)."""
    try:
        exists = whoosh_index.exists_in(str(path))
    except Exception as exc:  # a damaged table of contents
        logger.warning("search: the index at %s could not be read (%s: %s)", path, type(exc).__name__, exc)
        return None, None, "the index could not be read"
    if not exists:
        return None, None, "no index yet"
    try:
        stored = json.loads((path / FINGERPRINT_FILE).read_text(encoding="utf-8"))["fingerprint"]
    except (OSError, ValueError, KeyError, TypeError):
        stored = None
    if stored != fingerprint:
        return None, None, "the schema or analysis rules changed"
    try:
        ix = whoosh_index.open_dir(str(path))
        with ix.searcher() as searcher:
            known = {fields["url"]: fields["hash"] for fields in searcher.all_stored_fields()}
    except Exception as exc:  # any failure to read means the files are damaged; the entries are the truth
        logger.warning("search: the index at %s could not be read (%s: %s)", path, type(exc).__name__, exc)
        return None, None, "the index could not be read"
    return ix, known, ""


def _create(path: Path, boosts: dict, fingerprint: str):
    if path.exists():
        _remove_old_index(path)
    path.mkdir(parents=True)
    ix = whoosh_index.create_in(str(path), build_schema(boosts))
    (path / FINGERPRINT_FILE).write_text(json.dumps({"fingerprint": fingerprint}), encoding="utf-8")
    return ix


def _remove_old_index(path: Path) -> None:
    """Delete an old index folder, refusing anything that does not look like one (a mistyped setting)."""
    names = [p.name for p in path.iterdir()] if path.is_dir() else [path.name]
    looks_like_index = not names or FINGERPRINT_FILE in names or any(name.endswith(".toc") for name in names)
    if not looks_like_index:
        raise FileExistsError(f"{path} holds files that are not a search index; point SEARCH_INDEX_PATH "
                              f"at an empty folder or one the search plugin made")
    shutil.rmtree(path)
