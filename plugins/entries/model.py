"""The content model: one definition of an entry, its events, claims and sources.

Everything else is derived from these classes: validation, the JSON Schema in
``schema/entry.schema.json``, the front matter reference in docs/front-matter.md and the
``invoke new`` scaffold. Entity fields accept an id or any alias from the
registries and store the id.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, Optional

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field,
                      PlainSerializer, ValidationInfo, WithJsonSchema, field_validator,
                      model_validator)
from pydantic_core import PydanticCustomError

from .dates import DateFormatError, PartialDate, parse_partial_date
from .statuses import STATUS_IDS, status_description

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
CLAIM_STATUSES = STATUS_IDS
CORRECTION_KINDS = ("correction", "clarification", "update")


def _date(value):
    try:
        return parse_partial_date(value)
    except DateFormatError as exc:
        raise PydanticCustomError("bad_date", "{reason}", {"reason": str(exc)}) from None


Date = Annotated[
    PartialDate,
    BeforeValidator(_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": ["string", "integer"],
                    "pattern": r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?)?)?)?$",
                    "description": "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][±HH:MM]"}),
]


def _url(value):
    if not isinstance(value, str) or not re.match(r"^https?://[^\s/$.?#][^\s]*$", value):
        raise PydanticCustomError("bad_url", "'{value}' is not a web address; write it with http:// or https://",
                                  {"value": str(value)[:80]})
    return value


Url = Annotated[str, AfterValidator(_url),
                WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})]


def ref(kind: str):
    """A field naming an entity of ``kind`` by id or alias; validated to its id."""

    def resolve(value, info: ValidationInfo):
        registries = (info.context or {}).get("registries")
        if registries is None:
            return value
        registry = registries.by_kind[kind]
        entity_id = registry.resolve(value)
        if entity_id is None:
            hint = registry.suggest(value)
            fix = f"{hint} Or add it to {_registry_file(kind)}" if hint else f"add it to {_registry_file(kind)}"
            raise PydanticCustomError("unknown_entity", "unknown {label} '{value}' — {fix}",
                                      {"label": kind.rstrip("s").replace("_", " ") if kind != "people" else "person",
                                       "value": value, "fix": fix})
        return entity_id

    return Annotated[str, Field(min_length=1), AfterValidator(resolve),
                     WithJsonSchema({"type": "string", "description": f"id or alias from {_registry_file(kind)}"})]


def _registry_file(kind: str) -> str:
    return f"content/data/{kind.replace('_', '-')}.yml"


# Bidirectional overrides and invisible spaces make a title read other than it is written (and a
# page's title becomes its URL). Joiners (U+200C, U+200D) stay: some scripts and emoji need them.
INVISIBLE_CHARACTERS = re.compile("[\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]")


def _visible(value: str) -> str:
    found = INVISIBLE_CHARACTERS.search(value)
    if found:
        raise PydanticCustomError("invisible_character", "holds the invisible character U+{code}, which changes how "
                                  "the text reads or where it links — delete it (retype the text around "
                                  "column {column} if your editor does not show it)",
                                  {"code": f"{ord(found.group()):04X}", "column": found.start() + 1})
    return value


Title = Annotated[str, AfterValidator(_visible)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _source_refs(value):
    """One reference or a list of them, each a source's id or its position (1 = first)."""
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (int, str)) or \
                (isinstance(item, int) and item < 1) or (isinstance(item, str) and not re.match(SLUG_PATTERN, item)):
            raise PydanticCustomError("bad_source_ref", "'{value}' does not name a source — write a source's id "
                                      "(e.g. 'regional-administration') or its position in 'sources:' (1 = first)",
                                      {"value": str(item)[:60]})
    return items


