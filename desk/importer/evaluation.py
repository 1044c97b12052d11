"""``invoke import-eval``: the importer measured against a labelled set of pages and pastes.

Each input in ``tests/import_eval/inputs`` has a labels file in
``tests/import_eval/labels`` saying what a careful editor would extract. Every
input is imported into its own scratch copy of the content folder, the draft is
read back as the archive reads it, and the proposals are compared with the
labels. The figures are the ones the issue asks for: precision and recall of
places, people and organisations; events matched by date and place, with the
share whose casualty figures are exactly right; claims; post cards kept
exactly; boilerplate left over; dates and publishers right.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from plugins.embeds.postcard import parse_post_cards
from plugins.entries.frontmatter import decode, split

CLAIM_KINDS = ("claim", "statement")
ENTITY_FIELDS = ("places", "people", "organisations")


@dataclass
class Tally:
    """Counts for one precision/recall pair."""

    right: int = 0
    proposed: int = 0
    wanted: int = 0

    def add(self, proposed: set, wanted: set) -> None:
        self.right += len(proposed & wanted)
        self.proposed += len(proposed)
        self.wanted += len(wanted)

    @property
    def precision(self) -> float:
        return self.right / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.wanted if self.wanted else 1.0


@dataclass
class Share:
    """A count of cases right out of all cases."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += bool(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class Scores:
    """Everything import-eval prints, summed over the labelled set."""

    entities: dict = field(default_factory=lambda: {name: Tally() for name in ENTITY_FIELDS})
    events: Tally = field(default_factory=Tally)
    figures: Share = field(default_factory=Share)
    event_dates: Share = field(default_factory=Share)
    claims: Tally = field(default_factory=Tally)
    claim_status: Share = field(default_factory=Share)
    posts: Share = field(default_factory=Share)
    boilerplate_left: int = 0
    boilerplate_total: int = 0
    dates: Share = field(default_factory=Share)
    publishers: Share = field(default_factory=Share)
    failures: list = field(default_factory=list)
    misses: list = field(default_factory=list)

    def table(self) -> str:
        """The scores as a Markdown table."""
        rows = [(f"{name}", f"{t.precision:.2f}", f"{t.recall:.2f}", f"{t.right}/{t.proposed} proposed, "
                 f"{t.right}/{t.wanted} wanted") for name, t in self.entities.items()]
        rows += [("events (date + place)", f"{self.events.precision:.2f}", f"{self.events.recall:.2f}",
                  f"{self.events.right} matched of {self.events.proposed} proposed, {self.events.wanted} labelled"),
                 ("casualty figures exact (matched events)", "", "", _share(self.figures)),
                 ("claims (by whom)", f"{self.claims.precision:.2f}", f"{self.claims.recall:.2f}",
                  f"{self.claims.right} matched of {self.claims.proposed} proposed, {self.claims.wanted} labelled"),
                 ("claim status right (matched claims)", "", "", _share(self.claim_status)),
                 ("post cards exact", "", "", _share(self.posts)),
                 ("boilerplate left", "", "", f"{self.boilerplate_left} of {self.boilerplate_total} phrases"),
                 ("entry dates right", "", "", _share(self.dates)),
                 ("publishers right", "", "", _share(self.publishers)),
                 ("inputs that failed to import", "", "", str(len(self.failures)))]
        lines = ["| field | precision | recall | detail |", "| --- | --- | --- | --- |"]
        lines += [f"| {' | '.join(row)} |" for row in rows]
        return "\n".join(lines)


def _share(share: Share) -> str:
    return f"{share.value:.2f} ({share.right}/{share.total})"


def evaluate(folder: Path, content_dir: Path) -> Scores:
    """Import every labelled input into a scratch copy of ``content_dir`` and score the drafts."""
    from . import import_entry

    scores = Scores()
    for labels_path in sorted((folder / "labels").glob("*.yml")):
        labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
        source = next((folder / "inputs").glob(labels_path.stem + ".*"))
        with tempfile.TemporaryDirectory(prefix="import-eval-") as scratch:
            content = Path(scratch) / "content"
            shutil.copytree(content_dir, content)
            try:
                result = import_entry(str(source), content)
            except Exception as exc:  # a refusal or a crash is scored as an empty draft, and listed
                scores.failures.append(f"{source.name}: {str(exc).splitlines()[0][:160]}")
                _score(scores, labels, Draft(), source.name)
                continue
            _score(scores, labels, read_draft(result), source.name)
    return scores


