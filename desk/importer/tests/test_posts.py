"""Posts from platform blockquotes and from pasted text become valid post cards."""

import pytest
from bs4 import BeautifulSoup

from plugins.embeds.postcard import parse_post_cards
from desk.importer.posts import Post, attribution, pasted_post_start, post_from_blockquote, post_from_lines

TWEET = """<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Air defence worked all night.<br>Thank you.
<a href="https://t.co/AbC">pic.twitter.com/AbC123</a></p>&mdash; Jane Official (@jane_official)
<a href="https://twitter.com/jane_official/status/123456?ref_src=twsrc%5Etfw">April 7, 2025</a></blockquote>"""


def test_platform_blockquote_gives_author_handle_date_status_url_and_text():
    post = post_from_blockquote(BeautifulSoup(TWEET, "html.parser").blockquote)
    assert (post.author, post.handle, post.date) == ("Jane Official", "jane_official", "2025-04-07")
    assert post.url == "https://twitter.com/jane_official/status/123456"  # tracking parameters dropped
    assert post.text == "Air defence worked all night.\nThank you."  # the picture link is not text


def test_blockquote_without_status_link_uses_the_picture_link():
    html = TWEET.replace("https://twitter.com/jane_official/status/123456?ref_src=twsrc%5Etfw", "https://t.co/x")
    post = post_from_blockquote(BeautifulSoup(html, "html.parser").blockquote)
    assert post.url == "https://t.co/x"


def test_empty_blockquote_is_no_post():
    assert post_from_blockquote(BeautifulSoup("<blockquote class='twitter-tweet'></blockquote>",
                                              "html.parser").blockquote) is None


@pytest.mark.parametrize("line, author, handle", [
    ("— Volodymyr Zelenskyy / Володимир Зеленський (@ZelenskyyUa) April 6, 2025",
     "Volodymyr Zelenskyy / Володимир Зеленський", "ZelenskyyUa"),
    ("— Myroslav Oleshko (@oleshkomyroslav) March 29, 2025", "Myroslav Oleshko", "oleshkomyroslav"),
    ("-- Ann (@ann_1) 6 April 2025", "Ann", "ann_1"),
])
def test_attribution_lines_are_recognised(line, author, handle):
    match = attribution(line)
    assert (match["author"], match["handle"]) == (author, handle)


@pytest.mark.parametrize("line", ["— said the minister", "Text (@handle) inside a sentence", "— (@) 2025"])
def test_other_lines_are_no_attribution(line):
    assert attribution(line) is None


def test_pasted_post_takes_the_picture_link_as_its_address():
    post = post_from_lines(["Text of the post… pic.twitter.com/VNAGmZ4Yfr"],
                           "— Someone (@someone) April 6, 2025")
    assert post.url == "https://pic.twitter.com/VNAGmZ4Yfr"
    assert post.text == "Text of the post…"
    assert post.date == "2025-04-06"


@pytest.mark.parametrize("lines, expected_start", [
    # a long line of article text before a one-line post stays article text
    (["A" * 200, "Post text pic.twitter.com/x", "— A (@a) April 1, 2025"], 1),
    # a short plain line before the post is the article's ("Six of the wounded are children.")
    (["A" * 200, "Six of the wounded are children.", "Second line pic.twitter.com/x", "— A (@a) April 1, 2025"], 2),
    # a short line that reads like a post (emoji first, hashtag, mention) joins it
    (["A" * 200, "🇺🇦 First line of post.", "Second line pic.twitter.com/x", "— A (@a) April 1, 2025"], 1),
    (["A" * 200, "Hold on #Kharkiv", "Second line pic.twitter.com/x", "— A (@a) April 1, 2025"], 1),
    # another post's attribution ends the search
    (["— B (@b) April 1, 2025", "Post", "— A (@a) April 1, 2025"], 1),
])
def test_a_pasted_post_begins_where_its_text_stays_post_sized(lines, expected_start):
    assert pasted_post_start(lines, len(lines) - 1) == expected_start


def test_card_is_a_valid_post_block():
    post = Post(author="A  B", handle="ab", date="2025-04-06", url="https://x.com/ab/status/1",
                text="Line one\n:::\nLine three")
    cards = parse_post_cards(post.card())
    assert len(cards) == 1 and cards[0].problems == []
    assert cards[0].fields["author"] == "A B"
    assert cards[0].text == "Line one\n::\nLine three"  # a ':::' line would close the card early
