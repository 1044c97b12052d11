"""Search on the built sample archive: the labelled relevance set through the CLI, the pages it writes."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from desk.search.cli import search_command
from plugins.search.collection import weighting
from plugins.search.indexing import open_index
from plugins.search.related import related_urls, texts_from_index
from plugins.search.request import SearchRequest
from plugins.search.tests.static_reference import StaticReference
from desk.sitebuild.build import load_settings
from tests.support.sites import ROOT, soup

CASES = yaml.safe_load((ROOT / "tests" / "search_relevance.yml").read_text(encoding="utf-8"))
FEATURES = {"words", "alias", "stem", "phrase", "prefix", "date range", "section filter", "topic filter",
            "place filter", "person filter", "newest"}


def case_id(case):
    return "&".join(f"{k}={v}" for k, v in case["params"].items())


def params_of(case):
    return {key: str(value) for key, value in case["params"].items()}


def cli_urls(settings, params, limit=10):
    """The URLs `invoke search` prints, in order (it prints '/url · date · section · score')."""
    options = {k: v for k, v in params.items() if k != "q"}
    output = search_command(settings, params.get("q", ""), {**options, "limit": str(limit)})
    return re.findall(r"^\s+/(\S+) · ", output, flags=re.MULTILINE)


@pytest.fixture(scope="module")
def sample_settings(sample_site):
    return load_settings(str(ROOT / "pelicanconf.py"), {"PATH": str(ROOT / "content"),
                                                        "CACHE_PATH": str(sample_site.parent / "cache")})


@pytest.fixture(scope="module")
def sample_index(sample_site):
    return sample_site.parent / "cache" / "search-index"


def test_the_relevance_set_is_big_enough_and_covers_every_feature():
    assert len(CASES) >= 20
    assert {case["feature"] for case in CASES} >= FEATURES


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_cli_puts_the_labelled_entries_in_the_top_3(sample_settings, case):
    top = cli_urls(sample_settings, params_of(case))[:3]
    assert all(url in top for url in case["top3"]), f"top 3 was {top}"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_static_files_give_the_cli_top_10(sample_settings, sample_site, case):
    reference = StaticReference(sample_site / "search-index")
    _total, ranked = reference.search(SearchRequest.from_params(params_of(case)))
    assert [reference.url(n) for n, _ in ranked[:10]] == cli_urls(sample_settings, params_of(case))


def test_cli_resolves_aliases_in_filters(sample_settings):
    assert cli_urls(sample_settings, {"q": "drone", "place": "Krivoy Rog"}) == \
        cli_urls(sample_settings, {"q": "drone", "place": "kryvyi-rih"})


def test_cli_output_shows_count_excerpt_and_marks(sample_settings):
    output = search_command(sample_settings, "playground", {"limit": "1"})
    assert output.startswith('3 results for "playground"')
    assert "[playground]" in output and "… 2 more" in output


@pytest.mark.parametrize("args, message", [
    (["x", "--from", "2025-13"], "from: '2025-13' has no month 13"),
    (["x", "--place", "Atlantis"], "no place 'Atlantis' in content/data/places.yml"),
    (["x", "--sort", "oldest"], "sort must be 'relevance' or 'newest'"),
])
def test_invoke_search_reports_bad_options_and_exits_1(args, message):
    result = subprocess.run([str(Path(sys.executable).with_name("invoke")), "search", *args], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and message in result.stderr + result.stdout


def test_search_page_works_without_javascript_by_pointing_elsewhere(sample_site):
    page = soup(sample_site, "search/")
    assert page.find("h1").get_text() == "Search"
    note = page.find(id="search-nojs")
    links = {a["href"] for a in note.find_all("a")}
    assert {"../timeline/", "../topics/"} <= links
    assert page.find("form", id="search-form").has_attr("hidden")


def test_search_page_form_has_every_control_labelled(sample_site):
    page = soup(sample_site, "search/")
    form = page.find("form", id="search-form")
    assert form["role"] == "search" and form["data-index"] == "../search-index/"
    controls = form.find_all(["input", "select"])
    assert {c["name"] for c in controls} == {"q", "section", "topic", "place", "person", "from", "to", "sort"}
    for control in controls:
        assert form.find("label", attrs={"for": control["id"]}), control["id"]
    places = {o["value"] for o in form.find("select", id="search-place").find_all("option")}
    assert {"", "kryvyi-rih", "kyiv"} <= places
    assert page.find("script", src="../theme/js/search.js")["type"] == "module"


def test_search_page_has_no_second_header_search_form(sample_site):
    assert len(soup(sample_site, "search/").find_all("form", role="search")) == 1


def test_every_other_page_has_the_header_search_form(sample_site):
    form = soup(sample_site, "2025/04/06/kryvyi-rih-missile-strike-kills-18/").find("form", class_="site-search")
    assert form["action"] == "../../../../search/" and form.find("input")["name"] == "q"
    assert form.find("label", attrs={"for": form.find("input")["id"]})


def test_static_index_holds_every_published_entry(sample_site):
    import json

    manifest = json.loads((sample_site / "search-index" / "manifest.json").read_text())
    assert manifest["documents"] == len(list((ROOT / "content" / "articles").rglob("*.md")))


ARTICLES = sorted(p.stem for p in (ROOT / "content" / "articles").rglob("*.md"))


@pytest.mark.parametrize("slug", ARTICLES)
def test_articles_show_related_entries_from_the_index(sample_site, sample_index, slug):
    url = f"2025/04/06/{slug}/"
    aside = soup(sample_site, url).find("aside", class_="related")
    links = [a["href"] for a in aside.find_all("a")]
    assert 1 <= len(links) <= 4
    assert not any(link.endswith(f"/{slug}/") for link in links)
    for link in links:
        assert (sample_site / url / link / "index.html").resolve().is_file()
    with open_index(sample_index).searcher(weighting=weighting()) as searcher:
        expected = related_urls(texts_from_index(searcher), 4)[url]
    assert [str((sample_site / url / link).resolve().relative_to(sample_site)) + "/" for link in links] == expected
