from urllib.parse import quote, urlencode

import pytest

from plugins.search.indexing import update_index
from desk.search.service import SearchService
from plugins.search.settings import DEFAULT_BOOSTS
from plugins.search.tests.conftest import DOCUMENTS, make_document
from plugins.search.tests.wsgi_client import call


@pytest.fixture
def service(index_path):
    return SearchService(index_path, max_results=3)


def test_search_answers_json_with_results(service):
    response = call(service, "/api/search", urlencode({"q": "kryvyi rih", "place": "kryvyi-rih"}))
    assert response.status == 200
    data = response.json()
    assert data["total"] == 2 and data["query"]["place"] == "kryvyi-rih"
    first = data["results"][0]
    assert set(first) == {"url", "title", "summary", "date", "section", "score", "excerpt", "highlights"}
    assert all(first["excerpt"][a:b].lower() in ("kryvyi", "rih") for a, b in first["highlights"])


def test_responses_forbid_everything_but_json(service):
    headers = call(service, "/api/search", "q=kyiv").headers
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("query_string, message", [
    ("q=" + "x" * 501, "q is 501 characters long"),
    ("q=a%00b", "control character U+0000"),
    ("q=%ff%fe", "not valid UTF-8"),
    ("from=2025-13", "has no month 13"),
    ("place=Kryvyi%20Rih", "place must be an id"),
    ("limit=lots", "limit must be a whole number"),
    ("q=" + "x" * 9000, "over 8192 bytes"),
    ("&".join(f"p{n}=1" for n in range(60)), "too many parameters"),
])
def test_bad_requests_get_400_and_a_message(service, query_string, message):
    response = call(service, "/api/search", query_string)
    assert response.status == 400 and message in response.json()["error"]


def test_results_are_capped(service):
    data = call(service, "/api/search", "q=&from=2025-01-01&limit=500").json()
    assert data["query"]["limit"] == 3 and len(data["results"]) == 3 and data["total"] == 4


def test_other_paths_and_methods(service):
    assert call(service, "/api/other").status == 404
    response = call(service, "/api/search", "q=x", method="POST")
    assert response.status == 405 and response.headers["Allow"] == "GET, HEAD"
    assert call(service, "/api/search", "q=kyiv", method="HEAD").body == b""


def test_a_missing_index_is_503_not_500(tmp_path):
    response = call(SearchService(tmp_path / "none"), "/api/search", "q=kyiv")
    assert response.status == 503 and "not built yet" in response.json()["error"]


def test_the_service_sees_a_rebuilt_index_without_restarting(service, index_path):
    assert call(service, "/api/search", "q=zeppelin").json()["total"] == 0
    update_index(index_path, [*DOCUMENTS, make_document("airship", body="A zeppelin over Kyiv.")], DEFAULT_BOOSTS)
    assert call(service, "/api/search", "q=zeppelin").json()["total"] == 1


def test_unencoded_utf8_in_the_query_string_is_read_as_utf8(service):
    raw = "q=" + "Зеленський".encode("utf-8").decode("latin-1")
    assert call(service, "/api/search", raw).json()["query"]["q"] == "Зеленський"
    assert call(service, "/api/search", "q=" + quote("Зеленський")).json()["query"]["q"] == "Зеленський"
