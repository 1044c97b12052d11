"""Documents derived from the model: the JSON Schema and the front matter reference (docs/front-matter.md).

Both are generated, committed, and checked by tests, so the docs and the
editor's validation can never drift from what the reader accepts.
"""

from __future__ import annotations

import json
import typing

from pydantic import BaseModel

from .model import Entry

SCHEMA_PATH = "schema/entry.schema.json"
REFERENCE_PATH = "docs/front-matter.md"  # the reference is written between these two markers
REFERENCE_START = "<!-- front-matter-reference:start -->"
REFERENCE_END = "<!-- front-matter-reference:end -->"


def entry_json_schema() -> str:
    schema = Entry.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://archive.example.org/schema/entry.schema.json"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def with_reference(page: str) -> str:
    """``page`` (the text of REFERENCE_PATH) with the generated reference between its markers."""
    head, rest = page.split(REFERENCE_START, 1)
    _old, tail = rest.split(REFERENCE_END, 1)
    return f"{head}{REFERENCE_START}\n{front_matter_reference()}\n{REFERENCE_END}{tail}"


def front_matter_reference() -> str:
    """A Markdown table per model: key, type, required, what it means."""
    parts = []
    for model, heading in _models():
        parts.append(f"**{heading}**\n\n| key | type | required | meaning |\n| --- | --- | --- | --- |")
        for name, field in model.model_fields.items():
            required = "yes" if field.is_required() else "no"
            meaning = (field.description or "").replace("|", "\\|")
            kind = _type_name(typing.Annotated[field.annotation, *field.metadata]) if field.metadata \
                else _type_name(field.annotation)
            parts.append(f"| `{name}` | {kind} | {required} | {meaning} |")
        parts.append("")
    return "\n".join(parts)


def _models():
    from .model import Casualties, Claim, Correction, Event, Figure, Source, StatusChange

    return [(Entry, "Entry"), (Source, "sources[]"), (Event, "events[]"), (Casualties, "events[].casualties"),
            (Figure, "events[].casualties.<count> as a mapping"), (Claim, "events[].claims[]"),
            (StatusChange, "events[].claims[].status_history[]"), (Correction, "corrections[]")]


def _is_ref(metadata) -> bool:
    return any(getattr(getattr(m, "func", None), "__name__", "") == "resolve" for m in metadata)


def _type_name(annotation) -> str:
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Literal:
        return " \\| ".join(f"`{a}`" for a in typing.get_args(annotation))
    if origin is typing.Annotated:
        base = args[0]
        metadata = typing.get_args(annotation)[1:]
        if _is_ref(metadata):
            return "id or alias"
        if any(getattr(getattr(m, "func", None), "__name__", "") == "_url" for m in metadata):
            return "URL"
        if any(getattr(getattr(m, "func", None), "__name__", "") == "_source_refs" for m in metadata):
            return "source id or position, or a list"
        if any(getattr(getattr(m, "func", None), "__name__", "") == "_figure" for m in metadata):
            return "whole number or mapping"
        return _type_name(base)
    if origin in (list, tuple):
        return f"list of {_type_name(args[0])}"
    if origin in (typing.Union, getattr(__import__('types'), 'UnionType', None)) and args:
        return _type_name(args[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "mapping"
    name = getattr(annotation, "__name__", str(annotation))
    return {"PartialDate": "date", "str": "text", "int": "whole number"}.get(name, name)
