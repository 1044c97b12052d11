"""Serving the built site as a static host would: ``/x/`` is ``x/index.html``, the site's
own 404 page for missing files, never a file outside the output folder. The headers of the
build's ``_headers`` file (the Netlify / Cloudflare Pages format, written by plugins/outputs/headers.py)
are sent as those hosts send them: the policy with ``frame-ancestors``, ``Referrer-Policy``, a
sandbox for static folders; the file itself is not served. Without that file, an HTML page's
Content-Security-Policy is still sent as a header: the one its meta tag declares.
Text files (HTML, CSS, JavaScript, JSON, XML, SVG, CSV, plain text) of 1 KB or more are sent
gzipped to clients whose ``Accept-Encoding`` allows it, with ``Vary: Accept-Encoding``, as
GitHub Pages, Netlify, Cloudflare and nginx with ``gzip on`` do; the compressed bytes of recent
files are kept in a small LRU cache keyed by path, mtime and size.

``StaticFiles`` is a WSGI app, so ``invoke serve`` (desk/search/serving.py)
can mount the search service beside it and tests can run it under waitress.
"""

from __future__ import annotations

import gzip
import html
import mimetypes
import os
import re
import threading
from collections import OrderedDict
from pathlib import Path
from urllib.parse import unquote

TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".xml": "application/xml",
         ".csv": "text/csv; charset=utf-8", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8"}

# Media types worth compressing (text); images, fonts, archives and the like are compressed already.
COMPRESSIBLE = frozenset({
    "text/html", "text/css", "text/javascript", "application/javascript", "application/x-javascript",
    "application/json", "application/ld+json", "application/feed+json", "application/manifest+json",
    "application/geo+json", "image/svg+xml", "application/xml", "text/xml", "application/xhtml+xml",
    "application/atom+xml", "application/rss+xml", "text/plain", "text/csv", "text/markdown",
    "text/calendar", "application/rdf+xml", "image/x-icon", "image/vnd.microsoft.icon"})
ARCHIVE_TYPES = {"gzip": "application/gzip", "bzip2": "application/x-bzip2", "xz": "application/x-xz",
                 "compress": "application/x-compress"}
GZIP_MIN_BYTES = 1024  # smaller bodies gain next to nothing (gzip's own header and trailer are 18 bytes)
GZIP_LEVEL = 6  # zlib's default, and nginx's usual: most of level 9's saving at a fraction of its time

_META_POLICY = re.compile(rb'<meta\s+http-equiv=["\']?Content-Security-Policy["\']?\s+content="([^"]*)"', re.I)


def page_policy(page: bytes):
    """The Content-Security-Policy an HTML page declares in its ``<head>``, or None."""
    head = page[:page.find(b"</head>")] if b"</head>" in page else page[:8192]
    match = _META_POLICY.search(head)
    if match is None:
        return None
    policy = html.unescape(match.group(1).decode("utf-8", "replace"))
    return policy if policy.isascii() and policy.isprintable() else None  # never a broken or split header


