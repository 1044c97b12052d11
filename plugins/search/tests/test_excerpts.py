from plugins.search.excerpts import excerpt

TEXT = " ".join(f"w{n}" for n in range(100)) + " kyiv strike " + " ".join(f"v{n}" for n in range(100))


def test_excerpt_is_the_window_with_the_most_distinct_matches():
    found = excerpt(TEXT, {"kyiv", "strike"})
    assert found.text.startswith("… ") and found.text.endswith(" …")
    assert found.marked().count("[") == 2 and "[kyiv] [strike]" in found.marked()
    assert len(found.text.split()) == 30 + 2


def test_highlight_offsets_point_at_the_matched_words():
    found = excerpt("The Kryvyi Rih strike.", {"kryvyi", "strike"})
    assert [found.text[a:b] for a, b in found.highlights] == ["Kryvyi", "strike"]
    assert found.text == "The Kryvyi Rih strike."


def test_prefix_matches_are_highlighted():
    found = excerpt("Strikes on Kryvyi Rih and Kryvyy Rih", set(), prefix="kry")
    assert [found.text[a:b] for a, b in found.highlights] == ["Kryvyi", "Kryvyy"]


def test_without_matches_the_excerpt_is_the_start_of_the_text():
    found = excerpt(TEXT, {"absent"})
    assert found.text.startswith("w0 w1") and found.highlights == []


def test_newlines_become_spaces_without_moving_offsets():
    found = excerpt("One line\nKyiv here", {"kyiv"})
    assert found.text == "One line Kyiv here" and found.text[slice(*found.highlights[0])] == "Kyiv"


def test_text_without_words():
    assert excerpt("  ...  ", {"x"}).text == "..."
