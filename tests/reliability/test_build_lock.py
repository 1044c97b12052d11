"""Two builds at once never leave a half site: the second waits for the first, or says one is running.

Issue #11 case 4 (a save under livereload while a manual build runs, two CI
steps), and case 7's second half: ``invoke clean`` removes only the folders
builds make, not every ``output.*`` of the maintainer's.
"""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from invoke import Context

import tasks
from desk.sitebuild.build import build, staging_folders
from desk.sitebuild.lock import BuildBusy, build_lock
from tests.support.sites import ROOT, build_site


def site_files(output):
    return sorted(str(p.relative_to(output)) for p in output.rglob("*") if p.is_file())


def build_command(content, output):
    return [sys.executable, "-m", "desk.sitebuild.build", "--content", str(content), "--output", str(output),
            "--cache", str(output.parent / "cache")]


def test_two_builds_at_once_both_finish_and_leave_the_whole_site(archive_copy, tmp_path):
    reference = build_site(archive_copy, tmp_path / "reference" / "output")
    output = tmp_path / "site" / "output"
    runs = [subprocess.Popen(build_command(archive_copy, output), cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    logs = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], logs
    assert "Traceback" not in "".join(logs)
    assert any("waits for it to finish" in log for log in logs), logs
    assert site_files(output) == site_files(reference)


def test_a_build_that_cannot_get_the_lock_says_which_build_holds_it(archive_copy, tmp_path):
    output = tmp_path / "output"
    with build_lock([output, tmp_path / "cache"]):
        busy = r"(output|cache)\.lock: another build \(pid \d+, started .*\) has been running"
        with pytest.raises(BuildBusy, match=busy):
            build(str(ROOT / "pelicanconf.py"), output=str(output), lock_timeout=0.3,
                  overrides={"PATH": str(archive_copy), "CACHE_PATH": str(tmp_path / "cache")})
    assert not output.exists()


def test_a_waiting_build_starts_when_the_running_one_ends(archive_copy, tmp_path):
    output, finished = tmp_path / "output", []
    with build_lock([output, tmp_path / "cache"]):
        waiting = threading.Thread(target=lambda: finished.append(build_site(archive_copy, output)))
        waiting.start()
        waiting.join(0.5)
        assert not finished and not output.exists(), "the second build ran while the first held the lock"
    waiting.join(120)
    assert finished and (output / "index.html").is_file()


KEPT = ["output.backup", "output.2024", "output.old-notes"]
MADE = ["output.partial", "output.spare", "output.old-12-345", "output.spare.old-7-89"]


def test_invoke_clean_removes_only_the_folders_builds_make(tmp_path, monkeypatch):
    for name in ["output", ".build", *KEPT, *MADE]:
        (tmp_path / name).mkdir()
        (tmp_path / name / "file.txt").write_text("x", encoding="utf-8")
    assert sorted(folder.name for folder in staging_folders(tmp_path / "output")) == sorted(MADE)
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    monkeypatch.setattr(tasks, "OUTPUT", tmp_path / "output")
    tasks.clean(Context())
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == sorted(KEPT)
