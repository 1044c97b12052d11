"""Which section (desk) an imported article probably belongs to.

The archive describes its own sections: each has a name, aliases and a
description in sections.yml, and the entries already filed under it have
titles and summaries. Words of the article that occur in one section's
vocabulary and few others' vote for it. Nothing here names a topic, so the
guess works for any archive; it is only ever a guess and is reported as one.
"""

from __future__ import annotations

import math
import re
from collections import Counter

MIN_WORD = 4
STEM = 5  # "strikes", "strike" and "striking" share "strik"
NAME_WEIGHT = 3  # a section's own name and aliases count more than its description
COMMON = frozenset("""
    that with from this their there about which while were have been after into other more than when also they
    them what would could said says only over such some most between during against where those these being
    first last still each will your does make made might usually together record recorded records archive
    entry entries whose within without itself including include includes around across under very well
    january february march april june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
""".split())


def stems(text: str) -> list[str]:
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return [w[:STEM] for w in words if len(w) >= MIN_WORD and w not in COMMON]


def vocabularies(registries, entries=()) -> dict:
    """section id -> Counter of stems: its name and aliases (weighted), description, entries' titles and summaries."""
    ignored = set()
    for kind in ("people", "places", "organisations"):  # names vote for no desk
        for entity in registries.by_kind[kind]:
            for name in (entity.name, *entity.aliases):
                ignored.update(stems(name))
    vocab = {}
    for section in registries.sections:
        counts = Counter()
        for name in (section.name, *section.aliases):
            for stem in stems(name):
                counts[stem] += NAME_WEIGHT
        counts.update(stems(section.description or ""))
        for entry in entries:
            if entry.section == section.id or registries.sections.resolve(entry.section) == section.id:
                counts.update(stems(f"{entry.title} {entry.summary}"))
        vocab[section.id] = Counter({s: c for s, c in counts.items() if s not in ignored})
    return vocab


def guess_section(text: str, registries, entries=()) -> tuple[str, list[str]]:
    """(section id, the words that decided it); ('', []) when no word points anywhere."""
    vocab = vocabularies(registries, entries)
    if not vocab:
        return "", []
    spread = Counter(stem for counts in vocab.values() for stem in counts)
    found = Counter(stems(text))
    scores = {}
    for section_id, counts in vocab.items():
        weight = {stem: math.log(1 + len(vocab) / spread[stem]) * math.log(1 + counts[stem]) for stem in counts}
        scores[section_id] = sum(n * weight.get(stem, 0) for stem, n in found.items())
    best = max(vocab, key=lambda s: (scores[s], -list(vocab).index(s)))
    if scores[best] <= 0:
        return "", []
    deciding = sorted((s for s in found if s in vocab[best]), key=lambda s: -found[s] * vocab[best][s])
    words = {}
    for word in re.findall(r"[^\W\d_]+", text.casefold()):
        words.setdefault(word[:STEM], word)
    return best, [words[stem] for stem in deciding[:5]]
