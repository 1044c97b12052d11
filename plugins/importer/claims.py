"""Sentences reporting a party's claim that nobody has verified, as proposed claims.

News text marks such claims in words: "could not be verified", "unverified",
"without evidence", "rejected", "denied". The claim itself is that sentence,
or the one before it when the marker sentence only refers back ("These
claims remain unverified…"). The party making it is the first person or
organisation from the registries named in the claim, and never the party
that rejected it. An explicit "unverified" gives the status unverified, as
the archive marks claims one side makes and the other denies; a rejection or
denial alone gives disputed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sentences import sentence_spans

UNVERIFIED = re.compile(
    r"\b(?:could not|cannot|can ?not|couldn[’']t|can[’']t|has not|have not|had not|was not|were not|is not|are not)"
    r"(?: been| be)?(?: independently)? (?:verified|confirmed)\b"
    r"|\b(?:unverified|unconfirmed|unsubstantiated)\b|\bwithout (?:providing |offering |giving )?(?:any )?evidence\b"
    r"|\bno (?:independent )?evidence\b", re.IGNORECASE)
REJECTED = re.compile(r"\b(?:rejected|denied|disputed|refuted|denies|rejects|disputes)\b", re.IGNORECASE)
REFERS_BACK = re.compile(r"^(?:these|those|the|this|such|that|both|its|their)\s+(?:\w+\s+)?(?:claims?|assertions?|"
                         r"allegations?|statements?|reports?|figures?|accounts?|numbers?|version)\b"
                         r"|^(?:it|they|this|that)\b", re.IGNORECASE)
CLAIMANT_KINDS = ("organisations", "people")


@dataclass
class ProposedClaim:
    """A claim for the draft's ``events:``, with where it was found."""

    by: str  # id of an organisation or person
    by_kind: str
    says: str
    status: str  # unverified or disputed
    note: str
    paragraph: int  # index of the paragraph holding the claim
    start: int  # offset of the claim sentence in that paragraph


def find_claims(paragraphs: list[str], mentions: list[list]) -> tuple[list[ProposedClaim], list[str]]:
    """Proposed claims, and notes on marked sentences that named no known party."""
    claims, notes, seen = [], [], set()
    for index, (paragraph, found) in enumerate(zip(paragraphs, mentions)):
        spans = sentence_spans(paragraph)
        for number, (start, end) in enumerate(spans):
            marker = paragraph[start:end]
            unverified, rejected = UNVERIFIED.search(marker), REJECTED.search(marker)
            if not (unverified or rejected):
                continue
            claim_start, claim_end = start, end
            if REFERS_BACK.match(marker) and number > 0:
                claim_start, claim_end = spans[number - 1]
            first_marker = min(m.start() for m in (unverified, rejected) if m) + start
            limit = claim_end if (claim_start, claim_end) != (start, end) else first_marker
            parties = [m for m in found if m.kind in CLAIMANT_KINDS and claim_start <= m.start < limit]
            if not parties:
                notes.append(f"a sentence reports a claim nobody verified, but names no person or organisation "
                             f"from the registries: \"{_short(marker)}\"")
                continue
            key = (index, claim_start)
            if key in seen:
                continue
            seen.add(key)
            says = paragraph[claim_start:claim_end]
            claims.append(ProposedClaim(by=parties[0].id, by_kind=parties[0].kind, says=says,
                                        status="unverified" if unverified else "disputed",
                                        note=marker if marker != says else "", paragraph=index, start=claim_start))
    return claims, notes


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