@dataclass
class Draft:
    """What the importer proposed for one input, as the scorer compares it."""

    front: dict = field(default_factory=dict)
    text: str = ""
    events: list = field(default_factory=list)  # dicts: date, place, kind, figures
    claims: list = field(default_factory=list)  # dicts: by, status
    posts: list = field(default_factory=list)  # post card texts
    publisher: str | None = None


def read_draft(result) -> Draft:
    """The written draft; structured events from the result when the importer gives them."""
    text = result.path.read_text(encoding="utf-8")
    front = split(decode(text.encode("utf-8"), str(result.path)), str(result.path)).data or {}
    draft = Draft(front=front, text=text, posts=[card.text.strip() for card in parse_post_cards(text)])
    sources = front.get("sources") or []
    draft.publisher = getattr(result, "publisher", None) or (sources[0].get("publisher") if sources else None)
    if draft.publisher == "unknown publisher":
        draft.publisher = None
    for event in front.get("events") or []:
        for claim in event.get("claims") or []:
            draft.claims.append({"by": claim.get("by"), "status": claim.get("status")})
    proposed = getattr(result, "events", None)
    if proposed is not None:
        draft.events = [{"date": e.date, "place": e.place, "kind": e.kind, "figures": dict(e.figures)}
                        for e in proposed]
        return draft
    for event in front.get("events") or []:
        if event.get("kind") in CLAIM_KINDS:
            continue
        figures = {k: v for k, v in (event.get("casualties") or {}).items() if v is not None}
        draft.events.append({"date": str(event.get("date")), "place": event.get("place"), "kind": event.get("kind"),
                             "figures": figures})
    return draft


def _score(scores: Scores, labels: dict, draft: Draft, name: str) -> None:
    for kind in ENTITY_FIELDS:
        proposed, wanted_ids = set(draft.front.get(kind) or []), set(labels.get(kind) or [])
        scores.entities[kind].add(proposed, wanted_ids)
        scores.misses.extend(f"{name}: {kind}: extra {sorted(proposed - wanted_ids)}, missing "
                             f"{sorted(wanted_ids - proposed)}" for _ in [0] if proposed != wanted_ids)
    wanted = [dict(e, date=str(e["date"])) for e in labels.get("events") or []]
    free = list(draft.events)
    scores.events.proposed += len(free)
    scores.events.wanted += len(wanted)
    for event in wanted:
        match = next((p for p in free if p["date"] == event["date"] and p["place"] == event["place"]), None)
        if match is None:
            scores.misses.append(f"{name}: event {event['date']} {event['place']} not proposed")
            continue
        free.remove(match)
        scores.events.right += 1
        exact = match["figures"] == (event.get("figures") or {})
        scores.figures.add(exact)
        if not exact:
            scores.misses.append(f"{name}: figures {match['figures']} for {event['place']}, "
                                 f"labelled {event.get('figures')}")
    scores.misses.extend(f"{name}: extra event {p['date']} {p['place']} {p['kind']}" for p in free)
    _score_claims(scores, labels, draft, name)
    for post in labels.get("posts") or []:
        scores.posts.add(post.strip() in draft.posts)
    for phrase in labels.get("boilerplate") or []:
        scores.boilerplate_total += 1
        if phrase in draft.text:
            scores.boilerplate_left += 1
            scores.misses.append(f"{name}: boilerplate left: {phrase!r}")
    date = str(draft.front.get("date") or "")[:10]
    scores.dates.add(date == str(labels.get("date")))
    if date != str(labels.get("date")):
        scores.misses.append(f"{name}: date {date or 'none'}, labelled {labels.get('date')}")
    publisher = draft.publisher
    scores.publishers.add(publisher == labels.get("publisher"))
    if publisher != labels.get("publisher"):
        scores.misses.append(f"{name}: publisher {publisher!r}, labelled {labels.get('publisher')!r}")


def _score_claims(scores: Scores, labels: dict, draft: Draft, name: str) -> None:
    free = list(draft.claims)
    wanted = labels.get("claims") or []
    scores.claims.proposed += len(free)
    scores.claims.wanted += len(wanted)
    for claim in wanted:
        match = next((c for c in free if c["by"] == claim["by"]), None)
        if match is None:
            scores.misses.append(f"{name}: claim by {claim['by']} not proposed")
            continue
        free.remove(match)
        scores.claims.right += 1
        scores.claim_status.add(match["status"] == str(claim["status"]).lower())
        if match["status"] != str(claim["status"]).lower():
            scores.misses.append(f"{name}: claim status {match['status']}, labelled {claim['status']}")
