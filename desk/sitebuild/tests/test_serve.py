"""The static server's gzip: text files of some size go out gzipped to clients that accept it, as real hosts do."""

import gzip
import http.client
import os
from io import BytesIO
from wsgiref.util import setup_testing_defaults

import pytest

from desk.sitebuild.serve import GZIP_MIN_BYTES, BackgroundServer, GzipCache, StaticFiles, accepts_gzip

BROWSER = "gzip, deflate, br, zstd"  # what Chromium sends
POLICY = "default-src 'self'; script-src 'self'"
PAGE = ('<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
        'content="default-src &#39;self&#39;; script-src &#39;self&#39;"><title>t</title></head><body>{}</body></html>')
TEXT = {  # compressible and over the threshold
    "index.html": PAGE.format("<p>An article about a missile strike.</p>" * 60),
    "404.html": PAGE.format("<p>Nothing here.</p>" * 80),
    "theme/css/main.css": "body { margin: 0 auto; max-width: 40rem; }\n" * 60,
    "theme/js/search.js": "export function search(query) { return fetch(query); }\n" * 40,
    "search-index/terms/k.json": '{"kryvyi": [1, 2, 3], "rih": [1, 2, 3]}' * 50,
    "feeds/all.atom.xml": "<entry><title>Strike</title></entry>\n" * 60,
    "theme/images/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h10v10z"/></svg>\n' * 30,
    "timeline/events.csv": "date,title,place\n" + "2025-04-04,Strike,Kryvyi Rih\n" * 60,
    "robots.txt": "User-agent: *\nAllow: /\n" * 60,
}


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "output"
    for name, text in TEXT.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    (root / "small.css").write_text("body { margin: 0 }")
    (root / "theme/images/photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4000))
    (root / "theme/fonts").mkdir(parents=True)
    (root / "theme/fonts/serif.woff2").write_bytes(b"wOF2" + bytes(4000))
    (root / "archive.csv.gz").write_bytes(gzip.compress(b"a,b\n" * 2000))
    (tmp_path / "secret.txt").write_text("secret " * 500)
    return root


def call(app, path, accept_encoding=None, method="GET"):
    """(status, headers, body) of ``app`` answering ``method path`` with that Accept-Encoding header."""
    environ = {"PATH_INFO": path, "REQUEST_METHOD": method, "wsgi.input": BytesIO(b"")}
    if accept_encoding is not None:
        environ["HTTP_ACCEPT_ENCODING"] = accept_encoding
    setup_testing_defaults(environ)
    captured = {}

    def start_response(status, headers, exc_info=None):
        assert len({name.lower() for name, _ in headers}) == len(headers), f"a header twice: {headers}"
        captured["status"], captured["headers"] = int(status.split()[0]), dict(headers)

    body = b"".join(app(environ, start_response))
    return captured["status"], captured["headers"], body


@pytest.mark.parametrize("name", sorted(TEXT))
def test_text_files_go_out_gzipped_when_the_client_accepts_it(site, name):
    status, headers, body = call(StaticFiles(site), "/" + name, BROWSER)
    assert status == 200 and headers["Content-Encoding"] == "gzip" and headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(body) == (site / name).read_bytes()
    assert int(headers["Content-Length"]) == len(body) < (site / name).stat().st_size
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_folders_serve_their_index_gzipped_with_the_pages_policy(site):
    status, headers, body = call(StaticFiles(site), "/", "gzip")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Content-Encoding"] == "gzip" and headers["Content-Security-Policy"] == POLICY
    assert gzip.decompress(body) == (site / "index.html").read_bytes()


@pytest.mark.parametrize("accept_encoding", [None, "", "identity", "br, deflate", "gzip;q=0", "GZIP; Q=0.000",
                                             "gzip;q=0, *", "x-gzip;q=0, br", "*;q=0, identity", "gzip;q=zero",
                                             "gzip;q=2", "gzip;q=0.5, identity", "gzip;q=0.4, *;q=0.9"])
def test_files_go_out_as_they_are_when_gzip_is_not_accepted(site, accept_encoding):
    status, headers, body = call(StaticFiles(site), "/theme/css/main.css", accept_encoding)
    assert status == 200 and "Content-Encoding" not in headers and headers["Vary"] == "Accept-Encoding"
    assert body == (site / "theme/css/main.css").read_bytes() and int(headers["Content-Length"]) == len(body)


@pytest.mark.parametrize("accept_encoding, accepted", [
    ("gzip", True), ("GZip", True), ("x-gzip", True), ("*", True), (BROWSER, True), ("br;q=1.0, gzip;q=0.8", True),
    ("gzip;q=0.001", True), ("gzip ; q=1.000", True), ("identity;q=0.5, gzip;q=0.5", True), ("*, identity;q=0", True),
    ("deflate, gzip;q=1, *;q=0", True), ("gzip;q=0, gzip", True),
    ("", False), ("identity", False), ("br", False), ("gzip;q=0", False), ("gzip;q=0.0", False),
    ("gzip;q=0, *", False), ("*;q=0", False), ("gzip;q=", False), ("gzip;q=1.5", False), ("gzip;q=-1", False),
    ("gzip;q=0.5, identity", False), ("gzips", False), ("deflate;gzip", False),
])
def test_accept_encoding_q_values(accept_encoding, accepted):
    assert accepts_gzip(accept_encoding) is accepted


@pytest.mark.parametrize("accept_encoding", [BROWSER, None])
def test_head_answers_the_headers_of_get_without_a_body(site, accept_encoding):
    app = StaticFiles(site)
    for path in ("/", "/theme/js/search.js", "/small.css", "/theme/images/photo.png", "/no-such-page"):
        get_status, get_headers, get_body = call(app, path, accept_encoding)
        head_status, head_headers, head_body = call(app, path, accept_encoding, method="HEAD")
        assert (head_status, head_headers, head_body) == (get_status, get_headers, b"")
        assert int(head_headers["Content-Length"]) == len(get_body)


def test_small_files_are_not_compressed(site):
    assert (site / "small.css").stat().st_size < GZIP_MIN_BYTES
    status, headers, body = call(StaticFiles(site), "/small.css", BROWSER)
    assert status == 200 and "Content-Encoding" not in headers and body == b"body { margin: 0 }"


@pytest.mark.parametrize("path", ["/theme/images/photo.png", "/theme/fonts/serif.woff2", "/archive.csv.gz"])
def test_compressed_types_are_sent_as_they_are_and_do_not_vary(site, path):
    status, headers, body = call(StaticFiles(site), path, BROWSER)
    assert status == 200 and "Content-Encoding" not in headers and "Vary" not in headers
    assert body == (site / path.lstrip("/")).read_bytes()


@pytest.mark.parametrize("path", ["/../secret.txt", "/%2e%2e/secret.txt", "/theme/../../secret.txt",
                                  "/%2E%2E%2Fsecret.txt", "/..%5csecret.txt", "/%00", "/robots.txt%00.html",
                                  "/nothing-here", "/%ff"])
def test_paths_outside_the_site_or_missing_get_the_404_page_gzipped(site, path):
    status, headers, body = call(StaticFiles(site), path, BROWSER)
    assert status == 404 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == (site / "404.html").read_bytes()
    assert headers["Content-Security-Policy"] == POLICY and int(headers["Content-Length"]) == len(body)


def test_a_site_without_a_404_page_still_answers_404(site):
    (site / "404.html").unlink()
    status, headers, body = call(StaticFiles(site), "/../secret.txt", BROWSER)
    assert status == 404 and body == b"Not found" and "Content-Encoding" not in headers


def test_a_changed_file_is_compressed_anew(site):
    app = StaticFiles(site)
    path = site / "theme/css/main.css"
    assert gzip.decompress(call(app, "/theme/css/main.css", "gzip")[2]) == path.read_bytes()
    path.write_text("main { padding: 1rem 2rem; }\n" * 80)  # another size (and mtime)
    assert gzip.decompress(call(app, "/theme/css/main.css", "gzip")[2]) == path.read_bytes()
    replacement = site / "replacement.css"  # the same size, a newer mtime: how builds swap files in
    replacement.write_text("main { padding: 2rem 1rem; }\n" * 80)
    stat = path.stat()
    os.utime(replacement, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    replacement.replace(path)
    assert gzip.decompress(call(app, "/theme/css/main.css", "gzip")[2]) == path.read_bytes()


def test_repeated_requests_reuse_the_compressed_bytes(site, monkeypatch):
    app = StaticFiles(site)
    first = call(app, "/theme/js/search.js", BROWSER)
    compressions = []
    monkeypatch.setattr("desk.sitebuild.serve.gzip.compress", lambda *a, **k: compressions.append(a) or b"")
    assert call(app, "/theme/js/search.js", BROWSER) == first and compressions == []


def test_the_cache_is_bounded_and_forgets_the_least_recently_used():
    cache = GzipCache(max_entries=2, max_bytes=100)
    cache.put("a", b"1" * 10)
    cache.put("b", b"2" * 10)
    assert cache.get("a") == b"1" * 10  # now "b" is the least recently used
    cache.put("c", b"3" * 10)
    assert cache.get("b") is None and cache.get("a") and cache.get("c")
    cache.put("d", b"4" * 20)
    cache.put("e", b"5" * 20)
    assert cache.size <= 100 and len(cache.entries) <= 2
    cache.put("huge", b"6" * 26)  # over a quarter of the bytes: not kept at all
    assert cache.get("huge") is None and cache.get("e")


def test_over_http_the_length_is_what_arrives(site):
    with BackgroundServer(StaticFiles(site)) as server:
        connection = http.client.HTTPConnection("127.0.0.1", server.server.effective_port, timeout=10)
        try:
            for accept_encoding, encoded in ((BROWSER, True), ("identity", False)):
                connection.request("GET", "/theme/css/main.css", headers={"Accept-Encoding": accept_encoding})
                response = connection.getresponse()
                body = response.read()
                assert response.status == 200 and int(response.getheader("Content-Length")) == len(body)
                assert (response.getheader("Content-Encoding") == "gzip") is encoded
                assert (gzip.decompress(body) if encoded else body) == (site / "theme/css/main.css").read_bytes()
                connection.request("HEAD", "/theme/css/main.css", headers={"Accept-Encoding": accept_encoding})
                response = connection.getresponse()
                assert response.read() == b"" and int(response.getheader("Content-Length")) == len(body)
        finally:
            connection.close()