_REF_SCHEMA = {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": SLUG_PATTERN}]}
SourceRefs = Annotated[list, BeforeValidator(_source_refs),
                       WithJsonSchema({"anyOf": [_REF_SCHEMA, {"type": "array", "items": _REF_SCHEMA, "minItems": 1}],
                                       "description": "A source's id or position (1 = first), or a list of them."})]


class Source(Strict):
    """Where a fact comes from; ``archived`` keeps it readable when the original moves."""

    id: Optional[str] = Field(default=None, pattern=SLUG_PATTERN,
                              description="A name figures and claims cite it by; without one, cite its position (1 = first).")
    publisher: str = Field(min_length=1, description="Who published it, e.g. 'Reuters'.")
    title: Optional[str] = Field(default=None, description="The source's own headline.")
    url: Url = Field(description="The address of the item itself (the post, the article), not the site's home page.")
    published: Optional[Date] = Field(default=None, description="When the source was published.")
    accessed: Optional[Date] = Field(default=None, description="When the archive last read it.")
    archived: Optional[Url] = Field(default=None, description="A copy in a web archive; without one the page links "
                                                              "to the web archive's nearest capture.")


class StatusChange(Strict):
    """One step in a claim's verification: from this date the claim had this status."""

    date: Date = Field(description="When the status changed.")
    status: Literal[CLAIM_STATUSES] = Field(description="The status from that date.")
    note: Optional[str] = Field(default=None, description="What changed it.")
    source: Optional[SourceRefs] = Field(default=None, description="The source that changed it: id or position.")


class Claim(Strict):
    """What a party says happened, and whether anyone has verified it."""

    by: str = Field(min_length=1, description="Who makes the claim: id or alias of a person or organisation.")
    says: str = Field(min_length=1, description="The claim, in a sentence.")
    status: Literal[CLAIM_STATUSES] = Field(description=status_description())
    note: Optional[str] = Field(default=None, description="Who verified or rejected it, and how.")
    said: Optional[Date] = Field(default=None, description="When it was said; defaults to the event's date.")
    source: Optional[SourceRefs] = Field(default=None, description="Where the claim was made or reported: a source's "
                                                                   "id or position; a published entry needs it.")
    status_history: list[StatusChange] = Field(default_factory=list,
                                               description="Earlier statuses, oldest first; the last is the current one.")

    @field_validator("by")
    @classmethod
    def _by_either(cls, value, info: ValidationInfo):
        registries = (info.context or {}).get("registries")
        if registries is not None:
            for kind in ("organisations", "people"):
                found = registries.by_kind[kind].resolve(value)
                if found:
                    return found
            hint = registries.organisations.suggest(value) or registries.people.suggest(value)
            fix = (hint + " Or add") if hint else "add"
            raise PydanticCustomError(
                "unknown_entity", "unknown person or organisation '{value}' — {fix} it to "
                "content/data/organisations.yml or content/data/people.yml", {"value": value, "fix": fix})
        return value


def _whole_number(value):
    if isinstance(value, bool) or (value is not None and not isinstance(value, int)):
        raise PydanticCustomError("bad_count", "'{value}' is not a whole number of people", {"value": str(value)[:40]})
    return value


Count = Annotated[Optional[int], BeforeValidator(_whole_number)]


class Figure(Strict):
    """A count as the source gives it: exact, a range around a best estimate, or a floor ('at least 18').

    Like UCDP's low/best/high deaths, a range keeps the uncertainty the source
    admits instead of picking one number for the reader.
    """

    low: Count = Field(default=None, ge=0, description="The lowest figure reported.")
    best: Count = Field(default=None, ge=0, description="The best estimate; charts and sums use it.")
    high: Count = Field(default=None, ge=0, description="The highest figure reported.")
    at_least: Count = Field(default=None, ge=0, description="The source gives only a floor: 'at least N'.")

    @model_validator(mode="after")
    def _consistent(self):
        if self.at_least is not None and (self.best is not None or self.low is not None):
            raise PydanticCustomError("bad_figure", "a figure has both at_least and best or low — write "
                                      "{{at_least: N}} alone, or {{low, best, high}}", {})
        if self.at_least is None and self.best is None:
            raise PydanticCustomError("bad_figure", "a figure has no best estimate — add best: N, "
                                      "or write {{at_least: N}} when the source gives only a floor", {})
        numbers = [n for n in (self.low, self.best if self.at_least is None else self.at_least, self.high)
                   if n is not None]
        if numbers != sorted(numbers):
            raise PydanticCustomError("bad_figure", "the figure's low, best and high are out of order — "
                                      "write them so that low ≤ best ≤ high", {})
        return self

    @property
    def value(self) -> int:
        """The number sums and charts use: the best estimate, or the floor."""
        return self.best if self.best is not None else self.at_least

    @property
    def lowest(self) -> int:
        """The low end as exported: the low figure, the floor, or (exact) the figure itself."""
        return self.low if self.low is not None else self.value

    @property
    def highest(self) -> Optional[int]:
        """The high end as exported; unknown (None) when the source gives only a floor."""
        if self.high is not None:
            return self.high
        return None if self.at_least is not None else self.best

    @property
    def is_exact(self) -> bool:
        return self.at_least is None and self.low is None and self.high is None

    def text(self) -> str:
        """'18', 'at least 18', '12–18 (best estimate 14)': what the source said, no more precise."""
        if self.at_least is not None:
            return f"at least {self.at_least}" + (f" (up to {self.high})" if self.high is not None else "")
        if self.low is not None and self.high is not None:
            return f"{self.low}–{self.high} (best estimate {self.best})"
        if self.low is not None:
            return f"{self.best} (at least {self.low})"
        if self.high is not None:
            return f"{self.best} (up to {self.high})"
        return str(self.best)

    def __str__(self) -> str:
        return self.text()


def _figure(value):
    """A plain number is an exact figure; a mapping is a range or a floor."""
    if value is None or isinstance(value, (dict, Figure)):
        return value
    if _whole_number(value) < 0:
        raise PydanticCustomError("greater_than_equal", "Input should be greater than or equal to {ge}", {"ge": 0})
    return {"best": value}


FigureField = Annotated[
    Optional[Figure], BeforeValidator(_figure),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 0},
                              {"type": "object", "additionalProperties": False, "minProperties": 1,
                               "properties": {k: {"type": "integer", "minimum": 0}
                                              for k in ("low", "best", "high", "at_least")}}],
                    "description": "A whole number, {low, best, high} or {at_least}."})]

