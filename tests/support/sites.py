"""Real builds for tests: the project's own settings, pointed at a fixture archive."""

from __future__ import annotations

import functools
import threading
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def build_site(content_dir, output_dir, **overrides) -> Path:
    """Build ``content_dir`` with pelicanconf.py into ``output_dir`` (atomic, like invoke build)."""
    from plugins.sitebuild.build import build

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


class StaticServer:
    """The project's preview server on a free loopback port, in a thread."""

    def __init__(self, directory):
        from plugins.sitebuild.serve import make_server

        self.server = make_server(directory, "127.0.0.1", 0)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
