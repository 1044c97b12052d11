"""Two hundred malformed or hostile queries: markup, field syntax, broken quotes, control characters, huge strings."""

from __future__ import annotations

import random

MARKUP = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "<svg/onload=alert(1)>",
          "javascript:alert(1)", "<iframe src=//evil.example>", "{{7*7}}", "${7*7}", "<b>bold</b>",
          "&lt;script&gt;", "'; DROP TABLE entries; --", "\u202eevil", "<a href=x>link</a>"]
SYNTAX = ['title:kyiv', 'body:"strike', 'kyiv AND', 'OR OR OR', 'NOT kyiv', '(kyiv', 'kyiv)', 'ky*', '*',
          '?', 'kyiv~2', 'kyiv^10', '[a TO z]', '{a TO z}', '"', '""', '"""', '"kyiv', 'kyiv"', '"a" "b" "c',
          '-', '--', '+kyiv', '\\', '\\"', 'field:', ':', '::', "kyiv's", "'", '%', '%00', '&q=x', '#', '/',
          '../../etc/passwd', '..', '.', ',,,', '…', '🇺🇦', '𝔨𝔶𝔦𝔳', 'İstanbul', 'ǅ', '\u0301', 'ﷺ']
CONTROL = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x85", "\x9b", "a\x00b", "\ud800"]


def hostile_queries(count: int = 200, seed: int = 4) -> list:
    """``count`` queries, the same every time."""
    rng = random.Random(seed)
    queries = MARKUP + SYNTAX + CONTROL
    queries += ["x" * 10_240, "kyiv " * 2048, '"' * 600, "<script>" * 1000, "a" * 500, "a" * 501]
    alphabet = list("kyiv strike\"'<>:*()[]{}&%\\/-+~^!?.,;=") + ["\x00", "\t", "\n", "é", "ї", "😀"]
    while len(queries) < count:
        length = rng.choice([1, 2, 5, 20, 100, 600])
        queries.append("".join(rng.choice(alphabet) for _ in range(length)))
    return queries[:count]
