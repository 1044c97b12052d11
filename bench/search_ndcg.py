"""nDCG@10 of the labelled relevance set (tests/search_relevance.yml), per search path.

    .venv/bin/python bench/search_ndcg.py                      # this checkout
    .venv/bin/python bench/search_ndcg.py --code /tmp/before   # another checkout's code, same labels

Builds the sample archive (content/ of this checkout, so both runs rank the same
entries) with the code and pelicanconf.py under ``--code`` into a temporary folder, then runs every
labelled query three ways: the CLI (``invoke search``), the service (the WSGI
app, in process) and the static index files read step for step as the page's
JavaScript reads them (plugins/search/tests/static_reference.py; the browser
tests check the page returns the CLI's top 10 for every case). Grades: a case's
``grades`` (3 the entry sought, 2 about it, 1 mentions it), or 2 for each entry
of its ``top3``. Prints one line per path and, with ``--cases``, per query.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
K = 10


def grades_of(case: dict) -> dict:
    return case.get("grades") or {url: 2 for url in case["top3"]}


def ndcg(ranked: list, grades: dict, k: int = K) -> float:
    """Normalised discounted cumulative gain at k (gain 2^grade - 1, log2 discount)."""
    gain = sum((2 ** grades.get(url, 0) - 1) / math.log2(n + 2) for n, url in enumerate(ranked[:k]))
    ideal = sum((2 ** g - 1) / math.log2(n + 2) for n, g in enumerate(sorted(grades.values(), reverse=True)[:k]))
    return gain / ideal if ideal else 1.0


def paths(site: Path, cache: Path, content: Path):
    """name -> function(params) -> ranked URLs, for the three paths."""
    from desk.search.cli import search_command
    from plugins.search.request import SearchRequest
    from desk.search.service import SearchService
    from plugins.search.tests.static_reference import StaticReference
    from desk.sitebuild.build import load_settings

    settings = load_settings(str(HERE / "pelicanconf.py"), {"PATH": str(content), "CACHE_PATH": str(cache)})
    service = SearchService(cache / "search-index")
    reference = StaticReference(site / "search-index")

    def cli(params):
        options = {k: v for k, v in params.items() if k != "q"}
        output = search_command(settings, params.get("q", ""), {**options, "limit": str(K)})
        return re.findall(r"^\s+/(\S+) · ", output, flags=re.MULTILINE)

    def wsgi(params):
        from urllib.parse import urlencode

        environ = {"PATH_INFO": "/api/search", "REQUEST_METHOD": "GET",
                   "QUERY_STRING": urlencode({**params, "limit": str(K)})}
        _status, body = service.respond(environ)
        return [hit["url"] for hit in body.get("results", [])]

    def static(params):
        _total, ranked = reference.search(SearchRequest.from_params(params))
        return [reference.url(n) for n, _ in ranked[:K]]

    return {"cli": cli, "service": wsgi, "static": static}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", default=str(HERE), help="checkout whose plugins to use (default: this one)")
    parser.add_argument("--cases", action="store_true", help="print nDCG@10 per query too")
    args = parser.parse_args()
    code = Path(args.code).resolve()
    if code != HERE and os.environ.get("PYTHONPATH") != str(code):
        # Another checkout: run again with its packages ahead of this one's (PYTHONPATH is searched
        # before the editable install), so every import below reads that checkout's code.
        script = str(Path(__file__).resolve())
        os.execve(sys.executable, [sys.executable, script, *sys.argv[1:]], {**os.environ, "PYTHONPATH": str(code)})
    import yaml

    from desk.sitebuild.build import build

    cases = yaml.safe_load((HERE / "tests" / "search_relevance.yml").read_text(encoding="utf-8"))
    content = HERE / "content"
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "output"
        build(str(code / "pelicanconf.py"), output=str(site),
              overrides={"PATH": str(content), "CACHE_PATH": str(Path(folder) / "cache")})
        runners = paths(site, Path(folder) / "cache", content)
        scores = {name: [] for name in runners}
        for case in cases:
            params = {key: str(value) for key, value in case["params"].items()}
            for name, run in runners.items():
                scores[name].append(ndcg(run(params), grades_of(case)))
            if args.cases:
                print(f"  {json.dumps(params, ensure_ascii=False):60} " +
                      " ".join(f"{name} {scores[name][-1]:.3f}" for name in runners))
    print(f"nDCG@{K} over {len(cases)} labelled queries ({args.code}):")
    for name, values in scores.items():
        print(f"  {name:8} {sum(values) / len(values):.4f}")


if __name__ == "__main__":
    main()