def html_headers(body: bytes) -> list:
    """Headers of an HTML response: its type, and the page's own policy as a header."""
    policy = page_policy(body)
    return [("Content-Type", TYPES[".html"]), *([("Content-Security-Policy", policy)] if policy else [])]


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an ``Accept-Encoding`` value lets the answer be gzipped (RFC 9110, section 12.5.3).

    gzip (or its alias x-gzip) must be acceptable, by name or through ``*``, with a q-value above 0
    (``gzip;q=0`` refuses it, even beside ``*``), and not less wanted than the identity coding when
    that is given a q-value (``gzip;q=0.5, identity`` prefers the file as it is).
    An entry whose q-value is malformed counts as refused."""
    weights = {}
    for entry in accept_encoding.split(","):
        coding, *params = [part.strip() for part in entry.split(";")]
        coding = coding.lower()
        if not coding:
            continue
        weight = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                value = value.strip()
                weight = float(value) if re.fullmatch(r"0(\.\d{0,3})?|1(\.0{0,3})?", value) else 0.0
        if coding == "x-gzip":
            coding = "gzip"
        weights[coding] = max(weight, weights.get(coding, weight))  # named twice: the kinder q-value
    star = weights.get("*")
    gzip_weight = weights.get("gzip", star if star is not None else 0.0)
    # identity is always acceptable unless refused, but only a q-value it is given can outrank gzip's
    identity_weight = weights.get("identity", star if star is not None else 0.0)
    return gzip_weight > 0 and gzip_weight >= identity_weight


def content_type(path: Path) -> str:
    """The Content-Type of a file other than HTML. A compressed file (``x.csv.gz``) is sent as what it
    is, an archive: not as text with a compression the client would undo, nor compressed again."""
    kind, encoding = mimetypes.guess_type(path.name)
    if encoding is not None:
        return ARCHIVE_TYPES.get(encoding, "application/octet-stream")
    return TYPES.get(path.suffix) or kind or "application/octet-stream"


def media_type(content_type: str) -> str:
    """``text/html`` of ``text/html; charset=utf-8``."""
    return content_type.split(";", 1)[0].strip().lower()


class GzipCache:
    """Gzipped bodies of recently served files, keyed by (path, mtime_ns, size): an edited or replaced
    file gets a new key, and the least recently used entries go when the count or bytes run over."""

    def __init__(self, max_entries: int = 256, max_bytes: int = 16 * 1024 * 1024):
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self.entries = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            value = self.entries.get(key)
            if value is not None:
                self.entries.move_to_end(key)
            return value

    def put(self, key, value: bytes) -> None:
        if len(value) > self.max_bytes // 4:
            return  # one huge file must not push out everything else
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old)
            self.entries[key] = value
            self.size += len(value)
            while len(self.entries) > self.max_entries or self.size > self.max_bytes:
                _, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped)


class HostHeaders:
    """The headers a ``_headers`` file gives each URL path, re-read whenever a build replaces the file.

    The format is Netlify's: a line with a path pattern (``/*``, ``/images/*``, ``/exact``), then
    ``Name: value`` lines indented below it; every matching block applies, in the file's order.
    """

    NAME = "_headers"

    def __init__(self, root: Path):
        self.path = Path(root) / self.NAME
        self.stamp, self.rules = None, []
        self.lock = threading.Lock()

    def for_path(self, url_path: str) -> list:
        """(name, value) pairs for ``url_path``; none when the site has no ``_headers`` file."""
        try:
            info = self.path.stat()
            stamp = (info.st_ino, info.st_mtime_ns, info.st_size)
        except OSError:
            return []
        with self.lock:
            if stamp != self.stamp:
                self.rules, self.stamp = parse_headers_file(self.path.read_text(encoding="utf-8")), stamp
            rules = self.rules
        return [header for pattern, headers in rules if _pattern_matches(pattern, url_path) for header in headers]


def parse_headers_file(text: str) -> list:
    """(pattern, [(name, value), …]) blocks of a ``_headers`` file; comments and blank lines skipped."""
    rules = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules and ":" in line:
            name, value = line.split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def _pattern_matches(pattern: str, url_path: str) -> bool:
    return url_path.startswith(pattern[:-1]) if pattern.endswith("*") else url_path == pattern


def with_host_headers(headers: list, host_headers: list) -> list:
    """``headers`` with the site's own: a header the site sets replaces the server's default of that name.

    A name set by several matching blocks is sent once, its values joined by ", " as Netlify and
    Cloudflare do (two policies in one Content-Security-Policy header are both enforced).
    """
    joined = {}
    for name, value in host_headers:
        key = name.lower()
        joined[key] = (joined[key][0], f"{joined[key][1]}, {value}") if key in joined else (name, value)
    return [*(h for h in headers if h[0].lower() not in joined), *joined.values()]


class StaticFiles:
    """Files under ``root``: ``/x/`` serves ``x/index.html``; missing or outside-root paths get the 404 page.
    Text files of ``GZIP_MIN_BYTES`` or more go out gzipped to clients that accept it."""

    def __init__(self, root: Path, gzip_cache: GzipCache | None = None):
        self.root = Path(root).resolve()
        self.gzip_cache = gzip_cache if gzip_cache is not None else GzipCache()
        self.host_headers = HostHeaders(self.root)

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD", "GET")
        try:
            path = self.resolve(environ.get("PATH_INFO", "/"))
        except OSError:  # a name the file system refuses (a segment over 255 bytes): nothing is there
            path = None
        if method not in ("GET", "HEAD"):
            start_response("405 Method Not Allowed", [("Allow", "GET, HEAD"), ("Content-Length", "0")])
            return [b""]
        if path == "redirect":
            location = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "/") + "/"
            start_response("301 Moved Permanently", [("Location", location), ("Content-Length", "0")])
            return [b""]
        status = "200 OK"
        if path is not None:
            try:
                return self.send_file(path, status, method, environ, start_response)
            except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
                pass  # gone since it was resolved (a build swapping output in): the 404 page
        status = "404 Not Found"
        try:
            return self.send_file(self.root / "404.html", status, method, environ, start_response)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            body = b"Not found"
            start_response(status, with_host_headers(
                [*html_headers(body), ("Content-Length", str(len(body))), ("X-Content-Type-Options", "nosniff")],
                self.host_headers.for_path("/")))
            return [b""] if method == "HEAD" else [body]

    def send_file(self, path: Path, status: str, method: str, environ, start_response):
        """Answer with the file at ``path``, gzipped when it is text of some size and the client accepts gzip."""
        with open(path, "rb") as file:
            stat = os.fstat(file.fileno())  # the size and mtime of the bytes read below, not of a newer file
            if path.suffix == ".html":
                body = file.read()
                headers = html_headers(body)
            else:
                body = None  # read only when needed: a HEAD, or a gzipped body already in the cache, do without
                headers = [("Content-Type", content_type(path))]
            compressible = media_type(headers[0][1]) in COMPRESSIBLE
            if compressible and stat.st_size >= GZIP_MIN_BYTES \
                    and accepts_gzip(environ.get("HTTP_ACCEPT_ENCODING", "")):
                key = (str(path), stat.st_mtime_ns, stat.st_size)
                encoded = self.gzip_cache.get(key)
                if encoded is None:
                    encoded = gzip.compress(body if body is not None else file.read(), GZIP_LEVEL, mtime=0)
                    self.gzip_cache.put(key, encoded)
                body = encoded
                headers.append(("Content-Encoding", "gzip"))
            elif body is None and method != "HEAD":
                body = file.read()
        length = len(body) if body is not None else stat.st_size
        if compressible:
            headers.append(("Vary", "Accept-Encoding"))
        served = "/" + path.relative_to(self.root).as_posix()  # the file's own path, however the URL spelt it
        start_response(status, with_host_headers(
            [*headers, ("Content-Length", str(length)), ("X-Content-Type-Options", "nosniff")],
            self.host_headers.for_path(served)))
        return [b""] if method == "HEAD" else [body]

    def resolve(self, url_path: str):
        """The file a URL path names; "redirect" for a folder without its slash; None when nothing is there."""
        try:
            relative = unquote(url_path.encode("latin-1").decode("utf-8"), errors="strict")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return None
        if "\0" in relative or "\\" in relative or relative.strip("/") == HostHeaders.NAME:
            return None
        candidate = (self.root / relative.lstrip("/")).resolve()
        if candidate != self.root and self.root not in candidate.parents:
            return None
        if candidate.is_dir():
            if not url_path.endswith("/"):
                return "redirect"  # as static hosts do, so the page's relative links resolve
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None



# waitress for the site and the search service (``invoke serve``, tests, the load bench). Its defaults
# (100 connections, each kept 120 s when idle) let 100 idle or slow-headers clients lock every reader out
# for two minutes: room for 1,000 connections, and a silent one is dropped after 15 s.
SERVER_OPTIONS = {"threads": 8, "connection_limit": 1000, "channel_timeout": 15, "cleanup_interval": 5,
                  "ident": "news-archive"}


class BackgroundServer:
    """``StaticFiles`` (or any WSGI app) under waitress on a free loopback port, in a thread."""

    def __init__(self, app, host: str = "127.0.0.1", port: int = 0):
        from waitress.server import create_server

        self.server = create_server(app, host=host, port=port, **SERVER_OPTIONS)
        self.url = f"http://{host}:{self.server.effective_port}"
        self.stopping = False
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        try:
            self.server.run()
        except (OSError, ValueError):
            if not self.stopping:
                raise

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        """Let the worker threads finish what they are doing, then close every channel so waitress's
        loop ends by itself (closing first would pull the trigger of a closed loop under a busy worker)."""
        from waitress.channel import HTTPChannel

        self.stopping = True
        self.server.task_dispatcher.shutdown()
        for channel in list(self.server._map.values()):
            if isinstance(channel, HTTPChannel):
                channel.handle_close()  # also wakes anything waiting on its output buffers
            else:
                channel.close()  # the listening socket and the loop's trigger
        self.thread.join(timeout=10)
