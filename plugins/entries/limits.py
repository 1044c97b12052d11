"""Walk composed front matter once per node, record each key's line, and refuse YAML bombs.

YAML aliases (``*name``) make the same node appear in many places. A walk that
follows every alias path costs the number of paths, not of nodes: a 625-byte
front matter of ten levels of nine aliases has 9^10 paths, and ``invoke check``
ran past 300 s while the build grew to 23 GB. This walk visits each node once
(an alias met again is looked up, not walked) and works out, on the way, how
big and how deep the value would be with every alias written out: anything
that reads the constructed value (validation, templates) pays that size.

Limits (stated in docs/reliability.md), each refused as ``path:line: what — fix``:
``MAX_ALIASES`` alias uses, ``MAX_DEPTH`` levels of nesting, ``MAX_VALUES``
values once aliases are expanded, and no alias inside the value it names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .errors import Problem

MAX_ALIASES = 100      # alias uses (*name) in one front matter; real entries use a handful at most
MAX_DEPTH = 10         # levels of nesting; the deepest real key (events → claims → by) is at level 5
MAX_VALUES = 10_000    # keys, items and scalars with every alias expanded; a long entry has a few hundred
MAX_BODY_NESTING = 30  # list and quote levels in a body; Markdown recurses per level (400 overflowed Python's stack)
TAB_COLUMNS = 4        # Python-Markdown's tab_length: one level of list nesting

# What opens a level at the start of a body line: a quote marker, a bullet or a number with its space.
_MARKER = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))")


@dataclass
class Size:
    """How many values a node stands for, and how many levels it goes down, aliases expanded."""

    values: int
    depth: int


@dataclass
class FrontMatterWalk:
    """One walk over one file's composed front matter."""

    path: str
    positions: dict = field(default_factory=dict)  # Location -> 1-based line
    sizes: dict = field(default_factory=dict)  # id(node) -> Size, for nodes walked already
    open_nodes: set = field(default_factory=set)  # id(node) of the nodes being walked (an alias back to one loops)
    aliases: int = 0
    total: int = 0

    def walk(self, node, location=(), depth=0, key_line=2) -> Size:
        """Map ``node`` (at ``depth``, under the key on ``key_line``) once; raise Problem at the first limit it breaks.

        An alias is the very node it names (with the anchor's line), so problems with aliases
        are reported at the line of the key they are used under.
        """
        if id(node) in self.open_nodes:
            raise Problem(self.path, key_line, "a YAML alias refers to the value it is part of, which never ends",
                          "write the value out instead of the alias")
        known = self.sizes.get(id(node))
        line = key_line if known is not None else node.start_mark.line + 2  # +1: 1-based, +1: the fence
        if known is not None:  # an alias: the node is walked already, count what it expands to
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise Problem(self.path, line, f"the front matter uses more than {MAX_ALIASES} YAML aliases (*name)",
                              "write the values out; entries need few if any aliases")
            return self._count(known, depth, line)
        self.open_nodes.add(id(node))
        size = Size(1, 0)
        if depth > MAX_DEPTH:
            self._too_deep(line)
        for child_location, child in self._children(node, location):
            child_line = self.positions[child_location] if isinstance(child_location[-1], str) else key_line
            child_size = self.walk(child, child_location, depth + 1, child_line)
            size = Size(size.values + child_size.values, max(size.depth, child_size.depth + 1))
        self.open_nodes.discard(id(node))
        self.sizes[id(node)] = size
        self.total += 1
        return size

    def _children(self, node, location):
        """(location, node) of each key's value and each item, recording the line of each key and item."""
        if isinstance(node, yaml.MappingNode):
            seen = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
                line = key_node.start_mark.line + 2
                if key in seen:
                    raise Problem(self.path, line, f"the key '{key}' appears twice (first on line {seen[key]})",
                                  "keep one of them")
                seen[key] = line
                self.positions[location + (key,)] = line
                yield location + (key,), value_node
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self.positions[location + (index,)] = item.start_mark.line + 2
                yield location + (index,), item

    def _count(self, size: Size, depth: int, line: int) -> Size:
        self.total += size.values
        if self.total > MAX_VALUES:
            raise Problem(self.path, line, f"with its aliases expanded the front matter holds over {MAX_VALUES:,} "
                          "values", "write the values out instead of nesting aliases in aliases")
        if depth + size.depth > MAX_DEPTH:
            self._too_deep(line)
        return size

    def _too_deep(self, line: int):
        raise Problem(self.path, line, f"the front matter is nested more than {MAX_DEPTH} levels deep",
                      "entries need at most five levels (events → claims → by); flatten it")


def body_nesting_problems(path: str, body: str, body_line: int) -> list:
    """The first body line nested deeper than ``MAX_BODY_NESTING`` levels (indentation and markers), if any.

    Counted from the text, before Markdown sees it: a level is a quote or list
    marker at the start of the line, or each ``TAB_COLUMNS`` columns of
    indentation. It over-counts a little (an indented code block), never under.
    """
    for number, line in enumerate(body.split("\n")):
        if len(line) < MAX_BODY_NESTING:  # too short to hold that many levels
            continue
        levels = nesting_levels(line)
        if levels > MAX_BODY_NESTING:
            return [Problem(path, body_line + number, f"this line is nested {levels} levels deep (lists, quotes "
                            f"and indentation); the limit is {MAX_BODY_NESTING}",
                            "flatten the list or quote; Markdown cannot render deeper nesting")]
    return []


def nesting_levels(line: str) -> int:
    """Levels opened at the start of ``line``: its indentation in steps of TAB_COLUMNS, plus one per marker."""
    stripped = line.lstrip(" \t")
    levels = len(line[: len(line) - len(stripped)].expandtabs(TAB_COLUMNS)) // TAB_COLUMNS
    position = 0
    while True:
        match = _MARKER.match(stripped, position)
        if match is None:
            return levels
        levels += 1
        position = match.end()
