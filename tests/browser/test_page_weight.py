"""Every page type of the sample site, opened in headless Chromium, weighs under 60 KB transferred with everything
it loads (issue 7: "Each page type weighs under 60 KB transferred with its CSS and JS").

The weight is the bytes transferred for every response the page receives while it loads and settles:
the document, CSS, JavaScript, images, fonts and the fetches its scripts make (the search page's index
files for a query), each counted as its response headers plus its body as sent, as Chromium reports
them (``Network.loadingFinished``'s ``encodedDataLength``, through Playwright's ``request.sizes()``).
The static server compresses text with gzip as every real static host does (GitHub Pages, Netlify,
Cloudflare, nginx with ``gzip on``), so this is what a reader downloads. The table also shows the
decoded bytes, what the browser holds once it has decompressed them. Each page type is represented by
its heaviest page in the build.
"""

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LIMIT = 60 * 1024
SEARCH = {"q": "kryvyi rih missile strike"}  # a reader's query: the page fetches its index files and results
# Page type -> pattern of its files in the output folder (relative paths, "/" separated).
PAGE_TYPES = {
    "home": r"index\.html",
    "article": r"\d{4}/\d{2}/\d{2}/[^/]+/index\.html",
    "year archive": r"\d{4}/index\.html",
    "month archive": r"\d{4}/\d{2}/index\.html",
    "day archive": r"\d{4}/\d{2}/\d{2}/index\.html",
    "all entries": r"archives/index\.html",
    "section": r"sections/[^/]+/index\.html",
    "topic": r"topics/[^/]+/index\.html",
    "person": r"people/[^/]+/index\.html",
    "place": r"places/[^/]+/index\.html",
    "organisation": r"organisations/[^/]+/index\.html",
    "story": r"stories/[^/]+/index\.html",
    "entity list": r"(sections|topics|people|places|organisations|stories)/index\.html",
    "later page of a list": r"(.+/)?page/\d+/index\.html",
    "timeline": r"timeline/index\.html",
    "timeline year": r"timeline/\d{4}/index\.html",
    "timeline month": r"timeline/\d{4}/\d{2}/index\.html",
    "on this day": r"timeline/on-this-day/index\.html",
    "search, with a query run": r"search/index\.html",
    "not found": r"404\.html",
    "claim ledger": r"claims/index\.html",
    "claims by status": r"claims/status/[^/]+/index\.html",
    "claims by speaker": r"claims/by/[^/]+/index\.html",
    "claim statuses": r"claims/statuses/index\.html",
    "corrections": r"corrections/index\.html",
    "standalone page": r"[a-z0-9-]+/index\.html",
}
ORDER = list(PAGE_TYPES)


def page_type(relative: str):
    """The first page type whose pattern matches ``relative`` (standalone pages last: they match the most)."""
    for name, pattern in PAGE_TYPES.items():
        if re.fullmatch(pattern, relative):
            return name
    return None


def heaviest_page_of_each_type(output) -> dict:
    """Page type -> the URL of its largest HTML file in the build."""
    found = {}
    for path in output.rglob("*.html"):
        relative = path.relative_to(output).as_posix()
        if relative.startswith("search-index/"):
            continue
        kind = page_type(relative)
        assert kind is not None, f"{relative} is of no known page type: add it to PAGE_TYPES"
        if kind not in found or path.stat().st_size > found[kind][1]:
            found[kind] = (relative, path.stat().st_size)
    urls = {}
    for kind, (relative, _) in found.items():
        url = "/" + relative.removesuffix("index.html")
        urls[kind] = "/no-such-page/" if kind == "not found" else url
    if "search, with a query run" in urls:
        urls["search, with a query run"] += "?" + urlencode(SEARCH)
    return urls


def open_page(browser, server_url: str, url: str):
    """``url`` in a new context (an empty cache: every file counts); (context, page, first response, responses)."""
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda each: responses.append(each))
    return context, page, page.goto(server_url + url, wait_until="load"), responses


