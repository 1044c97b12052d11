"""The labelled import set (tests/import_eval) meets the thresholds of issue #13.

This is the measurement ``invoke import-eval`` prints; here it guards against
regressions. Each input is imported into a scratch copy of content/.
"""

import pytest

from desk.importer.evaluation import evaluate
from tests.support.sites import ROOT


@pytest.fixture(scope="module")
def scores():
    return evaluate(ROOT / "tests" / "import_eval", ROOT / "content")


@pytest.mark.parametrize("measure, minimum", [
    (lambda s: s.events.recall, 0.8),
    (lambda s: s.events.precision, 0.8),
    (lambda s: s.figures.value, 0.9),
    (lambda s: s.claims.recall, 0.8),
    (lambda s: s.entities["places"].precision, 0.95),
    (lambda s: s.posts.value, 1.0),
    (lambda s: s.dates.value, 0.95),
], ids=["events-recall", "events-precision", "figures-exact", "claims-recall", "places-precision",
        "post-cards-exact", "dates-right"])
def test_the_labelled_set_meets_the_issue_thresholds(scores, measure, minimum):
    assert measure(scores) >= minimum, "\n".join(scores.misses)


def test_no_boilerplate_is_left_and_every_input_imports(scores):
    assert scores.boilerplate_left == 0 and scores.failures == []


def test_the_set_covers_the_layouts_languages_and_platforms_the_issue_names():
    labels = (ROOT / "tests" / "import_eval" / "labels").glob("*.yml")
    layouts = {path.read_text(encoding="utf-8").splitlines()[0] for path in labels}
    inputs = [p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "import_eval" / "inputs").iterdir()]
    assert len(inputs) >= 24
    for layout in ("plain article", "live blog", "AMP", "JSON-LD only", "wire story with dateline", "opinion piece"):
        assert any(layout in line for line in layouts), layout
    for platform in ("(@", "(Telegram)", "(Facebook)", "twitter-tweet"):
        assert any(platform in text for text in inputs), platform
