"""``invoke serve``: the built site and the search service together, on one port, with waitress.

One WSGI app answers ``/api/search`` from the Whoosh index and everything
else from ``output/`` as a static host would (the site's own 404 page for
missing files, never a file outside ``output/``). The site's /search/ page
does not need the service; this just lets a maintainer try both.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote

from .service import SearchService

TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".xml": "application/xml",
         ".csv": "text/csv; charset=utf-8", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8"}


class StaticFiles:
    """Files under ``root``: ``/x/`` serves ``x/index.html``; missing or outside-root paths get the 404 page."""

    def __init__(self, root: Path):
        self.root = Path(root).resolve()

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD", "GET")
        path = self.resolve(environ.get("PATH_INFO", "/"))
        if method not in ("GET", "HEAD"):
            start_response("405 Method Not Allowed", [("Allow", "GET, HEAD"), ("Content-Length", "0")])
            return [b""]
        if path == "redirect":
            location = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "/") + "/"
            start_response("301 Moved Permanently", [("Location", location), ("Content-Length", "0")])
            return [b""]
        if path is None:
            page = self.root / "404.html"
            body = page.read_bytes() if page.is_file() else b"Not found"
            start_response("404 Not Found", [("Content-Type", "text/html; charset=utf-8"),
                                             ("Content-Length", str(len(body)))])
            return [b""] if method == "HEAD" else [body]
        body = path.read_bytes()
        kind = TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(body))),
                                  ("X-Content-Type-Options", "nosniff")])
        return [b""] if method == "HEAD" else [body]

    def resolve(self, url_path: str):
        """The file a URL path names; "redirect" for a folder without its slash; None when nothing is there."""
        try:
            relative = unquote(url_path.encode("latin-1").decode("utf-8"), errors="strict")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return None
        if "\0" in relative or "\\" in relative:
            return None
        candidate = (self.root / relative.lstrip("/")).resolve()
        if candidate != self.root and self.root not in candidate.parents:
            return None
        if candidate.is_dir():
            if not url_path.endswith("/"):
                return "redirect"  # as static hosts do, so the page's relative links resolve
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None


def site_app(output: Path, index_path: Path, max_results: int = 50):
    """The static site with the search service mounted at ``/api/``."""
    static, service = StaticFiles(output), SearchService(index_path, max_results)

    def app(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == "/api" or path.startswith("/api/"):
            return service(environ, start_response)
        return static(environ, start_response)

    return app


def serve_forever(output: Path, index_path: Path, host: str, port: int, max_results: int = 50) -> None:
    """Serve until Ctrl-C with waitress, a production-grade pure-Python WSGI server."""
    from waitress import serve

    serve(site_app(output, index_path, max_results), host=host, port=port, threads=8, ident="news-archive")
