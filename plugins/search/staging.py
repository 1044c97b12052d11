"""A build writes its search index into a copy, swapped in only when the whole build succeeded.

The search service and ``invoke search`` read the index at SEARCH_INDEX_PATH.
If a build updated that index in place and then failed (a bad entry found
late, a crash, a kill), the CLI and the service would answer from entries the
published site does not have. So a build stages: ``<index>.partial`` starts as
a copy of the live index (Whoosh's segment and table-of-contents files are
written once and never changed, so the copy is hard links: instant, no space),
the index worker updates the copy, and ``commit_index`` swaps it in when
Pelican has finished. A failed build leaves the live index as it was and its
copy is thrown away (``discard_index``, or the next build's ``stage_index``).

The replaced index is renamed away, not deleted at once: a search already
running in the service may still read it. Folders replaced more than
``KEEP_REPLACED_SECONDS`` ago are deleted by later builds.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

# Whoosh's immutable files; anything else in the folder (fingerprint, caches) is copied.
LINKED_SUFFIXES = (".seg", ".toc", ".trm", ".pst", ".fdt", ".fdi", ".vps", ".dci", ".dcz", ".lns")
SKIPPED = ("MAIN_WRITELOCK",)  # Whoosh makes its own lock in the copy
KEEP_REPLACED_SECONDS = 120


def staged_path(live: Path) -> Path:
    """Where a running build writes its index."""
    return Path(live).with_name(Path(live).name + ".partial")


def stage_index(live: Path) -> Path:
    """A fresh ``<index>.partial`` holding the live index (or nothing, if there is none yet)."""
    live, staged = Path(live), staged_path(live)
    shutil.rmtree(staged, ignore_errors=True)
    remove_replaced(live)
    if not live.is_dir():
        return staged
    staged.mkdir(parents=True)
    for entry in os.scandir(live):
        if not entry.is_file(follow_symlinks=False) or entry.name in SKIPPED:
            continue
        target = staged / entry.name
        if entry.name.endswith(LINKED_SUFFIXES):
            os.link(entry.path, target)
        else:
            shutil.copy2(entry.path, target)
    return staged


def commit_index(live: Path) -> bool:
    """Swap the staged index in (two renames); False when there is none to swap in."""
    live, staged = Path(live), staged_path(live)
    if not staged.is_dir():
        return False
    if live.exists():
        os.rename(live, live.with_name(f"{live.name}.replaced-{time.time_ns()}"))
    os.rename(staged, live)
    return True


def discard_index(live: Path) -> None:
    """A failed build: its index goes with it."""
    shutil.rmtree(staged_path(live), ignore_errors=True)


def remove_replaced(live: Path, keep_seconds: float = KEEP_REPLACED_SECONDS) -> None:
    """Delete indexes replaced long enough ago that no search can still be reading them."""
    now = time.time_ns()
    for old in Path(live).parent.glob(Path(live).name + ".replaced-*"):
        try:
            replaced_at = int(old.name.rsplit("-", 1)[1])
        except ValueError:
            continue
        if now - replaced_at > keep_seconds * 1e9:
            shutil.rmtree(old, ignore_errors=True)
