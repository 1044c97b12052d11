"""Search benchmark (a script, not a test): index build, static index size, bytes a browser fetches, service latency.

    .venv/bin/python bench/search_bench.py [--entries 5000] [--seed 1] [--requests 200]

Generates a synthetic archive (bench/synthetic.py), builds it with the
project's settings into bench/out/search/, and prints:

- the full build time and the search plugin's own steps (index, related entries, static files),
  then the same after editing one entry (incremental: one entry re-indexed);
- the static index: files and bytes, and the largest shard;
- bytes a fresh Chromium fetches from the static index for ten two-word queries;
- service latency (waitress, /api/search on the same index): median and p95 over many requests.
"""

from __future__ import annotations

import argparse
import http.client
import logging
import re
import statistics
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]

QUERIES = ["missile strike", "power grid", "air defence", "humanitarian corridor", "grain exports",
           "prisoners exchange", "security guarantees", "front line", "emergency services", "ceasefire talks"]


class SearchLog(logging.Handler):
    """Keeps the search plugin's log lines (they carry its timings)."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def build(content: Path, out: Path, log: SearchLog) -> float:
    from tests.support.sites import build_site

    log.lines.clear()
    started = time.perf_counter()
    build_site(content, out / "output", CACHE_PATH=str(out / "cache"))
    return time.perf_counter() - started


def seconds(lines, pattern):
    for line in lines:
        if re.search(pattern, line):
            return float(re.search(r"\(([\d.]+) s\)", line).group(1))
    return float("nan")


def report_build(label, total, log):
    print(f"{label}: full site build {total:.1f} s")
    for line in log.lines:
        if line.startswith("search:") and "from scratch" not in line:
            print(f"    {line}")


def static_size(folder: Path):
    files = [p for p in folder.rglob("*") if p.is_file()]
    by_kind = {}
    for path in files:
        kind = path.relative_to(folder).parts[0]
        count, size = by_kind.get(kind, (0, 0))
        by_kind[kind] = (count + 1, size + path.stat().st_size)
    total = sum(size for _, size in by_kind.values())
    print(f"static index: {len(files)} files, {total / 1e6:.1f} MB")
    for kind, (count, size) in sorted(by_kind.items()):
        print(f"    {kind:<14} {count:>6} files {size / 1e3:>10.0f} kB")
    largest = max(folder.glob("terms/*.json"), key=lambda p: p.stat().st_size)
    print(f"    largest shard {largest.name}: {largest.stat().st_size / 1e3:.0f} kB")


def response_bytes(response) -> int:
    """The bytes a response's body took on the wire: its Content-Length, which the static server always
    sends (the gzipped size when it gzips the file, as static hosts do).

    Asking for the body itself from an event handler races the page: a body fetched after
    the context moved on (or one a worker loaded) is sometimes no longer there, and the
    count came out short by whole files, differently on every run."""
    length = response.headers.get("content-length")
    return int(length) if length is not None else len(response.body())


def fresh_pages(output: Path, queries: list[str], kind_of):
    """Serve ``output`` and yield (query, page, url base, sizes) with a fresh Chromium context per query.

    ``kind_of(url)`` names the bucket of ``sizes`` a response counts in ("index",
    "results" or "code"), or None for one not counted; every counted response also
    counts as one of "files" unless it is code. Responses are the context's, so a
    web worker's fetches count too. The caller fills in the rest of ``sizes``.
    """
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, CHROMIUM_ARGS
    from tests.support.sites import StaticServer

    with StaticServer(output) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for query in queries:
            context = browser.new_context()
            sizes = {"query": query, "index": 0, "results": 0, "code": 0, "files": 0}

            def count(response, sizes=sizes):
                kind = kind_of(response.url)
                if kind is not None:
                    sizes[kind] += response_bytes(response)
                    sizes["files"] += kind != "code"

            context.on("response", count)
            yield query, context.new_page(), server.url, sizes
            context.close()
        browser.close()


def _our_kind(url: str):
    if url.split("?")[0].endswith(".js"):
        return "code"
    if "/search-index/" in url:
        return "results" if "/docs/" in url else "index"
    return None


def query_sizes(output: Path) -> list[dict]:
    """For each of QUERIES, what a fresh Chromium fetches from our static index (a new context per
    query, so nothing is cached): bytes of index files and of the 10 first results' documents (their
    sum is "total"), of the page's scripts ("code", to compare with Pagefind's loader and WebAssembly),
    the number of index files, milliseconds to results and the status line. Returned as values so
    bench/run.py can put them in its table."""
    from playwright.sync_api import expect

    figures = []
    for query, page, base, sizes in fresh_pages(output, QUERIES, _our_kind):
        started = time.perf_counter()
        page.goto(f"{base}/search/?{urlencode({'q': query})}")
        expect(page.locator("#search-status")).not_to_be_empty(timeout=60_000)
        sizes["ms"] = (time.perf_counter() - started) * 1000
        sizes["status"] = page.locator("#search-status").text_content()
        sizes["total"] = sizes["index"] + sizes["results"]
        figures.append(sizes)
    return figures


def bytes_fetched(output: Path) -> list[int]:
    """Print the bytes fetched per query (see query_sizes) and return the totals, one per query."""
    print("bytes fetched from the static index by a fresh Chromium, per two-word query:")
    figures = query_sizes(output)
    for sizes in figures:
        print(f"    {sizes['query']!r:<24} {sizes['total'] / 1e3:>7.1f} kB in {sizes['files']:>2} files "
              f"(index {sizes['index'] / 1e3:.1f} kB, 10 result documents {sizes['results'] / 1e3:.1f} kB); "
              f"{sizes['ms']:.0f} ms to results; {sizes['status']}")
    totals = [sizes["total"] for sizes in figures]
    print(f"    median {statistics.median(totals) / 1e3:.1f} kB, max {max(totals) / 1e3:.1f} kB, "
          f"all ten {sum(totals) / 1e3:.1f} kB")
    return totals


def service_latency(output: Path, index: Path, requests: int):
    from desk.search.serving import site_app
    from desk.sitebuild.serve import BackgroundServer

    server = BackgroundServer(site_app(output, index)).__enter__().server
    variants = [{}, {"sort": "newest"}, {"from": "2023-01-01", "to": "2023-12-31"}]
    timings, statuses = [], {}
    connection = http.client.HTTPConnection("127.0.0.1", server.effective_port, timeout=60)
    for n in range(requests + 10):
        params = {"q": QUERIES[n % len(QUERIES)], **variants[(n // len(QUERIES)) % len(variants)]}
        started = time.perf_counter()
        connection.request("GET", "/api/search?" + urlencode(params))
        response = connection.getresponse()
        response.read()
        if n >= 10:  # the first requests warm the searcher and the date table
            timings.append(time.perf_counter() - started)
            statuses[response.status] = statuses.get(response.status, 0) + 1
    connection.close()
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"service latency over {len(timings)} requests (one keep-alive client, statuses {statuses}): "
          f"median {statistics.median(timings) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
          f"max {timings[-1] * 1000:.1f} ms")
    for channel in list(server._map.values()):
        channel.close()  # an empty map ends waitress's loop
    server.task_dispatcher.shutdown()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "search"))
    args = parser.parse_args()
    from bench.synthetic import generate_archive

    out = Path(args.out)
    log = SearchLog()
    logging.getLogger("plugins.search").addHandler(log)
    logging.getLogger("plugins.search").setLevel(logging.INFO)
    started = time.perf_counter()
    content = generate_archive(out / "content", args.entries, args.seed)
    print(f"generated {args.entries} entries (seed {args.seed}) in {time.perf_counter() - started:.1f} s")
    import shutil

    shutil.rmtree(out / "cache", ignore_errors=True)
    shutil.rmtree(out / "output", ignore_errors=True)
    report_build("first build", build(content, out, log), log)
    edited = sorted((content / "articles").rglob("*.md"))[args.entries // 2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAn edit for the benchmark.\n", encoding="utf-8")
    report_build("after editing one entry", build(content, out, log), log)
    static_size(out / "output" / "search-index")
    bytes_fetched(out / "output")
    service_latency(out / "output", out / "cache" / "search-index", args.requests)


if __name__ == "__main__":
    main()
