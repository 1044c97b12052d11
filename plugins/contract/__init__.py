"""The declared contract between the plugins: read this package to know how they meet.

- ``signals``: the named signals (and the order of a build);
- ``archive``: ``Build`` (one per run) and ``Archive`` (the entries, registries
  and reader cache the entries plugin produces once per build);
- ``output``: the one writer API for files plugins write themselves;
- ``settings``: every project setting with its default, the entity kinds, the
  registry folder and the site URL.

``PUBLIC`` lists the only modules one plugin may import from another, and the
only ``plugins`` modules the tools outside the build (``desk/``) may import; a
test (tests/test_contract.py) fails on any other cross-plugin import, on one
inside a function, on an import cycle, on a ``desk`` module importing anything
else, and on any module under ``plugins/`` importing ``desk``.
"""

from __future__ import annotations

from .archive import Archive, Build, build_of
from .output import OutputFiles, write_if_changed
from .settings import ENTITY_KINDS, registry_folder, setting, site_url

# module -> why others may import it. Everything else in a plugin is its own business.
PUBLIC = {
    "plugins.contract": "the contract itself",
    "plugins.entries.model": "the content model: Entry, Event, Source",
    "plugins.entries.dates": "partial dates and month names, as the model defines them",
    "plugins.entries.errors": "Problem and EntryErrors: how every user error is reported",
    "plugins.entries.text": "plain text of rendered HTML, as the reader makes it",
    "plugins.entries.templating": "how dates read on the site",
    "plugins.entries.statuses": "claim statuses of the content model: ids, labels, verdicts, ratings",
    "plugins.timeline.exports": "the open-data formats every export shares: formula-safe CSV cells, JSON one row a line",
    "plugins.embeds.postcard": "post cards: the Markdown extension the entries reader renders and checks",
    # For the tools that run outside the build (desk/: importer, search service and CLI, build runner).
    "plugins.entries.reader": "reading one entry as the build does (tools outside the build)",
    "plugins.entries.registry": "loading the registries (tools outside the build)",
    "plugins.entries.scaffold": "writing a new entry file (tools outside the build)",
    "plugins.entries.slugs": "the one rule that turns a title into a slug (tools outside the build)",
    "plugins.entries.validation": "ProblemList (tools outside the build)",
    "plugins.entries.frontmatter": "splitting front matter (tools outside the build)",
    "plugins.search.aliases": "the aliases the index carries (the search service and CLI)",
    "plugins.search.collection": "the index's weighting (the search service and CLI)",
    "plugins.search.indexing": "opening the index (the search service and CLI)",
    "plugins.search.query": "the query rules (the search service and CLI)",
    "plugins.search.request": "a search request, checked (the search service and CLI)",
    "plugins.search.schema": "the filters and their registries (the search CLI)",
    "plugins.search.settings": "the search settings (the search CLI)",
}

__all__ = ["Archive", "Build", "ENTITY_KINDS", "OutputFiles", "PUBLIC", "build_of", "registry_folder", "setting",
           "site_url", "write_if_changed"]
