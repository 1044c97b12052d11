"""The ledger's pure core: every claim once, newest first; tallies by status; corrections newest first."""

import pytest

from plugins.claims.exports import CLAIM_FIELDS, claim_row
from plugins.claims.ledger import by_status, collect_claims, corrections_log, track_records
from plugins.timeline.tests.conftest import REGISTRIES, event, published

SOURCES = [{"id": "wire", "publisher": "Test Wire", "url": "https://example.org/wire/1"},
           {"publisher": "Other Wire", "url": "https://example.org/other/2"}]


def claim(by, status, said=None, **more):
    return {"by": by, "says": f"{by} says something.", "status": status, "source": "wire",
            **({"said": said} if said else {}), **more}


@pytest.fixture
def articles():
    return [
        published("first", [event("2025-04-01", claims=[claim("defence-ministry", "false", "2025-04-02"),
                                                        claim("cora-lind", "confirmed")])], sources=SOURCES,
                  corrections=[{"date": "2025-04-03", "note": "Earlier."}]),
        published("second", [event("2025-04", claims=[claim("defence-ministry", "disputed", source=2)]),
                             event("2025-04-05", claims=[claim("defence-ministry", "unverified")])],
                  sources=SOURCES, corrections=[{"date": "2025-04-09", "kind": "update", "note": "Later."}]),
    ]


def test_every_claim_is_collected_once_newest_said_first(articles):
    claims = collect_claims(articles, REGISTRIES)
    assert [c.id for c in claims] == ["second--event-2-claim-1", "first--event-1-claim-1",
                                      "first--event-1-claim-2", "second--event-1-claim-1"]
    assert claims[1].said.iso() == "2025-04-02" and claims[2].said.iso() == "2025-04-01"  # said, else the event
    assert claims[0].link == "2025/04/05/second/#event-2-claim-1"


def test_claims_keep_the_sources_they_cite(articles):
    by_id = {c.id: c for c in collect_claims(articles, REGISTRIES)}
    assert [s.url for _, s in by_id["second--event-1-claim-1"].sources] == ["https://example.org/other/2"]
    assert [p for p, _ in by_id["first--event-1-claim-1"].sources] == [1]


def test_track_records_tally_every_status_zeros_included(articles):
    records = track_records(collect_claims(articles, REGISTRIES))
    assert dict(records["organisations"]["defence-ministry"].tally) == {
        "confirmed": 0, "unverified": 1, "disputed": 1, "false": 1}
    assert list(records["people"]) == ["cora-lind"]


def test_statuses_split_the_ledger_without_losing_a_claim(articles):
    claims = collect_claims(articles, REGISTRIES)
    split = by_status(claims)
    assert list(split) == ["confirmed", "unverified", "disputed", "false"]
    assert sum(len(v) for v in split.values()) == len(claims)


def test_corrections_log_is_newest_first_with_kinds(articles):
    log = corrections_log(articles)
    assert [(c.date.iso(), c.kind, c.article_title) for c in log] == [
        ("2025-04-09", "update", "Entry second"), ("2025-04-03", "correction", "Entry first")]


def test_claim_rows_have_every_column(articles):
    claims = collect_claims(articles, REGISTRIES)
    row = claim_row(claims[0], REGISTRIES, "https://archive.example.org")
    assert list(row) == list(CLAIM_FIELDS)
    assert row["claim_url"] == "https://archive.example.org/2025/04/05/second/#event-2-claim-1"
    assert row["by_name"] and row["by_kind"] == "organisations"
