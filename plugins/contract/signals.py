"""The named signals between our plugins, declared in one place (as Pelican's own ``signals.py``).

A plugin connects a module-level function (blinker holds receivers weakly).
The build's order, with Pelican's signals in between:

1. Pelican ``initialized`` → ``build_started(build)``: a fresh ``Build``; every
   declared setting the site does not set gets its default (settings.py).
2. Pelican reads every entry (the entries plugin's reader) and makes its articles.
3. Pelican ``article_generator_finalized`` → the entries plugin checks the
   entries and sends ``archive_ready(archive)``: the search plugin starts the
   index worker on the real articles; ``build.archive`` is set for the
   generators that follow (entities, timeline) and for templates.
4. Pelican ``all_generators_finalized`` → the entries plugin stops the build if
   any file had a problem; the incremental plugin prepares its fingerprints;
   the search plugin gives each article its related entries.
5. Pelican writes every page through the incremental plugin's writer; plugins
   write their own files through ``build.write`` (output.py).
6. Pelican ``finalized`` → ``site_written(build)``: last whole-site files
   (sitemap) and checks (entries in = pages out); then
   ``build_finished(build)``: the incremental plugin removes leftovers and
   saves its fingerprints. The order of ``PLUGINS`` does not matter.
"""

from __future__ import annotations

from blinker import Namespace
from pelican import signals as pelican_signals

from .archive import begin_build, build_of
from .settings import apply_defaults

_ours = Namespace()

# name -> (signal, what the sender is, when it is sent); docs/internals.md is checked against this table.
build_started = _ours.signal("build_started")
archive_ready = _ours.signal("archive_ready")
site_written = _ours.signal("site_written")
build_finished = _ours.signal("build_finished")

DECLARED = {
    "build_started": ("Build", "Pelican is initialised: a fresh Build, nothing read yet"),
    "archive_ready": ("Archive", "every entry read and valid, Pelican's articles made; no page written yet"),
    "site_written": ("Build", "every page and file written; last whole-site files and checks"),
    "build_finished": ("Build", "after site_written: leftovers removed, fingerprints saved"),
}


def _start(pelican) -> None:
    apply_defaults(pelican.settings)
    build_started.send(begin_build(pelican.settings))


def _finish(pelican) -> None:
    build = build_of(pelican.settings)
    site_written.send(build)
    build_finished.send(build)


def join() -> None:
    """Connect our signals to Pelican's; every plugin calls this in ``register`` (connecting twice is harmless)."""
    pelican_signals.initialized.connect(_start)
    pelican_signals.finalized.connect(_finish)
