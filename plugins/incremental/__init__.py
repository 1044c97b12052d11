"""Incremental plugin: a rebuild renders and writes only what changed.

- ``get_writer``: Pelican writes through ``FingerprintWriter``;
- ``all_generators_finalized``: the site-wide digest (theme, plugin code,
  settings, registries, standalone pages, which entity pages exist) and the
  page digests of the last build are handed to the writer;
- ``build_finished`` (ours, plugins/contract: after every plugin's last
  file, whatever the order of ``PLUGINS``): page digests are saved, and files
  left from the previous build that no generator or plugin produced this time
  are removed.

Plugins that write files themselves write through the build's writer API
(``build.write``, plugins/contract/output.py), so their files are written only
when changed and are not removed as leftovers.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from pelican import signals

from plugins.contract import build_of, setting
from plugins.contract import signals as contract
from plugins.contract.store import load_state, save_state

from .digest import forget_models, settings_digest, tree_digest, values_digest
from .writer import FingerprintWriter, fingerprints_of

logger = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def get_writer(pelican):
    if setting(pelican.settings, "INCREMENTAL_BUILDS"):
        return FingerprintWriter
    return None


def _store_path(settings) -> Path:
    final = setting(settings, "INCREMENTAL_PREVIOUS_OUTPUT") or settings["OUTPUT_PATH"]
    name = hashlib.sha256(str(Path(final).resolve()).encode()).hexdigest()[:16]
    return Path(settings["CACHE_PATH"]) / f"pages-{name}.pickle"


def prepare(generators):
    """Hand the writer the site-wide digest and the last build's page digests."""
    settings = generators[0].settings
    context = generators[0].context
    forget_models()
    if not setting(settings, "INCREMENTAL_BUILDS"):
        return
    archive = build_of(settings).archive
    entity_pages = context.get("entity_pages") or {}
    salt = values_digest(
        tree_digest(settings["THEME"], PROJECT_ROOT / "plugins"),
        settings_digest(settings),
        archive.environment if archive is not None else "",
        [(page.url, page.title) for page in context.get("pages", [])],
        {kind: sorted(pages) for kind, pages in entity_pages.items()},
    )
    fingerprints = fingerprints_of(settings)
    fingerprints.salt, fingerprints.previous = salt, load_state(_store_path(settings), {})


def finish(build):
    """Save page digests; remove files of the previous build that nothing produced now."""
    settings = build.settings
    writer = fingerprints_of(settings).writer
    if writer is None:
        return
    forget_models()
    claimed = build.outputs.claimed | writer.claimed | _static_claims(settings)
    output = Path(settings["OUTPUT_PATH"])
    previous_output = Path(setting(settings, "INCREMENTAL_PREVIOUS_OUTPUT") or settings["OUTPUT_PATH"])
    removed = _remove_leftovers(output, claimed, previous_output)
    relinked = _relink_unchanged(output, previous_output) if previous_output != output else 0
    save_state(_store_path(settings), writer.digests)
    stats = writer.stats
    logger.info("incremental: %d pages rendered, %d unchanged and skipped; %d files written, %d identical, "
                "%d copies relinked, %d leftovers removed", stats["rendered"], stats["skipped"], stats["written"],
                stats["same"], relinked, removed)


def _static_claims(settings) -> set:
    output = Path(settings["OUTPUT_PATH"])
    claims = set()
    theme_static = output / settings.get("THEME_STATIC_DIR", "theme")
    for root, _dirs, files in os.walk(theme_static):
        claims.update((Path(root) / name).relative_to(output).as_posix() for name in files)
    for folder in settings.get("STATIC_PATHS", []):
        for root, _dirs, files in os.walk(output / folder):
            claims.update((Path(root) / name).relative_to(output).as_posix() for name in files)
    return claims


def _remove_leftovers(output: Path, claimed: set, previous_output: Path) -> int:
    """Delete files that came from the previous build and were not produced by this one."""
    removed = 0
    for root, _dirs, files in os.walk(output):
        for name in files:
            path = Path(root) / name
            rel = path.relative_to(output).as_posix()
            if rel in claimed or not (previous_output / rel).exists():
                continue
            path.unlink()
            removed += 1
    for root, _dirs, _files in os.walk(output, topdown=False):
        if root != str(output) and not os.listdir(root):
            os.rmdir(root)
    return removed


def _relink_unchanged(output: Path, previous_output: Path) -> int:
    """Files copied afresh (static assets) that equal the last build's become that very file again.

    Pelican copies theme and static files on every build with new mtimes; a
    hard link to the previous copy keeps bytes and mtime, so uploads skip them.
    """
    relinked = 0
    for root, _dirs, files in os.walk(output):
        for name in files:
            path = Path(root) / name
            info = path.stat()
            if info.st_nlink > 1:
                continue
            old = previous_output / path.relative_to(output)
            try:
                if old.stat().st_size != info.st_size or old.read_bytes() != path.read_bytes():
                    continue
            except OSError:
                continue
            temporary = path.with_name(f".{name}.link")
            os.link(old, temporary)
            os.replace(temporary, path)
            relinked += 1
    return relinked


def register():
    contract.join()
    signals.get_writer.connect(get_writer)
    signals.all_generators_finalized.connect(prepare)
    contract.build_finished.connect(finish)
