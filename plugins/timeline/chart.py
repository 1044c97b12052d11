"""Events and casualties per month, and the geometry of the bar chart that shows them.

The overview page draws the chart as inline SVG at build time (no script, no
library) from ``chart_layout`` and prints the same ``monthly_figures`` as a
table, so the picture and the numbers cannot disagree. Colours come from the
stylesheet through class names, so the chart follows the dark colour scheme.

The chart is as wide as its column at any screen size and its text keeps its
size: horizontal positions are percentages of the width, vertical ones are
pixels, and the SVG has no viewBox to scale it. So a phone gets the same
12-pixel labels as a desktop, and a label is thinned out (every second or
third month) rather than shrunk when months get narrow.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plugins.entries.dates import MONTH_NAMES

LEFT, RIGHT = 9.0, 1.0              # per cent of the width: the value labels' column, and air on the right
BAR_SHARE, BAR_MAX = 0.7, 8.0        # of each month's column; at most 8 % wide (two months are not two slabs)
PANEL_HEIGHT, PANEL_GAP, TOP = 100, 64, 40
MONTH_LABELS_MAX = 12                # month labels on one axis, at most (a phone fits twelve "Apr")


@dataclass(frozen=True)
class MonthFigures:
    """What happened in one month: events starting in it, people killed and injured in them."""

    year: int
    month: int
    events: int = 0
    killed: int = 0
    injured: int = 0

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"

    @property
    def url(self) -> str:
        return f"timeline/{self.year:04d}/{self.month:02d}/"


def monthly_figures(timeline) -> list[MonthFigures]:
    """Every month from the first to the last with events, quiet months included as zeros.

    Events known only to the year have no month and are left out (the page says how many).
    """
    by_key = {month.key: month for month in timeline.months}
    if not by_key:
        return []
    first, last = timeline.months[0], timeline.months[-1]
    figures = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        found = by_key.get(f"{year:04d}-{month:02d}")
        events = found.events if found else []
        figures.append(MonthFigures(year, month, len(events), sum(e.count("killed") for e in events),
                                    sum(e.count("injured") for e in events)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return figures


@dataclass(frozen=True)
class Bar:
    x: float      # per cent of the chart's width
    y: float      # pixels
    width: float  # per cent
    height: float  # pixels
    series: str   # "events", "killed" or "injured"
    month: str    # "2025-04"
    value: int
    title: str


@dataclass(frozen=True)
class Label:
    x: float      # per cent of the chart's width
    y: float      # pixels
    text: str
    anchor: str = "middle"
    css_class: str = "chart-label"


@dataclass
class ChartLayout:
    height: int
    bars: list = field(default_factory=list)
    labels: list = field(default_factory=list)
    baselines: list = field(default_factory=list)  # y of each panel's axis line
    axis_x: float = LEFT


def _height(value: int, largest: int) -> float:
    return round(value / largest * PANEL_HEIGHT, 2) if largest else 0.0


def _axis_labels(events_base: int, people_base: int, most_events: int, most_people: int) -> list[Label]:
    """The two panels' titles (what each axis counts) and their scales (0 and the largest value)."""
    return [
        Label(0, TOP - 22, "Events per month", "start", "chart-heading"),
        Label(LEFT - 1, TOP + 4, str(most_events), "end"),
        Label(LEFT - 1, events_base, "0", "end"),
        Label(0, events_base + PANEL_GAP - 22, "People killed and injured per month", "start",
              "chart-heading"),
        Label(LEFT - 1, events_base + PANEL_GAP + 4, str(most_people), "end"),
        Label(LEFT - 1, people_base, "0", "end"),
    ]


def chart_layout(figures: list[MonthFigures]) -> ChartLayout:
    """Two panels sharing the month axis: events per month, and killed + injured stacked."""
    events_base = TOP + PANEL_HEIGHT
    people_base = events_base + PANEL_GAP + PANEL_HEIGHT
    layout = ChartLayout(people_base + 40, baselines=[events_base, people_base])
    most_events = max((f.events for f in figures), default=0)
    most_people = max((f.killed + f.injured for f in figures), default=0)
    layout.labels += _axis_labels(events_base, people_base, most_events, most_people)
    step = (100 - LEFT - RIGHT) / max(len(figures), 1)
    every = -(-len(figures) // MONTH_LABELS_MAX)  # label every n-th month so labels never overlap
    for position, figure in enumerate(figures):
        width = round(min(step * BAR_SHARE, BAR_MAX), 3)
        x = round(LEFT + step * position + (step - width) / 2, 3)
        height = _height(figure.events, most_events)
        layout.bars.append(Bar(x, events_base - height, width, height, "events", figure.key, figure.events,
                               f"{figure.label}: {_plural(figure.events, 'event')}"))
        killed = _height(figure.killed, most_people)
        injured = _height(figure.injured, most_people)
        layout.bars.append(Bar(x, people_base - killed, width, killed, "killed", figure.key, figure.killed,
                               f"{figure.label}: {figure.killed} killed"))
        layout.bars.append(Bar(x, people_base - killed - injured, width, injured, "injured", figure.key,
                               figure.injured, f"{figure.label}: {figure.injured} injured"))
        middle = round(x + width / 2, 3)
        if every == 1:  # room for the figures themselves, over each bar
            layout.labels.append(Label(middle, events_base - height - 4, str(figure.events), css_class="chart-value"))
            layout.labels.append(Label(middle, people_base - killed - injured - 4, str(figure.killed + figure.injured),
                                       css_class="chart-value"))
        if position % every == 0:
            layout.labels.append(Label(middle, people_base + 17, MONTH_NAMES[figure.month - 1][:3]))
        if figure.month == 1 or position == 0:
            layout.labels.append(Label(middle, people_base + 34, str(figure.year)))
    return layout


def chart_description(figures: list[MonthFigures], undated: int) -> str:
    """The text alternative: what the chart shows, its extremes, and where the numbers are."""
    if not figures:
        return "No events with a known month yet."
    busiest = max(figures, key=lambda f: (f.events, f.key))
    deadliest = max(figures, key=lambda f: (f.killed, f.key))
    text = (f"Bar charts of the events and of the people killed and injured in each month, from "
            f"{figures[0].label} to {figures[-1].label}. Most events: {busiest.label} "
            f"({_plural(busiest.events, 'event')}).")
    if deadliest.killed:
        text += f" Most people killed: {deadliest.label} ({deadliest.killed})."
    if undated:
        text += f" {_plural(undated, 'event')} known only to the year {'is' if undated == 1 else 'are'} not shown."
    return text + (" Casualties are summed from each event's best estimate; where a source gives a range or only "
                   "a floor, events.csv has the low and high figures. The table below gives every figure.")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
