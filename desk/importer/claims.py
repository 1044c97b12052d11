"""Sentences reporting a party's claim, as proposed claims with the status the text supports.

News text marks claims in words: "claimed", "alleged", and for what is said
"could not be verified", "rejected", "denied", "was shown to be false", in
English, Ukrainian and Russian. The claim is the sentence a party says it in;
the marker may be in that sentence or the next ("…, the ministry said. Kyiv
called the claim false."). The party is the first person or organisation
from the registries named in the claim (or in the sentence before or after
it), never the party that rejected it. The status follows CONTRIBUTING:
shown false by the report → false; rejected by another party → disputed;
only unverified, or a bare "claimed" → unverified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sentences import sentence_spans

UNVERIFIED = re.compile(
    r"\b(?:could not|cannot|can ?not|couldn[’']t|can[’']t|has not|have not|had not|was not|were not|is not|are not)"
    r"(?: been| be)?(?: independently)? (?:verified|confirmed)\b"
    r"|\b(?:unverified|unconfirmed|unsubstantiated)\b|\bwithout (?:providing |offering |giving )?(?:any )?evidence\b"
    r"|\bno (?:independent )?evidence\b"
    r"|(?<!\w)(?:не (?:вдалося |удалось )?(?:підтверд|подтверд|перевір|провер)\w*|підтверджень немає|"
    r"подтверждений нет|неперевірен\w*|неподтвержд\w*)", re.IGNORECASE)
REJECTED = re.compile(r"\b(?:rejected|denied|disputed|refuted|denies|rejects|disputes|"
                      r"called (?:the|this|that|it|these|those) (?:\w+ )?(?:false|untrue|a lie|fake|propaganda)|"
                      r"called it (?:false|untrue|a lie|fake))\b"
                      r"|(?<!\w)(?:опроверг\w*|спростува\w*|спростовує|заперечи\w*|заперечує|відкину\w*|"
                      r"отверг\w*|отрица\w*|назвал\w* (?:это|ее|его) (?:ложью|фейком))", re.IGNORECASE)
# Shown false by the report itself, not only rejected by the other side.
SHOWN_FALSE = re.compile(r"\b(?:(?:was|were|has been|had been|is|are) (?:shown|proved|proven|found) (?:to be )?"
                         r"(?:false|fake|untrue|fabricated)|debunked|turned out to be (?:false|fake|old|from)|"
                         r"(?:was|were) (?:filmed|recorded|taken) (?:in|at) (?:a |an )?\w+ .{0,40}?\b(?:19|20)\d\d)",
                         re.IGNORECASE)
REFERS_BACK = re.compile(r"^(?:these|those|the|this|such|that|both|its|their)\s+(?:\w+\s+)?(?:claims?|assertions?|"
                         r"allegations?|statements?|reports?|figures?|accounts?|numbers?|version|footage|video|"
                         r"images?|photos?)\b"
                         r"|^(?:it|they|this|that)\b", re.IGNORECASE)
# A marker sentence that points back at the sentence before: "rejected the claim", "опровергла это заявление".
POINTS_BACK = re.compile(r"\b(?:the|this|that|these|those|its|their) (?:\w+ )?(?:claims?|assertions?|allegations?|"
                         r"statements?|account|version|report)\b|(?<!\w)(?:це|цю|цей|это|эту|этот)\s+"
                         r"(?:заяв\w*|твердженн\w*|утвержден\w*|информаци\w*)", re.IGNORECASE)
STRONG_CLAIM_VERB = re.compile(r"\b(?:claimed|claims|alleged|alleges|asserted|asserts)\b"
                               r"|(?<!\w)(?:стверджу\w*|утвержда\w*)", re.IGNORECASE)
LIVES_CLAIMED = re.compile(r"\bclaimed\s+\S+\s+(?:more\s+)?li(?:fe|ves)\b", re.IGNORECASE)  # a toll, not a claim
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
    """Proposed claims, and notes on marked sentences that named no known party.

    A claim is a sentence in which a party says something that the text marks
    as unverified, rejected or false, in the same sentence or the next; or a
    sentence in which a party "claims" or "alleges" something. The party is
    named in the claim sentence, or in the sentence before or after it.
    """
    claims, notes, seen = [], [], set()
    for index, (paragraph, found) in enumerate(zip(paragraphs, mentions)):
        spans = sentence_spans(paragraph)
        for number, (start, end) in enumerate(spans):
            claim = _claim_at(paragraph, found, spans, number, notes)
            if claim is None or (index, claim[1]) in seen:
                continue
            seen.add((index, claim[1]))
            party, claim_start, says, status, note = claim
            claims.append(ProposedClaim(by=party.id, by_kind=party.kind, says=says, status=status, note=note,
                                        paragraph=index, start=claim_start))
    return claims, notes


def _status(text: str) -> str | None:
    """false, disputed or unverified, from the words of a sentence; None when it has no marker."""
    if SHOWN_FALSE.search(text):
        return "false"
    if REJECTED.search(text):
        return "disputed"
    if UNVERIFIED.search(text):
        return "unverified"
    return None


def _parties(found, start: int, end: int):
    return [m for m in found if m.kind in CLAIMANT_KINDS and start <= m.start < end]


def _claim_at(paragraph, found, spans, number, notes):
    """(party, start, says, status, note) for a claim made in sentence ``number``, or None."""
    start, end = spans[number]
    sentence = paragraph[start:end]
    following = paragraph[spans[number + 1][0]:spans[number + 1][1]] if number + 1 < len(spans) else ""
    own = _status(sentence)
    if own and (REFERS_BACK.match(sentence) or POINTS_BACK.search(sentence)) and number > 0:
        return None  # the sentence before is the claim; it is read there
    next_status = _status(following) if following and (
        REFERS_BACK.match(following) or POINTS_BACK.search(following)
        or not _parties_before_marker(following)) else None
    status = own or next_status
    if status is None and (not STRONG_CLAIM_VERB.search(sentence) or LIVES_CLAIMED.search(sentence)):
        return None
    if status is None:
        status = "unverified"
    marker = _first_marker(sentence) if own else None
    limit = start + marker if marker is not None else end
    parties = _parties(found, start, limit)
    if own and not parties and number > 0 and not STRONG_CLAIM_VERB.search(sentence[:marker]):
        return None  # "Ukrainian officials denied that …": a rejection of the sentence before, read there
    if not parties and following and re.search(r"\b(?:said|says)\b", following) and len(following) < 90:
        parties = _parties(found, spans[number + 1][0], spans[number + 1][1])
    if not parties and number > 0:
        parties = _parties(found, *spans[number - 1])
    if not parties:
        if own or next_status:
            notes.append(f"a sentence reports a claim nobody verified, but names no person or organisation "
                         f"from the registries: \"{_short(sentence)}\"")
        return None
    note = following if next_status and not own else ""
    return parties[0], start, sentence, status, note


def _first_marker(sentence: str):
    found = [m.start() for m in (p.search(sentence) for p in (SHOWN_FALSE, REJECTED, UNVERIFIED)) if m]
    return min(found) if found else None


def _parties_before_marker(sentence: str) -> bool:
    """True when a marker sentence is its own claim: words before the marker say something."""
    marker = _first_marker(sentence)
    return marker is not None and marker > 60


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
