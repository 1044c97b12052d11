"""Turn a file into a validated Entry, or into Problems a maintainer can act on."""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .errors import Problem, did_you_mean
from .frontmatter import FrontMatter, decode, split
from .model import SLUG_PATTERN, Entry

SLUG = re.compile(SLUG_PATTERN)


@dataclass
class LoadedEntry:
    """A valid entry with the Markdown body and where that body starts."""

    path: str
    entry: Entry
    front: FrontMatter
    warnings: list = field(default_factory=list)  # citations.Caution: to fix before publishing

    @property
    def slug(self) -> str:
        return self.entry.slug or Path(self.path).stem


def load_entry(path, registries, raw: bytes | None = None, shown: str | None = None) -> LoadedEntry:
    """Read and validate one entry file; raise Problem, or ProblemList for several.

    ``shown`` is the path as the maintainer should see it in messages. Once the
    front matter is read, every problem of the file is found in this one pass
    (the check and the build both come here): key by key, and the rules that
    span keys (a source for a published entry, unique event ids, the slug) even
    when other keys are wrong. A ProblemList carries the front matter, so the
    body's problems can be added to it.
    """
    if raw is None:
        raw = Path(path).read_bytes()
    path = shown or str(path)
    front = split(decode(raw, path), path)
    if not isinstance(front.data, dict):
        raise Problem(path, 2, "the front matter is not a mapping of keys to values", "write one 'key: value' per line")
    problems, entry = [], None
    try:
        entry = Entry.model_validate(front.data, context={"registries": registries})
    except ValidationError as exc:
        problems = [problem_from_error(path, front, err) for err in exc.errors()]
    except RecursionError:
        problems = [Problem(path, 2, "the front matter is nested too deeply", "simplify it")]
    problems += cross_key_problems(path, front)
    if problems:
        raise ProblemList(problems, front)
    return LoadedEntry(path, entry, front)


class ProblemList(Exception):
    """Several problems in one file (and its front matter, when it could be read)."""

    def __init__(self, problems, front: FrontMatter | None = None):
        self.problems = problems
        self.front = front
        super().__init__("\n".join(str(p) for p in problems))


def cross_key_problems(path: str, front: FrontMatter) -> list:
    """The rules that span keys, on the front matter as written, so they show with every other problem."""
    data, problems = front.data, []
    if data.get("status", "published") == "published" and not data.get("sources"):
        line = front.lines.get(("sources",)) or front.lines.get(("status",)) or 2
        problems.append(Problem(path, line, "a published entry needs at least one source",
                                "add a 'sources:' list, or set 'status: draft'"))
    events = data.get("events")
    seen = set()
    for index, event in enumerate(events if isinstance(events, list) else []):
        event_id = event.get("id") if isinstance(event, dict) and event.get("id") else f"event-{index + 1}"
        if event_id in seen:
            problems.append(Problem(path, front.line_of(("events", index)), f"two events share the id '{event_id}'",
                                    "give each its own"))
        seen.add(event_id)
    stem, slug = Path(path).stem, data.get("slug")
    if isinstance(slug, str) and slug and slug != stem and SLUG.fullmatch(slug):
        problems.append(Problem(path, front.line_of(("slug",)), f"the slug '{slug}' differs from the file name "
                                f"'{stem}.md'", f"rename the file to {slug}.md or remove the slug line"))
    return problems


def problem_from_error(path: str, front: FrontMatter, err: dict, model=Entry) -> Problem:
    """One pydantic error as a Problem at the line of the key it concerns."""
    loc = tuple(err["loc"])
    kind = err["type"]
    where = _describe(loc)
    value = err.get("input")
    if kind == "missing":
        line = front.line_of(loc[:-1]) if loc[:-1] else 1
        return Problem(path, line, f"the required key '{loc[-1]}' is missing{_in(loc[:-1])}",
                       f"add '{loc[-1]}:' {_example(loc[-1])}")
    line = front.line_of(loc)
    if kind == "extra_forbidden":
        allowed = _fields_at(loc[:-1], model)
        hint = did_you_mean(loc[-1], allowed)
        fix = hint or f"allowed keys here: {', '.join(sorted(allowed))}"
        return Problem(path, line, f"unknown key '{loc[-1]}'{_in(loc[:-1])}", fix)
    if kind == "literal_error":
        choices = [c.strip(" '") for c in err["ctx"]["expected"].replace(" or ", ", ").split(",")]
        hint = did_you_mean(value, choices)
        fix = (hint + " " if hint else "") + f"Use one of: {', '.join(choices)}"
        return Problem(path, line, f"'{value}' is not a valid {where}", fix)
    if kind in ("greater_than_equal",):
        return Problem(path, line, f"{where} is {value}, below {err['ctx']['ge']}",
                       "counts cannot be negative; leave the key out if the figure is unknown")
    if kind in ("string_pattern_mismatch",) and loc[-1] in ("slug", "id"):
        return Problem(path, line, f"'{value}' is not a valid {where}",
                       "use lower-case letters, digits and single hyphens, e.g. 'kryvyi-rih-strike'")
    message = err["msg"]
    if err.get("ctx", {}).get("error") is not None:
        message = str(err["ctx"]["error"])
    if " — " in message:  # our own errors carry their fix
        what, fix = message.split(" — ", 1)
        return Problem(path, line, f"{where}: {what}", fix)
    return Problem(path, line, f"{where}: {message[:1].lower()}{message[1:]}", _generic_fix(loc))


def _describe(loc) -> str:
    names = [str(p) for p in loc if not isinstance(p, int)]
    return " ".join(names[-2:]).replace("_", " ") if names else "front matter"


def _in(loc) -> str:
    return f" in {'.'.join(str(p) for p in loc)}" if loc else ""


_EXAMPLES = {
    "title": "with the headline",
    "date": "with the publication date, e.g. 2025-04-05",
    "summary": "with one or two plain sentences",
    "section": "with a section id from content/data/sections.yml",
    "place": "with a place id from content/data/places.yml",
    "kind": "with an event kind from content/data/event-kinds.yml",
    "url": "with the web address",
    "publisher": "with the publisher's name",
    "status": "with confirmed, unverified, disputed or false",
}


def _example(key) -> str:
    return _EXAMPLES.get(key, "with a value")


def _generic_fix(loc) -> str:
    if loc and loc[-1] in ("date", "end", "published", "updated"):
        return "write the date as YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM+03:00"
    return "see the front matter reference in docs/front-matter.md"


def _fields_at(loc, model) -> set:
    """The keys allowed in the mapping at ``loc`` of a ``model``."""
    for step in loc:
        if isinstance(step, int):
            continue
        field = model.model_fields.get(step)
        if field is None:
            return set()
        inner = _model_in(field.annotation)
        if inner is None:
            return set()
        model = inner
    return set(model.model_fields)


def _model_in(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
