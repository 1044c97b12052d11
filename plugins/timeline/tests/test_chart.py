import pytest

from plugins.timeline.chart import PANEL_HEIGHT, chart_description, chart_layout, monthly_figures
from plugins.timeline.events import collect_events
from plugins.timeline.periods import build_timeline

from .conftest import event, published


@pytest.fixture
def figures():
    article = published("c", [
        event("2024-11-02", casualties={"killed": 2, "injured": 4}),
        event("2025-01", casualties={"killed": 1}),
        event("2025-01-10", casualties={"injured": 6, "missing": 3}),
        event("2025-01-11"),
        event("2024"),
    ])
    return monthly_figures(build_timeline(collect_events([article])))


def test_every_month_from_first_to_last_is_counted_quiet_ones_as_zero(figures):
    assert [(f.key, f.events, f.killed, f.injured) for f in figures] == [
        ("2024-11", 1, 2, 4), ("2024-12", 0, 0, 0), ("2025-01", 3, 1, 6)]


def test_no_events_make_no_figures():
    assert monthly_figures(build_timeline([])) == []


def test_bars_are_drawn_to_scale_with_killed_and_injured_stacked(figures):
    layout = chart_layout(figures)
    bars = {(b.series, b.month): b for b in layout.bars}
    assert bars["events", "2025-01"].height == PANEL_HEIGHT
    assert bars["events", "2024-11"].height == pytest.approx(PANEL_HEIGHT / 3, abs=0.01)
    assert bars["events", "2024-12"].height == 0
    killed, injured = bars["killed", "2024-11"], bars["injured", "2024-11"]
    assert killed.height + injured.height == pytest.approx(PANEL_HEIGHT * 6 / 7, abs=0.02)
    assert injured.y + injured.height == pytest.approx(killed.y)
    for bar in layout.bars:
        if bar.series != "injured":  # injured sits on top of killed
            assert bar.y + bar.height == pytest.approx(layout.baselines[0 if bar.series == "events" else 1])
    assert bars["events", "2025-01"].title == "January 2025: 3 events"


def test_text_alternative_names_the_period_the_peaks_and_what_is_left_out(figures):
    text = chart_description(figures, undated=1)
    assert "from November 2024 to January 2025" in text
    assert "Most events: January 2025 (3 events)" in text
    assert "Most people killed: November 2024 (2)" in text
    assert "1 event known only to the year is not shown" in text


def test_text_alternative_says_casualties_sum_the_best_estimates(figures):
    assert "summed from each event's best estimate" in chart_description(figures, undated=0)


def test_months_sum_the_best_estimate_of_a_range():
    from plugins.entries.model import Casualties
    from plugins.timeline.events import TimelineEvent

    casualties = Casualties.model_validate({"killed": {"low": 2, "best": 5, "high": 9}, "injured": {"at_least": 4}})
    event = TimelineEvent(id="a--event-1", anchor="event-1", index=0, slug="a", source_path="a.md", article_url="a/",
                          article_title="A", article_date=None, date=None, end=None, place="p", kind="k",
                          summary="s", casualties=casualties)
    assert (event.count("killed"), event.count("injured"), event.count("missing")) == (5, 4, 0)


def _months(count):
    from plugins.timeline.chart import MonthFigures

    return [MonthFigures(2020 + (m // 12), m % 12 + 1, events=m % 3) for m in range(count)]


@pytest.mark.parametrize("count", [1, 2, 13, 40])
def test_bars_spread_over_the_whole_width_in_per_cent_each_month_in_its_own_column(count):
    from plugins.timeline.chart import LEFT, RIGHT

    events = [b for b in chart_layout(_months(count)).bars if b.series == "events"]
    step = (100 - LEFT - RIGHT) / count
    for position, bar in enumerate(events):
        middle = bar.x + bar.width / 2
        assert LEFT + step * position < middle < LEFT + step * (position + 1)
    assert events[-1].x + events[-1].width <= 100 - RIGHT
    assert LEFT + step * (count - 1) < events[-1].x  # the last month reaches the right-hand edge


@pytest.mark.parametrize("count, labelled", [(12, 12), (13, 7), (40, 10)])
def test_month_labels_are_thinned_never_more_than_twelve(count, labelled):
    from plugins.timeline.chart import MONTH_NAMES

    labels = [label for label in chart_layout(_months(count)).labels if label.text in [m[:3] for m in MONTH_NAMES]]
    assert len(labels) == labelled
