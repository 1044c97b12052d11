"""The livereload benchmark's edits (bench/reload_latency.py), without a server."""

import pytest

from bench.reload_latency import EDIT_KINDS, CannotEdit, edit_entry
from plugins.entries.frontmatter import decode, split

ENTRY = """---
title: Drone attack on a city
date: 2025-04-06T12:00:00+03:00
summary: One sentence.
sources:
- publisher: Someone
  title: Not the entry's title
  url: https://example.org/1
---
First paragraph.

Second paragraph.

Third paragraph.
"""
MARKER = "Livereload benchmark 3 abc."


def _read(text):
    document = split(decode(text.encode(), "entry.md"), "entry.md")
    return document.data, document.body


@pytest.mark.parametrize("kind", EDIT_KINDS)
def test_each_edit_puts_the_marker_where_its_kind_says_and_keeps_the_rest(kind):
    data, body = _read(edit_entry(ENTRY, kind, MARKER))
    before, old_body = _read(ENTRY)
    if kind in ("title", "summary"):
        assert data[kind] == MARKER and body == old_body
        assert data["sources"] == before["sources"]
    else:
        paragraphs = body.strip().split("\n\n")
        where = {"body start": 0, "body middle": (len(paragraphs) - 1) // 2, "body end": len(paragraphs) - 1}[kind]
        assert paragraphs[where] == MARKER and data == before
        assert [p for p in paragraphs if p != MARKER] == old_body.strip().split("\n\n")


@pytest.mark.parametrize("text", ["no front matter at all\n", "---\ndate: 2025-01-01\n---\nBody.\n"])
def test_an_entry_an_edit_cannot_apply_to_is_refused(text):
    with pytest.raises(CannotEdit):
        edit_entry(text, "title", MARKER)

