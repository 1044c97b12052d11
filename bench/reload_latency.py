"""How long ``invoke livereload`` takes to show a saved edit in the browser.

The real task is started as a subprocess (on the sample archive, ``content/``
into ``output/``, or on any archive with ``--content``/``--output``/``--cache``),
an entry's page is opened in headless Chromium, and a unique sentence is
appended to that entry's Markdown; the time is taken from the save to the
sentence being visible. The entry is restored afterwards, always, and the task
is stopped only once its rebuild of the restored entry is served, so the
content and output folders are left as they were.

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


@dataclass
class ReloadFigures:
    browser: list[float] = field(default_factory=list)  # save -> visible in the page (seconds)
    served: list[float] = field(default_factory=list)  # save -> rebuilt page served over HTTP
    problem: str = ""  # why there is no browser figure, if there is none


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


def _edit_and_time(page, entry: Path, original: bytes, url: str, marker: str, figures: ReloadFigures) -> None:
    """Append ``marker`` to the entry, then time the served page and (if livereload is connected) the browser."""
    served: list = []
    entry.write_bytes(original + f"\n{marker}\n".encode())
    saved = time.perf_counter()
    poller = threading.Thread(target=_served_after, args=(url, marker, saved, served), daemon=True)
    poller.start()
    if page is not None:
        page.get_by_text(marker).wait_for(state="visible", timeout=TIMEOUT * 1000)
        figures.browser.append(time.perf_counter() - saved)
    poller.join()
    if isinstance(served[0], Exception):
        raise served[0]
    figures.served.append(served[0])


def measure_livereload(repeats: int, log: Path, content: Path | None = None, output: Path | None = None,
                       cache: Path | None = None) -> ReloadFigures:
    """Time ``repeats`` saved edits of an entry through the real ``invoke livereload``."""
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, CHROMIUM_ARGS

    content, output = Path(content or CONTENT), Path(output or OUTPUT)
    folders = [item for flag, value in (("--content", content), ("--output", output), ("--cache", cache))
               if value is not None for item in (flag, str(Path(value).resolve()))]
    entry = sorted((content / "articles").rglob("*.md"))[0]
    original = entry.read_bytes()
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    figures, url = ReloadFigures(), None
    task = _start_task(port, log, folders)
    try:
        _wait_until(lambda: _server_up(task, base, log), 900, "the first build and the server")
        url = base + _article_path(entry, output)
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
                marker = f"Livereload benchmark sentence {number} {uuid.uuid4().hex[:8]}."
                _edit_and_time(page, entry, original, url, marker, figures)
                if page is not None:
                    page.wait_for_timeout(SPACING * 1000)
                else:
                    time.sleep(SPACING)
            browser.close()
    finally:
        entry.write_bytes(original)
        if url:
            _wait_for_restored(url, entry)
        _stop_task(task)
    return figures


def _wait_for_restored(url: str, entry: Path) -> None:
    """Wait until the restored entry is served, so the task is stopped with output/ matching content/ again."""
    try:
        _wait_until(lambda: "Livereload benchmark sentence" not in _get(url), TIMEOUT, "the restored entry")
    except TimeoutError:
        print(f"livereload: output/ may still show the benchmark's edit of {entry.name}; run invoke build",
              file=sys.stderr)


def main(argv=None) -> int:
    """Print the save-to-visible times (browser and served) of ``--repeats`` edits and their median."""
    import argparse
    import statistics

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--content", type=Path, help="archive to edit (default: content/)")
    parser.add_argument("--output", type=Path, help="its output folder (default: output/)")
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
