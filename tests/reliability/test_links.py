"""A crawl of the built sample site: every internal link, asset, feed and anchor resolves."""

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "form": "action"}
BASE = "http://site.invalid/"


def _page_url(output: Path, path: Path) -> str:
    rel = path.relative_to(output).as_posix()
    return BASE + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def _target_file(output: Path, url: str):
    path = unquote(urlsplit(url).path)[1:]
    target = output / path
    if path.endswith("/") or path == "" or target.is_dir():
        target = target / "index.html"
    return target


def crawl(output: Path) -> list[str]:
    """Broken links as 'page -> link (why)'; empty when the site is whole."""
    broken, ids_cache = [], {}

    def ids_of(target: Path):
        if target not in ids_cache:
            page = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
            ids_cache[target] = {el["id"] for el in page.find_all(id=True)} | {
                el["name"] for el in page.find_all("a", attrs={"name": True})}
        return ids_cache[target]

    for path in sorted(output.rglob("*.html")):
        page_url = _page_url(output, path)
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        ids_cache[path] = {el["id"] for el in page.find_all(id=True)}
        for tag, attribute in LINK_ATTRIBUTES.items():
            for element in page.find_all(tag, attrs={attribute: True}):
                url = urljoin(page_url, element[attribute])
                if not url.startswith(BASE):
                    continue
                target = _target_file(output, url)
                if not target.is_file():
                    broken.append(f"{path.relative_to(output)} -> {element[attribute]} (no such file)")
                    continue
                fragment = urlsplit(url).fragment
                if fragment and target.suffix == ".html" and unquote(fragment) not in ids_of(target):
                    broken.append(f"{path.relative_to(output)} -> {element[attribute]} (no such anchor)")
    return broken


def test_sample_site_has_no_broken_internal_links(sample_site):
    assert crawl(sample_site) == []


def test_fixture_site_has_no_broken_internal_links(mini_site):
    assert crawl(mini_site) == []


def test_crawler_reports_a_broken_link_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="b/">gone</a><a href="a/#x">anchor</a>')
    (tmp_path / "a" / "index.html").write_text('<p id="y">no x here</p>')
    assert crawl(tmp_path) == ["index.html -> b/ (no such file)", "index.html -> a/#x (no such anchor)"]
