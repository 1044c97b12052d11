"""Published entries → the claim ledger, track records and the corrections log: the pure part.

Every claim page, track record and export is made from the one ``ClaimRecord``
list, so the ledger, a speaker's page and ``claims.csv`` always agree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from plugins.entries.dates import PartialDate
from plugins.entries.statuses import STATUS_IDS


@dataclass(frozen=True)
class ClaimRecord:
    """One claim of one event of one published entry, with where it stands and where it is."""

    id: str                    # "<entry slug>--<event anchor>-claim-<n>": its anchor is the part after '--'
    by: str
    by_kind: str               # "people" or "organisations"
    says: str
    status: str
    said: PartialDate          # when it was said: the claim's own date, else the event's
    note: Optional[str]
    sources: tuple             # (position, Source) the claim cites
    history: tuple             # StatusChange, oldest first
    history_sources: tuple     # for each change, the (position, Source) it cites
    event_date: PartialDate
    article_url: str           # site-relative
    article_title: str
    anchor: str                # the claim's element id on the article page

    @property
    def link(self) -> str:
        return f"{self.article_url}#{self.anchor}"


@dataclass
class TrackRecord:
    """What one person or organisation has claimed, and how those claims have stood up."""

    kind: str
    entity_id: str
    claims: list = field(default_factory=list)

    @property
    def tally(self) -> list:
        """(status, count) for every status, in the glossary's order, zeros included."""
        counts = Counter(claim.status for claim in self.claims)
        return [(status, counts.get(status, 0)) for status in STATUS_IDS]


@dataclass(frozen=True)
class CorrectionRecord:
    """One line of the archive's corrections log."""

    date: PartialDate
    kind: str
    note: str
    article_url: str
    article_title: str


def _said_key(record: ClaimRecord) -> tuple:
    return (record.said.first_day(), record.said.iso(), record.article_url, record.anchor)


def collect_claims(articles, registries) -> list[ClaimRecord]:
    """Every claim of every published article, newest said first."""
    records = []
    for article in articles:
        entry = article.entry
        for index, event in enumerate(entry.events):
            anchor = entry.event_id(index)
            for number, claim in enumerate(event.claims, 1):
                claim_anchor = f"{anchor}-claim-{number}"
                records.append(ClaimRecord(
                    id=f"{article.slug}--{claim_anchor}", by=claim.by,
                    by_kind="people" if claim.by in registries.people.entities else "organisations",
                    says=claim.says, status=claim.status, said=claim.said or event.date, note=claim.note,
                    sources=tuple(entry.cited(claim.source)), history=tuple(claim.status_history),
                    history_sources=tuple(tuple(entry.cited(change.source)) for change in claim.status_history),
                    event_date=event.date, article_url=article.url, article_title=entry.title,
                    anchor=claim_anchor))
    return sorted(records, key=_said_key, reverse=True)


def track_records(claims) -> dict:
    """kind -> {id: TrackRecord} for every person and organisation with at least one claim."""
    records = {"people": {}, "organisations": {}}
    for claim in claims:
        record = records[claim.by_kind].setdefault(claim.by, TrackRecord(claim.by_kind, claim.by))
        record.claims.append(claim)
    return records


def by_status(claims) -> dict:
    """status -> its claims, for every status (empty lists included), in the glossary's order."""
    return {status: [c for c in claims if c.status == status] for status in STATUS_IDS}


def corrections_log(articles) -> list[CorrectionRecord]:
    """Every correction of every published entry, newest first."""
    found = [CorrectionRecord(c.date, c.kind, c.note, a.url, a.entry.title)
             for a in articles for c in a.entry.corrections]
    return sorted(found, key=lambda c: (c.date.first_day(), c.date.iso(), c.article_url), reverse=True)