COUNT_NAMES = ("killed", "injured", "children_killed", "children_injured", "missing")


class Casualties(Strict):
    """Named counts as reported, and who reported them; leave out what is not known rather than writing 0."""

    killed: FigureField = Field(default=None, description="People killed, children included.")
    injured: FigureField = Field(default=None, description="People injured, children included.")
    children_killed: FigureField = Field(default=None, description="Of the killed, how many were children.")
    children_injured: FigureField = Field(default=None, description="Of the injured, how many were children.")
    missing: FigureField = Field(default=None, description="People reported missing.")
    source: Optional[SourceRefs] = Field(default=None, description="Who gives these figures: a source's id or "
                                                                   "position; a published entry needs it.")

    def items(self):
        """(name, Figure) for the counts that were reported."""
        return [(name, getattr(self, name)) for name in COUNT_NAMES if getattr(self, name) is not None]

    def value(self, name: str) -> Optional[int]:
        """The best estimate of one count, None when it was not reported."""
        figure = getattr(self, name)
        return figure.value if figure is not None else None


class Event(Strict):
    """Something that happened at a place and time; an entry may report several."""

    id: Optional[str] = Field(default=None, pattern=SLUG_PATTERN,
                              description="Anchor on the article page; defaults to event-1, event-2, ….")
    date: Date = Field(description="When it happened, as precisely as known.")
    end: Optional[Date] = Field(default=None, description="Last day of an event that lasted longer.")
    place: ref("places") = Field(description="Where it happened.")
    kind: ref("event_kinds") = Field(description="What kind of event, from content/data/event-kinds.yml.")
    summary: str = Field(min_length=1, description="One sentence in the archive's own words.")
    people: list[ref("people")] = Field(default_factory=list, description="People involved.")
    organisations: list[ref("organisations")] = Field(default_factory=list, description="Organisations involved.")
    casualties: Optional[Casualties] = Field(default=None, description="Named counts of people harmed.")
    claims: list[Claim] = Field(default_factory=list, description="What parties say about the event.")

    @model_validator(mode="after")
    def _end_after_start(self):
        if self.end is not None and self.end.first_day() < self.date.first_day():
            raise PydanticCustomError("end_before_start", "the event ends ({end}) before it starts ({start}) — "
                                      "swap date and end", {"end": str(self.end), "start": str(self.date)})
        return self


