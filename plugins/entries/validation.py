"""Turn a file into a validated Entry, or into Problems a maintainer can act on."""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .errors import Problem, did_you_mean
from .frontmatter import FrontMatter, decode, split
from .model import Entry


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

    ``shown`` is the path as the maintainer should see it in messages.
    """
    if raw is None:
        raw = Path(path).read_bytes()
    path = shown or str(path)
    front = split(decode(raw, path), path)
    if not isinstance(front.data, dict):
        raise Problem(path, 2, "the front matter is not a mapping of keys to values", "write one 'key: value' per line")
    try:
        entry = Entry.model_validate(front.data, context={"registries": registries})
    except ValidationError as exc:
        raise ProblemList([problem_from_error(path, front, err) for err in exc.errors()]) from None
    except RecursionError:
        raise Problem(path, 2, "the front matter is nested too deeply", "simplify it") from None
    loaded = LoadedEntry(path, entry, front)
    _check_slug_matches(loaded)
    return loaded


class ProblemList(Exception):
    """Several problems in one file."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _check_slug_matches(loaded: LoadedEntry) -> None:
    stem = Path(loaded.path).stem
    if loaded.entry.slug and loaded.entry.slug != stem:
        line = loaded.front.line_of(("slug",))
        raise Problem(loaded.path, line, f"the slug '{loaded.entry.slug}' differs from the file name '{stem}.md'",
                      f"rename the file to {loaded.entry.slug}.md or remove the slug line")


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
