"""The search service under load and abuse: real waitress on 127.0.0.1, the sample archive's index.

10,000 valid searches from 20 concurrent keep-alive clients must all succeed (latency median
and p95 are printed and recorded); 1,000 malformed requests must never get a 500, and every
answer must be JSON with the service's Content-Security-Policy. The load generator is
bench/load.py's, which also prints the figures for docs/reliability.md (``python -m bench.load``).
Path traversal on the static server is tests/test_search_service.py's. The last test searches
while builds replace the index (issue #11): every answer must be that of the index current when the
search was sent (or of one swapped in while it ran), never doubled, never missing an entry.
"""

import http.client
import json
import random
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from bench.load import Request, run_load, search_answer_problem, search_server, valid_searches
from desk.search.service import JSON_HEADERS
from tests.support.sites import ROOT, build_site

SEARCHES, CLIENTS, TIME_LIMIT = 10_000, 20, 120.0
SERVICE_HEADERS = {name.lower(): value for name, value in JSON_HEADERS}


@pytest.fixture(scope="module")
def index_path(sample_site):
    return sample_site.parent / "cache" / "search-index"


@pytest.fixture(scope="module")
def port(sample_site, index_path):
    with search_server(sample_site, index_path) as port:
        yield port


def test_ten_thousand_searches_from_twenty_clients_all_succeed(port, index_path, record_property):
    requests = valid_searches(index_path, SEARCHES, seed=7)
    assert len(set(requests)) > SEARCHES // 2, "the searches should vary"
    with_results = []

    def check(request, status, headers, body):
        with_results.append(b'"results": []' not in body)
        return search_answer_problem(request, status, headers, body)

    result = run_load(port, requests, CLIENTS, check, time_limit=TIME_LIMIT)
    print(f"\nsearch service under load: {result.summary()}")
    record_property("search_load", result.summary())
    record_property("search_load_median_ms", round(result.median_ms, 2))
    record_property("search_load_p95_ms", round(result.p95_ms, 2))
    record_property("search_load_requests_per_s", round(result.throughput))
    assert not result.timed_out, f"not done within {TIME_LIMIT:.0f} s: {result.summary()}"
    assert result.failures == [], f"{len(result.failures)} errors, the first: {result.failures[:5]}"
    assert result.sent == len(result.latencies) == SEARCHES and result.statuses == {200: SEARCHES}
    assert sum(with_results) > SEARCHES * 0.6, "most searches should find something, or the load is not real"


# --- malformed requests ------------------------------------------------------------------------------

LONG = "a" * 9000
BAD_QUERY_STRINGS = [
    # percent-encoding that is broken or decodes to bytes that are not UTF-8
    "q=%", "q=%zz", "q=%e", "q=%%%", "q=kyiv%2", "%=x", "q%zz=1", "q=%ff", "q=%c3%28", "q=%ed%a0%80", "q=%c0%af",
    "q=%f8%88%80%80%80", "q=%fe%ff", "place=%ff", "q=kyiv&from=%e2%82", "%ff=1",
    # NUL and other control characters
    "q=%00", "q=kyiv%00", "place=kyiv%00", "from=2025%00", "%00=1", "sort=%00newest", "q=%1b%5b31m", "q=%7f",
    "q=%c2%85", "q=%ed%b0%80",
    # too long
    "q=" + LONG, "q=" + "%41" * 3000, "x=" + "b" * 20_000, "q=" + "kyiv+" * 2000, "q=" + "a" * 501,
    "q=" + "%C3%A9" * 501, "place=" + "a" * 200, "a=1&" * 60,
    # dates that do not exist or are not dates
    "from=2025-13", "from=2025-02-30", "to=2025-00", "from=20250", "from=2025-1-1", "from=abcd", "to=2025-04-31",
    "from=2025-04-01T10:00", "from=2026&to=2025", "from=-1", "from=99999", "to=0000", "from=2025-04-01/2025-05",
    "from=%e2%80%8b2025", "to=2025-W14", "from=+2025", "from=2025-04-01&to=2025-03-31",
    # sorts, limits and offsets
    "sort=oldest", "sort=NEWEST", "sort=relevance;drop", "sort[]=newest", "sort=new%00est", "limit=-1",
    "limit=abc", "limit=99999999999999999999", "limit=1e3", "limit=0", "limit=1.5", "limit=%2B5", "limit=0x10",
    "limit=%ef%bc%95", "offset=-5", "offset=10001", "offset=abc", "offset=1e9",
    # ids that are not ids
    "place=Kyiv", "place=../etc/passwd", "person=<script>alert(1)</script>", "topic=a--b", "section=-x",
    "place=kyiv+rih", "person=%e2%80%ae", "topic=%2fetc",
    # unknown, repeated and odd parameters (answered, not an error)
    "foo=bar", "q=kyiv&debug=1", "__proto__=1", "q[]=x", "q=kyiv&q=lviv", "&&&&", "=", "q", ";q=x", "q=kyiv#frag",
    "callback=alert", "q=kyiv&format=xml", "q=%26%3d%3f",
]
BAD_METHODS = ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "BREW"]
API_PATHS = ["/api", "/api/", "/api/search/", "/api/search/x", "/api/searchx", "/api//search", "/api/search%00",
             "/api/../etc/passwd", "/api/%2e%2e/%2e%2e/etc/passwd", "/api/search;jsessionid=1", "/api/search.json",
             "/api/SEARCH", "/api/" + "x" * 5000, "/api/search%2f", "/api/search%ff", "/api/search%5c",
             "/api/search/..", "/api/.%2e/search", "/api/%2fsearch", "/api/search\\..\\.."]


