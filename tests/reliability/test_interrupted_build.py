"""Killing a build midway leaves the previously published output exactly as it was."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.support.sites import FIXTURES, ROOT, build_site

BUILD = """
from desk.sitebuild.build import build
build({conf!r}, output={output!r}, overrides={{"PATH": {content!r}, "CACHE_PATH": {cache!r}}})
"""


def _grow(content, copies, body_lines=0):
    """Many entries, so the build takes long enough to be killed while writing (long ones: while reading)."""
    source = (content / "articles/2025/rivertown-strike.md").read_text(encoding="utf-8")
    folder = content / "articles" / "2023"
    folder.mkdir()
    for number in range(copies):
        text = source.replace("title: Strike on Rivertown kills 4", f"title: Copy {number} of the strike")
        text = text.replace("date: 2025-04-05T", "date: 2023-04-05T") + "\nMore text for the page. " * body_lines
        (folder / f"copy-{number}.md").write_text(text, encoding="utf-8")


def _snapshot(output):
    return {p.relative_to(output): (p.read_bytes(), p.stat().st_mtime_ns) for p in output.rglob("*") if p.is_file()}


def test_killed_build_leaves_previous_output_intact(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    output = build_site(content, tmp_path / "output")
    before = _snapshot(output)
    _grow(content, 400)
    script = BUILD.format(conf=str(ROOT / "pelicanconf.py"), output=str(output),
                          content=str(content), cache=str(tmp_path / "cache"))
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    partial = tmp_path / "output.partial"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not any(partial.rglob("index.html")) and process.poll() is None:
        time.sleep(0.02)
    assert process.poll() is None, "the build finished before it could be interrupted; grow the archive"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert _snapshot(output) == before
    # The next build cleans up the half-written folder and publishes everything.
    build_site(content, output)
    assert not partial.exists()
    assert (output / "2023/04/05/copy-399/index.html").is_file()


def _children(pid):
    """Processes ``pid`` started itself (Linux /proc), with their command lines."""
    found = {}
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.update({int(child): None for child in (task / "children").read_text().split()})
        except OSError:
            continue
    for child in found:
        try:
            found[child] = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            found[child] = b""
    return found


def _alive(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] not in "ZX"
    except (OSError, IndexError):
        return False


def test_a_killed_build_leaves_no_reader_pool_workers_behind(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    _grow(content, 400, body_lines=200)  # the pool's answers outgrow a pipe's buffer
    script = BUILD.format(conf=str(ROOT / "pelicanconf.py"), output=str(tmp_path / "output"),
                          content=str(content), cache=str(tmp_path / "cache"))
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    own_command = Path(f"/proc/{process.pid}/cmdline").read_bytes()
    deadline, workers = time.monotonic() + 120, []
    while time.monotonic() < deadline and process.poll() is None and not workers:
        workers = [pid for pid, command in _children(process.pid).items() if command == own_command]  # forks
        time.sleep(0.01)
    time.sleep(0.5)  # reading
    assert workers, "the build ended before its reader pool started; grow the archive"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:  # do not leave them to the next test
        os.kill(pid, signal.SIGKILL)
    assert left == [], f"reader pool workers {left} still wait for a build that was killed"


INDEX_BUILD = """
from desk.sitebuild.build import build
build({conf!r}, output={output!r}, overrides={{"PATH": {content!r}, "CACHE_PATH": {cache!r},
                                               "SEARCH_WORKER_MIN_ENTRIES": 1}})
"""


def test_a_killed_build_leaves_no_search_index_worker_behind(tmp_path):
    """The index worker (a spawned interpreter) ends with the build, not after a job nobody waits for."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    _grow(content, 400, body_lines=200)  # an index job of several seconds
    script = INDEX_BUILD.format(conf=str(ROOT / "pelicanconf.py"), output=str(tmp_path / "output"),
                                content=str(content), cache=str(tmp_path / "cache"))
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline, workers = time.monotonic() + 120, []
    while time.monotonic() < deadline and process.poll() is None and not workers:
        workers = [pid for pid, command in _children(process.pid).items() if b"multiprocessing.spawn" in command
                   and b"spawn_main" in command]
        time.sleep(0.01)
    assert workers, "the build ended before its index worker started"
    time.sleep(1.0)  # the worker has its job
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 3  # the worker looks for its parent every half second
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == [], f"the search index worker {left} still runs for a build that was killed"