class Correction(Strict):
    """A public record of a change to facts already published."""

    date: Date = Field(description="When the correction was made.")
    kind: Literal[CORRECTION_KINDS] = Field(default="correction", description="correction (a fact was wrong), "
                                            "clarification (it could be misread) or update (new facts came in).")
    note: str = Field(min_length=1, description="What changed, e.g. 'Death toll raised from 16 to 18.'")


class Entry(Strict):
    """One curated article of the archive."""

    title: Title = Field(min_length=1, max_length=300, description="The headline, in the archive's own words.")
    date: Date = Field(description="Publication time of the entry: YYYY-MM-DD or a full timestamp.")
    updated: Optional[Date] = Field(default=None, description="When the entry last changed in substance.")
    summary: str = Field(min_length=1, max_length=1000, description="One or two plain sentences.")
    slug: Optional[str] = Field(default=None, pattern=SLUG_PATTERN, description="Defaults to the file name.")
    section: ref("sections") = Field(description="The one section (desk) of the entry, from sections.yml.")
    topics: list[ref("topics")] = Field(default_factory=list, description="Topics from topics.yml.")
    people: list[ref("people")] = Field(default_factory=list, description="People the entry is about, from people.yml.")
    places: list[ref("places")] = Field(default_factory=list, description="Places the entry is about, from places.yml.")
    organisations: list[ref("organisations")] = Field(default_factory=list,
                                                      description="Organisations, from organisations.yml.")
    story: Optional[ref("stories")] = Field(default=None, description="The running story it belongs to, from stories.yml.")
    status: Literal["draft", "published"] = Field(default="published",
                                                  description="Drafts are validated but not published.")
    lang: str = Field(default="en", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$", description="Language code, e.g. en, uk.")
    sources: list[Source] = Field(default_factory=list, description="Where the facts come from; a published entry needs one.")
    events: list[Event] = Field(default_factory=list, description="What happened; feeds the timelines and exports.")
    corrections: list[Correction] = Field(default_factory=list, description="Public log of corrections to facts.")

    @field_validator("date")
    @classmethod
    def _date_has_day(cls, value: PartialDate):
        if value.precision in ("year", "month"):
            raise PydanticCustomError("bad_date", "'{value}' needs a day — write the entry's date as YYYY-MM-DD "
                                      "or a full timestamp (YYYY-MM-DDTHH:MM+03:00)", {"value": str(value)})
        return value

    # A published entry's sources and unique event ids span keys: validation.cross_key_problems checks
    # them on the front matter as written, so they are reported with every other problem of the file.

    def event_id(self, index: int) -> str:
        event = self.events[index]
        return event.id or f"event-{index + 1}"

    def cited(self, refs) -> list:
        """The sources a figure or claim names, as (position, Source)."""
        return sources_cited(self.sources, refs)

    def source_by_ref(self, ref):
        found = sources_cited(self.sources, [ref])
        return found[0][1] if found else None

    def corrections_newest_first(self) -> list:
        """The corrections log as readers see it: the latest change on top."""
        return sorted(self.corrections, key=lambda c: (c.date.first_day(), c.date.iso()), reverse=True)


def sources_cited(sources, refs) -> list:
    """(1-based position, Source) for each reference (a source id or position); unknown ones are left out."""
    found = []
    for ref in refs or ():
        if isinstance(ref, int):
            position = ref if 1 <= ref <= len(sources) else None
        else:
            position = next((i for i, s in enumerate(sources, 1) if s.id == ref), None)
        if position is not None and all(position != p for p, _ in found):
            found.append((position, sources[position - 1]))
    return found


class PageFront(Strict):
    """Front matter of a standalone page such as 'About'."""

    title: Title = Field(min_length=1, max_length=300)
    summary: Optional[str] = None
    slug: Optional[str] = Field(default=None, pattern=SLUG_PATTERN)
    status: Literal["draft", "hidden", "published"] = "published"
    lang: str = Field(default="en", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")
