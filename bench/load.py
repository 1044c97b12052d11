"""Load on the search service: many GET /api/search from concurrent keep-alive clients, on loopback only.

    .venv/bin/python -m bench.load [--requests 10000] [--clients 20] [--seed 1]

Builds the sample archive (``content/``) into a temporary folder, serves it with
``desk.search.serving.site_app`` under waitress on 127.0.0.1 (as ``./dev serve`` does,
8 worker threads) and sends varied valid searches, made of words, filters and dates of
the archive's own entries, from ``--clients`` threads, each with one keep-alive
``http.client`` connection. Prints errors, latency median and p95, and requests per second.

``tests/reliability/test_search_load.py`` runs this same generator (``run_load``) and
asserts zero errors. The clients run in the server's Python process and share its
interpreter lock, so the figures understate what the server alone would do. Latency is
per request, from sending it to reading the whole answer, queueing included (20 clients,
8 server threads); 200 requests warm the server's per-thread searchers first.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import math
import os
import random
import re
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]

LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class Request:
    method: str
    target: str  # path and query string, already encoded
    body: bytes = b""


# A check gets (request, status, headers with lower-case names, body) and returns what is wrong, or None.
Check = Callable[[Request, int, dict, bytes], Optional[str]]


@dataclass
class LoadResult:
    sent: int = 0
    latencies: list = field(default_factory=list)  # seconds, one per answered request
    failures: list = field(default_factory=list)  # "METHOD target: what went wrong"
    statuses: dict = field(default_factory=dict)
    elapsed: float = 0.0
    timed_out: bool = False

    @property
    def median_ms(self) -> float:
        return statistics.median(self.latencies) * 1000

    @property
    def p95_ms(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[max(0, math.ceil(len(ordered) * 0.95) - 1)] * 1000  # nearest rank

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0

    def summary(self) -> str:
        return (f"{self.sent} requests, {len(self.failures)} errors, statuses {dict(sorted(self.statuses.items()))}; "
                f"latency median {self.median_ms:.1f} ms, p95 {self.p95_ms:.1f} ms; "
                f"{self.throughput:.0f} requests/s over {self.elapsed:.1f} s")


def run_load(port: int, requests: list, clients: int, check: Check, time_limit: float = 120.0,
             host: str = LOOPBACK) -> LoadResult:
    """Send ``requests`` from ``clients`` threads, each over its own keep-alive connection.

    Every response is read whole and passed to ``check``; a connection the server closed is
    reopened. No request is started after ``time_limit`` seconds: those left count as failures
    and ``timed_out`` is set.
    """
    if host != LOOPBACK:
        raise ValueError("the load generator only talks to 127.0.0.1")
    result, lock = LoadResult(), threading.Lock()
    deadline = time.monotonic() + time_limit

    def client(share: list):
        connection = http.client.HTTPConnection(host, port, timeout=30)
        latencies, failures, statuses, sent = [], [], {}, 0
        try:
            for number, request in enumerate(share):
                if time.monotonic() > deadline:
                    failures.append(f"{len(share) - number} requests not sent within {time_limit:.0f} s")
                    break
                sent += 1
                started = time.perf_counter()
                try:
                    connection.request(request.method, request.target, body=request.body or None,
                                       headers={"Accept": "application/json"})
                    response = connection.getresponse()
                    body = response.read()
                except (OSError, http.client.HTTPException) as exc:
                    failures.append(f"{request.method} {request.target[:80]}: {type(exc).__name__}: {exc}")
                    connection.close()  # http.client reconnects on the next request
                    continue
                latencies.append(time.perf_counter() - started)
                statuses[response.status] = statuses.get(response.status, 0) + 1
                headers = {name.lower(): value for name, value in response.getheaders()}
                problem = check(request, response.status, headers, body)
                if problem:
                    failures.append(f"{request.method} {request.target[:80]}: {problem}")
                if response.will_close:
                    connection.close()
        finally:
            connection.close()
            with lock:
                result.sent += sent
                result.latencies += latencies
                result.failures += failures
                for status, count in statuses.items():
                    result.statuses[status] = result.statuses.get(status, 0) + count

    threads = [threading.Thread(target=client, args=(requests[n::clients],), daemon=True) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()) + 35)  # a request in flight may take its 30 s timeout
    result.elapsed = time.perf_counter() - started
    result.timed_out = any(thread.is_alive() for thread in threads) or any("not sent within" in f
                                                                             for f in result.failures)
    return result


def search_answer_problem(request: Request, status: int, headers: dict, body: bytes) -> Optional[str]:
    """A valid search must get 200 and a JSON object with a total and a list of results."""
    if status != 200:
        return f"status {status}: {body[:200]!r}"
    try:
        data = json.loads(body)
    except ValueError:
        return f"not JSON: {body[:200]!r}"
    if not isinstance(data.get("results"), list) or not isinstance(data.get("total"), int):
        return f"no results list or total: {body[:200]!r}"
    return None


def archive_vocabulary(index_path: Path) -> list:
    """Per indexed entry: its words (title, summary, body), filter ids and publication month."""
    from plugins.search.indexing import open_index

    entries = []
    with open_index(index_path).searcher() as searcher:
        for stored in searcher.all_stored_fields():
            text = " ".join(stored.get(name) or "" for name in ("title", "summary", "body"))
            words = re.findall(r"[^\W\d_]{3,}", text)
            ids = {name: [v for v in (stored.get(fieldname) or "").split(",") if v]
                   for name, fieldname in (("section", "section"), ("topic", "topics"), ("place", "places"),
                                           ("person", "people"))}
            month = re.match(r"\d{4}/\d{2}", stored["url"])
            entries.append({"words": words, "ids": ids, "month": month.group(0).replace("/", "-") if month else None})
    if not entries:
        raise ValueError(f"the index at {index_path} holds no entries")
    return entries


def valid_searches(index_path: Path, count: int, seed: int = 1) -> list:
    """``count`` different-looking valid searches built from the archive's own words, ids and dates."""
    rng = random.Random(seed)
    entries = archive_vocabulary(index_path)
    requests = []
    for _ in range(count):
        entry = rng.choice(entries)
        words = entry["words"]
        start = rng.randrange(len(words))
        picked = words[start:start + rng.choice((1, 1, 2, 2, 3))]
        style = rng.random()
        if style < 0.15 and len(picked) > 1:
            q = '"' + " ".join(picked) + '"'  # a phrase
        elif style < 0.35:
            last = picked[-1]
            q = " ".join(picked[:-1] + [last[:rng.randint(3, len(last))]])  # still typing: a prefix
        else:
            q = " ".join(picked) + " "
        params = {"q": q}
        if rng.random() < 0.3:
            params["sort"] = "newest"
        if rng.random() < 0.2:
            name = rng.choice(("section", "topic", "place", "person"))
            if entry["ids"][name]:
                params[name] = rng.choice(entry["ids"][name])
        if rng.random() < 0.2 and entry["month"]:
            params["from"] = entry["month"][:4] if rng.random() < 0.5 else entry["month"]
            params["to"] = "2025-12-31"
        if rng.random() < 0.2:
            params["limit"] = str(rng.randint(1, 60))
        if rng.random() < 0.1:
            params["offset"] = str(rng.randint(0, 20))
        if rng.random() < 0.05:
            params = {k: v for k, v in params.items() if k != "q"}  # filters alone
        requests.append(Request("GET", "/api/search?" + urlencode(params)))
    return requests


