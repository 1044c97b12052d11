"""``invoke publish``: build with the production settings, then put the site somewhere.

Three ways out, as pelican-quickstart offers them: a folder (each file
replaced atomically; files the archive did not write stay, see folder.py), an rsync target
(``rsync -avz --delete``), or a branch of a git remote (ghp-import, which
commits the folder as the branch's whole tree, on top of the branch's
history, and pushes it).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .build import build
from .folder import FolderRefused, publish_into


class PublishError(Exception):
    """Publishing refused or failed; the message says what to do."""


def build_for_publishing(staging, settings_file: str = "publishconf.py", overrides: dict | None = None) -> Path:
    """The production build, in ``staging``."""
    build(settings_file, output=str(staging), overrides=overrides)
    return Path(staging)


def copy_to_folder(site, target) -> Path:
    """Make ``target`` serve the built site, keeping files the archive did not write (folder.py)."""
    try:
        return publish_into(site, target)
    except FolderRefused as exc:
        raise PublishError(str(exc)) from None


def rsync_command(site, destination: str) -> list[str]:
    """rsync the site's contents (note the trailing slash) so the destination mirrors it."""
    return ["rsync", "-avz", "--delete", f"{Path(site)}/", destination]


def rsync_to(site, destination: str) -> None:
    if shutil.which("rsync") is None:
        raise PublishError("rsync is not installed; install it (apt-get install rsync) or use --to / --gh-pages")
    _run(rsync_command(site, destination))


def gh_pages_command(site, remote: str = "origin", branch: str = "gh-pages", message: str = "") -> list[str]:
    """ghp-import, as pelican-quickstart calls it: commit the site to ``branch`` and push it to ``remote``."""
    return [sys.executable, "-m", "ghp_import", "--no-jekyll", "--push", "--remote", remote,
            "--branch", branch, "--message", message or "Publish the archive", str(Path(site))]


def push_to_gh_pages(site, repository=".", remote: str = "origin", branch: str = "gh-pages",
                     message: str = "") -> None:
    """Commit the built site as ``branch`` of the git repository at ``repository`` and push it."""
    if subprocess.run(["git", "rev-parse", "--git-dir"], cwd=repository, capture_output=True).returncode != 0:
        raise PublishError(f"{Path(repository).resolve()} is not a git repository; --gh-pages needs one "
                           f"with a remote called '{remote}'")
    if subprocess.run(["git", "remote", "get-url", remote], cwd=repository, capture_output=True).returncode != 0:
        raise PublishError(f"the repository has no remote '{remote}'; add it (git remote add {remote} URL) "
                           "or name another with --remote")
    # Know the remote branch first, so the new commit follows it and the push is a fast-forward.
    subprocess.run(["git", "fetch", "--quiet", remote, branch], cwd=repository, capture_output=True)
    _run(gh_pages_command(site, remote, branch, message), cwd=repository)


def _run(command: list[str], cwd=None) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise PublishError(f"{' '.join(command[:3])} … failed:\n{(result.stderr or result.stdout).strip()}")
