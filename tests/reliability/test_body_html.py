"""Raw HTML in a body is sanitised (nh3) in the page and in every feed; the project's own markup stays."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from tests.reliability.test_unpublished import build_archive
from tests.support.sites import FIXTURES

ATOM = "{http://www.w3.org/2005/Atom}"
# Each payload: what a maintainer (or a pasted page) could put in a body, and what it would leave behind.
PAYLOADS = {
    "meta-refresh": ('<meta http-equiv="refresh" content="0;url=https://elsewhere.example/">', "meta"),
    "script-from-images": ('<script src="/images/x.js"></script>', "script"),
    "inline-script": ("<script>document.title='owned'</script>", "script"),
    "iframe": ('<iframe src="https://elsewhere.example/"></iframe>', "iframe"),
    "object": ('<object data="/images/x.swf"></object>', "object"),
    "base": ('<base href="https://elsewhere.example/">', "base"),
    "form": ('<form action="https://elsewhere.example/"><input name="password"></form>', "form, input"),
    "style": ("<style>body{display:none}</style>", "style"),
    "event-handler": ('<img src="/images/a.png" onerror="alert(1)">', "[onerror]"),
    "javascript-link": ('<a href="javascript:alert(1)">read more</a>', "a[href^=javascript]"),
    "svg-onload": ('<svg onload="alert(1)"><circle r="2"/></svg>', "svg, [onload]"),
    "style-attribute": ('<p style="position:fixed;top:0">cover</p>', "p[style]"),
}
BODY = """## Where it happened

Text with a footnote[^1] and a [source](https://example.org/report).

| Place | Killed |
|:------|-------:|
| Rivertown | 4 |

> A pull quote from the mayor.

{payloads}

[^1]: The note itself.
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("body-html")
    content = root / "content"
    shutil.copytree(FIXTURES / "mini", content)
    path = content / "articles" / "2025" / "rivertown-strike.md"
    text = path.read_text(encoding="utf-8")
    body = BODY.format(payloads="\n\n".join(html for html, _ in PAYLOADS.values()))
    path.write_text(text + "\n" + body, encoding="utf-8")
    return build_archive(content, root / "output", "publishconf.py")


def body_documents(output) -> dict[str, BeautifulSoup]:
    """The entry's body as the page, the Atom feed and the JSON Feed carry it."""
    page = BeautifulSoup((output / "2025/04/05/rivertown-strike/index.html").read_text(encoding="utf-8"),
                         "html.parser").select_one(".entry-body")
    atom = ET.parse(output / "feeds/all.atom.xml").getroot()  # not feedparser: it sanitises on its own
    atom_entry = next(e for e in atom.iter(f"{ATOM}entry") if "rivertown-strike" in e.find(f"{ATOM}id").text)
    json_items = json.loads((output / "feeds/all.json").read_text(encoding="utf-8"))["items"]
    json_item = next(i for i in json_items if "rivertown-strike" in i["url"])
    return {"page": page, "atom": BeautifulSoup(atom_entry.find(f"{ATOM}content").text, "html.parser"),
            "json-feed": BeautifulSoup(json_item["content_html"], "html.parser")}


@pytest.mark.parametrize("where", ["page", "atom", "json-feed"])
@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_raw_html_in_a_body_is_removed_from_pages_and_feeds(hostile_site, where, payload):
    document = body_documents(hostile_site)[where]
    assert document.select(PAYLOADS[payload][1]) == []


@pytest.mark.parametrize("where", ["page", "atom", "json-feed"])
def test_the_bodys_own_markup_survives_sanitising(hostile_site, where):
    document = body_documents(hostile_site)[where]
    assert document.find("h2", id="where-it-happened")
    assert document.select_one("sup a.footnote-ref")["href"] == "#fn:1"
    assert document.select_one("div.footnote li[id='fn:1']")
    assert [th.get_text() for th in document.select("table th")] == ["Place", "Killed"]
    assert document.select_one("table td")["style"].replace(" ", "").rstrip(";") == "text-align:left"
    assert "A pull quote from the mayor." in [q.get_text(strip=True) for q in document.select("blockquote")]
    assert document.find("a", string="source")["href"] == "https://example.org/report"
    card = document.select_one("figure.post-card")
    assert card.select_one("a.post-link")["href"] == "https://example.org/posts/1"
    assert card.find("time")["datetime"] == "2025-04-04"
    assert "read more" in document.get_text()  # the text of a dropped link stays


def test_the_page_keeps_only_the_themes_own_scripts(hostile_site):
    page = BeautifulSoup((hostile_site / "2025/04/05/rivertown-strike/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    sources = [s.get("src") or s.get("type") for s in page.find_all("script")]
    assert all(s == "application/ld+json" or "/theme/js/" in s for s in sources), sources
    assert page.find("meta", attrs={"http-equiv": "refresh"}) is None


@pytest.mark.browser
def test_chromium_stays_on_the_article_and_runs_no_body_script(hostile_site, page_factory):
    from tests.support.sites import StaticServer

    with StaticServer(hostile_site) as server:
        page = page_factory()
        url = f"{server.url}/2025/04/05/rivertown-strike/"
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")  # a meta refresh would have sent the tab away by now
        assert page.evaluate("document.querySelector('h1')?.textContent") == "Strike on Rivertown kills 4"
        assert page.evaluate("[...document.scripts].map(s => s.src).filter(s => s.includes('/images/'))") == []
        assert page.title() != "owned"
