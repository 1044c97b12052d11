"""The content model: one definition of an entry, its events, claims and sources.

Everything else is derived from these classes: validation, the JSON Schema in
``schema/entry.schema.json``, the README's front matter reference and the
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

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
CLAIM_STATUSES = ("confirmed", "unverified", "disputed", "false")


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


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Source(Strict):
    """Where a fact comes from; ``archived`` keeps it readable when the original moves."""

    publisher: str = Field(min_length=1, description="Who published it, e.g. 'Reuters'.")
    title: Optional[str] = Field(default=None, description="The source's own headline.")
    url: Url = Field(description="The original address.")
    published: Optional[Date] = Field(default=None, description="When the source was published.")
    archived: Optional[Url] = Field(default=None, description="A copy in a web archive.")


class Claim(Strict):
    """What a party says happened, and whether anyone has verified it."""

    by: str = Field(min_length=1, description="Who makes the claim: id or alias of a person or organisation.")
    says: str = Field(min_length=1, description="The claim, in a sentence.")
    status: Literal[CLAIM_STATUSES] = Field(description="confirmed, unverified, disputed or false.")
    note: Optional[str] = Field(default=None, description="Who verified or rejected it, and how.")

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


class Casualties(Strict):
    """Named counts as reported; leave out what is not known rather than writing 0."""

    killed: Optional[int] = Field(default=None, ge=0, description="People killed, children included.")
    injured: Optional[int] = Field(default=None, ge=0, description="People injured, children included.")
    children_killed: Optional[int] = Field(default=None, ge=0, description="Of the killed, how many were children.")
    children_injured: Optional[int] = Field(default=None, ge=0, description="Of the injured, how many were children.")
    missing: Optional[int] = Field(default=None, ge=0, description="People reported missing.")

    @field_validator("*", mode="before")
    @classmethod
    def _whole_numbers(cls, value):
        if isinstance(value, bool) or (value is not None and not isinstance(value, int)):
            raise PydanticCustomError("bad_count", "'{value}' is not a whole number of people",
                                      {"value": str(value)[:40]})
        return value

    def items(self):
        """(name, count) for the counts that were reported."""
        return [(name, count) for name, count in self.model_dump().items() if count is not None]


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
    note: str = Field(min_length=1, description="What changed, e.g. 'Death toll raised from 16 to 18.'")


class Entry(Strict):
    """One curated article of the archive."""

    title: str = Field(min_length=1, max_length=300, description="The headline, in the archive's own words.")
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


class PageFront(Strict):
    """Front matter of a standalone page such as 'About'."""

    title: str = Field(min_length=1, max_length=300)
    summary: Optional[str] = None
    slug: Optional[str] = Field(default=None, pattern=SLUG_PATTERN)
    status: Literal["draft", "hidden", "published"] = "published"
    lang: str = Field(default="en", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")
