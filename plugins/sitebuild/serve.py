"""Serving the built site as a static host would: ``/x/`` is ``x/index.html``, the site's
own 404 page for missing files, never a file outside the output folder.

``StaticFiles`` is a WSGI app, so ``invoke serve`` (plugins/search/serving.py)
can mount the search service beside it and tests can run it under waitress.
"""

from __future__ import annotations

import mimetypes
import threading
from pathlib import Path
from urllib.parse import unquote

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



class BackgroundServer:
    """``StaticFiles`` (or any WSGI app) under waitress on a free loopback port, in a thread."""

    def __init__(self, app, host: str = "127.0.0.1", port: int = 0):
        from waitress.server import create_server

        self.server = create_server(app, host=host, port=port, threads=8, ident="news-archive")
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
        """Close every channel so waitress's loop ends by itself, then stop its worker threads."""
        self.stopping = True
        for channel in list(self.server._map.values()):
            channel.handle_close()
        self.server.task_dispatcher.shutdown()
        self.thread.join(timeout=10)
