"""The peer pipeline: the same entries through vanilla Pelican 4.12 and Pagefind.

Vanilla Pelican reads its own Markdown header format, so each entry is written
again with the same title, date, section, topics, summary and body (post cards
become plain block quotes, which is what a site without our plugins would do).
Default theme, no plugins, default settings apart from paths.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

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
