"""Open data of the claim ledger: claims.csv and claims.json, one row per claim.

The columns are fixed and documented in docs/sources-and-claims.md (tested):
researchers load them next to events.csv, so the same guards apply (text a
spreadsheet would run as a formula is quoted, unknowns stay empty).
"""

from __future__ import annotations

from plugins.timeline.exports import csv_table, json_one_row_per_line

CLAIM_FIELDS = {
    "claim_id": "Stable id: '<entry slug>--<event anchor>-claim-<n>'.",
    "said": "When the claim was made, as precisely as known (the event's date when the entry gives none).",
    "by": "Id of the person or organisation making it.",
    "by_name": "Their name.",
    "by_kind": "people or organisations.",
    "says": "The claim, in one sentence.",
    "status": "Where it stands now: confirmed, unverified, disputed or false (see the glossary).",
    "note": "Who verified or rejected it, and how.",
    "source_urls": "Addresses of the sources the claim cites, space-separated.",
    "status_history": "Earlier statuses: in CSV a JSON-encoded list, in claims.json a list, of {date, status, note, source_urls}.",
    "event_date": "Date of the event the claim is about.",
    "claim_url": "Absolute address of the claim on its entry's page.",
    "article_title": "Headline of that entry.",
}


def claim_row(claim, registries, site_url: str) -> dict:
    """One ClaimRecord as a flat record with the CLAIM_FIELDS keys."""
    speaker = registries.by_kind[claim.by_kind].entities.get(claim.by)
    return {
        "claim_id": claim.id,
        "said": claim.said.iso(),
        "by": claim.by,
        "by_name": speaker.name if speaker else claim.by,
        "by_kind": claim.by_kind,
        "says": claim.says,
        "status": claim.status,
        "note": claim.note,
        "source_urls": " ".join(source.url for _, source in claim.sources),
        "status_history": [{"date": change.date.iso(), "status": change.status, "note": change.note,
                            "source_urls": [source.url for _, source in cited]}
                           for change, cited in zip(claim.history, claim.history_sources)],
        "event_date": claim.event_date.iso(),
        "claim_url": f"{site_url}/{claim.link}",
        "article_title": claim.article_title,
    }


def claims_csv(rows) -> str:
    return csv_table(CLAIM_FIELDS, rows)


def claims_json(rows) -> str:
    return json_one_row_per_line({"fields": list(CLAIM_FIELDS), "claims": list(rows)}, "claims")


