import dataclasses
import datetime as dt

import pytest

from plugins.entries.dates import parse_partial_date
from plugins.search.documents import day_number, html_to_text, last_day
from plugins.search.tests.conftest import make_document


@pytest.mark.parametrize("html, text", [
    ("<p>One</p><p>Two</p>", "One\nTwo"),
    ("<p>Kry<em>vyi</em> Rih</p>", "Kryvyi Rih"),
    ("<ul><li>a</li><li>b</li></ul>", "a\nb"),
    ("<p>x<br>y</p>", "x\ny"),
    ("<p>  lots   of\n space </p>", "lots of space"),
    ("<p>safe</p><script>alert(1)</script><style>p{}</style>", "safe"),
    ("<figure class='post-card'><blockquote><p>Post text</p></blockquote><figcaption>Author</figcaption></figure>",
     "Post text\nAuthor"),
    ("&lt;script&gt; &amp; more", "<script> & more"),
    ("", ""),
])
def test_html_to_text_reads_blocks_as_lines(html, text):
    assert html_to_text(html) == text


@pytest.mark.parametrize("value, day", [("2025", dt.date(2025, 12, 31)), ("2025-02", dt.date(2025, 2, 28)),
                                        ("2024-02", dt.date(2024, 2, 29)), ("2025-04-04", dt.date(2025, 4, 4)),
                                        ("2025-04-04T22:15+03:00", dt.date(2025, 4, 4))])
def test_last_day_of_a_partial_date(value, day):
    assert last_day(parse_partial_date(value)) == day


def test_day_numbers_count_from_1970():
    assert day_number(dt.date(1970, 1, 2)) == 1 and day_number(dt.date(2025, 4, 6)) == 20184


@pytest.mark.parametrize("field, value", [("title", "Other"), ("body", "Changed."), ("names", "Kyiv"),
                                          ("places", ["kyiv"]), ("spans", [[1, 2]]), ("published", 1)])
def test_content_hash_changes_with_anything_indexed(field, value):
    document = make_document("x")
    assert dataclasses.replace(document, **{field: value}).content_hash != document.content_hash


@pytest.mark.parametrize("killed, injured, weight", [(None, None, 1), (0, 0, 1), (1, 0, 2), (1, 7, 4), (18, 72, 7),
                                                    ({"low": 12, "best": 18, "high": 20}, 72, 7)])
def test_an_events_place_counts_more_the_more_people_were_harmed(killed, injured, weight):
    from types import SimpleNamespace

    from plugins.entries.model import Casualties
    from plugins.search.documents import event_weight

    casualties = None if killed is None else Casualties.model_validate({"killed": killed, "injured": injured})
    assert event_weight(SimpleNamespace(casualties=casualties)) == weight
