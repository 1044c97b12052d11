"""What keeping things out of the build costs (docs/reliability.md, "What never leaves the build").

    /work/venv/bin/python -m bench.leaks

Times ``clean_body`` (nh3) against a bare Markdown conversion on the sample archive's bodies and
on one body at the 256 KB size limit, and ``content_problems`` (links, names, sizes, static
files) on a folder of 5,000 entry files; prints one line for each.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import markdown
from pelican.settings import read_settings

from plugins.entries.files import content_problems
from plugins.entries.frontmatter import decode, split
from plugins.entries.reader import render_markdown
from plugins.entries.sanitise import clean_body

ROOT = Path(__file__).resolve().parents[1]
LIMIT_BODY = ("A paragraph of a long report with a [link](https://example.org) and *emphasis*.\n\n" * 3300)[:256 * 1024]


def seconds_per_round(work, rounds: int) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        work()
    return (time.perf_counter() - started) / rounds


def main() -> None:
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    config = settings["MARKDOWN"]["extension_configs"]
    md = markdown.Markdown(extensions=[*config, "plugins.embeds.postcard"], extension_configs=config,
                           output_format="html5")
    sample = [split(decode(p.read_bytes(), str(p)), str(p)).body for p in sorted((ROOT / "content/articles").rglob("*.md"))]
    for name, bodies in (("sample archive", sample), ("one body at the 256 KB limit", [LIMIT_BODY])):
        pages = [render_markdown(body, settings) for body in bodies]
        clean = seconds_per_round(lambda: [clean_body(page) for page in pages], 20)
        convert = seconds_per_round(lambda: [md.reset().convert(body) for body in bodies], 5)
        print(f"{name}: {len(bodies)} bodies, {sum(map(len, pages)) / 1024:.0f} KB of HTML; nh3 {clean * 1000:.2f} ms "
              f"({clean / len(bodies) * 1e6:.0f} µs a body), Markdown {convert * 1000:.1f} ms: "
              f"sanitising adds {clean / convert:.1%}")

    walk_many_entries(5000)


def walk_many_entries(count: int) -> None:
    entry = (ROOT / "tests/fixtures/mini/articles/2024/drone-season.md").read_text(encoding="utf-8")
    folder = Path(tempfile.mkdtemp(prefix="bench-leaks-"))
    try:
        articles = folder / "articles" / "2025"
        articles.mkdir(parents=True)
        for number in range(count):
            (articles / f"entry-{number}.md").write_text(entry, encoding="utf-8")
        content_problems(folder)  # warm the file system cache, as a rebuild finds it
        took = seconds_per_round(lambda: content_problems(folder), 5)
        print(f"content_problems on {count:,} entry files: {took * 1000:.0f} ms")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
