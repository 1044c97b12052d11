import pytest

from plugins.timeline.claims import claim_repeats
from plugins.timeline.events import collect_events

from .conftest import event, published

SAYS = {"by": "defence-ministry", "says": "A precision strike on a command post.", "status": "unverified"}


def strike_and_claim(claim_date="2025-04", claim_place="rivertown", by="defence-ministry"):
    strike = published("strike", [event("2025-04-04", kind="missile-strike", claims=[SAYS])],
                       date="2025-04-06T09:00:00+03:00")
    claim = published("claim", [event(claim_date, place=claim_place, kind="claim", claims=[{**SAYS, "by": by}])],
                      date="2025-04-06T12:00:00+03:00")
    return collect_events([claim, strike])


def test_a_claim_event_repeating_a_claim_already_shown_points_to_it_instead():
    events = strike_and_claim()
    repeats = claim_repeats(events)
    assert list(repeats) == ["claim--event-1"]
    record = repeats["claim--event-1"]
    assert record.shown == []
    assert [(e.by, e.shown_with.id) for e in record.elsewhere] == [("defence-ministry", "strike--event-1")]


@pytest.mark.parametrize("change", [
    {"claim_place": "hillville"},          # another place
    {"by": "air-force"},                   # another party
    {"claim_date": "2025-03"},             # a period that does not cover the strike
    {"claim_date": "2025-04-05"},          # another day
])
def test_claims_about_something_else_are_all_shown(change):
    assert claim_repeats(strike_and_claim(**change)) == {}


def test_two_plain_events_with_claims_by_one_party_keep_both():
    first = published("a", [event("2025-04-04", claims=[SAYS])])
    second = published("b", [event("2025-04-04", claims=[SAYS])])
    assert claim_repeats(collect_events([first, second])) == {}
