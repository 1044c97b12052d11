import pytest

from plugins.entries.errors import Problem
from plugins.entries.frontmatter import decode, split


def test_lines_of_nested_keys_are_recorded():
    text = "---\ntitle: T\nevents:\n  - date: 2025\n    casualties:\n      killed: 3\n---\nBody\n"
    front = split(text, "x.md")
    assert front.line_of(("title",)) == 2
    assert front.line_of(("events", 0)) == 4
    assert front.line_of(("events", 0, "casualties", "killed")) == 6
    assert front.body == "Body\n" and front.body_line == 8


def test_dates_stay_text_so_precision_survives():
    front = split("---\ndate: 2025-04-05\nmonth: 2025-04\n---\n", "x.md")
    assert front.data == {"date": "2025-04-05", "month": "2025-04"}


@pytest.mark.parametrize("text, line, message", [
    ("title: T\n", 1, "does not start with a '---'"),
    ("---\ntitle: T\n", 3, "no closing '---'"),
    ("---\n---\n", 2, "empty"),
    ("---\n- a\n- b\n---\n", 2, "not a mapping"),
    ("---\ntitle: a\ntitle: b\n---\n", 3, "appears twice"),
    ("---\ntitle: [a\nx: 1\n---\n", 3, "YAML syntax error"),
])
def test_broken_front_matter_names_the_line(text, line, message):
    with pytest.raises(Problem) as caught:
        split(text, "x.md")
    assert caught.value.line == line
    assert message in caught.value.what


def test_bom_and_crlf_are_accepted():
    text = decode("\ufeff---\r\ntitle: T\r\n---\r\nBody\r\n".encode("utf-8"), "x.md")
    assert split(text, "x.md").data == {"title": "T"}


def test_non_utf8_bytes_name_the_file_and_line():
    with pytest.raises(Problem) as caught:
        decode(b"---\ntitle: Caf\xe9\n---\n", "entry.md")
    assert caught.value.path == "entry.md" and caught.value.line == 2
    assert "not valid UTF-8" in caught.value.what
