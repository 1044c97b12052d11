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

from .dateline import dateline_of
from .dates import day_of
from .entities import KINDS, NameFinder, proposed_ids, surnames, unknown_names
from .errors import CannotImport
from .incidents import read_incidents
from .markdown_body import paragraph_texts, to_markdown
from .render_events import GUESS, render_events
from .sections import guess_section
from .sentences import sentences
from .when import explicit_dates

TITLE_MAX = 100
SUMMARY_MAX = 300
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
    front: dict = field(default_factory=dict)  # topics, people, places, organisations, sources, lang
    comments: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    publisher: str = ""
    events: list = field(default_factory=list)  # ProposedEvent: the incidents, with their figures
    claim_events: list = field(default_factory=list)  # front-matter dicts of kind claim
    proposals: dict = field(default_factory=dict)  # proposed place id -> (GazetteerPlace, as written)
    date_guessed: bool = False


def propose(page, registries, entries=(), *, title="", date="", section="", now: dt.datetime) -> Draft:
    """Everything the importer can propose for ``page``; guesses are in ``notes``."""
    notes = list(page.notes)
    paragraphs = paragraph_texts(page.body_html)
    dateline = next((found for found in map(dateline_of, paragraphs[:2]) if found), None)
    read = [_without_dateline(p) for p in paragraphs]
    draft = Draft(title=_title(page, title, paragraphs, notes), date="", section="",
                  summary=_summary(page, read, notes), body=to_markdown(page.body_html, page.posts, page.canonical))
    draft.date, draft.date_guessed = _date(page, date, dateline, now, notes)
    draft.publisher = page.publisher or (dateline.publisher if dateline else "")
    draft.section = _section(section, f"{draft.title}\n" + "\n".join(paragraphs), registries, entries, notes)
    post_texts = [f"{post.who}: {post.text}" for post in page.posts]
    texts = [draft.title, draft.summary, *read, *post_texts]
    named = proposed_ids([NameFinder(registries).mentions(text) for text in texts])["people"]
    finder = NameFinder(registries, extra_names=surnames(registries, named))
    mentions = [finder.mentions(text) for text in texts]
    draft.front.update({kind: ids for kind, ids in proposed_ids(mentions).items() if ids})
    draft.front["sources"] = _sources(page, draft.publisher, notes)
    reference = None if draft.date_guessed else dt.date.fromisoformat(day_of(draft.date))
    findings = read_incidents(read, mentions[2:2 + len(read)], registries, reference,
                              dateline.place if dateline else "", notes)
    draft.events, draft.claim_events, draft.proposals = findings.events, findings.claim_events, findings.proposals
    places = list(dict.fromkeys([*draft.front.get("places", []), *findings.places]))
    if places:
        draft.front["places"] = places
    _event_notes(draft, findings, notes)
    lang = page.lang or _script_language(" ".join(read))
    if lang and lang != "en":
        draft.front["lang"] = lang
    unknown = list(dict.fromkeys(name for text, found in zip(texts, mentions) for name in unknown_names(text, found)))
    draft.comments.append(f"Imported from {page.canonical or 'a paste'} on {now:%Y-%m-%d} by invoke import; "
                          "check every field, then write the body in your own words.")
    if page.byline:
        draft.comments.append(f"Byline of the source: {page.byline}")
    if draft.publisher and not draft.front["sources"]:
        draft.comments.append(f"Publisher of the source: {draft.publisher} (add it under sources: with the address)")
    if draft.date_guessed:
        draft.comments.append(f"{GUESS[2:]} date — the source gives no date; {draft.date[:10]} is only a placeholder. "
                              "Set date: to the source's date, then delete this line.")
    if unknown:
        draft.comments.append(UNKNOWN_NAMES_COMMENT + ", ".join(unknown))
        notes.append(f"{len(unknown)} name{'s' if len(unknown) != 1 else ''} not in the registries, listed in a "
                     f"comment: {', '.join(unknown[:6])}{' …' if len(unknown) > 6 else ''}")
    draft.notes = notes
    return draft


