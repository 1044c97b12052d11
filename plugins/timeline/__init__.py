"""Timeline plugin: every event of every published entry, as pages and as open data.

Writes ``/timeline/`` (years, months, a chart and its table), ``/timeline/YYYY/``,
``/timeline/YYYY/MM/``, ``/timeline/on-this-day/``, ``/timeline.json``
(TimelineJS 3), ``/events.csv`` and ``/events.json``, and gives each entity page
its own timeline (``entity_timelines`` in the context). Nobody edits a
timeline by hand: it is all made from the events in the front matter.

Modules: ``events`` (entries → sorted TimelineEvent list), ``periods`` (years,
months, days, on this day), ``labels`` (how dates and ranges read), ``chart``
(monthly figures and the SVG geometry), ``filters`` (kind/place/person choices),
``exports`` (CSV, JSON, TimelineJS) and ``generator`` (the Pelican glue).
"""

from __future__ import annotations

from pelican import signals

from plugins.contract import build_of
from plugins.contract import signals as contract

from .filters import people_of
from .generator import TimelineGenerator
from .labels import date_label


def get_generators(pelican):
    return TimelineGenerator


def add_to_environment(generator):
    """Template helpers for every generator's Jinja environment (entity pages use them too)."""
    settings = generator.settings

    def timeline_people(event):
        return people_of(event, build_of(settings).archive.registries)  # pages render after the archive is read

    generator.env.globals.update(timeline_date=date_label, timeline_people=timeline_people)


def register():
    contract.join()
    signals.generator_init.connect(add_to_environment)
    signals.get_generators.connect(get_generators)