def weight_of(page, url: str, response, responses, server_url: str):
    """(bytes transferred, [(transferred, decoded, what, content encoding)]) of every response the page got
    until the network settled; transferred is the response's headers plus its body as sent."""
    if "/search/" in url:
        expect(page.locator("#search-status")).to_contain_text("result")
    page.wait_for_load_state("networkidle")
    assert response.status == (404 if url == "/no-such-page/" else 200), url
    items = []
    for each in responses:
        sizes = each.request.sizes()  # waits for the response to finish
        decoded = len(each.body())
        what = each.url.removeprefix(server_url)
        assert sizes["responseHeadersSize"] > 0 and sizes["responseBodySize"] >= 0, (what, sizes)
        assert sizes["responseBodySize"] > 0 or decoded == 0, (what, sizes)  # a size Chromium could not tell
        items.append((sizes["responseHeadersSize"] + sizes["responseBodySize"], decoded, what,
                      each.headers.get("content-encoding", "")))
    return sum(transferred for transferred, *_ in items), items


@pytest.fixture(scope="module")
def weights(sample_site, sample_server, browser):
    pages = sorted(heaviest_page_of_each_type(sample_site).items(), key=lambda item: ORDER.index(item[0]))
    opened, results = {}, {}
    try:  # all pages load side by side, so their waits for a quiet network overlap
        for kind, url in pages:
            opened[kind] = open_page(browser, sample_server.url, url)
        for kind, url in pages:
            _context, page, response, responses = opened[kind]
            results[kind] = (url, *weight_of(page, url, response, responses, sample_server.url))
    finally:
        for context, *_ in opened.values():
            context.close()
    print(f"\n{'page type':<34} {'transferred':>11} {'decoded':>7} {'files':>5}  heaviest page of the type")
    for kind, (url, total, items) in results.items():
        print(f"{kind[:34]:<34} {total:>11} {sum(decoded for _, decoded, *_ in items):>7} {len(items):>5}  {url}")
    return results


EXPECTED = ["home", "article", "year archive", "month archive", "all entries", "section", "topic", "person", "place",
            "organisation", "story", "entity list", "timeline", "timeline year", "timeline month", "on this day",
            "search, with a query run", "not found", "standalone page"]


def over_the_limit(weights, kind):
    url, total, items = weights[kind]
    largest = [(transferred, what) for transferred, _, what, _ in sorted(items, reverse=True)[:6]]
    return (f"{kind} ({url}) transfers {total} bytes, over {LIMIT}; the largest files (bytes transferred): "
            f"{largest}") if total >= LIMIT else None


def test_the_build_has_every_page_type_the_site_promises(weights):
    assert set(EXPECTED) <= set(weights)


@pytest.mark.parametrize("kind", EXPECTED)
def test_page_type_weighs_under_60_kb_with_its_css_js_and_fetches(weights, kind):
    assert over_the_limit(weights, kind) is None


def test_any_other_page_type_in_the_build_weighs_under_60_kb(weights):
    others = [over_the_limit(weights, kind) for kind in weights if kind not in EXPECTED]
    assert [problem for problem in others if problem] == []


def test_the_weight_counts_what_scripts_fetch(weights):
    _url, _total, items = weights["search, with a query run"]
    fetched = [what for _, _, what, _ in items]
    assert any(what.startswith("/theme/css/") for what in fetched)
    assert any(what.startswith("/theme/js/search") for what in fetched)
    assert any("/search-index/terms/" in what for what in fetched)
    assert any("/search-index/docs/" in what for what in fetched)


def test_the_weight_is_of_compressed_bytes_as_transferred(weights):
    """The measure is what goes over the wire: the server gzips, and the sizes are the encoded ones."""
    url, total, items = weights["article"]
    transferred, decoded, what, encoding = items[0]
    assert what == url and encoding == "gzip", items[0]
    assert transferred < decoded, f"the article page's HTML transfers {transferred} bytes for {decoded} decoded"
    assert total < sum(decoded for _, decoded, *_ in items)
    _url, _total, items = weights["search, with a query run"]
    big_text = [(what, encoding) for _, _, what, encoding in items
                if what.startswith(("/theme/css/", "/theme/js/search", "/search-index/terms/"))]
    assert big_text and all(encoding == "gzip" for _, encoding in big_text), big_text
