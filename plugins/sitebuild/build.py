"""Build the site into a fresh folder and swap it in only when the build succeeded.

A failed build (a bad entry, a crash, a kill) must leave the previous site
untouched, so Pelican never writes into the published folder directly.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

logger = logging.getLogger(__name__)

# Plugins that start work in other processes add a function here that waits for it
# (and never raises): a failed build waits for them before it deletes the partial site.
BACKGROUND_KEY = "_BACKGROUND_WAITS"


def load_settings(settings_file: str, overrides: dict | None = None) -> dict:
    from pelican.settings import read_settings

    return read_settings(settings_file, override=overrides or {})


def build(settings_file: str = "pelicanconf.py", output: str | None = None, overrides: dict | None = None) -> dict:
    """Build into ``<output>.partial``, then swap it in; return timing figures."""
    from pelican import Pelican

    overrides = dict(overrides or {})
    probe = load_settings(settings_file, overrides)
    final = Path(output or probe["OUTPUT_PATH"]).resolve()
    partial = final.with_name(final.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial)
    remove_stale_copies(final)
    overrides["OUTPUT_PATH"] = str(partial)
    overrides["DELETE_OUTPUT_DIRECTORY"] = False
    overrides["INCREMENTAL_PREVIOUS_OUTPUT"] = str(final)
    settings = load_settings(settings_file, overrides)
    if final.is_dir() and settings.get("INCREMENTAL_BUILDS", True):
        link_tree(final, partial, skip=[settings.get("THEME_STATIC_DIR", "theme"), *settings.get("STATIC_PATHS", [])])
    started = time.perf_counter()
    try:
        Pelican(settings).run()
    except BaseException:
        for wait in settings.get(BACKGROUND_KEY, []):  # workers still writing into the partial site
            wait()
        shutil.rmtree(partial, ignore_errors=True)
        raise
    swap_in(partial, final)
    return {"seconds": time.perf_counter() - started, "output": str(final)}


def link_tree(source: Path, target: Path, skip=()) -> int:
    """Hard-link every file of the last output into the new one: instant, no extra space.

    The incremental writer replaces a file (new inode) rather than writing into
    it, so the published output never changes under a running build. Static
    folders are left for Pelican to copy afresh (it writes into existing files).
    """
    count = 0
    skipped = {str(source / folder) for folder in skip}
    for root, dirs, files in os.walk(source):
        dirs[:] = [d for d in dirs if os.path.join(root, d) not in skipped]
        destination = target / Path(root).relative_to(source)
        destination.mkdir(parents=True, exist_ok=True)
        for name in files:
            os.link(os.path.join(root, name), destination / name)
            count += 1
    return count


def swap_in(partial: Path, final: Path) -> None:
    """Replace ``final`` by ``partial`` with two renames; readers never see a half site.

    The replaced site is deleted by a separate process: removing thousands of
    folders can take longer than the rebuild itself, and nobody waits for it.
    A copy left behind by an interrupted delete goes on the next build.
    """
    old = final.with_name(final.name + f".old-{os.getpid()}-{time.monotonic_ns()}")
    if final.exists():
        os.rename(final, old)
    os.rename(partial, final)
    if old.exists():
        delete_later(old)


def delete_later(folder: Path) -> None:
    """Remove ``folder`` in a detached process, which outlives this one if it must."""
    import subprocess
    import sys

    code = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"
    subprocess.Popen([sys.executable, "-c", code, str(folder)], start_new_session=True,
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def remove_stale_copies(final: Path) -> None:
    """Sites replaced by earlier builds and not yet gone (still being deleted, or the delete was killed)."""
    for stale in final.parent.glob(final.name + ".old-*"):
        if stale.is_dir():
            delete_later(stale)  # deleting twice at once is harmless; waiting for it is not


def main(argv=None) -> int:
    """``python -m plugins.sitebuild.build --content DIR --output DIR``: build any archive folder."""
    import argparse

    from plugins.entries.errors import EntryErrors

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--content", help="content folder (default: the settings' PATH)")
    parser.add_argument("--output", help="output folder (default: the settings' OUTPUT_PATH)")
    parser.add_argument("--cache", help="cache folder (default: the settings' CACHE_PATH)")
    parser.add_argument("--verbose", action="store_true", help="log each plugin's steps and timings")
    args = parser.parse_args(argv)
    overrides = {key: value for key, value in (("PATH", args.content), ("CACHE_PATH", args.cache)) if value}
    logging.basicConfig(level=logging.WARNING, format="%(relativeCreated)8.0f ms %(name)s: %(message)s")
    if args.verbose:
        logging.getLogger("plugins").setLevel(logging.INFO)
    try:
        figures = build(args.settings, output=args.output, overrides=overrides)
    except EntryErrors as exc:
        print(exc.report())
        return 1
    print(f"built {figures['output']} in {figures['seconds']:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
