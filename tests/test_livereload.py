"""``invoke livereload`` in a real browser: every save shows, and a broken save shows its problems, then clears."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from desk.sitebuild.devserver import BuildState, Rebuilder, inject_client
from tests.support.sites import FIXTURES, ROOT

ENTRY = Path("articles/2025/rivertown-strike.md")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def dev_site(tmp_path):
    """The real task on a copy of the mini archive: (base URL, content folder, log file)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    port, log = _free_port(), tmp_path / "livereload.log"
    invoke = Path(sys.executable).with_name("invoke")
    with open(log, "w", encoding="utf-8") as out:
        task = subprocess.Popen([str(invoke), "livereload", "--port", str(port), "--content", str(content),
                                 "--output", str(tmp_path / "output"), "--cache", str(tmp_path / "cache")],
                                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(base, timeout=2).read()
                break
            except OSError:
                if task.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"livereload did not start:\n{log.read_text()[-3000:]}") from None
                time.sleep(0.2)
        yield base, content, log
    finally:
        os.killpg(task.pid, signal.SIGTERM)
        task.wait(timeout=20)


def _article_url(base: str, output: Path) -> str:
    """The URL of the Rivertown entry's page (its slug comes from the file name)."""
    pages = list(output.glob(f"2025/*/*/{ENTRY.stem}/index.html"))
    assert len(pages) == 1, f"no single page for {ENTRY} under {output}"
    return base + pages[0].parent.relative_to(output).as_posix() + "/"


def _append(path: Path, original: str, sentence: str) -> None:
    path.write_text(original + f"\n{sentence}\n", encoding="utf-8")


@pytest.mark.browser
def test_a_second_save_within_300_ms_is_shown(dev_site, page_factory):
    base, content, log = dev_site
    page = page_factory()
    page.goto(_article_url(base, content.parent / "output"))
    entry = content / ENTRY
    original = entry.read_text(encoding="utf-8")
    _append(entry, original, "The first saved sentence.")
    page.wait_for_timeout(150)  # the second save comes while the first is being built
    _append(entry, original, "The second saved sentence.")
    page.get_by_text("The second saved sentence.").wait_for(state="visible", timeout=60_000)
    # And the page stays on it: no later build goes back to the first save.
    page.wait_for_timeout(1500)
    assert "The second saved sentence." in page.content()
    assert "The first saved sentence." not in page.content()
    assert "Ignore" not in log.read_text()


BROKEN = {
    "yaml-syntax": ("title: Strike on Rivertown kills 4", "title: [Strike on Rivertown", 3),  # where YAML notices
    "unknown-section": ("section: strikes", "section: strikez", 6),
}


@pytest.mark.browser
@pytest.mark.parametrize("breakage", sorted(BROKEN))
def test_a_broken_save_shows_its_problems_over_the_last_good_page_until_fixed(dev_site, page_factory, breakage):
    base, content, _log = dev_site
    good, bad, line = BROKEN[breakage]
    page = page_factory()
    page.goto(_article_url(base, content.parent / "output"))
    entry = content / ENTRY
    original = entry.read_text(encoding="utf-8")
    entry.write_text(original.replace(good, bad), encoding="utf-8")
    overlay = page.locator("#livereload-problems")
    overlay.wait_for(state="visible", timeout=60_000)
    problems = BeautifulSoup(overlay.inner_html(), "html.parser").find_all("li")
    assert len(problems) == 1
    assert f"rivertown-strike.md:{line}: " in problems[0].get_text() and " — " in problems[0].get_text()
    assert page.get_by_role("heading", name="Strike on Rivertown kills 4").first.is_visible()  # the last good page
    _append(entry, original, "A sentence after the fix.")
    page.get_by_text("A sentence after the fix.").wait_for(state="visible", timeout=60_000)
    assert page.locator("#livereload-problems").count() == 0


def test_the_client_is_loaded_from_the_site_itself():
    page = b"<!doctype html><html><head><title>t</title></head><body>x</body></html>"
    script = BeautifulSoup(inject_client(page, 3), "html.parser").head.find("script")
    assert script["src"].startswith("/") and not script["src"].startswith("//")  # same origin: script-src 'self'
    assert script["data-site"] == "3" and not script.string


