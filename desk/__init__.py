"""The maintainer's desk: what maintainers and servers run outside the Pelican build.

- ``importer``: ``./dev import`` and ``./dev coordinates``, saved pages and pastes to draft entries;
- ``search``: the search service (``service``), serving site and service together (``serving``)
  and ``./dev search`` (``cli``), all reading the index the search plugin writes;
- ``sitebuild``: running a build (atomic output, the build lock), the local server, livereload's
  devserver and publishing.

Pelican never loads these. They import the build plugins' public modules
(plugins/contract ``PUBLIC``) as ``tasks.py`` does; no module under ``plugins/``
imports ``desk`` (tests/test_contract.py checks both).
"""
