"""Sentences of a paragraph, as spans, without being fooled by "U.S." or "Adm.".

The claims finder works sentence by sentence, and a claim's ``says`` is one
sentence; a split after "U.S." would cut "U.S. President Donald Trump" apart.
"""

from __future__ import annotations

import re

_END = re.compile(r"[.!?…]+[\"”’)\]]*(?=\s+|$)")
ABBREVIATIONS = frozenset("""
    mr mrs ms dr prof sr jr st mt lt col gen adm capt cmdr sgt maj brig gov sen rep rev hon
    no vs etc approx dept univ est fig jan feb mar apr jun jul aug sep sept oct nov dec
""".split())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, whitespace trimmed."""
    spans, start = [], 0
    for match in _END.finditer(text):
        word = re.search(r"([\w.]+)[.]+$", text[start:match.start() + 1])
        before = word.group(1).lower() if word else ""
        if match.group().startswith(".") and (before in ABBREVIATIONS or re.fullmatch(r"(\w\.)*\w", before)
                                               and len(before.replace(".", "")) <= 2 and before[:1].isalpha()):
            continue  # "U.S.", "A.", "Adm." end no sentence
        following = text[match.end():].lstrip()
        if following and not (following[0].isupper() or following[0] in "“\"‘'(" or following[0].isdigit()):
            continue
        spans.append(_trim(text, start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