def malformed_requests(count: int = 1000, seed: int = 3) -> list:
    """Every case above once, then random mixes of them with good parameters, methods and paths."""
    rng = random.Random(seed)
    cases = [Request("GET", "/api/search?" + qs) for qs in BAD_QUERY_STRINGS]
    cases += [Request(method, "/api/search?q=kyiv", b'{"q": "kyiv"}' if method in ("POST", "PUT", "PATCH") else b"")
              for method in BAD_METHODS]
    cases += [Request("GET", path + "?q=kyiv") for path in API_PATHS]
    good = ["q=kyiv", "q=strike+kryvyi", "place=kyiv", "sort=newest", "limit=5", "from=2025-04"]
    while len(cases) < count:
        parts = rng.sample(BAD_QUERY_STRINGS, rng.randint(1, 2)) + rng.sample(good, rng.randint(0, 2))
        rng.shuffle(parts)
        query = "&".join(parts)
        roll = rng.random()
        if roll < 0.1:
            cases.append(Request(rng.choice(BAD_METHODS), "/api/search?" + query, query.encode()))
        elif roll < 0.2:
            cases.append(Request("GET", rng.choice(API_PATHS) + "?" + query))
        elif roll < 0.3:  # the same, encoded once more
            cases.append(Request("GET", "/api/search?" + urlencode({"q": quote(query, safe="")})))
        else:
            cases.append(Request("GET", "/api/search?" + query))
    return cases[:count]


def json_answer_problem(request, status, headers, body):
    """Any answer but a 5xx, always JSON, always with the service's headers."""
    if status >= 500:
        return f"status {status}: {body[:200]!r}"
    for name in ("content-type", "content-security-policy", "x-content-type-options"):
        if headers.get(name) != SERVICE_HEADERS[name]:
            return f"{name} is {headers.get(name)!r}"
    try:
        data = json.loads(body)
    except ValueError:
        return f"not JSON: {body[:200]!r}"
    if not (isinstance(data.get("results"), list) if status == 200 else isinstance(data.get("error"), str)):
        return f"status {status} with {body[:200]!r}"
    return None


def test_a_thousand_malformed_requests_get_json_answers_never_500(port):
    requests = malformed_requests()
    result = run_load(port, requests, CLIENTS, json_answer_problem, time_limit=60)
    print(f"\nmalformed requests: {result.summary()}")
    assert result.failures == [], f"{len(result.failures)} bad answers, the first: {result.failures[:5]}"
    assert result.sent == 1000 and sum(result.statuses.values()) == 1000
    assert {400, 404, 405} <= set(result.statuses) and result.statuses[400] > 500, result.statuses


