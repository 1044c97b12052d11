"""Split a Markdown entry into YAML front matter and body, remembering lines.

Errors must point at the line of the offending key, so the YAML is composed
into nodes first (which carry their marks) and only then turned into plain
Python values. Dates stay strings: the content model parses them itself, so
a date written as ``2025-04`` keeps its precision and a local date is never
moved across a time zone by the YAML library.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .errors import Problem
from .limits import FrontMatterWalk

FENCE = "---"

# Keys are tuples like ("events", 0, "casualties", "killed").
Location = tuple


# libyaml's parser when PyYAML was built with it (the wheels are): about ten times faster.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """Safe loader that leaves timestamps as text for the model to parse."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class FrontMatter:
    """What one file holds: its data, its body, and where each key sits."""

    data: dict
    body: str
    body_line: int  # 1-based line of the body's first line in the file
    lines: dict = field(default_factory=dict)  # Location -> 1-based line

    def line_of(self, location: Location) -> int:
        """The line of the deepest known key on the way to ``location``."""
        loc = tuple(location)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return 1


def decode(raw: bytes, path: str) -> str:
    """Bytes to text: UTF-8 with or without a BOM, any line endings."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise Problem(
            path,
            line,
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            "save the file as UTF-8 in your editor",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split(text: str, path: str) -> FrontMatter:
    """Parse ``---`` fenced YAML at the top of ``text``; raise Problem if broken."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise Problem(path, 1, "the file does not start with a '---' line",
                      "put the YAML front matter between two '---' lines at the top of the file")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == FENCE)
    except StopIteration:
        raise Problem(path, len(lines), "the front matter has no closing '---' line",
                      "add a line with only '---' after the last front matter key") from None
    yaml_text = "\n".join(lines[1:end])
    loader = None
    try:
        loader = _Loader(yaml_text)
        node = loader.get_single_node()
    except RecursionError:
        raise Problem(path, 2, "the front matter is nested too deeply", "entries need at most four levels") from None
    except yaml.YAMLError as exc:
        if loader is not None:
            loader.dispose()
        if isinstance(exc, yaml.reader.ReaderError):
            line = yaml_text[: exc.position].count("\n") + 2
            raise Problem(path, line, f"the character U+{exc.character:04X} is not allowed in YAML",
                          "delete it; it is often invisible, so retype the line") from None
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = (mark.line + 2) if mark else 2
        what = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context_mark", None)
        if context is not None and context.line + 2 != line:
            what += f" (in the value that starts on line {context.line + 2})"
        raise Problem(path, line, f"YAML syntax error: {what}",
                      "check the indentation and quote values that contain ': ' or start with a symbol") from None
    if node is None:
        raise Problem(path, 2, "the front matter is empty", "add at least title, date and summary")
    if not isinstance(node, yaml.MappingNode):
        raise Problem(path, node.start_mark.line + 2, "the front matter is not a mapping of keys to values",
                      "write one 'key: value' per line")
    try:
        walk = FrontMatterWalk(path)
        walk.walk(node)  # each node once; refuses alias bombs and deep nesting before anything expands them
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise _unreadable(path, exc) from None
    except (RecursionError, ValueError, TypeError) as exc:
        raise Problem(path, 2, f"YAML could not be read: {exc}", "simplify the front matter") from None
    finally:
        loader.dispose()
    body = "\n".join(lines[end + 1:])
    return FrontMatter(data=data, body=body, body_line=end + 2, lines=walk.positions)


def _unreadable(path: str, exc: yaml.YAMLError) -> Problem:
    """A value YAML cannot construct (a ``!!python/…`` tag), at its own line."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 2 if mark is not None else 2
    what = getattr(exc, "problem", None) or str(exc)
    return Problem(path, line, f"YAML could not be read: {what}",
                   "remove the tag (a word after '!') and write a plain value")
