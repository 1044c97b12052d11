"""From a SourcePage to the text of a draft entry: every field proposed, every guess noted.

The draft must pass ``invoke check`` as it is, so each proposal is made from
what the registries hold: entities by their ids, claims by a party the
registries know, events with a place and a kind that exist. What the importer
had to guess is said twice: in the front matter as a YAML comment where it
helps the editing, and in the notes printed to the maintainer.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from plugins.entries.dates import DateFormatError, parse_partial_date
from plugins.entries.scaffold import scaffold

from .claims import find_claims
from .dates import day_of
from .entities import KINDS, NameFinder, proposed_ids, surnames, unknown_names
from .errors import CannotImport
from .markdown_body import paragraph_texts, to_markdown
from .sections import guess_section
from .sentences import sentences

TITLE_MAX = 100
SUMMARY_MAX = 300
CLAIM_EVENT_KINDS = ("claim", "statement")  # the first the archive has is used for proposed claims
UNKNOWN_NAMES_COMMENT = "Unknown names (add to content/data/*.yml if they matter): "
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")


@dataclass
class Draft:
    """A proposed entry, before it is written."""

    title: str
    date: str
    section: str
    summary: str
    body: str
    front: dict = field(default_factory=dict)  # topics, people, places, organisations, sources, events, lang
    comments: list = field(default_factory=list)
    notes: list = field(default_factory=list)


def propose(page, registries, entries=(), *, title="", date="", section="", now: dt.datetime) -> Draft:
    """Everything the importer can propose for ``page``; guesses are in ``notes``."""
    notes = list(page.notes)
    paragraphs = paragraph_texts(page.body_html)
    draft = Draft(title=_title(page, title, paragraphs, notes), date=_date(page, date, now, notes), section="",
                  summary=_summary(page, paragraphs, notes), body=to_markdown(page.body_html, page.posts,
                                                                              page.canonical))
    draft.section = _section(section, f"{draft.title}\n" + "\n".join(paragraphs), registries, entries, notes)
    post_texts = [f"{post.author} (@{post.handle}): {post.text}" for post in page.posts]
    texts = [draft.title, draft.summary, *paragraphs, *post_texts]
    named = proposed_ids([NameFinder(registries).mentions(text) for text in texts])["people"]
    finder = NameFinder(registries, extra_names=surnames(registries, named))
    mentions = [finder.mentions(text) for text in texts]
    draft.front.update({kind: ids for kind, ids in proposed_ids(mentions).items() if ids})
    draft.front["sources"] = _sources(page, notes)
    body_mentions = mentions[2:2 + len(paragraphs)]
    draft.front["events"] = _claim_events(paragraphs, body_mentions, draft, registries, notes)
    if page.lang and page.lang != "en":
        draft.front["lang"] = page.lang
    unknown = list(dict.fromkeys(name for text, found in zip(texts, mentions) for name in unknown_names(text, found)))
    draft.comments.append(f"Imported from {page.canonical or 'a paste'} on {now:%Y-%m-%d} by invoke import; "
                          "check every field, then write the body in your own words.")
    if page.byline:
        draft.comments.append(f"Byline of the source: {page.byline}")
    if unknown:
        draft.comments.append(UNKNOWN_NAMES_COMMENT + ", ".join(unknown))
        notes.append(f"{len(unknown)} name{'s' if len(unknown) != 1 else ''} not in the registries, listed in a "
                     f"comment: {', '.join(unknown[:6])}{' …' if len(unknown) > 6 else ''}")
    draft.notes = notes
    return draft


def render(draft: Draft) -> str:
    """The draft as an entry file: comments, then the scaffold's front matter and the body."""
    extra = {kind: draft.front.get(kind, []) for kind in KINDS}
    extra.update({key: value for key, value in draft.front.items() if key not in KINDS})
    extra["date"] = draft.date
    text = scaffold(draft.title, draft.section, dt.datetime(2000, 1, 1), summary=draft.summary, extra=extra,
                    body=draft.body.strip())
    comments = "".join(f"# {' '.join(line.split())}\n" for line in draft.comments)
    return text.replace("---\n", "---\n" + comments, 1)


