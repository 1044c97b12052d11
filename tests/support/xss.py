"""An archive whose every text field carries an injection payload, built from tests/fixtures/xss."""

from __future__ import annotations

from pathlib import Path

import yaml

PAYLOADS_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "xss" / "payloads.txt"


def payloads() -> list[str]:
    return [line for line in PAYLOADS_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


def _dump(items) -> str:
    return yaml.safe_dump(items, allow_unicode=True, sort_keys=False)


def make_xss_archive(target: Path) -> list[str]:
    """Write registries and one entry per payload; return the payloads used."""
    found = payloads()
    data = target / "data"
    data.mkdir(parents=True)
    n = len(found)
    # Names end in their number: some payloads differ only in case, which names may not.
    people = [{"id": f"person-{i}", "name": f"{p} #{i}", "aliases": [f"{p} alias {i}"], "role": p, "description": p}
              for i, p in enumerate(found)]
    places = [{"id": f"place-{i}", "name": f"{p} #{i}", "aliases": [f"{p} place {i}"], "region": p, "country": p,
               "lat": 50.0 + i / 100, "lon": 30.0} for i, p in enumerate(found)]
    organisations = [{"id": f"org-{i}", "name": f"{p} #{i}", "kind": p} for i, p in enumerate(found)]
    simple = lambda prefix: [{"id": f"{prefix}-{i}", "name": f"{p} #{i}", "description": p} for i, p in enumerate(found)]  # noqa: E731
    files = {"people": people, "places": places, "organisations": organisations, "sections": simple("section"),
             "topics": simple("topic"), "event-kinds": simple("kind"), "stories": simple("story")}
    for name, items in files.items():
        (data / f"{name}.yml").write_text(_dump(items), encoding="utf-8")
    articles = target / "articles" / "2025"
    articles.mkdir(parents=True)
    for i, payload in enumerate(found):
        front = {
            "title": f"{payload} title {i}",
            "date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "summary": f"{payload} summary",
            "section": f"section-{i}",
            "topics": [f"topic-{i}"],
            "people": [f"person-{i}"],
            "places": [f"place-{i}"],
            "organisations": [f"org-{i}"],
            "story": f"story-{i}",
            "sources": [{"id": f"source-{i}", "publisher": payload, "title": payload,
                         "url": f"https://example.org/{i}?q={payload.replace(' ', '%20')}",
                         "archived": f"https://web.archive.org/{i}", "accessed": "2025-04-02"},
                        {"publisher": payload, "url": f"https://example.org/item/{i}", "published": "2025-04-01"}],
            "events": [{"date": f"2025-{1 + i % 12:02d}", "place": f"place-{(i + 1) % n}", "kind": f"kind-{i}",
                        "summary": payload, "people": [f"person-{i}"],
                        "casualties": {"killed": {"low": i, "best": i + 1, "high": i + 2}, "injured": {"at_least": i + 1},
                                       "source": [f"source-{i}", 2]},
                        "claims": [{"by": f"org-{i}", "says": payload, "status": "unverified", "note": payload,
                                    "source": f"source-{i}", "said": "2025-03-30"},
                                   {"by": f"person-{i}", "says": payload, "status": "false", "source": 2,
                                    "status_history": [{"date": "2025-04-01", "status": "unverified", "note": payload,
                                                        "source": 1},
                                                       {"date": "2025-04-03", "status": "false", "note": payload,
                                                        "source": 2}]}]}],
            "corrections": [{"date": "2025-12-01", "note": payload},
                            {"date": "2025-12-02", "kind": "clarification", "note": payload}],
        }
        handle = "".join(ch for ch in payload if not ch.isspace())[:30] or "h"
        body = (f"Plain body {i}.\n\n::: post\nauthor: {payload}\nhandle: {handle}\nplatform: {payload[:20]}\n"
                f"date: 2025-04-01\nurl: https://example.org/post/{i}\n\n{payload}\n:::\n")
        (articles / f"xss-{i}.md").write_text(f"---\n{_dump(front)}---\n{body}", encoding="utf-8")
    return found
