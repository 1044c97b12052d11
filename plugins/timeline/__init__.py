"""Timeline plugin: every event of every published entry, as pages and as open data.

Writes ``/timeline/`` (years, months, a chart and its table), ``/timeline/YYYY/``,
``/timeline/YYYY/MM/`` (each with a map), ``/timeline/on-this-day/``, ``/timeline/map/``, ``/timeline.json``
(TimelineJS 3), ``/events.csv`` and ``/events.json``, and gives each entity page
its own timeline (``entity_timelines`` in the context). Nobody edits a
timeline by hand: it is all made from the events in the front matter.

Modules: ``events`` (entries → sorted TimelineEvent list), ``periods`` (years,
months, days, on this day), ``labels`` (how dates and ranges read), ``claims``
(a claim shown once per timeline), ``chart`` (monthly figures and the SVG
geometry), ``filters`` (kind/place/person choices), ``basemap`` and ``maps``
(the event maps), ``map_export`` (the map as data for the search page),
``exports`` (CSV, JSON, TimelineJS) and ``generator`` (the Pelican glue).
Maintainer tools, never run by the build: ``make_basemap`` and ``gazetteer``.
See docs/timelines-and-maps.md.
"""

from __future__ import annotations

from pelican import signals

from plugins.contract import build_of
from plugins.contract import signals as contract

from .basemap import base_map
from .filters import people_of
from .generator import TimelineGenerator
from .labels import date_label
from .maps import AREA_MIN_RADIUS, MAX_RADIUS, MIN_RADIUS, RADIUS_PER_ROOT


def get_generators(pelican):
    return TimelineGenerator


def add_to_environment(generator):
    """Template helpers for every generator's Jinja environment (entity pages use them too)."""
    build = build_of(generator.settings)  # this build's, kept: a page rendered later (livereload) still finds it

    def timeline_people(event):
        return people_of(event, build.archive.registries)  # pages render after the archive is read

    generator.env.globals.update(timeline_date=date_label, timeline_people=timeline_people, timeline_basemap=base_map,
                                 map_radius={"min": MIN_RADIUS, "per_root": RADIUS_PER_ROOT, "max": MAX_RADIUS,
                                             "floor": AREA_MIN_RADIUS})


def register():
    contract.join()
    signals.generator_init.connect(add_to_environment)
    signals.get_generators.connect(get_generators)
