"""``invoke check`` and the build on the same archive: the problems each reports, as the maintainer reads them."""

from __future__ import annotations

import os
from pathlib import Path

from plugins.entries.check import check_archive
from plugins.entries.errors import EntryErrors
from tests.support.sites import build_site


def check_problems(content: Path) -> list:
    """What ``invoke check`` prints, one line a problem."""
    problems, _count = check_archive(content)
    return sorted(str(problem) for problem in problems)


def build_problems(content: Path, output: Path) -> list:
    """What the build refuses (its EntryErrors), or [] when it built the site."""
    try:
        build_site(content, output)
    except EntryErrors as exc:
        return sorted(str(problem) for problem in exc.problems)
    return []


def shown(path: Path) -> str:
    """A file as both name it (relative to the working folder)."""
    return os.path.relpath(path)


VALID_ENTRY = """---
title: Talks resume in Hillville
date: 2025-05-02
summary: Delegations meet again.
section: diplomacy
topics: [talks]
places: [hillville]
sources:
  - {publisher: Test Wire, url: "https://example.org/again"}
---
Delegations met again.
"""
