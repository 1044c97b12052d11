"""What sanitising bodies with nh3 costs next to rendering their Markdown (docs/reliability.md).

    /work/venv/bin/python -m bench.sanitise

Times ``clean_body`` and a bare Markdown conversion on the sample archive's bodies and on one
body at the 256 KB size limit; prints one line for each.
"""

from __future__ import annotations

import time
from pathlib import Path

import markdown
from pelican.settings import read_settings

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


if __name__ == "__main__":
    main()
