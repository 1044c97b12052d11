"""Pasted text: headline, source line, leftovers and posts recognised by their lines."""

from desk.importer.paste import from_paste

POST = "Short post text. pic.twitter.com/Abc123\n— Someone (@someone) April 6, 2025"


def test_a_short_first_line_without_full_stop_is_the_headline():
    page = from_paste("Strike on a city kills four\nThe first paragraph of the story.\nThe second one.")
    assert page.title == "Strike on a city kills four"
    assert "Strike on a city" not in page.body_html


def test_a_first_line_that_is_a_sentence_is_no_headline():
    assert from_paste("The story begins here.\nAnd goes on.").title == ""


def test_leftover_lines_are_dropped_and_reported():
    page = from_paste("Listen To Story Above\nThe story.\nAdvertisement\nRead more: other stories\nThe end.")
    assert "Listen" not in page.body_html and "Advertisement" not in page.body_html
    assert "Read more" not in page.body_html
    assert any("'Listen To Story Above'" in note for note in page.notes)


def test_a_line_holding_only_an_address_is_the_source():
    page = from_paste("Source: https://news.example/a/b.\nThe story.")
    assert page.canonical == "https://news.example/a/b" and "news.example" not in page.body_html


def test_pasted_posts_become_placeholders_with_their_text():
    page = from_paste("A" * 200 + "\n" + POST + "\nAfter the post.")
    assert len(page.posts) == 1 and page.posts[0].text == "Short post text."
    assert page.body_html.index("IMPORTEDPOST0END") < page.body_html.index("After the post.")


def test_a_post_without_link_stays_text_and_is_noted():
    page = from_paste("The story.\nPost with no link\n— Someone (@someone) April 6, 2025")
    assert page.posts == [] and "Post with no link" in page.body_html
    assert any("@someone" in note for note in page.notes)


def test_blank_line_separated_paragraphs_join_their_wrapped_lines():
    page = from_paste("First paragraph\nwrapped here.\n\nSecond paragraph.")
    assert "<p>First paragraph wrapped here.</p>" in page.body_html


def test_text_is_escaped_not_markup():
    page = from_paste("The story.\n<script>alert(1)</script> & more")
    assert "<script>" not in page.body_html and "&lt;script&gt;" in page.body_html
