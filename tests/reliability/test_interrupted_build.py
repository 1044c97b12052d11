"""Killing a build midway leaves the previously published output exactly as it was."""

import os
import shutil
import signal
import subprocess
import sys
import time

from tests.support.sites import FIXTURES, ROOT, build_site

BUILD = """
import sys
sys.path.insert(0, {root!r})
from plugins.sitebuild.build import build
build({conf!r}, output={output!r}, overrides={{"PATH": {content!r}, "CACHE_PATH": {cache!r}}})
"""


def _grow(content, copies):
    """Many entries, so the build takes long enough to be killed while writing."""
    source = (content / "articles/2025/rivertown-strike.md").read_text(encoding="utf-8")
    folder = content / "articles" / "2023"
    folder.mkdir()
    for number in range(copies):
        text = source.replace("title: Strike on Rivertown kills 4", f"title: Copy {number} of the strike")
        (folder / f"copy-{number}.md").write_text(text.replace("date: 2025-04-05T", "date: 2023-04-05T"),
                                                  encoding="utf-8")


def _snapshot(output):
    return {p.relative_to(output): (p.read_bytes(), p.stat().st_mtime_ns) for p in output.rglob("*") if p.is_file()}


def test_killed_build_leaves_previous_output_intact(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    output = build_site(content, tmp_path / "output")
    before = _snapshot(output)
    _grow(content, 400)
    script = BUILD.format(root=str(ROOT), conf=str(ROOT / "pelicanconf.py"), output=str(output),
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
