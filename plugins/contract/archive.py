"""The build's shared state: one ``Build`` per Pelican run, and the ``Archive`` it carries.

Before this module, plugins passed data through private keys of Pelican's
settings dict. Now each build gets one ``Build`` (made when Pelican is
initialised, see ``signals.py``), found from the settings any Pelican object
carries with ``build_of(settings)``; the entries plugin fills in its
``archive`` once the entries are read and valid.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Callable

from .output import OutputFiles


@dataclass
class Archive:
    """The archive as this build read it: made once by the entries plugin, read by every other.

    ``articles``, ``translations`` and ``drafts`` are Pelican's own Article
    objects (each with ``.entry``, the validated Entry, and Pelican's real
    ``url`` and ``save_as``); nothing downstream recomputes a URL.
    """

    settings: dict            # the build's settings
    articles: list            # published, in the default language (Pelican's ``articles``)
    translations: list        # published, in other languages
    drafts: list              # drafts in every language
    registries: Any           # entries.registry.Registries: sections, topics, people, places, …
    reader_cache: Any = None  # entries.cache.ReaderCache, or None when ENTRIES_CACHE is off
    environment: str = ""     # digest of what reading an entry depends on besides its bytes

    @property
    def published(self) -> list:
        """Every published article, translations included."""
        return self.articles + self.translations

    @property
    def events(self) -> list:
        """(article, event) for every event of every published entry, in entry order."""
        return [(article, event) for article in self.published for event in article.entry.events]


@dataclass
class Build:
    """One run of Pelican: its archive, the files it claims, the work it must wait for."""

    settings: dict
    outputs: OutputFiles
    archive: Archive | None = None
    problems: list = field(default_factory=list)     # entries.errors.Problem, from the reader
    waits: list[Callable[[], None]] = field(default_factory=list)  # background work; each never raises
    private: dict[str, Any] = field(default_factory=dict)  # one plugin's own state, under its name

    def state(self, owner: str, make: Callable[[], Any]) -> Any:
        """A plugin's own per-build state (``owner`` is its module name); no plugin reads another's."""
        if owner not in self.private:
            self.private[owner] = make()
        return self.private[owner]

    def write(self, relative_path: str, data) -> bool:
        """Write a file of the site through the one writer API (see output.py)."""
        return self.outputs.write(relative_path, data)

    def wait_for_background(self) -> None:
        """A failed build waits for its workers before its partial site is deleted."""
        for wait in self.waits:
            wait()


_builds: dict[str, Build] = {}


def _key(settings) -> str:
    return os.path.realpath(settings.get("OUTPUT_PATH") or "output")


def begin_build(settings) -> Build:
    """A fresh Build for a run of Pelican writing into ``settings['OUTPUT_PATH']``."""
    build = Build(settings, OutputFiles(settings.get("OUTPUT_PATH") or "output"))
    _builds[_key(settings)] = build
    return build


def build_of(settings) -> Build:
    """The Build writing into this output folder (one is begun if Pelican did not: readers in tests)."""
    return _builds.get(_key(settings)) or begin_build(settings)


def end_build(settings) -> None:
    """Forget a finished build (its articles are large)."""
    _builds.pop(_key(settings), None)
