"""A local static server for previews, with the right types and a 404 page."""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class ArchiveRequestHandler(SimpleHTTPRequestHandler):
    """Serves the built site as a static host would: feeds typed, 404 page shown."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".xml": "application/xml",
        ".json": "application/json",
        ".js": "text/javascript",
        ".csv": "text/csv; charset=utf-8",
        ".html": "text/html; charset=utf-8",
    }

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format, *args):  # keep test output quiet
        pass


def make_server(directory, host: str, port: int) -> ThreadingHTTPServer:
    handler = functools.partial(ArchiveRequestHandler, directory=str(directory))
    return ThreadingHTTPServer((host, port), handler)


def serve_forever(directory, host: str, port: int) -> None:
    server = make_server(directory, host, port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
