"""``invoke check``: validate every entry and registry at once, without building."""

from __future__ import annotations

import os
from pathlib import Path

from plugins.contract.settings import REGISTRY_FOLDER

from .errors import EntryErrors, Problem
from .files import ContentLayout, content_problems, entry_file_problems, unreadable
from .pages import load_page
from .reader import load_valid_entry
from .registry import load_registries
from .validation import ProblemList


def check_archive(content_dir, article_paths=("articles",), page_paths=("pages",), data_dir=None,
                  warnings=None) -> tuple[list, int]:
    """Every problem in the archive, and how many entry files were read.

    ``warnings``, when a list, collects what drafts must fix before publishing.
    """
    content = Path(content_dir)
    problems = content_problems(content, ContentLayout(tuple(article_paths), tuple(page_paths)))
    if unreadable(problems):  # the build stops here too, before reading anything
        return problems, sum(1 for _ in _markdown_files(content, article_paths))
    try:
        registries = load_registries(data_dir or content / REGISTRY_FOLDER)
    except EntryErrors as exc:
        return problems + exc.problems, 0
    count = 0
    for path in _markdown_files(content, article_paths):
        count += 1
        shown = os.path.relpath(path)
        loaded = _check_entry(path, shown, registries, problems)  # two entries with one slug: content_problems
        if loaded is not None and warnings is not None:
            warnings.extend(loaded.warnings)
    for path in _markdown_files(content, page_paths):
        shown = os.path.relpath(path)
        try:
            load_page(path, shown)
        except Problem as problem:
            problems.append(problem)
        except ProblemList as many:
            problems.extend(many.problems)
    return problems, count


def check_files(paths, content_dir, warnings=None) -> list:
    """Problems of some entry files only (for pre-commit on changed entries)."""
    registries = load_registries(Path(content_dir) / REGISTRY_FOLDER)
    problems = []
    for path in paths:
        found = entry_file_problems(Path(path))
        problems.extend(found)
        if not unreadable(found):
            loaded = _check_entry(path, os.path.relpath(path), registries, problems)
            if loaded is not None and warnings is not None:
                warnings.extend(loaded.warnings)
    return problems


def _check_entry(path, shown, registries, problems):
    """The valid entry, or None with its problems added to ``problems``."""
    try:
        return load_valid_entry(path, shown, registries)
    except Problem as problem:
        problems.append(problem)
    except ProblemList as many:
        problems.extend(many.problems)
    return None


def _markdown_files(content: Path, folders):
    for folder in folders:
        base = content / folder
        for root, dirs, files in os.walk(base):
            dirs.sort()
            for name in sorted(files):
                if name.endswith((".md", ".markdown")):
                    yield Path(root) / name
