"""Standalone pages (About, Methodology): the same fences, a smaller model."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from .errors import Problem
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
    slug = page_slug(page)
    if slug in RESERVED_SLUGS or YEAR.fullmatch(slug):
        line = front.lines.get(("slug",)) or front.lines.get(("title",)) or 2
        raise Problem(shown, line, f"the page's address /{slug}/ is one the archive itself uses",
                      "give the page another slug (add or change 'slug:')")
    return page, front.body


# The archive's own folders and files at the site root (timeline, entity lists, search, feeds, year
# archives …): a page there would overwrite them. tests/reliability/test_check_parity.py builds a site and
# holds this list to what is really at its root.
RESERVED_SLUGS = frozenset({
    "archives", "drafts", "events.csv", "events.json", "feeds", "index.html", "organisations", "people", "places",
    "search", "search-index", "sections", "sitemap.xml", "stories", "theme", "timeline", "timeline.json", "topics",
    "404.html", "api", "claims", "claims.csv", "claims.json", "corrections", "_headers",
})
YEAR = re.compile(r"\d{4}")  # year archives: /2025/


def page_slug(page) -> str:
    """The page's slug as Pelican will make it: its own, else its title's."""
    from pelican.settings import DEFAULT_CONFIG
    from pelican.utils import slugify

    return page.slug or slugify(page.title, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
