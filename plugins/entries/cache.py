"""Reader results kept between builds, keyed by what they depend on.

Reading an entry (YAML, validation, Markdown) is most of a cold build. The
result depends only on the file's bytes, the registries, the reader's own code
and the Markdown settings, so it is cached under a hash of exactly those; an
edit to any of them misses the cache. Files the cache lacks are read by a pool
of processes before Pelican asks for them (prewarm.py).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from pathlib import Path

logger = logging.getLogger(__name__)

CACHE_FILE = "entries.pickle"
_CODE_DIRS = (Path(__file__).parent, Path(__file__).parent.parent / "embeds")


class ReaderCache:
    """path-independent map: key -> (html, entry); loaded once, saved atomically (see ``open_cache``)."""

    def __init__(self, folder):
        self.path = Path(folder) / CACHE_FILE
        self.items: dict = {}
        self.used: set = set()
        self.dirty = False
        try:
            with open(self.path, "rb") as handle:
                self.items = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            self.items = {}

    def get(self, key):
        found = self.items.get(key)
        if found is not None:
            self.used.add(key)
        return found

    def put(self, key, value) -> None:
        self.items[key] = value
        self.used.add(key)
        self.dirty = True

    def save(self) -> None:
        """Keep only what this build used, so deleted entries do not pile up."""
        if not self.dirty and len(self.used) == len(self.items):
            return
        kept = {key: self.items[key] for key in self.used if key in self.items}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        with open(temporary, "wb") as handle:
            pickle.dump(kept, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self.path)
        self.items, self.dirty = kept, False
        _in_memory[str(self.path)] = (_stamp(self.path), self)


# Reader caches this process loaded or saved, with the file's stamp as it left it. Unpickling the
# validated entries is slow (1.4 s for 1,000 entries, measured): a long-running process
# (invoke livereload) keeps its cache in memory and reads the file again only if another
# process changed it.
_in_memory: dict[str, tuple] = {}


def _stamp(path: Path):
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino


def open_cache(folder) -> ReaderCache:
    """The reader cache in ``folder``: the one in memory when the file is as this process left it."""
    path = Path(folder) / CACHE_FILE
    stamp, kept = _in_memory.get(str(path), (None, None))
    if kept is not None and stamp is not None and stamp == _stamp(path):
        kept.used = set()  # what this build uses; save() keeps only that
        return kept
    cache = ReaderCache(folder)
    _in_memory.clear()  # one archive at a time: a test session's many small caches do not pile up
    _in_memory[str(path)] = (_stamp(path), cache)
    return cache


def environment_digest(settings, data_dir: Path) -> str:
    """What every entry's reading depends on besides its own bytes."""
    digest = hashlib.sha256()
    for folder in _CODE_DIRS:
        for path in sorted(folder.glob("*.py")):
            digest.update(path.name.encode() + path.read_bytes())
    for path in sorted(Path(data_dir).glob("*.yml")):
        digest.update(path.name.encode() + path.read_bytes())
    digest.update(repr(settings.get("MARKDOWN")).encode())
    digest.update(str(settings.get("TIMEZONE")).encode())
    return digest.hexdigest()


def entry_key(raw: bytes, shown_path: str, environment: str) -> str:
    # The shown path is part of the key: messages and slugs name the file.
    return hashlib.sha256(raw + b"\0" + shown_path.encode() + b"\0" + environment.encode()).hexdigest()
