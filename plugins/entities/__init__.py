"""Entities plugin: a page per section, topic, person, place, organisation and story.

Each kind gets an index (``/people/``) and each entity named by at least one
published entry gets its own paginated page (``/people/<id>/``) listing those
entries. Other plugins (the timeline) add to an entity page through the
``entity_pages`` context key this generator fills.
"""

from __future__ import annotations

import logging

from pelican import signals
from pelican.generators import Generator

from plugins.contract import build_of, setting
from plugins.contract import signals as contract

from .index import build_index

logger = logging.getLogger(__name__)

LABELS = {
    "sections": ("Sections", "Section"),
    "topics": ("Topics", "Topic"),
    "people": ("People", "Person"),
    "places": ("Places", "Place"),
    "organisations": ("Organisations", "Organisation"),
    "stories": ("Stories", "Story"),
}


class EntitiesGenerator(Generator):
    """Writes /<kind>/ and /<kind>/<id>/ pages from the registries and entries."""

    def generate_context(self):
        archive = build_of(self.settings).archive  # read and valid: the entries plugin sent archive_ready
        if archive is None:
            return  # an entry had a problem: the build stops before any page is written
        kinds = setting(self.settings, "ENTITY_KINDS_WITH_PAGES")
        self.pages = build_index(archive.articles, archive.registries, kinds)
        self.context["entity_pages"] = self.pages
        self.context["entity_labels"] = LABELS

    def generate_output(self, writer):
        index_template = self.get_template("entities")
        page_template = self.get_template("entity")
        written = 0
        for kind, by_id in self.pages.items():
            plural, singular = LABELS[kind]
            writer.write_file(f"{kind}/index.html", index_template, self.context,
                              relative_urls=self.settings["RELATIVE_URLS"], kind=kind,
                              plural=plural, singular=singular, entities=list(by_id.values()),
                              page_name=f"{kind}/index")
            for entity_id, page in by_id.items():
                url = f"{kind}/{entity_id}/"
                writer.write_file(f"{url}index.html", page_template, self.context,
                                  relative_urls=self.settings["RELATIVE_URLS"],
                                  paginated={"articles": page.articles}, template_name="entity",
                                  url=url, page_name=f"{kind}/{entity_id}/index",
                                  kind=kind, singular=singular, plural=plural, entity=page.entity,
                                  entity_page=page,
                                  # passed, not left in the shared context, so incremental builds see it change
                                  entity_timeline=self.context.get("entity_timelines", {}).get(kind, {}).get(entity_id),
                                  track_record=self.context.get("claim_track_records", {}).get(kind, {}).get(entity_id))
                written += 1
        logger.info("entities: %d entity pages written", written)


def get_generators(pelican):
    return EntitiesGenerator


def register():
    contract.join()
    signals.get_generators.connect(get_generators)
