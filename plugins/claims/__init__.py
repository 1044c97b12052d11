"""Claims plugin: the claim ledger, track records, the status glossary and the corrections log.

Writes ``/claims/`` (every claim, newest first), ``/claims/status/<status>/``
and ``/claims/by/<id>/`` (so the ledger filters without JavaScript),
``/claims/statuses/`` (the glossary every claim badge links to),
``/corrections/`` (every correction, newest first) and ``/claims.csv`` and
``/claims.json``. Person and organisation pages show a track record: their
claims and a tally by status, from ``claim_track_records`` in the context.

Modules: ``ledger`` (entries → ClaimRecord, TrackRecord, CorrectionRecord) and
``exports`` (CSV and JSON); this module is the Pelican glue.
"""

from __future__ import annotations

import logging

from pelican import signals
from pelican.generators import Generator

from plugins.contract import build_of, site_url
from plugins.contract import signals as contract
from plugins.entries.statuses import CLAIM_STATUSES

from .exports import claim_row, claims_csv, claims_json
from .ledger import by_status, collect_claims, corrections_log, track_records

logger = logging.getLogger(__name__)


class ClaimsGenerator(Generator):
    """Writes the ledger pages, the glossary, the corrections log and the claim exports."""

    archive = None

    def generate_context(self):
        self.archive = build_of(self.settings).archive  # read and valid: the entries plugin sent archive_ready
        if self.archive is None:
            return  # an entry had a problem: the build stops before any page is written
        self.registries = self.archive.registries
        articles = self.archive.articles
        self.claims = collect_claims(articles, self.registries)
        self.corrections = corrections_log(articles)
        self.context["claim_track_records"] = track_records(self.claims)

    def _write(self, writer, template, save_as, **values):
        writer.write_file(save_as, self.get_template(template), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], page_name=save_as[:-len(".html")],
                          **values)

    def generate_output(self, writer):
        if self.archive is None:
            return
        statuses = by_status(self.claims)
        speakers = self._speakers()
        common = {"all_claims": self.claims, "statuses_with_claims": statuses, "speakers": speakers}
        self._write(writer, "claims", "claims/index.html", claims=self.claims, heading="Claim ledger",
                    filter_kind=None, **common)
        for status in CLAIM_STATUSES:
            self._write(writer, "claims", f"claims/status/{status.id}/index.html", claims=statuses[status.id],
                        heading=f"{status.label} claims", filter_kind="status", filter_value=status.id, **common)
        records = self.context["claim_track_records"]
        for speaker in speakers:
            claims = records[speaker["kind"]][speaker["id"]].claims
            self._write(writer, "claims", f"claims/by/{speaker['id']}/index.html", claims=claims,
                        heading=f"Claims by {speaker['name']}", filter_kind="by", filter_value=speaker["id"],
                        **common)
        self._write(writer, "claim_statuses", "claims/statuses/index.html", statuses_with_claims=statuses)
        self._write(writer, "corrections", "corrections/index.html", corrections=self.corrections)
        base = site_url(self.settings)
        rows = [claim_row(claim, self.registries, base) for claim in self.claims]
        build = build_of(self.settings)
        build.write("claims.csv", claims_csv(rows))
        build.write("claims.json", claims_json(rows))
        logger.info("claims: %d claims by %d speakers, %d corrections; ledger, glossary and exports written",
                    len(self.claims), len(speakers), len(self.corrections))

    def _speakers(self) -> list[dict]:
        """Everyone with a claim, by name: id, name, kind and how many claims."""
        found = []
        for kind, by_id in self.context["claim_track_records"].items():
            for entity_id, record in by_id.items():
                entity = self.registries.by_kind[kind][entity_id]
                found.append({"id": entity_id, "name": entity.name, "kind": kind, "count": len(record.claims)})
        return sorted(found, key=lambda s: s["name"].casefold())


def get_generators(pelican):
    return ClaimsGenerator


def register():
    contract.join()
    signals.get_generators.connect(get_generators)
