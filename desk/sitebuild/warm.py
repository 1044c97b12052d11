"""livereload's warm path: a saved entry's page from the last build's state, in milliseconds.

A full build of a 5,000-entry archive takes tens of seconds even when it renders
only what changed: Pelican reads every entry again, and every list, timeline and
entity page must be checked. The maintainer looking at the entry they are
editing needs one page, so ``invoke livereload`` keeps the last good build's
articles generator in memory (``WarmState``) and, on each save of an entry:

1. reads that one file as the build reads it (Pelican's own ``Readers``, our
   entries reader: the same validation, the same Markdown);
2. makes its Pelican article, carrying over what the rest of the archive gave
   the old one (its related entries, its translations);
3. renders its page with the build's own template, context and Jinja
   environment, as Pelican's writer would.

The page goes into the overlay (``PageOverlay``, here), which the dev server serves
over the output folder until a full build that started after the save has
swapped in (the full build runs as before, so the output folder is always
exactly what ``invoke build`` writes). Everything else the edit changes (list
pages, timelines, search) appears with that build, as in Hugo's fast render
mode. A save that breaks the entry gives its problems at once, the same lines
the build reports.

The warm path declines (returns ``None``) whatever it cannot do exactly: a new,
removed or renamed file, a change of status, a file that is not an entry.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from pelican import signals
from pelican.contents import Article
from pelican.generators import ArticlesGenerator
from pelican.readers import Readers
from pelican.utils import get_relative_path, path_to_url

from plugins.contract.archive import begin_build, end_build
from plugins.entries.errors import Problem
from plugins.entries.validation import ProblemList

logger = logging.getLogger(__name__)

PREVIEW_SUFFIX = ".warm-preview"  # the key of the warm path's own Build: never the running build's


@dataclass
class Rendered:
    """The outcome of one save on the warm path: a page, or the entry's problems."""

    source: str                                   # the entry file, as the build reports it
    save_as: str = ""                             # the page's file under the output folder
    html: bytes = b""
    problems: list[str] = field(default_factory=list)


class WarmState:
    """The last good build's articles generator, kept between builds in the livereload process."""

    def __init__(self):
        self._lock = threading.Lock()
        self.generator: ArticlesGenerator | None = None
        self._pending: ArticlesGenerator | None = None

    def enable(self) -> "WarmState":
        """Keep each build's articles generator (Pelican holds receivers weakly: a bound method of self)."""
        signals.all_generators_finalized.connect(self._capture)
        return self

    def _capture(self, generators) -> None:
        generator = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
        with self._lock:
            self._pending = generator

    def build_succeeded(self) -> None:
        """The build whose generator was captured swapped in: its state is the one to start from."""
        with self._lock:
            if self._pending is not None:
                self.generator, self._pending = self._pending, None

    def build_failed(self) -> None:
        with self._lock:
            self._pending = None

    def render(self, path: Path) -> Rendered | None:
        """The page of the entry at ``path`` as it is now, or its problems; None where the warm path declines."""
        with self._lock:
            generator = self.generator
        if generator is None:
            return None
        old = _article_at(generator, path)
        if old is None:
            return None
        return render_entry(generator, old, path)


def _article_at(generator: ArticlesGenerator, path: Path):
    """The last build's article (or draft) read from ``path``, if any."""
    wanted = os.path.realpath(path)
    for article in (*generator.articles, *generator.translations, *generator.drafts, *generator.drafts_translations):
        if os.path.realpath(article.source_path) == wanted:
            return article
    return None


def render_entry(generator: ArticlesGenerator, old, path: Path) -> Rendered | None:
    """Read ``path`` again and render its page with ``generator``'s template and context."""
    shown = os.path.relpath(path)
    try:
        article = read_article(generator, path)
    except (Problem, ProblemList) as exc:
        problems = exc.problems if isinstance(exc, ProblemList) else [exc]
        return Rendered(shown, problems=[str(problem) for problem in problems])
    if article is None or article.status != old.status or not article.save_as:
        return None  # published <-> draft, or a page Pelican would not write: the full build decides
    for carried in ("related_entries", "translations", "in_default_lang"):  # what the whole archive gave it
        if hasattr(old, carried):
            setattr(article, carried, getattr(old, carried))
    draft = old.status == "draft"
    html = render_article_page(generator, article, draft=draft)
    return Rendered(shown, save_as=article.save_as, html=html.encode("utf-8"))