def _title(page, given, paragraphs, notes) -> str:
    if given:
        if len(given.strip()) > 300:
            raise CannotImport(f"the title is {len(given.strip())} characters long; a title has at most 300")
        return given.strip()
    if page.title:
        return page.title[:300]
    first = sentences(paragraphs[0])[0] if paragraphs else ""
    if not first:
        raise CannotImport("the text has no headline and no paragraph to take one from — give a title "
                           "(invoke new \"Title\" --from PATH)")
    notes.append("no headline: the title is the first sentence, shortened — write a headline")
    if len(first) <= TITLE_MAX:
        return first.rstrip(".")
    return first[:TITLE_MAX].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _date(page, given, now, notes) -> str:
    if given:
        try:
            parsed = parse_partial_date(given)
        except DateFormatError as exc:
            raise CannotImport(f"--date {exc}") from None
        if parsed.precision in ("year", "month"):
            raise CannotImport(f"--date '{given}' needs a day: write YYYY-MM-DD")
        return parsed.iso()
    if page.published:
        return page.published
    notes.append(f"no publication date found: used today, {now:%Y-%m-%d} — set date: to the source's date")
    return now.isoformat(timespec="minutes")


def _summary(page, paragraphs, notes) -> str:
    if page.description and page.description != page.title:
        notes.append("the summary is the source's own description: rewrite it in your own words")
        return page.description[:1000]
    summary = ""
    for sentence in sentences(paragraphs[0]) if paragraphs else []:
        if summary and len(summary) + len(sentence) > SUMMARY_MAX:
            break
        summary = f"{summary} {sentence}".strip()
    if not summary:
        return "One or two plain sentences saying what happened."
    notes.append("the summary is the text's first sentences: rewrite it in your own words")
    return summary[:1000]


def _section(given, text, registries, entries, notes) -> str:
    sections = list(registries.sections.entities)
    if given:
        found = registries.sections.resolve(given)
        if not found:
            raise CannotImport(f"--section '{given}' is not in content/data/sections.yml "
                               f"(sections: {', '.join(sections)})")
        return found
    if not sections:
        raise CannotImport("content/data/sections.yml lists no sections; add one before importing")
    guess, words = guess_section(text, registries, entries)
    if guess:
        notes.append(f"section guessed as '{guess}' from the words {', '.join(words)} — change it if wrong")
        return guess
    notes.append(f"no word pointed to a section: used '{sections[0]}', the first in sections.yml — choose one")
    return sections[0]


def _sources(page, notes) -> list:
    if not page.canonical:
        return []
    if not _URL.match(page.canonical):
        notes.append(f"the page's address '{page.canonical}' is not a full web address; add the source by hand")
        return []
    source = {"publisher": page.publisher or "unknown publisher", "title": page.title or None, "url": page.canonical,
              "published": day_of(page.published) if page.published else None}
    return [{key: value for key, value in source.items() if value}]


def _claim_events(paragraphs, mentions, draft, registries, notes) -> list:
    claims, claim_notes = find_claims(paragraphs, mentions)
    notes.extend(claim_notes)
    if not claims:
        return []
    kind = next((registries.event_kinds.resolve(k) for k in CLAIM_EVENT_KINDS if registries.event_kinds.resolve(k)),
                None)
    if kind is None:
        notes.append(f"{len(claims)} claim(s) found, but content/data/event-kinds.yml has no 'claim' or "
                     "'statement' kind to file them under; add one and import again")
        return []
    events = []
    for claim in claims:
        place = _nearest_place(mentions, claim.paragraph, claim.start) or (draft.front.get("places") or [None])[0]
        if place is None:
            notes.append(f"a claim by {claim.by} was found, but no place is named to hold its event: "
                         f"\"{claim.says[:80]}…\"")
            continue
        name = registries.by_kind[claim.by_kind][claim.by].name
        status = "not verified by any independent source" if claim.status == "unverified" else \
            "disputed by another party"
        event = {"date": day_of(draft.date), "place": place, "kind": kind,
                 "summary": f"A claim made by {name}, {status}.", claim.by_kind: [claim.by],
                 "claims": [{key: value for key, value in
                             {"by": claim.by, "says": claim.says, "status": claim.status, "note": claim.note}.items()
                             if value}]}
        events.append(event)
        notes.append(f"claim by {claim.by} proposed as {claim.status}; its event is dated {day_of(draft.date)} "
                     f"at {place} (the entry's date, the nearest place named) — correct both")
    return events


def _nearest_place(mentions, paragraph: int, start: int):
    """The place named last before a position, looking back through earlier paragraphs."""
    for index in range(paragraph, -1, -1):
        places = [m for m in mentions[index] if m.kind == "places" and (index < paragraph or m.start < start)]
        if places:
            return places[-1].id
    return None
