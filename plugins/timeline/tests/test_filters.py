from plugins.timeline.events import collect_events
from plugins.timeline.filters import filter_options, people_of

from .conftest import event, published


def test_filters_offer_only_what_occurs_on_the_page_by_name_with_counts(registries):
    article = published("f", [
        event("2025-04-04", place="rivertown", kind="shelling", people=["ada-ivanova"]),
        event("2025-04-05", place="hillville", kind="shelling"),
        event("2025-04-06", place="hillville", kind="meeting",
              claims=[{"by": "cora-lind", "says": "x", "status": "false"},
                      {"by": "air-force", "says": "y", "status": "confirmed"}]),
    ])
    options = {f.name: [(c.value, c.label, c.count) for c in f.choices]
               for f in filter_options(collect_events([article]), registries)}
    assert options == {
        "kind": [("meeting", "Meeting", 1), ("shelling", "Shelling", 2)],
        "place": [("hillville", "Hillville", 2), ("rivertown", "Rivertown", 1)],
        "person": [("ada-ivanova", "Ada Ivanova", 1), ("cora-lind", "Cora Lind", 1)],
    }


def test_a_person_filter_matches_people_named_and_people_claiming(registries):
    found = collect_events([published("p", [event("2025-04-04", people=["ben-okafor"],
                                                  claims=[{"by": "cora-lind", "says": "x", "status": "false"},
                                                          {"by": "ben-okafor", "says": "y", "status": "false"}])])])
    assert people_of(found[0], registries) == ["ben-okafor", "cora-lind"]
