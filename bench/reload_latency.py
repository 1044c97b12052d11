"""How long ``invoke livereload`` takes to show a saved edit in the browser.

The real task is started as a subprocess (on the sample archive, ``content/``
into ``output/``, or on any archive with ``--content``/``--output``/``--cache``),
an entry's page is opened in headless Chromium, and the entry's Markdown is
edited: a sentence appended to the body, a new first paragraph, a sentence in
the middle, a new title, a new summary (edits of different kinds, in turn, each
carrying a unique marker); the time is taken from the save to the marker being
visible. The entry is restored afterwards, always, and the task is stopped only
once its rebuild of the restored entry is served, so the content and output
folders are left as they were. Another archive (the benchmark's 5,000 synthetic
entries) is built into its own output and cache folders next to the log, never
into the repository's ``output/``.

Alongside, a thread polls the page over HTTP: the time from the save to the
rebuilt page being *served* is the part the build and the watcher take, and it
is the only figure there is when the browser never reloads (it then says why:
the console messages of the page).

Edits are spaced by ``SPACING`` seconds so each is timed alone (the task
itself drops no save: one made during a build queues one more).

    python -m bench.reload_latency --content DIR --output DIR --cache DIR --repeats 5
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTENT, OUTPUT = ROOT / "content", ROOT / "output"
SPACING = 1.5  # seconds between timed edits, so one's rebuild is over before the next save
TIMEOUT = 60.0
FIRST_BUILD_SECONDS_PER_ENTRY, FIRST_BUILD_MIN_SECONDS = 0.1, 180
EDIT_KINDS = ("body end", "title", "body start", "summary", "body middle")
MARKER_WORDS = "Livereload benchmark"


@dataclass
class ReloadFigures:
    browser: list[float] = field(default_factory=list)  # save -> visible in the page (seconds)
    served: list[float] = field(default_factory=list)  # save -> rebuilt page served over HTTP
    problem: str = ""  # why there is no browser figure, if there is none
    kinds: list[str] = field(default_factory=list)  # the kind of each edit, in order


class CannotEdit(ValueError):
    """An entry whose front matter has no single-line field the edit needs."""


def edit_entry(text: str, kind: str, marker: str) -> str:
    """``text`` (an entry's Markdown) with ``marker`` put where an edit of ``kind`` puts it.

    ``marker`` is plain words ending with a full stop, so it is valid as a YAML value
    and as Markdown, and shows as written on the article page.
    """
    head, separator, body = text.removeprefix("---\n").partition("\n---\n")
    if not separator:
        raise CannotEdit("the entry has no front matter")
    if kind in ("title", "summary"):
        field_line = re.compile(rf"^{kind}:.*$", re.MULTILINE)
        if len(field_line.findall(head)) != 1:
            raise CannotEdit(f"the front matter has no single-line {kind}")
        head = field_line.sub(f"{kind}: {marker}", head, count=1)
    elif kind == "body end":
        body = body.rstrip("\n") + f"\n\n{marker}\n"
    elif kind == "body start":
        body = f"{marker}\n\n" + body.lstrip("\n")
    elif kind == "body middle":
        paragraphs = body.split("\n\n")
        paragraphs.insert(len(paragraphs) // 2, marker)
        body = "\n\n".join(paragraphs)
    else:
        raise ValueError(f"unknown edit {kind!r}; one of {', '.join(EDIT_KINDS)}")
    return "---\n" + head + separator + body


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8", "replace")


def _wait_until(condition, timeout: float, what: str) -> float:
    """Poll ``condition`` every 20 ms; return the time it became true; raise TimeoutError naming ``what``."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            if condition():
                return time.perf_counter()
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(f"livereload: {what} not within {timeout:.0f} s")


def _article_path(entry: Path, output: Path) -> str:
    """The site path of an entry's article page in the output (``YYYY/MM/DD/slug/``)."""
    pages = list(output.glob(f"*/*/*/{entry.stem}/index.html"))
    if len(pages) != 1:
        raise RuntimeError(f"livereload: cannot find the page of {entry} in {output}")
    return pages[0].parent.relative_to(output).as_posix() + "/"


def _start_task(port: int, log: Path, folders: list[str]) -> subprocess.Popen:
    """``invoke livereload --port PORT …`` in its own session, so it and its children stop together."""
    invoke = Path(sys.executable).with_name("invoke")
    with open(log, "w", encoding="utf-8") as out:
        return subprocess.Popen([str(invoke), "livereload", "--port", str(port), *folders], cwd=ROOT, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)


def _server_up(task: subprocess.Popen, base: str, log: Path) -> bool:
    """True once the task serves ``base``; an error if the task has ended (its first build failed)."""
    if task.poll() is not None:
        raise RuntimeError(f"livereload: the task ended with {task.returncode}:\n{log.read_text()[-3000:]}")
    return _get(base) is not None


def _stop_task(task: subprocess.Popen) -> None:
    if task.poll() is None:
        os.killpg(task.pid, signal.SIGTERM)
        try:
            task.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(task.pid, signal.SIGKILL)
            task.wait()


def _served_after(url: str, marker: str, saved: float, result: list) -> None:
    """Thread body: poll ``url`` until it serves ``marker``; put the seconds since ``saved`` in ``result``."""
    try:
        result.append(_wait_until(lambda: marker in _get(url), TIMEOUT, "the rebuilt page") - saved)
    except TimeoutError as exc:
        result.append(exc)


def _why_not_connected(console: list[str]) -> str:
    """Why the page has no livereload connection, from its console (first sentence of the first message)."""
    if any("Content Security Policy" in message for message in console):
        return "the page's Content-Security-Policy blocks the livereload client, so it never reloads"
    return "the page does not connect to livereload" + (f": {console[0].split('. ')[0]}" if console else "")


def _edit_and_time(page, entry: Path, original: bytes, kind: str, url: str, marker: str,
                   figures: ReloadFigures) -> None:
    """Make an edit of ``kind`` carrying ``marker``; time the served page and (if connected) the browser."""
    served: list = []
    entry.write_text(edit_entry(original.decode("utf-8"), kind, marker), encoding="utf-8")
    saved = time.perf_counter()
    poller = threading.Thread(target=_served_after, args=(url, marker, saved, served), daemon=True)
    poller.start()
    if page is not None:
        # In the body: a new title is in the head's <title> too, which is never visible.
        page.locator("body").get_by_text(marker).first.wait_for(state="visible", timeout=TIMEOUT * 1000)
        figures.browser.append(time.perf_counter() - saved)
    poller.join()
    if isinstance(served[0], Exception):
        raise served[0]
    figures.served.append(served[0])
    figures.kinds.append(kind)


def _chosen_entry(content: Path) -> Path:
    """An entry of the middle of the archive whose title and summary are single lines (all edits apply)."""
    articles = sorted((content / "articles").rglob("*.md"))
    for entry in articles[len(articles) // 2:] + articles[:len(articles) // 2]:
        try:
            for kind in EDIT_KINDS:
                edit_entry(entry.read_text(encoding="utf-8"), kind, "Probe.")
        except CannotEdit:
            continue
        return entry
    raise RuntimeError(f"livereload: no entry of {content} can take every kind of edit")


def measure_livereload(repeats: int, log: Path, content: Path | None = None, output: Path | None = None,
                       cache: Path | None = None) -> ReloadFigures:
    """Time ``repeats`` saved edits of an entry through the real ``invoke livereload``: on the repository's
    own archive, or on ``content`` (built into ``output`` and ``cache``, by default folders next to ``log``)."""
    if content is not None:  # another archive never goes into the repository's output/ and cache
        output = output or log.with_suffix("") / "output"
        cache = cache or log.with_suffix("") / "cache"
        Path(output).parent.mkdir(parents=True, exist_ok=True)
    content, output = Path(content or CONTENT), Path(output or OUTPUT)
    folders = [item for flag, value in (("--content", content), ("--output", output), ("--cache", cache))
               if value is not None for item in (flag, str(Path(value).resolve()))]
    entry = _chosen_entry(content)
    entries = len(list((content / "articles").rglob("*.md")))
    original = entry.read_bytes()
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    figures, url = ReloadFigures(), None
    task = _start_task(port, log, folders)
    try:
        first_build = max(FIRST_BUILD_MIN_SECONDS, FIRST_BUILD_SECONDS_PER_ENTRY * entries)
        _wait_until(lambda: _server_up(task, base, log), first_build, "the first build and the server")
        url = base + _article_path(entry, output)
        _time_edits(repeats, entry, original, url, figures)
    finally:
        entry.write_bytes(original)
        if url:
            _wait_for_restored(url, entry)
        _stop_task(task)
    return figures


def _time_edits(repeats: int, entry: Path, original: bytes, url: str, figures: ReloadFigures) -> None:
    """Open the entry's page in Chromium and time ``repeats`` edits, of each kind in turn."""
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        console, requests = [], []
        page.on("console", lambda message: console.append(message.text))
        page.on("request", lambda request: requests.append(request.url))
        page.goto(url)
        # Let the client connect. Waiting through Playwright (not time.sleep) lets it deliver the
        # page's events, the client's request among them.
        page.wait_for_timeout(SPACING * 1000)
        if not any("/__livereload/wait" in r for r in requests):
            figures.problem = f"never: {_why_not_connected(console)}"
            page = None
        for number in range(repeats):
            kind = EDIT_KINDS[number % len(EDIT_KINDS)]
            marker = f"{MARKER_WORDS} {kind} {number} {uuid.uuid4().hex[:8]}."
            _edit_and_time(page, entry, original, kind, url, marker, figures)
            if page is not None:
                page.wait_for_timeout(SPACING * 1000)
            else:
                time.sleep(SPACING)
        browser.close()


def _wait_for_restored(url: str, entry: Path) -> None:
    """Wait until the restored entry is served, so the task is stopped with its output matching the archive."""
    try:
        _wait_until(lambda: MARKER_WORDS not in _get(url), TIMEOUT, "the restored entry")
    except TimeoutError:
        print(f"livereload: the output may still show the benchmark's edit of {entry.name}; run invoke build",
              file=sys.stderr)


def main(argv=None) -> int:
    """Print the save-to-visible times (browser and served) of ``--repeats`` edits and their median."""
    import argparse
    import statistics

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--content", type=Path, help="archive to edit (default: content/)")
    parser.add_argument("--output", type=Path, help="its output folder (default: output/; for --content, a folder next to the log)")
    parser.add_argument("--cache", type=Path, help="its cache folder (default: the settings')")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    log = Path(args.output or OUTPUT).parent / "livereload.log"
    figures = measure_livereload(args.repeats, log, args.content, args.output, args.cache)
    for name in ("browser", "served"):
        values = getattr(figures, name)
        if values:
            print(f"{name}: {', '.join(f'{v:.2f}' for v in values)} s (median {statistics.median(values):.2f} s)")
    if figures.problem:
        print(figures.problem)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
