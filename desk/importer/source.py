"""What the importer reads: a saved page, a pasted text, or standard input.

Whatever the shape, it becomes one ``SourcePage``: the facts the source
states about itself, the article's cleaned HTML, the posts it quotes, and the
notes on what had to be guessed. Everything after this step is the same for
pages and pastes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .errors import CannotImport
from .page import from_html
from .paste import from_paste
from .source_page import SourcePage


def read_source(path: str, stdin=None) -> SourcePage:
    """Read ``path`` (a .html/.htm page, a .txt paste, or '-' for standard input)."""
    if path == "-":
        text = (stdin or sys.stdin).read()
        shown = "standard input"
    else:
        file = Path(path)
        if not file.is_file():
            raise CannotImport(f"{path}: no such file — give a saved page (.html), a text file (.txt) "
                               "or - to read standard input")
        raw = file.read_bytes()
        text = _decode(raw, path)
        shown = path
    if not text.strip():
        raise CannotImport(f"{shown} is empty — nothing to import")
    looks_like_html = bool(re.match(r"^\s*(<!doctype html|<html|<head|<body|<article|<meta|<!--)", text, re.I))
    if path.lower().endswith((".html", ".htm", ".xhtml")) or (not path.lower().endswith(".txt") and looks_like_html):
        return from_html(text)
    return from_paste(text)


def _decode(raw: bytes, path: str) -> str:
    """UTF-8 first (with or without BOM), then the charset a saved page declares."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        declared = re.search(rb"charset=[\"']?([\w-]+)", raw[:4096])
        try:
            return raw.decode(declared.group(1).decode() if declared else "cp1252")
        except (LookupError, UnicodeDecodeError):
            raise CannotImport(f"{path} is neither UTF-8 nor in the charset it declares — "
                               "save it again as UTF-8") from None
