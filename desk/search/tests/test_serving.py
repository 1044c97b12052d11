import pytest

from desk.search.serving import StaticFiles, site_app
from plugins.search.tests.wsgi_client import call


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "output"
    (root / "search").mkdir(parents=True)
    (root / "index.html").write_text("home")
    (root / "404.html").write_text("not found page")
    (root / "search" / "index.html").write_text("search page")
    (root / "data.json").write_text("{}")
    (tmp_path / "secret.txt").write_text("secret")
    return root


@pytest.mark.parametrize("path", ["/../secret.txt", "/%2e%2e/secret.txt", "/search/../../secret.txt",
                                  "/%2E%2E%2Fsecret.txt", "/..%5csecret.txt", "/%00", "/index.html%00.txt",
                                  "/nothing-here", "/%ff"])
def test_paths_outside_the_site_or_missing_get_the_404_page(site, path):
    response = call(StaticFiles(site), path)
    assert response.status == 404 and response.body == b"not found page"


def test_folders_serve_their_index_and_gain_their_slash(site):
    assert call(StaticFiles(site), "/search/").body == b"search page"
    response = call(StaticFiles(site), "/search")
    assert response.status == 301 and response.headers["Location"].endswith("/search/")


def test_files_are_typed(site):
    assert call(StaticFiles(site), "/data.json").headers["Content-Type"] == "application/json"
    assert call(StaticFiles(site), "/").headers["Content-Type"] == "text/html; charset=utf-8"


def test_api_paths_go_to_the_service_and_the_rest_to_the_files(site, index_path):
    app = site_app(site, index_path)
    assert call(app, "/api/search", "q=kyiv").headers["Content-Type"].startswith("application/json")
    assert call(app, "/").body == b"home"


POLICY_PAGE = ('<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
               'content="default-src &#39;self&#39;; script-src &#39;self&#39;"><title>t</title></head>'
               '<body>{}</body></html>')


def test_html_pages_send_the_policy_of_their_meta_tag_as_a_header(site):
    (site / "index.html").write_text(POLICY_PAGE.format("home"))
    (site / "404.html").write_text(POLICY_PAGE.format("not found page"))
    for path in ("/", "/index.html", "/nothing-here", "/../secret.txt"):
        assert call(StaticFiles(site), path).headers["Content-Security-Policy"] == \
            "default-src 'self'; script-src 'self'"


def test_no_policy_header_without_a_meta_tag_in_the_head_nor_for_other_files(site):
    (site / "search" / "index.html").write_text(
        "<html><head></head><body>&lt;meta http-equiv=\"Content-Security-Policy\" content=\"x\"&gt;"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"in the body\"></body></html>")
    (site / "bad").mkdir()
    (site / "bad" / "index.html").write_text(
        '<head><meta http-equiv="Content-Security-Policy" content="a&#10;Set-Cookie: x=1"></head>')
    for path in ("/search/", "/data.json", "/bad/"):
        assert "Content-Security-Policy" not in call(StaticFiles(site), path).headers
