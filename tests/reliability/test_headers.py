"""The site's security headers: shipped as ``_headers`` in the output and sent by ``invoke serve``'s server."""

from __future__ import annotations

import http.client
import shutil

import pytest

from desk.sitebuild.serve import parse_headers_file
from tests.reliability.test_unpublished import build_archive
from tests.support.sites import FIXTURES, ROOT, StaticServer

PLAIN_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>'


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("headers")
    content = root / "content"
    shutil.copytree(FIXTURES / "mini", content)
    (content / "images").mkdir()
    (content / "images" / "map.svg").write_text(PLAIN_SVG, encoding="utf-8")
    return build_archive(content, root / "output", "publishconf.py")


@pytest.fixture(scope="module")
def server(site):
    with StaticServer(site) as running:
        yield running


def get(server, path: str):
    host, port = server.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, {name.lower(): value for name, value in response.getheaders()}


def site_policy() -> str:
    from desk.sitebuild.build import load_settings

    return load_settings(str(ROOT / "publishconf.py"))["CONTENT_SECURITY_POLICY"]


def test_the_output_ships_a_headers_file_for_static_hosts(site):
    text = (site / "_headers").read_text(encoding="utf-8")
    assert max(len(line) for line in text.splitlines()) < 2000  # Cloudflare Pages' limit for a line
    rules = dict((pattern, dict(headers)) for pattern, headers in parse_headers_file(text))
    everywhere = rules["/*"]
    assert everywhere["Content-Security-Policy"] == f"{site_policy()}; frame-ancestors 'none'"
    assert everywhere["X-Frame-Options"] == "DENY"
    assert everywhere["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert everywhere["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in rules["/images/*"]["Content-Security-Policy"].split("; ")


@pytest.mark.parametrize("path", ["/", "/2025/04/05/rivertown-strike/", "/feeds/all.atom.xml", "/feeds/all.json",
                                  "/theme/css/site.css", "/images/map.svg", "/no-such-page/"])
def test_every_response_forbids_framing_and_sets_a_referrer_policy(server, path):
    status, headers = get(server, path)
    assert status in (200, 404)
    assert headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"


def test_a_static_folder_file_is_sandboxed_however_its_url_is_spelt(server):
    for path in ("/images/map.svg", "/%69mages/map.svg", "/theme/../images/map.svg"):
        status, headers = get(server, path)
        assert status == 200 and "sandbox" in headers["content-security-policy"], path
    assert "sandbox" not in get(server, "/")[1]["content-security-policy"]


def test_the_headers_file_itself_is_not_served(server):
    assert get(server, "/_headers")[0] == 404


@pytest.mark.browser
def test_chromium_refuses_to_show_a_page_in_another_sites_frame(server, page_factory):
    page = page_factory()
    page.set_content(f'<iframe src="{server.url}/2025/04/05/rivertown-strike/"></iframe>')
    page.wait_for_load_state("load")
    frame = page.frames[1]
    assert frame.url.startswith("chrome-error://") or frame.evaluate("document.body.innerText") == ""
