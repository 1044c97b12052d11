"""Standalone pages (About, Methodology): the same fences, a smaller model."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from .frontmatter import decode, split
from .model import PageFront
from .validation import ProblemList, problem_from_error


def load_page(source_path, shown: str):
    """Validate a page's front matter; return the model and the Markdown body."""
    front = split(decode(Path(source_path).read_bytes(), shown), shown)
    try:
        page = PageFront.model_validate(front.data)
    except ValidationError as exc:
        raise ProblemList([problem_from_error(shown, front, err, PageFront) for err in exc.errors()]) from None
    return page, front.body
