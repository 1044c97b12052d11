"""The peer pipeline: the same entries through vanilla Pelican 4.12 and Pagefind.

Vanilla Pelican reads its own Markdown header format, so each entry is written
again with the same title, date, section, topics, summary and body (post cards
become plain block quotes, which is what a site without our plugins would do).
Default theme, no plugins, default settings apart from paths.

``pagefind_query_sizes`` measures what Pagefind's own JavaScript API fetches for a
query, through a small page of ours written into the peer's output, so the search
bytes of both sites are measured the same way (bench/run.py).
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]

PEER_SETTINGS = '''
SITENAME = "Peer archive"
SITEURL = ""
TIMEZONE = "Europe/Kyiv"
DEFAULT_LANG = "en"
PATH = {content!r}
OUTPUT_PATH = {output!r}
PLUGINS = []
CACHE_PATH = {cache!r}
'''


def convert_archive(source: Path, target: Path) -> int:
    """Write every entry of ``source`` in Pelican's native format under ``target``; return the count."""
    from plugins.entries.frontmatter import decode, split
    from plugins.entries.registry import load_registries

    registries = load_registries(source / "data")
    if target.exists():
        shutil.rmtree(target)
    count = 0
    for path in sorted((source / "articles").rglob("*.md")):
        front = split(decode(path.read_bytes(), str(path)), str(path))
        data = front.data
        section = registries.sections.entities.get(data["section"])
        topics = [registries.topics.entities[t].name for t in data.get("topics", []) if t in registries.topics.entities]
        header = [
            f"Title: {data['title']}",
            f"Date: {str(data['date']).replace('T', ' ')[:16]}",
            f"Category: {section.name if section else data['section']}",
            f"Tags: {', '.join(topics)}",
            f"Slug: {path.stem}",
            f"Summary: {data['summary']}",
            f"Status: {data.get('status', 'published')}",
        ]
        body = re.sub(r"^:::\s*post\s*$|^:::\s*$", "", front.body, flags=re.M)
        out = target / "articles" / path.parent.name / path.name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("\n".join(header) + "\n\n" + body, encoding="utf-8")
        count += 1
    return count


def write_peer_settings(folder: Path, content: Path, output: Path, cache: Path) -> Path:
    path = folder / "peerconf.py"
    path.write_text(PEER_SETTINGS.format(content=str(content), output=str(output), cache=str(cache)),
                    encoding="utf-8")
    return path


def peer_build_commands(settings: Path, output: Path) -> list[list[str]]:
    """Vanilla Pelican, then Pagefind over its output: the two steps the peer pipeline times."""
    return [
        [sys.executable, "-m", "pelican", "-s", str(settings), "-o", str(output), "-q"],
        [sys.executable, "-m", "pagefind", "--site", str(output), "--quiet"],
    ]


# A page of our own in the peer's output: Pagefind's JavaScript API doing what its search UI does for a
# query (load the index, search, load the first ten results' fragments), then a flag the benchmark waits for.
PAGEFIND_HARNESS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind benchmark</title></head>
<body><script type="module">
const query = new URLSearchParams(location.search).get("q");
const pagefind = await import("/pagefind/pagefind.js");
const search = await pagefind.search(query);
await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
window.benchHits = search.results.length;
</script></body></html>
"""
PAGEFIND_HARNESS_NAME = "pf-bench.html"


def _pagefind_kind(url: str) -> str:
    """What a Pagefind file is for: its code (loader and WebAssembly), result fragments, or the index."""
    name = url.split("?", 1)[0].rsplit("/", 1)[-1]
    if name.endswith((".js", ".pagefind")):
        return "code"
    return "results" if name.endswith(".pf_fragment") else "index"


def pagefind_query_sizes(output: Path, queries: list[str]) -> list[dict]:
    """For each query, the bytes a fresh Chromium fetches under /pagefind/ of the peer's site (a new
    context per query, as for ours): index, the 10 first results' fragments, and Pagefind's own code."""
    from bench.search_bench import fresh_pages

    (output / PAGEFIND_HARNESS_NAME).write_text(PAGEFIND_HARNESS, encoding="utf-8")
    figures = []
    for query, page, base, sizes in fresh_pages(output, queries,
                                                lambda url: _pagefind_kind(url) if "/pagefind/" in url else None):
        errors = []
        page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
        page.goto(f"{base}/{PAGEFIND_HARNESS_NAME}?{urlencode({'q': query})}")
        try:
            page.wait_for_function("window.benchHits !== undefined", timeout=60_000)
        except Exception as exc:
            raise RuntimeError(f"Pagefind search for {query!r} did not finish: {errors or exc}") from None
        sizes["hits"] = page.evaluate("window.benchHits")
        sizes["total"] = sizes["index"] + sizes["results"] + sizes["code"]
        figures.append(sizes)
    return figures