def render(draft: Draft, registries) -> str:
    """The draft as an entry file: comments, then the scaffold's front matter and the body."""
    extra = {kind: draft.front.get(kind, []) for kind in KINDS}
    extra.update({key: value for key, value in draft.front.items() if key not in KINDS})
    extra["date"] = draft.date
    extra["events"] = []
    text = scaffold(draft.title, draft.section, dt.datetime(2000, 1, 1), summary=draft.summary, extra=extra,
                    body=draft.body.strip())
    events = render_events(draft.events, draft.claim_events, registries, draft.proposals)
    text = text.replace("\nevents: []\n", "\n" + events, 1)
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


def _date(page, given, dateline, now, notes) -> tuple[str, bool]:
    """The entry's date and whether it is only a placeholder: given, the page's, the dateline's, the posts'."""
    if given:
        try:
            parsed = parse_partial_date(given)
        except DateFormatError as exc:
            raise CannotImport(f"--date {exc}") from None
        if parsed.precision in ("year", "month"):
            raise CannotImport(f"--date '{given}' needs a day: write YYYY-MM-DD")
        return parsed.iso(), False
    if page.published:
        return page.published, False
    post_days = sorted(post.date for post in page.posts if post.date)
    if dateline:
        anchor = dt.date.fromisoformat(post_days[-1]) + dt.timedelta(days=1) if post_days else None
        found = explicit_dates(dateline.date_words, anchor)
        if found:
            notes.append(f"date taken from the dateline '{dateline.date_words}'"
                         + (" (the year from the posts it quotes)" if anchor else ""))
            return found[0].day.isoformat(), False
    if post_days:
        notes.append(f"no publication date found: used the latest date of the posts it quotes, {post_days[-1]} — "
                     "check it against the source")
        return post_days[-1], False
    notes.append("no publication date found in the page or the text: the date is a placeholder marked GUESS — "
                 "set date: to the source's date")
    return now.date().isoformat(), True


def _without_dateline(paragraph: str) -> str:
    found = dateline_of(paragraph)
    return paragraph[found.length:] if found else paragraph


def _script_language(text: str) -> str:
    """uk or ru for a text mostly in Cyrillic (Ukrainian has і, ї, є, ґ), else ''."""
    letters = [ch for ch in text if ch.isalpha()]
    cyrillic = [ch for ch in letters if "\u0400" <= ch <= "\u04ff"]
    if not letters or len(cyrillic) < len(letters) / 2:
        return ""
    return "uk" if any(ch in "іїєґІЇЄҐ" for ch in cyrillic) else "ru"


def _event_notes(draft, findings, notes) -> None:
    for event in draft.events:
        told = ", ".join(f"{name} {value}" for name, value in event.figures.items()) or "no figures"
        how = f"from '{event.date_words}'" if event.date_words else "GUESS: the report's date"
        notes.append(f"event proposed: {event.kind} at {event.place} on {event.date} ({how}); {told} — "
                     "each figure's sentence is beside it")
    for place_id, (place, seen_as) in draft.proposals.items():
        notes.append(f"'{seen_as}' is not in content/data/places.yml: proposed as '{place_id}' from GeoNames "
                     f"({place.name}, {place.country}, {place.lat}, {place.lon}) — review the entry added there")
    if findings.unknown_places:
        notes.append("names after 'in'/'near' that no registry or gazetteer knows: "
                     + ", ".join(findings.unknown_places) + " — add them to content/data/places.yml if they are places")


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


def _sources(page, publisher, notes) -> list:
    if not page.canonical:
        return []
    if not _URL.match(page.canonical):
        notes.append(f"the page's address '{page.canonical}' is not a full web address; add the source by hand")
        return []
    source = {"publisher": publisher or "unknown publisher", "title": page.title or None, "url": page.canonical,
              "published": day_of(page.published) if page.published else None}
    return [{key: value for key, value in source.items() if value}]
