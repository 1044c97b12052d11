"""The Pelican side of the timeline: gather events once, write pages and exports.

``generate_context`` runs before any page is written, so the entity pages
(written by the entities plugin) find their timelines in the shared context
under ``entity_timelines``.
"""

from __future__ import annotations

import logging

from pelican.generators import Generator

from plugins.contract import build_of, setting, site_url

from .chart import chart_description, chart_layout, monthly_figures
from .claims import claim_repeats
from .events import check_unique_ids, collect_events, entity_timelines
from .exports import event_row, events_csv, events_json, json_one_row_per_line, timelinejs_document
from .filters import filter_options
from .map_export import map_files
from .maps import event_map
from .periods import build_timeline, check_every_event_filed, entity_timeline, neighbours, on_this_day

logger = logging.getLogger(__name__)

MAP_KINDS = ("places", "stories")  # entity pages that show a map of their events


class TimelineGenerator(Generator):
    """Writes /timeline/…, /timeline.json, /events.csv and /events.json."""

    def generate_context(self):
        archive = build_of(self.settings).archive  # read and valid: the entries plugin sent archive_ready
        if archive is None:
            return  # an entry had a problem: the build stops before any page is written
        self.registries = archive.registries
        self.events = collect_events(archive.articles)
        self.timeline = build_timeline(self.events)
        kinds = setting(self.settings, "ENTITY_KINDS_WITH_PAGES")
        limit = setting(self.settings, "ENTITY_TIMELINE_MAX_EVENTS")
        places = self.registries.places
        self.context["entity_timelines"] = {
            kind: {entity_id: entity_timeline(events, limit, places if kind in MAP_KINDS else None)
                   for entity_id, events in by_id.items()}
            for kind, by_id in entity_timelines(self.events, self.registries, kinds).items()}

    def generate_output(self, writer):
        check_unique_ids(self.events)
        check_every_event_filed(self.timeline)  # nothing lost: every event on its month's page
        pages = self._write_pages(writer)
        exports = self._write_exports()
        entity_count = sum(len(by_id) for by_id in self.context["entity_timelines"].values())
        precise = {p: sum(1 for e in self.events if e.precision == p) for p in ("year", "month", "day", "time")}
        logger.info("timeline: %d events (%d to the year, %d to the month, %d to the day, %d to the minute)",
                    len(self.events), precise["year"], precise["month"], precise["day"], precise["time"])
        logger.info("timeline: %d year pages, %d month pages, overview and on-this-day written",
                    len(self.timeline.years), pages)
        logger.info("timeline: %d entity timelines in the context", entity_count)
        logger.info("timeline: %s written", ", ".join(exports))

    def _write(self, writer, template, save_as, **values):
        writer.write_file(save_as, self.get_template(template), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], **values)

    def _write_pages(self, writer) -> int:
        timeline = self.timeline
        figures = monthly_figures(timeline)
        undated = sum(1 for e in self.events if e.precision == "year")
        self._write(writer, "timeline", "timeline/index.html", timeline=timeline, figures=figures,
                    chart=chart_layout(figures), chart_text=chart_description(figures, undated),
                    undated_count=undated, page_name="timeline/index")
        for template, periods in (("timeline_year", timeline.years), ("timeline_month", timeline.months)):
            for period, (previous, following) in zip(periods, neighbours(periods)):
                self._write(writer, template, f"{period.url}index.html", period=period, previous_period=previous,
                            next_period=following, filters=filter_options(period.events, self.registries),
                            claim_repeats=claim_repeats(period.events),
                            event_map=event_map(period.events, self.registries.places),
                            page_name=f"{period.url}index")
        calendar = on_this_day(self.events)
        self._write(writer, "timeline_on_this_day", "timeline/on-this-day/index.html", calendar=calendar,
                    page_name="timeline/on-this-day/index")
        return len(timeline.months)

    def _write_exports(self) -> list[str]:
        settings = self.settings
        base = site_url(settings)
        rows = [event_row(event, self.registries, base) for event in self.events]
        document = timelinejs_document(self.events, self.registries, base, f"{settings['SITENAME']}: timeline",
                                       setting(settings, "SITE_DESCRIPTION"))
        files = {
            "timeline.json": json_one_row_per_line(document, "events"),
            "events.csv": events_csv(rows),
            "events.json": events_json(rows),
        }
        files.update(map_files(self.events, self.registries.places))  # for the search results' map
        build = build_of(settings)
        for name, text in files.items():
            # Through the build's writer: written only when changed, by replacing the file (the
            # output folder starts as hard links to the published site), and kept as this build's.
            build.write(name, text)
        return list(files)
