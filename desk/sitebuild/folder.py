"""``invoke publish --to DIR``: bring the site into a folder the web server reads, keeping what is not ours.

A served folder often holds files the archive did not make: a ``CNAME``, a
``.well-known/`` for certificates, uploads. Publishing used to replace the whole
folder (deleting them, and resetting the folder's mode and owner). Now the
folder itself stays, and publishing writes only the site's files:

- every file of the site is written beside its old version and renamed over
  it (a reader gets the old page or the new one, never half of one), assets
  before pages, so a new page never links to a file that is not there yet;
- files the previous publish wrote (listed in ``MANIFEST``) that the site no
  longer has are deleted; nothing else is;
- a replaced file keeps its mode and, where allowed, its owner.

A non-empty folder without a manifest is refused unless it holds a site
(``index.html``): a typo in ``--to`` must never scatter the archive over a home
folder. Such a site published before manifests existed keeps its old pages
that the new site no longer has; delete them once by hand.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

MANIFEST = ".published-files"  # the site's files, one relative path a line, as the last publish wrote them


class FolderRefused(Exception):
    """The target folder is not one to publish into; the message says why and what to do."""


def site_files(site: Path) -> list:
    """The site's files, relative, assets first and pages (``.html``) last."""
    files = [os.path.relpath(os.path.join(root, name), site) for root, _dirs, names in os.walk(site)
             for name in names]
    return sorted(files, key=lambda name: (name.endswith(".html"), name))


def publish_into(site: Path, target: Path) -> Path:
    """Make ``target`` serve ``site``; files the archive did not write stay."""
    site, target = Path(site).resolve(), Path(target).resolve()
    if target == site or target in site.parents or site in target.parents:
        raise FolderRefused(f"{target} holds the build itself, or lies inside it; publish to another folder")
    if target.exists() and not target.is_dir():
        raise FolderRefused(f"{target} is a file, not a folder")
    previous = read_manifest(target)
    if previous is None and target.is_dir() and any(target.iterdir()) and not (target / "index.html").exists():
        raise FolderRefused(f"{target} is not empty and holds no site (no index.html); publish into an empty "
                            "folder or one you published to before")
    target.mkdir(parents=True, exist_ok=True)
    files = site_files(site)
    for name in files:
        replace_file(site / name, target / name)
    for name in sorted(set(previous or ()) - set(files), reverse=True):
        remove_owned(target, name)
    write_manifest(target, files)
    return target


def replace_file(source: Path, destination: Path) -> None:
    """Copy ``source`` over ``destination`` atomically, keeping the old file's mode and owner."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = destination.with_name(f".{destination.name}.publishing")
    shutil.copyfile(source, temporary)
    try:
        old = destination.stat()
    except FileNotFoundError:
        old = None
    if old is not None:
        os.chmod(temporary, old.st_mode & 0o7777)
        try:
            os.chown(temporary, old.st_uid, old.st_gid)
        except PermissionError:  # only the owner's own files can be given away; keep ours
            pass
    os.replace(temporary, destination)


def remove_owned(target: Path, name: str) -> None:
    """Delete a file an earlier publish wrote, and its folders if that left them empty."""
    path = target / name
    if path.is_file() and not path.is_symlink():
        path.unlink()
    folder = path.parent
    while folder != target and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def read_manifest(target: Path):
    """The files the last publish wrote, or None if none was recorded."""
    try:
        text = (target / MANIFEST).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return None
    names = [line for line in text.splitlines() if line]
    return [name for name in names if not os.path.isabs(name) and ".." not in Path(name).parts]


def write_manifest(target: Path, files: list) -> None:
    temporary = target / f".{MANIFEST}.publishing"
    temporary.write_text("".join(name + "\n" for name in sorted(files)), encoding="utf-8")
    os.replace(temporary, target / MANIFEST)
