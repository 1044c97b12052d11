"""Real builds for tests: the project's own settings, pointed at a fixture archive."""

from __future__ import annotations

import functools
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def build_site(content_dir, output_dir, **overrides) -> Path:
    """Build ``content_dir`` with pelicanconf.py into ``output_dir`` (atomic, like invoke build)."""
    from desk.sitebuild.build import build

    settings = {"PATH": str(content_dir), "CACHE_PATH": str(Path(output_dir).parent / "cache")}
    settings.update(overrides)
    build(str(ROOT / "pelicanconf.py"), output=str(output_dir), overrides=settings)
    return Path(output_dir)


@functools.lru_cache(maxsize=None)
def _read(path: Path, mtime: float) -> str:
    return path.read_text(encoding="utf-8")


def soup(output: Path, url: str) -> BeautifulSoup:
    """Parse the page at a site-relative URL ('2025/04/05/slug/')."""
    path = Path(output) / url
    if url.endswith("/") or not url:
        path = path / "index.html"
    return BeautifulSoup(_read(path, path.stat().st_mtime), "html.parser")


def StaticServer(directory):
    """The project's static serving of ``directory`` on a free loopback port (a context manager)."""
    from desk.sitebuild.serve import BackgroundServer, StaticFiles

    return BackgroundServer(StaticFiles(directory))
