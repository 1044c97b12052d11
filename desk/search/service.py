"""The search service: ``GET /api/search`` answered from the Whoosh index, as JSON.

A WSGI app (served by waitress in ``invoke serve``; any WSGI server will do).
Parameters and rules are those of the search page (see request.py, query.py)::

    GET /api/search?q=kryvyi+rih&place=kryvyi-rih&from=2025-04-01&sort=newest&limit=10
    200 {"query": {...}, "total": 3, "showing": "", "widened": [["Kryvyi Rih", "Krivoy Rog", …]],
         "results": [{"url", "title", "summary", "date", "section", "score", "excerpt", "highlights"}, ...]}

``showing`` is the query as searched when a word was corrected ("ballistic missile"
for "ballistic misile"; empty otherwise; ``exact=1`` turns correction off), and
``widened`` the names whose every spelling was searched.
    400 {"error": "from: '2025-13' has no month 13; months run from 01 to 12"}

A bad parameter is a 400 with a message; a 500 only ever means a bug (it is
logged with its traceback). Queries are at most 500 characters and results at
most SEARCH_MAX_RESULTS per request.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from pathlib import Path
from urllib.parse import parse_qsl

from plugins.search.aliases import load_aliases
from plugins.search.collection import weighting
from plugins.search.indexing import open_index
from plugins.search.query import run_search
from plugins.search.request import BadRequest, SearchRequest

logger = logging.getLogger(__name__)

API_PATH = "/api/search"
JSON_HEADERS = [
    ("Content-Type", "application/json; charset=utf-8"),
    ("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cache-Control", "no-store"),
]
SWAP_RETRIES = 50  # a swap is two renames: 50 looks 2 ms apart wait it out, and a missing index
SWAP_RETRY_SECONDS = 0.002  # still gets its 503 within a tenth of a second
MAX_QUERY_STRING = 8192  # bytes; a 500-character query fits many times over


class SearchService:
    """WSGI app over the index at ``index_path``; searchers are opened per thread, afresh for each new index."""

    def __init__(self, index_path: Path, max_results: int = 50):
        self.index_path = Path(index_path)
        self.max_results = max_results
        self._local = threading.local()

    def __call__(self, environ, start_response):
        status, body = self.respond(environ)
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = [*JSON_HEADERS, ("Content-Length", str(len(data)))]
        if status.startswith("405"):
            headers.append(("Allow", "GET, HEAD"))
        start_response(status, headers)
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [data]

    def respond(self, environ) -> tuple[str, dict]:
        if environ.get("PATH_INFO", "").rstrip("/") != API_PATH:
            return "404 Not Found", {"error": f"no such endpoint; search with GET {API_PATH}?q=…"}
        if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            return "405 Method Not Allowed", {"error": "use GET"}
        try:
            request = SearchRequest.from_params(parse_params(environ.get("QUERY_STRING", "")), self.max_results)
        except BadRequest as exc:
            return "400 Bad Request", {"error": str(exc)}
        try:
            searcher, aliases = self._searcher()
        except FileNotFoundError:
            return "503 Service Unavailable", {"error": "the search index is not built yet; try again shortly"}
        try:
            results = run_search(searcher, request, aliases)
        except Exception:  # a bug: log it with its traceback, tell the client nothing about internals
            logger.exception("search service failed on %r", environ.get("QUERY_STRING", ""))
            return "500 Internal Server Error", {"error": "the search failed; this is a bug and has been logged"}
        return "200 OK", {
            "query": request.echo(),
            "total": results.total,
            "showing": results.showing,
            "widened": [list(names) for names in results.plan.widened],
            "results": [{"url": hit.url, "title": hit.title, "summary": hit.summary, "date": hit.date,
                         "section": hit.section, "score": hit.score, "excerpt": hit.excerpt.text,
                         "highlights": [list(h) for h in hit.excerpt.highlights]} for hit in results.hits],
        }

    def _searcher(self):
        """(searcher, alias table) of the current index, waiting out the instant of a swap.

        A build swaps its index in with two renames (staging.py); a thread that
        opens the index just between them finds no folder. That is not "no index
        yet": look again a few times, milliseconds apart, before saying so.
        """
        for attempt in range(SWAP_RETRIES):
            try:
                return self._current_searcher()
            except FileNotFoundError:
                if attempt == SWAP_RETRIES - 1:
                    raise
                time.sleep(SWAP_RETRY_SECONDS)

    def _current_searcher(self):
        """This thread's searcher, opened afresh whenever a build has swapped in another index.

        Never ``Searcher.refresh()``: whoosh3 3.54.0 reuses the segments the new
        index replaced, so edited entries came back twice and deleted ones stayed.
        A build swaps in a whole new folder (staging.py), so the folder's identity
        and Whoosh's generation say when the index changed.
        """
        version = index_version(self.index_path)
        current = getattr(self._local, "current", None)
        if current is not None and (current[0] == version or version == ()):
            return current[1], current[2]  # unchanged, or between the two renames of a swap: the old one reads
        searcher = open_index(self.index_path).searcher(weighting=weighting())
        aliases = load_aliases(self.index_path)  # the table kept with this index, read with it
        if current is not None:
            current[1].close()
        self._local.current = (version, searcher, aliases)
        return searcher, aliases


def index_version(index_path: Path) -> tuple:
    """What changes when a build replaces the index: the folder (inode, time) and Whoosh's generation."""
    try:
        folder = os.stat(index_path)
    except FileNotFoundError:
        return ()
    try:
        tocs = [name for name in os.listdir(index_path) if name.endswith(".toc")]
    except FileNotFoundError:  # renamed away between the two calls
        return ()
    return folder.st_ino, folder.st_mtime_ns, tuple(sorted(tocs))


def parse_params(query_string: str) -> dict:
    """The first value of each parameter; BadRequest for oversized or undecodable query strings."""
    if len(query_string) > MAX_QUERY_STRING:
        raise BadRequest(f"the query string is over {MAX_QUERY_STRING} bytes; q may be at most 500 characters")
    try:  # WSGI hands over the raw bytes as latin-1; unencoded UTF-8 must still read right
        query_string = query_string.encode("latin-1").decode("utf-8")
    except UnicodeEncodeError:
        pass
    except UnicodeDecodeError:
        raise BadRequest("the query string is not valid UTF-8") from None
    try:
        pairs = parse_qsl(query_string, keep_blank_values=True, errors="strict", max_num_fields=50)
    except UnicodeDecodeError:
        raise BadRequest("the query string is not valid UTF-8") from None
    except ValueError:
        raise BadRequest("the query string has too many parameters") from None
    params = {}
    for name, value in pairs:
        params.setdefault(name, value)
    return params