def read_article(generator: ArticlesGenerator, path: Path):
    """The Pelican article for ``path``, read as the build reads it, in a Build of its own.

    The reader records problems in the Build of its settings' output folder;
    a copy of the settings with its own key keeps them away from a full build
    that may be running in this process at the same moment.
    """
    settings = dict(generator.settings)
    settings["OUTPUT_PATH"] = str(generator.settings["OUTPUT_PATH"]) + PREVIEW_SUFFIX
    begin_build(settings)
    try:
        readers = Readers(settings)
        relative = os.path.relpath(path, generator.path)
        return readers.read_file(base_path=generator.path, path=relative, content_class=Article,
                                 context=generator.context)
    finally:
        end_build(settings)


def render_article_page(generator: ArticlesGenerator, article, draft: bool = False) -> str:
    """The page Pelican's writer would write for ``article`` (ArticlesGenerator.generate_articles/_drafts).

    The writer's steps, without writing: the context copied, SITEURL made
    relative to the page when RELATIVE_URLS is on (and ``localsiteurl`` set on
    the shared context, which the article's content reads for its links), the
    page's own variables added.
    """
    settings, context, name = generator.settings, generator.context, article.save_as
    local = context.copy()
    local["localsiteurl"] = local.get("localsiteurl", None)
    if settings.get("RELATIVE_URLS"):
        relative = path_to_url(get_relative_path(name))
        local["SITEURL"] = local["localsiteurl"] = relative
    local["output_file"] = name
    local.update(article=article, category=getattr(article, "category", None), blog=True)
    if draft:
        local["all_articles"] = generator.articles
    if local["localsiteurl"]:
        context["localsiteurl"] = local["localsiteurl"]
    return generator.get_template(article.template).render(local)


class PageOverlay:
    """Pages the warm path rendered after a save, served over the output folder.

    Each page keeps the number of the save that made it; once a full build that
    started after that save has swapped in, the output folder has the page and
    the overlay forgets it.
    """

    def __init__(self):
        self._pages: dict[str, tuple[int, bytes]] = {}
        self._lock = threading.Lock()

    def put(self, save_as: str, html: bytes, save: int) -> None:
        with self._lock:
            self._pages[save_as] = (save, html)

    def get(self, save_as: str) -> bytes | None:
        with self._lock:
            found = self._pages.get(save_as)
        return found[1] if found else None

    def settle(self, seen: int) -> None:
        """A full build that saw every save up to ``seen`` is in: its pages replace ours."""
        with self._lock:
            self._pages = {name: page for name, page in self._pages.items() if page[0] > seen}

    def __len__(self) -> int:
        return len(self._pages)


class WarmPath:
    """The warm state and the overlay together, and the problems each save gave."""

    def __init__(self, state: WarmState | None = None):
        self.state = state or WarmState().enable()
        self.overlay = PageOverlay()
        self._fresh: dict[str, tuple[int, list[str]]] = {}  # entry -> (save, its problems) from the warm path
        self._full: list[str] = []  # the last full build's problems
        self._lock = threading.Lock()  # saves (watcher thread) and builds (rebuilder thread) both update _fresh

    def saved(self, paths, save: int) -> list[Rendered]:
        """Render each saved entry's page (or find its problems); entries the warm path declines are left out."""
        done = []
        for path in sorted(paths):
            if Path(path).suffix not in (".md", ".markdown") or not Path(path).is_file():
                continue
            try:
                rendered = self.state.render(Path(path))
            except Exception:  # the full build that follows reports it properly
                logger.exception("livereload: the warm path could not render %s; the full build will", path)
                rendered = None
            if rendered is None:
                continue
            with self._lock:
                self._fresh[rendered.source] = (save, rendered.problems)
                if not rendered.problems:
                    self.overlay.put(rendered.save_as, rendered.html, save)
            done.append(rendered)
        return done

    def built(self, seen: int, problems: list[str]) -> list[str]:
        """A full build that saw saves up to ``seen`` ended: the problems to show now."""
        if problems:
            self.state.build_failed()
        else:
            self.state.build_succeeded()
            self.overlay.settle(seen)
        with self._lock:
            self._fresh = {source: found for source, found in self._fresh.items() if found[0] > seen}
            self._full = problems
        return self.problems()

    def problems(self) -> list[str]:
        """The last full build's problems, with the warm path's newer verdict on each entry saved since."""
        with self._lock:
            fresh, full = dict(self._fresh), list(self._full)
        kept = [line for line in full if not any(line.startswith(source + ":") for source in fresh)]
        return kept + [line for _save, lines in fresh.values() for line in lines]
