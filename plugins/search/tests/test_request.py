import datetime as dt

import pytest

from plugins.search.request import BadRequest, SearchRequest


@pytest.mark.parametrize("params, message", [
    ({"q": "x" * 501}, "q is 501 characters long; the limit is 500"),
    ({"q": "kyiv\x00"}, "q contains the control character U+0000 at position 5; remove it"),
    ({"q": "\x1b[31m"}, "q contains the control character U+001B at position 1; remove it"),
    ({"place": "Kryvyi Rih"}, "place must be an id such as 'kryvyi-rih' (lower-case words joined by hyphens), "
                              "not 'Kryvyi Rih'"),
    ({"person": "../../etc/passwd"}, "person must be an id such as 'kryvyi-rih'"),
    ({"from": "2025-13"}, "from: '2025-13' has no month 13; months run from 01 to 12"),
    ({"to": "2025-02-30"}, "to: '2025-02-30' is not a real day (February 2025 has no day 30)"),
    ({"from": "yesterday"}, "from: 'yesterday' is not a date"),
    ({"from": "2025-04-05T10:00"}, "from: write a day (YYYY-MM-DD), a month (YYYY-MM) or a year, not a time"),
    ({"from": "2025-05", "to": "2025-04"}, "from (2025-05-01) is after to (2025-04-30); swap them"),
    ({"sort": "oldest"}, "sort must be 'relevance' or 'newest', not 'oldest'"),
    ({"limit": "ten"}, "limit must be a whole number, not 'ten'"),
    ({"limit": "0"}, "limit must be at least 1"),
    ({"limit": "-5"}, "limit must be a whole number, not '-5'"),
    ({"limit": "١٠"}, "limit must be a whole number"),
    ({"offset": "99999"}, "offset may be at most 10000"),
])
def test_bad_parameters_are_refused_with_a_message_that_says_how_to_fix_them(params, message):
    with pytest.raises(BadRequest) as caught:
        SearchRequest.from_params(params)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("params", [{"q": "a\tb\nc\r"}, {"q": "x" * 500}, {"q": "Зеленський 🇺🇦"},
                                    {"q": "", "place": "kryvyi-rih"}, {"unknown": "ignored"}])
def test_acceptable_parameters_pass(params):
    assert SearchRequest.from_params(params).q == params.get("q", "")


def test_dates_cover_whole_months_and_years():
    request = SearchRequest.from_params({"from": "2025-02", "to": "2025"})
    assert (request.date_from, request.date_to) == (dt.date(2025, 2, 1), dt.date(2025, 12, 31))


def test_limit_is_capped_at_the_maximum():
    assert SearchRequest.from_params({"limit": "5000"}, max_results=50).limit == 50


def test_echo_reports_the_request_back():
    echo = SearchRequest.from_params({"q": "kyiv", "place": "kyiv", "from": "2025-04"}).echo()
    assert echo == {"q": "kyiv", "section": None, "topic": None, "place": "kyiv", "person": None,
                    "from": "2025-04-01", "to": None, "sort": "relevance", "limit": 10, "offset": 0,
                    "exact": False}


def test_a_bad_value_is_shown_short_and_with_control_characters_visible():
    with pytest.raises(BadRequest) as caught:
        SearchRequest.from_params({"sort": "\u202e" + "x" * 100})
    assert "\\u202e" in str(caught.value) and len(str(caught.value)) < 120
