"""What the content folder may hold: no symbolic links, file names that work as URLs, no active files.

Pelican follows symbolic links and copies whatever a static folder holds, so a
link to ``/etc`` or ``/proc/self/environ`` would be published, and a Markdown
file linked from outside the repository would become an article. Like Hugo,
the build never follows a link inside the content folder; unlike Hugo, it does
not skip them quietly but refuses them, naming each link, so nothing a
maintainer meant to publish goes missing without a word.

An entry's file name is its slug and so its URL: it must be one (``a#b.md``,
``per%2fcent.md``, spaces, ``...md`` and invisible characters give broken or
spoofed addresses), and no other entry may have it (not even in another
folder, or with another ``lang:``). Static files must be passive: a script, an HTML page or an
SVG with scripts in ``content/images`` would run on the site's own origin.

``invoke check`` and the build call the same ``content_problems``, so they
refuse exactly the same files with the same messages.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from .errors import Problem
from .model import SLUG_PATTERN
from .slugs import slugify

MARKDOWN_SUFFIXES = (".md", ".markdown")
# File types a static folder may hold: images, documents, media. Anything else (.js, .html,
# .xml with a stylesheet, .exe) is refused, as it could run or be run on the site's origin.
STATIC_SUFFIXES = frozenset({
    ".avif", ".gif", ".ico", ".jpeg", ".jpg", ".png", ".svg", ".webp",
    ".pdf", ".txt", ".csv", ".json", ".geojson",
    ".mp3", ".m4a", ".ogg", ".wav", ".mp4", ".webm", ".vtt",
})
# Static file names: letters, digits, dots, hyphens and underscores, as a URL carries them unescaped.
STATIC_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
SLUG_FIX = "use lower-case letters, digits and single hyphens"
# An entry or page file (front matter and Markdown body) holds at most 256 KB: ten times a
# 10,000-word long read. Its page, its feed items and its search document grow with it.
MAX_ENTRY_BYTES = 256 * 1024


@dataclass(frozen=True)
class ContentLayout:
    """Where entries, pages and static files live inside the content folder (Pelican's settings)."""

    article_paths: tuple = ("articles",)
    page_paths: tuple = ("pages",)
    static_paths: tuple = ("images",)
    ignore_files: tuple = (".#*", "*~", "README.md")

    @classmethod
    def from_settings(cls, settings) -> "ContentLayout":
        return cls(tuple(settings.get("ARTICLE_PATHS", ["articles"])), tuple(settings.get("PAGE_PATHS", ["pages"])),
                   tuple(settings.get("STATIC_PATHS", ["images"])), tuple(settings.get("IGNORE_FILES", [])))


def content_problems(content_dir, layout: ContentLayout = ContentLayout()) -> list[Problem]:
    """Every link, badly named file and active static file in the content folder, in one pass."""
    problems, entries_by_slug = [], {}
    for path, rel in _walk(Path(content_dir), layout):
        info = os.lstat(path)  # one call per file: thousands of entries are walked before every build
        if stat.S_ISLNK(info.st_mode):
            problems.append(_link_problem(path))
            continue
        kind = _kind(path.name, rel, layout)
        if kind == "entry":
            problems.extend(_entry_name_problems(path) + _size_problems(path, info.st_size)
                            + _same_slug_problems(path, entries_by_slug))
        elif kind == "page":
            problems.extend(_hidden_file_problems(path) + _size_problems(path, info.st_size))
        elif kind == "static":
            problems.extend(static_file_problems(path))
    return problems


def _kind(name: str, rel: str, layout: ContentLayout) -> str:
    """"entry", "page", "static" or "" (data, notes): what the build does with the file at ``rel``."""
    markdown = name.endswith(MARKDOWN_SUFFIXES)
    if markdown and _under(rel, layout.page_paths):  # first: Pelican keeps page folders out of articles
        return "page"
    if markdown and _under(rel, layout.article_paths):
        return "entry"
    return "static" if _under(rel, layout.static_paths) else ""


def _same_slug_problems(path: Path, entries_by_slug: dict) -> list[Problem]:
    """A slug names one entry in the whole archive, whatever its date, folder or ``lang:``.

    Pelican would publish a second entry with the same slug and another language
    as a "translation" outside the URL scheme, and event ids (``<slug>--<anchor>``)
    would clash on the timelines.
    """
    slug = path.name.rsplit(".", 1)[0]
    first = entries_by_slug.setdefault(slug, path)
    if first == path:
        return []
    return [Problem(_shown(path), 1, f"another entry has the same file name, so the same slug '{slug}': "
                    f"{_shown(first)} (a slug names one entry, whatever its date, folder or lang)",
                    "rename one of the two files")]


class Unreadable(Problem):
    """A problem that stops a build before it reads any entry: a link would be followed, and a file
    over the size limit would be rendered, feeds and search documents included, before the end."""


def unreadable(problems) -> list[Problem]:
    """The problems among ``problems`` that stop everything before reading (``invoke check`` too)."""
    return [p for p in problems if isinstance(p, Unreadable)]


def _walk(content: Path, layout: ContentLayout):
    """(path, path relative to ``content``) of every file and link under it, links not followed,
    ignored names (editor backups) left out; sorted, so check and build report in one order."""
    for root, dirs, files in os.walk(content, followlinks=False):
        rel_root = os.path.relpath(root, content).replace(os.sep, "/")
        prefix = "" if rel_root == "." else rel_root + "/"
        dirs.sort()
        for name in list(dirs):
            if os.path.islink(os.path.join(root, name)):
                dirs.remove(name)
                yield Path(root, name), prefix + name
        for name in sorted(files):
            if not any(fnmatch.fnmatch(name, pattern) for pattern in layout.ignore_files):
                yield Path(root, name), prefix + name


def _under(rel: str, folders) -> bool:
    """Whether ``rel`` lies in one of ``folders`` ("" or "." being the whole content folder, as in Pelican)."""
    return any(folder.strip("/.") == "" or rel.startswith(folder.strip("/") + "/") for folder in folders)


def _shown(path: Path) -> str:
    return os.path.relpath(path)


def _link_problem(path: Path) -> Problem:
    target = os.readlink(path)
    return Unreadable(_shown(path), 1, f"a symbolic link (to {target}): the build never follows links in the content "
                   "folder, so nothing from outside the archive is published",
                   "replace the link with a copy of the file or folder, or remove it")


def entry_file_problems(path: Path) -> list[Problem]:
    """An entry file must be no link, and its name is its URL: it must be a slug."""
    if path.is_symlink():
        return [_link_problem(path)]
    return _entry_name_problems(path) + _size_problems(path)


def _entry_name_problems(path: Path) -> list[Problem]:
    stem = path.name.rsplit(".", 1)[0]
    if re.match(SLUG_PATTERN, stem):
        return []
    hidden = _hidden_file_problems(path)
    if hidden:
        return hidden
    suggestion = suggest_slug(stem)
    fix = f"rename it to {suggestion}.md ({SLUG_FIX})" if suggestion else f"rename it: {SLUG_FIX}"
    return [Problem(_shown(path), 1, f"the file name {_quoted(path.name)} is not a slug, and an entry's file name "
                    "is its URL", fix)]


def _hidden_file_problems(path: Path) -> list[Problem]:
    if not path.name.startswith("."):
        return []
    return [Problem(_shown(path), 1, f"the file name {_quoted(path.name)} starts with a dot, so the file is hidden "
                    "but would still be published", "rename it without the dot, or move notes out of content/")]


def _size_problems(path: Path, size: int | None = None) -> list[Problem]:
    """An entry or page over ``MAX_ENTRY_BYTES``: its page, feeds and search document would be as big."""
    size = path.stat().st_size if size is None else size
    if size <= MAX_ENTRY_BYTES:
        return []
    return [Unreadable(_shown(path), 1, f"the file holds {size / 1024:,.0f} KB, over the {MAX_ENTRY_BYTES // 1024} KB "
                    "an entry or page may hold", "split it into several entries, or leave the long document "
                    "where it is published and cite it in sources")]


def static_file_problems(path: Path) -> list[Problem]:
    """A static file must have a URL-safe name and be of a passive type (no scripts, no pages)."""
    problems = []
    if not STATIC_NAME.match(path.name):
        problems.append(Problem(_shown(path), 1, f"the file name {_quoted(path.name)} is not safe in a URL",
                                "rename it with letters, digits, dots, hyphens and underscores only"))
    suffix = path.suffix.lower()
    if suffix not in STATIC_SUFFIXES:
        problems.append(Problem(_shown(path), 1, f"a '{suffix or path.name}' file in a static folder could run on "
                                "the site's own origin", "static folders take images, documents and media only: "
                                f"{', '.join(sorted(STATIC_SUFFIXES))}"))
    elif suffix == ".svg":
        active = active_svg_content(path.read_bytes())
        if active:
            problems.append(Problem(_shown(path), 1, f"the SVG holds {active}, which would run when the image is "
                                    "opened", "export it again without scripts, event handlers or embedded pages"))
    return problems


def active_svg_content(raw: bytes) -> str:
    """What in an SVG could run (a script, an event handler, an embedded page, an outside link), or ''."""
    image = BeautifulSoup(raw, "html.parser")
    for element in image.find_all(True):
        name = element.name.lower()
        if name in ("script", "foreignobject", "iframe", "embed", "object", "handler"):
            return f"a <{element.name}> element"
        for attribute, value in element.attrs.items():
            if attribute.lower().startswith("on"):
                return f"an event handler ({attribute})"
            if attribute.lower() in ("href", "xlink:href") and not str(value).strip().startswith("#"):
                return f"a link to {str(value).strip()[:60]!r}"
    return ""


def suggest_slug(text: str) -> str:
    """A slug close to ``text``, by the archive's one slug rule (slugs.py), long enough for any file name."""
    return slugify(text, limit=max(len(text), 1))


def _quoted(name: str) -> str:
    """A file name as text a terminal shows faithfully: invisible and control characters spelled out."""
    return "'" + "".join(c if c.isprintable() and unicodedata.category(c) != "Cf" else f"\\u{ord(c):04x}"
                         for c in name) + "'"