def test_saves_during_a_build_queue_exactly_one_more_build():
    started = []
    gate = threading.Event()

    def build():
        started.append(time.monotonic())
        if len(started) == 1:
            gate.wait(10)  # the first build is running while three saves arrive

    rebuilder = Rebuilder(build).start()
    try:
        rebuilder.request()
        deadline = time.monotonic() + 10
        while not started and time.monotonic() < deadline:
            time.sleep(0.01)
        for _save in range(3):
            rebuilder.request()
        gate.set()
        state = rebuilder.wait(1, 10)
        assert isinstance(state, BuildState) and state.builds == 2 and state.site == 2
        assert rebuilder.wait(2, 0.5).builds == 2  # not one build per save: one more for all of them
    finally:
        rebuilder.stop()


def test_before_any_good_build_a_page_shows_why_and_waits_for_one(tmp_path):
    """The first build failed, so there is no site: every URL still gets a page with the client on it."""
    from plugins.entries.errors import EntryErrors, Problem
    from desk.sitebuild.devserver import DevSite

    def broken():
        raise EntryErrors([Problem("articles/2025/a.md", 3, "no title", "add 'title: …'")])

    rebuilder = Rebuilder(broken).start()
    try:
        rebuilder.request()
        state = rebuilder.wait(0, 30)
        answered = {}
        body = b"".join(DevSite(tmp_path, rebuilder)({"PATH_INFO": "/2025/", "REQUEST_METHOD": "GET"},
                                                     lambda status, headers: answered.update(status=status)))
    finally:
        rebuilder.stop()
    assert state.problems == ["articles/2025/a.md:3: no title — add 'title: …'"] and state.site == 0
    assert answered["status"].startswith("404")
    page = BeautifulSoup(body, "html.parser")
    assert page.h1.get_text() == "The site has not been built yet"
    assert page.head.find("script")["src"] == "/__livereload/client.js"


def _wait_answer(site, since: int, page: str) -> dict:
    import json

    body = b"".join(site({"PATH_INFO": "/__livereload/wait", "QUERY_STRING": f"since={since}&page={page}",
                          "REQUEST_METHOD": "GET"}, lambda *a: None))
    return json.loads(body)


def test_the_wait_answer_says_whether_the_clients_page_changed(tmp_path):
    from desk.sitebuild.devserver import DevSite

    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_bytes(b"<html><head></head><body>one</body></html>")
    (tmp_path / "b.html").write_bytes(b"<html><head></head><body>b</body></html>")
    rebuilder = Rebuilder(lambda: None).start()
    site = DevSite(tmp_path, rebuilder)
    try:
        served = b"".join(site({"PATH_INFO": "/a/", "REQUEST_METHOD": "GET"}, lambda *a: None))
        digest = BeautifulSoup(served, "html.parser").head.find("script")["data-page"]
        rebuilder.request()
        assert _wait_answer(site, 0, "/a/")["page"] == digest  # built again, the page the same: no reload
        (tmp_path / "a/index.html").write_bytes(b"<html><head></head><body>two</body></html>")
        rebuilder.request()
        assert _wait_answer(site, 1, "/a/")["page"] != digest
    finally:
        rebuilder.stop()


@pytest.mark.browser
def test_a_build_that_leaves_the_page_unchanged_does_not_reload_it(dev_site, page_factory):
    base, content, _log = dev_site
    page = page_factory()
    page.goto(_article_url(base, content.parent / "output"))
    page.evaluate("window.notReloaded = true")
    other = content / "articles/2025/talks-in-hillville.md"
    _append(other, other.read_text(encoding="utf-8"), "A sentence on another entry.")
    deadline = time.monotonic() + 60  # until the build of that save is served
    while "A sentence on another entry." not in urllib.request.urlopen(
            base + "2025/03/10/talks-in-hillville/", timeout=5).read().decode():
        assert time.monotonic() < deadline
        time.sleep(0.2)
    page.wait_for_timeout(2500)  # the full build after the warm page (about a second for this archive)
    assert page.evaluate("window.notReloaded === true")
    entry = content / ENTRY
    _append(entry, entry.read_text(encoding="utf-8"), "A sentence on this entry.")
    page.get_by_text("A sentence on this entry.").wait_for(state="visible", timeout=60_000)
    assert page.evaluate("window.notReloaded === undefined")
