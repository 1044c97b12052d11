"""The search service over HTTP (waitress), on the sample archive's index, next to the static site."""

import http.client
import json
from urllib.parse import quote, urlencode

import pytest

from plugins.search.serving import site_app
from plugins.search.tests.hostile import hostile_queries
from plugins.sitebuild.build import load_settings
from tests.support.sites import ROOT
from tests.test_search import CASES, case_id, cli_urls, params_of


class Server:
    """``invoke serve``'s app under waitress on a free port, in a thread."""

    def __init__(self, output, index_path):
        from plugins.sitebuild.serve import BackgroundServer

        self.background = BackgroundServer(site_app(output, index_path, 50)).__enter__()
        self.server = self.background.server
        self.port = self.server.effective_port

    def get(self, path: str):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, dict(response.getheaders()), body

    def search(self, params: dict):
        status, headers, body = self.get("/api/search?" + urlencode(params))
        assert status == 200, body
        return json.loads(body)

    def close(self):
        self.background.__exit__(None, None, None)


@pytest.fixture(scope="module")
def server(sample_site):
    running = Server(sample_site, sample_site.parent / "cache" / "search-index")
    yield running
    running.close()


@pytest.fixture(scope="module")
def sample_settings(sample_site):
    return load_settings(str(ROOT / "pelicanconf.py"), {"PATH": str(ROOT / "content"),
                                                        "CACHE_PATH": str(sample_site.parent / "cache")})


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_service_puts_the_labelled_entries_in_the_top_3_and_agrees_with_the_cli(server, sample_settings, case):
    data = server.search({**params_of(case), "limit": "10"})
    urls = [result["url"] for result in data["results"]]
    assert all(url in urls[:3] for url in case["top3"]), f"top 3 was {urls[:3]}"
    assert urls == cli_urls(sample_settings, params_of(case))


def test_service_and_static_site_share_one_port(server):
    status, headers, body = server.get("/search/")
    assert status == 200 and b'id="search-form"' in body
    status, headers, _ = server.get("/search-index/manifest.json")
    assert status == 200 and headers["Content-Type"] == "application/json"


@pytest.mark.parametrize("path", ["/../pelicanconf.py", "/%2e%2e/pelicanconf.py", "/search/../../pelicanconf.py",
                                  "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/..%5c..%5cpelicanconf.py"])
def test_static_server_never_serves_outside_the_site(server, path):
    status, _headers, body = server.get(path)
    assert status == 404 and b"Page not found" in body


def test_two_hundred_hostile_queries_get_answers_never_500(server):
    statuses = {}
    for q in hostile_queries():
        encoded = quote(q.encode("utf-8", "surrogatepass"), safe="")
        status, headers, body = server.get(f"/api/search?q={encoded}&limit=5")
        statuses[status] = statuses.get(status, 0) + 1
        assert status in (200, 400), (q[:40], status, body[:200])
        data = json.loads(body)
        assert ("results" in data) if status == 200 else data["error"]
        assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert statuses[200] > 50 and statuses[400] > 10