def test_the_malformed_set_covers_what_the_issue_lists():
    targets = " ".join(r.target for r in malformed_requests())
    for sample in ("%zz", "%ff", "%00", "q=" + LONG, "from=2025-13", "sort=oldest", "limit=-1", "limit=abc",
                   "limit=99999999999999999999", "foo=bar", "/api/searchx"):
        assert sample in targets
    assert {r.method for r in malformed_requests()} >= {"POST", "PUT", "DELETE"}


# --- searches while builds replace the index ---------------------------------------------------------

REBUILDS = 6
ALL_ENTRIES = "/api/search?from=1900&limit=50"
MARKED = "/api/search?q=zebracorn&limit=50"  # a word only the edited state has


@dataclass
class Answer:
    sent: float  # time.monotonic() when the request went out
    target: str
    status: int
    urls: list


def search_until(port: int, stop: threading.Event, answers: list) -> None:
    """One keep-alive client asking both searches in turn until ``stop``; every answer recorded."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        while not stop.is_set():
            for target in (ALL_ENTRIES, MARKED):
                sent = time.monotonic()
                try:
                    connection.request("GET", target)
                    response = connection.getresponse()
                    body = response.read()
                except (OSError, http.client.HTTPException) as exc:
                    answers.append(Answer(sent, target, 0, [f"{type(exc).__name__}: {exc}"]))
                    connection.close()
                    continue
                urls = [hit["url"] for hit in json.loads(body)["results"]] if response.status == 200 else []
                answers.append(Answer(sent, target, response.status, urls))
    finally:
        connection.close()


def edited_state(content: Path, original: dict) -> None:
    """One entry gone, another with a word no other entry has."""
    gone, marked = sorted(original)[:2]
    (content / gone).unlink()
    (content / marked).write_text(original[marked].replace("\nsummary: ", "\nsummary: Zebracorn. ", 1),
                                  encoding="utf-8")


def original_state(content: Path, original: dict) -> None:
    for relative, text in original.items():
        (content / relative).write_text(text, encoding="utf-8")


def published(output: Path) -> list:
    return sorted(str(page.parent.relative_to(output)) + "/" for page in output.glob("20*/*/*/*/index.html"))


def test_searches_during_rebuilds_never_see_a_stale_doubled_or_missing_entry(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(ROOT / "content", content)
    original = {str(p.relative_to(content)): p.read_text(encoding="utf-8") for p in content.glob("articles/*/*.md")}
    build_site(content, output)
    states = [(0.0, published(output), [])]  # (built at, every url, urls with the marked word)
    stop, answers = threading.Event(), []
    with search_server(output, tmp_path / "cache" / "search-index") as port:
        clients = [threading.Thread(target=search_until, args=(port, stop, answers)) for _ in range(4)]
        for client in clients:
            client.start()
        try:
            for number in range(REBUILDS):
                (edited_state if number % 2 == 0 else original_state)(content, original)
                build_site(content, output)
                marked = [url for url in published(output) if "Zebracorn" in (output / url / "index.html").read_text()]
                states.append((time.monotonic(), published(output), marked))
            time.sleep(0.5)
        finally:
            stop.set()
            for client in clients:
                client.join(60)
    assert len({tuple(urls) for _, urls, _ in states}) == 2, "the rebuilds should alternate two archives"
    problems = [problem for answer in answers if (problem := answer_problem(answer, states))]
    print(f"\n{len(answers)} searches during {REBUILDS} rebuilds, {len(problems)} problems")
    assert len(answers) > 100 * REBUILDS, "too few searches ran during the rebuilds"
    assert problems == [], f"{len(problems)} bad answers, the first: {problems[:5]}"


def answer_problem(answer: Answer, states: list):
    """None if the answer is that of the index current when it was sent, or of one built while it ran."""
    if answer.status != 200:
        return f"{answer.target}: status {answer.status} {answer.urls}"
    if len(answer.urls) != len(set(answer.urls)):
        return f"{answer.target}: an entry returned twice: {answer.urls}"
    current = max(index for index, (built, _, _) in enumerate(states) if built <= answer.sent)
    allowed = [sorted(urls if answer.target == ALL_ENTRIES else marked) for _, urls, marked in states[current:]]
    if sorted(answer.urls) not in allowed[:2]:
        return f"{answer.target} sent after build {current}: {sorted(answer.urls)}, expected {allowed[0]}"
    return None
