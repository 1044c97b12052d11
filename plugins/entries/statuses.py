"""The claim statuses and what each means: the one glossary of the archive.

The JSON Schema, CONTRIBUTING.md, the About page and the site's glossary page
(/claims/statuses/) all take their wording from ``CLAIM_STATUSES`` (``invoke
schema`` writes the Markdown copies; tests keep them current), so a reader, a
maintainer and an editor's validator see the same definitions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

GLOSSARY_START = "<!-- claim-statuses:start -->"
GLOSSARY_END = "<!-- claim-statuses:end -->"
GLOSSARY_FILES = ("CONTRIBUTING.md", "content/pages/about.md")  # written by ``invoke schema``


@dataclass(frozen=True)
class ClaimStatus:
    """One status a claim can have; ``rating`` is its ClaimReview rating (1–5) when it is a verdict."""

    id: str
    label: str
    definition: str
    rating: Optional[int] = None

    @property
    def is_verdict(self) -> bool:
        return self.rating is not None


CLAIM_STATUSES = (
    ClaimStatus("confirmed", "Confirmed",
                "Independent evidence, or several sources with no stake in the claim, support it.", rating=5),
    ClaimStatus("unverified", "Unverified",
                "Nobody has yet confirmed or disproved the claim, and no other party has rejected it; "
                "most battlefield claims start here."),
    ClaimStatus("disputed", "Disputed",
                "Another party to the events or a credible source rejects or contradicts the claim, and the "
                "evidence does not settle it yet. A claim the other side denies is disputed, not unverified."),
    ClaimStatus("false", "False", "Reliable evidence shows the claim to be wrong.", rating=1),
)

STATUS_IDS = tuple(status.id for status in CLAIM_STATUSES)
BY_ID = {status.id: status for status in CLAIM_STATUSES}


def status_description() -> str:
    """The statuses and their definitions in one line, for the schema and the field reference."""
    return " ".join(f"{s.id}: {s.definition}" for s in CLAIM_STATUSES)


def glossary_markdown() -> str:
    """The glossary as a Markdown list, written into CONTRIBUTING.md and the About page."""
    return "\n".join(f"- **{s.label}** (`{s.id}`): {s.definition}" for s in CLAIM_STATUSES)


def replace_between(text: str, start: str, end: str, block: str) -> str:
    """``text`` with what lies between the two markers replaced by ``block``."""
    head, rest = text.split(start, 1)
    _old, tail = rest.split(end, 1)
    return f"{head}{start}\n{block}\n{end}{tail}"


def between(text: str, start: str, end: str) -> str:
    """What lies between two markers, stripped; '' when they are missing."""
    if start not in text or end not in text:
        return ""
    return text.split(start, 1)[1].split(end, 1)[0].strip()
