"""Saved pages: metadata from the first place that has it, the article only, furniture gone."""

import pytest
from bs4 import BeautifulSoup

from desk.importer.metadata import read_metadata
from desk.importer.page import from_html


def meta_of(head="", body=""):
    return read_metadata(BeautifulSoup(f"<html><head>{head}</head><body>{body}</body></html>", "html.parser"))


LD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, '
      '{"@type": "NewsArticle", "headline": "LD headline", "datePublished": "2025-04-02", '
      '"author": {"@type": "Person", "name": "LD Author"}, "url": "https://ld.example/a", '
      '"publisher": {"name": "LD Publisher"}}]}</script>')


@pytest.mark.parametrize("head, body, field, expected", [
    ('<meta property="og:title" content="OG headline">' + LD, "<h1>H1</h1>", "title", "OG headline"),
    (LD + "<title>Title tag</title>", "<h1>H1</h1>", "title", "LD headline"),
    ("<title>Title tag</title>", "<h1>H1 headline</h1>", "title", "H1 headline"),
    ("<title>Only the title | The Site</title><meta property='og:site_name' content='The Site'>", "", "title",
     "Only the title"),
    ('<meta property="article:published_time" content="2025-04-01T10:00:00+03:00">' + LD, "", "published",
     "2025-04-01T10:00+03:00"),
    (LD, '<time datetime="2025-01-01">x</time>', "published", "2025-04-02"),
    ("", '<article><time datetime="2025-03-03T12:00Z">x</time></article>', "published", "2025-03-03T12:00+00:00"),
    ('<meta name="author" content="By Meta Author">' + LD, "", "byline", "Meta Author"),
    (LD, "", "byline", "LD Author"),
    ("", '<p class="byline">By Markup Author</p>', "byline", "Markup Author"),
    ('<link rel="canonical" href="https://c.example/x"><meta property="og:url" content="https://og.example/">',
     "", "canonical", "https://c.example/x"),
    (LD, "", "canonical", "https://ld.example/a"),
    ('<link rel="canonical" href="/relative"><meta property="og:url" content="https://og.example/a">', "",
     "canonical", "https://og.example/a"),
    ('<link rel="canonical" href="/relative">', "", "canonical", ""),
    ('<meta property="og:site_name" content="OG Site">' + LD, "", "publisher", "OG Site"),
    (LD, "", "publisher", "LD Publisher"),
    ('<link rel="canonical" href="https://www.domain.example/x">', "", "publisher", "domain.example"),
])
def test_each_field_comes_from_the_first_place_that_has_it(head, body, field, expected):
    assert getattr(meta_of(head, body), field) == expected


def test_broken_json_ld_is_skipped():
    assert meta_of('<script type="application/ld+json">{not json</script><title>T</title>').title == "T"


@pytest.mark.parametrize("lang, expected", [("en-GB", "en-GB"), ("UK", "uk"), ("", ""), ("x-klingon", "")])
def test_page_language_becomes_an_entry_lang(lang, expected):
    html = f'<html lang="{lang}"><body></body></html>'
    assert read_metadata(BeautifulSoup(html, "html.parser")).lang == expected


ARTICLE = "<p>" + "The article text is long enough to win. " * 5 + "</p>"


@pytest.mark.parametrize("furniture, marker", [
    ('<div class="share-bar"><a href="/s">Share this</a></div>', "Share"),
    ('<div class="ad-slot">Buy now</div>', "Buy now"),
    ('<div class="newsletter-signup"><p>Get our emails every morning of the week.</p></div>', "emails"),
    ('<aside><p>Related stories you may like.</p></aside>', "Related"),
    ('<div class="jp-relatedposts"><p>Posts like this one.</p></div>', "Posts like"),
    ('<div class="audio-player"><p>Listen to this article</p></div>', "Listen"),
    ('<nav><a href="/">Home</a></nav>', "Home"),
    ('<section id="comments"><p>A reader comment that is fairly long.</p></section>', "reader comment"),
    ('<p>Listen To Story Above</p>', "Listen"),
    ('<p>Advertisement</p>', "Advertisement"),
    ('<script>var tracking = "inline script";</script>', "tracking"),
    ('<style>.x{color:red}</style>', "color"),
    ('<div hidden><p>Hidden text.</p></div>', "Hidden"),
    ('<div aria-hidden="true"><p>Screen furniture.</p></div>', "Screen furniture"),
    ('<form><label>Email</label><input name="e"></form>', "Email"),
])
def test_furniture_inside_the_article_is_dropped(furniture, marker):
    page = from_html(f"<html><body><article>{ARTICLE}{furniture}<p>Closing line.</p></article></body></html>")
    assert "article text" in page.body_html and "Closing line." in page.body_html
    assert marker not in page.body_html


def test_article_body_is_preferred_to_the_article_element():
    html = (f"<article><p>Teaser outside the body.</p><div itemprop='articleBody'>{ARTICLE}</div></article>")
    assert "Teaser" not in from_html(html).body_html


def test_the_article_with_most_text_is_the_article():
    html = f"<body><article><p>Short teaser.</p></article><article>{ARTICLE}</article></body>"
    body = from_html(html).body_html
    assert "article text" in body and "Short teaser" not in body


def test_without_article_element_the_densest_block_is_taken_and_noted():
    html = (f"<body class='layout-with-sidebar'><div class='menu'><p>Home</p></div><div class='content'>{ARTICLE}"
            f"{ARTICLE}</div><div class='widget'><p>Recent posts</p></div></body>")
    page = from_html(html)
    assert "article text" in page.body_html and "Recent posts" not in page.body_html and "Home" not in page.body_html
    assert any("block with the most paragraph text" in note for note in page.notes)


def test_json_ld_article_body_is_used_when_the_markup_has_no_text():
    ld = '{"@type": "NewsArticle", "headline": "H", "articleBody": "First paragraph.\\n\\nSecond paragraph."}'
    page = from_html(f'<script type="application/ld+json">{ld}</script><div id="app">Loading…</div>')
    soup = BeautifulSoup(page.body_html, "html.parser")
    assert [p.get_text() for p in soup.find_all("p")] == ["First paragraph.", "Second paragraph."]


def test_embedded_post_and_its_wrapper_become_a_placeholder_and_the_widget_script_goes():
    html = ("<article>" + ARTICLE + '<div class="social-embed"><blockquote class="twitter-tweet"><p>Post text</p>'
            '&mdash; A (@a) <a href="https://twitter.com/a/status/1">April 1, 2025</a></blockquote>'
            '<script async src="https://platform.twitter.com/widgets.js"></script></div></article>')
    page = from_html(html)
    assert len(page.posts) == 1 and "IMPORTEDPOST0END" in page.body_html
    assert "widgets.js" not in page.body_html and "twitter-tweet" not in page.body_html


def test_the_headline_is_not_repeated_in_the_body():
    page = from_html('<meta property="og:title" content="The headline"><article><h1>The headline</h1>'
                     + ARTICLE + "</article>")
    assert "The headline" not in page.body_html


def test_images_are_left_out_and_counted():
    page = from_html(f'<article>{ARTICLE}<figure><img src="https://cdn.example/a.jpg"><figcaption>Photo</figcaption>'
                     '</figure><img src="b.png"></article>')
    assert "<img" not in page.body_html and any(note.startswith("2 images left out") for note in page.notes)


def test_a_page_without_article_text_says_so():
    page = from_html("<html><head><title>Only a title</title></head><body><div>Menu</div></body></html>")
    assert "no article text found on the page: write the body" in page.notes
