"""Cleaned HTML to an entry body: Markdown that renders back to the same text and no markup."""

import pytest
from bs4 import BeautifulSoup
from pelican.settings import read_settings

from plugins.entries.reader import render_markdown
from desk.importer.markdown_body import paragraph_texts, to_markdown
from desk.importer.posts import Post
from desk.importer.tests.conftest import ROOT


@pytest.fixture(scope="module")
def settings():
    return read_settings(str(ROOT / "pelicanconf.py"))


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script> stays text",
    "# not a heading",
    "- not a list",
    "1. not a numbered list",
    "> not a quote",
    "a_b *c* [x](y) `code` AT&T &amp;copy;",
    "C:\\path\\to",
])
def test_text_survives_the_round_trip_as_text(settings, text):
    html = "<p>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</p>"
    rendered = BeautifulSoup(render_markdown(to_markdown(html, []), settings), "html.parser")
    assert rendered.find("script") is None and rendered.find(["h1", "h2", "ul", "ol", "code", "a"]) is None
    assert rendered.get_text().strip() == text


def test_structure_is_kept_as_markdown():
    html = ('<h1>Big</h1><h3>Small</h3><p>A <a href="/rel">link</a>, <em>em</em>, <strong>strong</strong>.</p>'
            '<ul><li>one</li><li>two</li></ul><blockquote><p>Quoted.</p></blockquote><img src="x.png">')
    assert to_markdown(html, [], "https://news.example/a/b") == (
        "## Big\n\n### Small\n\nA [link](https://news.example/rel), *em*, **strong**.\n\n- one\n- two\n\n"
        "> Quoted.\n")


def test_links_that_go_nowhere_keep_only_their_text():
    assert to_markdown('<p><a href="javascript:void(0)">js</a> <a href="#top">top</a></p>', []) == "js top\n"


def test_placeholders_become_post_cards():
    post = Post("A", "a", "2025-04-01", "https://x.com/a/status/1", "Hi")
    assert to_markdown("<p>Before.</p><p>IMPORTEDPOST0END</p>", [post]) == f"Before.\n\n{post.card()}\n"


def test_loose_text_in_divs_becomes_paragraphs():
    html = "<div>One</div><div>Two <p>Three</p> Four</div>"
    assert to_markdown(html, []) == "One\n\nTwo\n\nThree\n\nFour\n"
    assert paragraph_texts(html) == ["One", "Two", "Three", "Four"]
