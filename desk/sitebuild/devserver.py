"""``invoke livereload``: rebuild on every save and show the result in the browser, never dropping a save.

Three parts, each small:

- ``Rebuilder`` runs builds one at a time in a thread. A save during a build
  queues exactly one more build, which starts as soon as the running one ends
  and sees every file as it is then: no save is ever dropped (livereload 2.x,
  used before, ignored a change seen within 1–3 s of its last reload). With a
  ``WarmPath`` it first shows a saved entry's own page, rendered from the last
  build's state in milliseconds (warm.py), and its problems at once when the
  save broke it; the full build that follows brings the rest of the site.
- A watcher thread (``watchfiles``: the operating system's file events, the
  library Pelican's own ``--autoreload`` uses) asks for a build when content
  or theme change, and restarts the process when plugin code or settings do.
- ``DevSite``, a WSGI app: the built site (``StaticFiles``), each HTML page
  with one same-origin ``<script>`` added (so the site's Content-Security-Policy
  needs no exception, and the built files are exactly ``invoke build``'s), and
  ``/__livereload/wait``, which answers when a build ends: the page reloads
  after a good build, and shows the problems of a failed one over the last
  good page (``path:line: what — fix``) until a build succeeds.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
import traceback
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, unquote

from plugins.entries.errors import EntryErrors

from .serve import StaticFiles, html_headers
from .warm import PageOverlay, WarmPath

logger = logging.getLogger(__name__)

CLIENT = (Path(__file__).with_name("livereload.js")).read_bytes()
PREFIX = "/__livereload/"
SHOW_FIRST = 0.5  # seconds a full build waits after a warm page, so the browser fetches it without contention
WAIT_SECONDS = 25.0  # a waiting request is answered at least this often (proxies, sleeping laptops)
SERVER = uuid.uuid4().hex[:12]
NOT_BUILT = (b"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not built yet</title></head>"
             b"<body><main><h1>The site has not been built yet</h1></main></body></html>")  # this process: a page served by an earlier one (before a restart) is stale


@dataclass
class BuildState:
    """What the browser needs to know: how many builds ended, how many succeeded, and the last one's problems."""

    builds: int = 0
    site: int = 0  # successful builds: a page built by an older one is stale
    problems: list[str] = field(default_factory=list)
    server: str = SERVER


def problems_of(build: Callable[[], object]) -> list[str]:
    """Run ``build``; its problems as lines (``path:line: what — fix``), or [] when it succeeded."""
    try:
        build()
    except EntryErrors as exc:
        return [str(problem) for problem in exc.problems]
    except Exception as exc:  # a crash: the browser says so, the terminal has the traceback
        traceback.print_exc()
        return [f"The build failed: {type(exc).__name__}: {exc} — see the terminal for details"]
    return []


class Rebuilder:
    """Builds one at a time in a thread; ``request()`` during a build queues exactly one more."""

    def __init__(self, build: Callable[[], object], on_built: Callable[[BuildState], None] = lambda state: None,
                 warm: WarmPath | None = None):
        self._build, self._on_built, self.warm = build, on_built, warm
        self._changed = threading.Condition()
        self._pending = False
        self._stopping = False
        self.saves = 0  # saves seen so far; a build records how many it saw when it starts
        self._quiet_until = 0.0  # a warm page was just shown: the next full build starts after this
        self.building = False  # a build runs: its swap may hide the output for a moment
        self.state = BuildState()
        self._thread = threading.Thread(target=self._run, name="rebuilder", daemon=True)

    def start(self) -> "Rebuilder":
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._changed:
            self._stopping = True
            self._changed.notify_all()
        self._thread.join(timeout=60)

    def request(self, paths=()) -> None:
        """Files changed: show the saved entries' pages now (warm path), then build again
        (after the running build, if there is one)."""
        with self._changed:
            self.saves += 1
            save = self.saves
        rendered = self.warm.saved(paths, save) if self.warm is not None and paths else []
        with self._changed:
            if rendered:
                self._quiet_until = time.monotonic() + SHOW_FIRST
                self.state.builds += 1
                self.state.site += 1 if any(not r.problems for r in rendered) else 0
                self.state.problems = self.warm.problems()
            self._pending = True
            self._changed.notify_all()
        if rendered:
            self._on_built(self.state)

    def wait(self, since: int, timeout: float) -> BuildState:
        """The state once more than ``since`` builds have ended (or when ``timeout`` passes)."""
        with self._changed:
            self._changed.wait_for(lambda: self.state.builds > since or self._stopping, timeout)
            return BuildState(**asdict(self.state))

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._pending or self._stopping)
                while (delay := self._quiet_until - time.monotonic()) > 0 and not self._stopping:
                    self._changed.wait(delay)  # the browser reloads the warm page first
                if self._stopping:
                    return
                self._pending = False  # a save from now on queues the next build
                self.building = True
                seen = self.saves
            problems = problems_of(self._build)
            with self._changed:
                self.building = False
                self.state.builds += 1
                self.state.site += 0 if problems else 1
                self.state.problems = self.warm.built(seen, problems) if self.warm is not None else problems
                self._changed.notify_all()
            self._on_built(self.state)


