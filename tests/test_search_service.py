"""The search service over HTTP (waitress), on the sample archive's index, next to the static site."""

import http.client
import json
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from bs4 import BeautifulSoup

from desk.search.serving import site_app
from plugins.search.tests.hostile import hostile_queries
from desk.sitebuild.build import load_settings
from tests.support.sites import ROOT
from tests.test_search import CASES, case_id, cli_urls, params_of


class Server:
    """``invoke serve``'s app under waitress on a free port, in a thread."""

    def __init__(self, output, index_path):
        from desk.sitebuild.serve import BackgroundServer

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


UP = 16  # more levels than the temporary folder is deep: an escape would reach /etc/passwd
NEXT_TO_SITE = "cache/search-index/search-schema.json"  # a real file beside output/
TRAVERSALS = [
    "/../pelicanconf.py", "/%2e%2e/pelicanconf.py", "/search/../../pelicanconf.py",
    "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/..%5c..%5cpelicanconf.py",
    f"/../{NEXT_TO_SITE}", f"/static/../../{NEXT_TO_SITE}", f"/theme/../../{NEXT_TO_SITE}",
    "/" + "../" * UP + "etc/passwd", "/" + "%2e%2e/" * UP + "etc/passwd", "/" + "..%2f" * UP + "etc%2fpasswd",
    "/" + "%2E%2E%2F" * UP + "etc%2Fpasswd", "/" + ".%2e/" * UP + "etc/passwd",
    "/" + "%c0%ae%c0%ae/" * UP + "etc/passwd",
    "//etc/passwd", "///etc/passwd", "/%2fetc%2fpasswd", "/%2f%2fetc/passwd",
    "/" + "..\\" * UP + "etc\\passwd", "/" + "..%5c" * UP + "etc%5cpasswd", "/" + "%2e%2e%5c" * UP + "etc%5cpasswd",
    "/\\etc\\passwd", "/%5cetc%5cpasswd", f"/..%5c../{NEXT_TO_SITE}",
    f"/%00../{NEXT_TO_SITE}", f"/..%00/{NEXT_TO_SITE}", "/index.html%00.txt", "/%00",
    "/" + "../" * UP + "etc/passwd%00.html", f"/search/%2e%2e/%2e%2e/{NEXT_TO_SITE}",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_static_server_never_serves_outside_the_site(server, path):
    status, headers, body = server.get(path)
    assert status == 404 and b"Page not found" in body
    assert b"root:" not in body and headers["Content-Type"] == "text/html; charset=utf-8"


def test_the_traversal_targets_exist_so_an_escape_would_show(sample_site):
    assert (sample_site.parent / NEXT_TO_SITE).is_file()
    assert (sample_site / ("../" * UP) / "etc" / "passwd").resolve() == Path("/etc/passwd")


@pytest.mark.parametrize("path", ["/", "/2025/04/06/kryvyi-rih-missile-strike-kills-18/", "/search/?q=kyiv",
                                  "/timeline/2025/04/", "/about-this-archive/", "/no-such-page/"])
def test_html_pages_send_the_sites_policy_as_a_header_as_well_as_in_their_meta_tag(server, sample_settings, path):
    status, headers, body = server.get(path)
    policy = sample_settings["CONTENT_SECURITY_POLICY"]
    meta = BeautifulSoup(body, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert status in (200, 404) and meta["content"] == policy
    assert headers["Content-Security-Policy"] == f"{policy}; frame-ancestors 'none'"  # framing: header only


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