@contextlib.contextmanager
def search_server(output: Path, index_path: Path, max_results: int = 50):
    """``./dev serve``'s app (site and service) under waitress on a free loopback port; yields the port."""
    from desk.search.serving import site_app
    from desk.sitebuild.serve import BackgroundServer

    with BackgroundServer(site_app(output, index_path, max_results), host=LOOPBACK) as background:
        yield background.server.effective_port


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=600.0, help="seconds before unsent requests are dropped")
    args = parser.parse_args(argv)
    import logging

    from tests.support.sites import build_site

    logging.disable(logging.INFO)  # Pelican's build log; warnings still show
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # 20 clients, 8 threads: requests do queue
    with tempfile.TemporaryDirectory(prefix="load-") as folder:
        output = build_site(ROOT / "content", Path(folder) / "output")
        index_path = Path(folder) / "cache" / "search-index"
        requests = valid_searches(index_path, args.requests, args.seed)
        with search_server(output, index_path) as port:
            run_load(port, requests[:200], args.clients, search_answer_problem)  # warm the per-thread searchers
            result = run_load(port, requests, args.clients, search_answer_problem, args.time_limit)
    print(f"search service, sample archive, {args.clients} keep-alive clients, waitress 8 threads, "
          f"{os.cpu_count()} cores:")
    print(f"    {result.summary()}")
    for failure in result.failures[:10]:
        print(f"    error: {failure}")
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main())