def page_digest(page: bytes) -> str:
    """What the client compares to know whether its page changed (the page as built, before the client)."""
    return hashlib.blake2b(page, digest_size=8).hexdigest()


def inject_client(page: bytes, site: int) -> bytes:
    """The page with the dev client loaded from this server (same origin: allowed by the site's policy)."""
    tag = (f'<script src="{PREFIX}client.js" data-site="{site}" data-server="{SERVER}" '
           f'data-page="{page_digest(page)}" defer></script>').encode()
    head_end = page.find(b"</head>")
    return page[:head_end] + tag + page[head_end:] if head_end >= 0 else page + tag


class DevSite:
    """The built site with the dev client in every page, and the endpoint it waits on."""

    def __init__(self, output: Path, rebuilder: Rebuilder):
        self.static, self.rebuilder = StaticFiles(output), rebuilder
        self.overlay = rebuilder.warm.overlay if rebuilder.warm is not None else PageOverlay()

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "/")
        if path == PREFIX + "client.js":
            return self._send(start_response, CLIENT, "text/javascript; charset=utf-8")
        if path == PREFIX + "wait":
            query = parse_qs(environ.get("QUERY_STRING", ""))
            since = int((query.get("since") or ["-1"])[0] or -1)
            state = asdict(self.rebuilder.wait(since, WAIT_SECONDS if since >= 0 else 0))
            shown = (query.get("page") or [""])[0]
            if shown.startswith("/") and not shown.startswith(PREFIX):  # so the client reloads only if it changed
                found = self._page(shown)
                state["page"] = page_digest(found[0]) if found else ""
            return self._send(start_response, json.dumps(state).encode(), "application/json")
        found = self._page(path)
        if found is None:
            return self.static(environ, start_response)
        page, status = found
        body = inject_client(page, self.rebuilder.state.site)
        headers = html_headers(body) + [("Cache-Control", "no-store")]
        start_response(status, [*headers, ("Content-Length", str(len(body)))])
        return [body]

    def _page(self, path: str) -> tuple[bytes, str] | None:
        """The HTML page served at ``path`` (before the client is added) and its status; None if not a page."""
        fresh = self.overlay.get(_file_name(path)) if len(self.overlay) else None
        if fresh is not None:  # the warm path's page of an entry saved since the last build
            return fresh, "200 OK"
        found, status = self._resolve(path), "200 OK"
        if found is None:
            found, status = self.static.root / "404.html", "404 Not Found"
        if not (isinstance(found, Path) and found.suffix == ".html"):
            return None
        try:
            return found.read_bytes(), status
        except OSError:  # no site yet (the first build failed): a page that shows why, and updates
            return NOT_BUILT, status

    def _resolve(self, path: str):
        """The file for ``path``; while a build swaps its output in (two renames), wait for it a moment.

        Without the wait, a reload in that instant gets a page without the
        client, which would never update again.
        """
        for _attempt in range(100):
            found = self.static.resolve(path)
            if found is not None or not self.rebuilder.building:
                return found
            time.sleep(0.01)
        return None

    @staticmethod
    def _send(start_response, body: bytes, content_type: str):
        start_response("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body))),
                                  ("Cache-Control", "no-store")])
        return [body]


def _file_name(url_path: str) -> str:
    """The output file a URL path names, as Pelican's ``save_as`` spells it."""
    name = unquote(url_path).lstrip("/")
    return name + "index.html" if name == "" or name.endswith("/") else name


def watch(folders: list[Path], on_change: Callable[[set], None], stop: threading.Event) -> threading.Thread:
    """Call ``on_change(paths)`` whenever files under ``folders`` change (operating-system events, 20 ms debounce)."""
    from watchfiles import watch as watch_files

    def run():
        for changes in watch_files(*folders, debounce=20, step=10, stop_event=stop, raise_interrupt=False):
            on_change({path for _kind, path in changes})

    thread = threading.Thread(target=run, name="watcher", daemon=True)
    thread.start()
    return thread
