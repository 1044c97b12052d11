"""``invoke serve``: the built site and the search service together, on one port, with waitress.

One WSGI app answers ``/api/search`` from the Whoosh index and everything
else from ``output/`` through ``desk.sitebuild.serve.StaticFiles``. The site's /search/ page
does not need the service; this just lets a maintainer try both.
"""

from __future__ import annotations

from pathlib import Path

from desk.sitebuild.serve import SERVER_OPTIONS, StaticFiles

from .service import SearchService

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

    serve(site_app(output, index_path, max_results), host=host, port=port, **SERVER_OPTIONS)
