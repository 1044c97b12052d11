from hypothesis import given, settings
from hypothesis import strategies as st

from plugins.search.analysis import tokens
from plugins.search.excerpts import Excerpt, excerpt

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



def _excerpt_window_by_window(text, match_terms, prefix, window):
    """The definition, counting every window afresh (excerpt() slides one word at a time instead)."""
    words = tokens(text)
    if not words:
        return Excerpt(" ".join(text.split())[:200])
    hits = [(t.term in match_terms) or bool(prefix and t.word.startswith(prefix)) for t in words]
    best, best_count = 0, -1
    for first in range(max(1, len(words) - window + 1)):
        count = len({t.term or t.word for t, hit in zip(words[first:first + window], hits[first:first + window])
                     if hit})
        if count > best_count:
            best, best_count = first, count
    last = min(best + window, len(words)) - 1
    start = 0 if best == 0 else words[best].start
    end = len(text) if last == len(words) - 1 else words[last].end
    lead, tail = ("" if start == 0 else "… "), ("" if end == len(text) else " …")
    body = text[start:end].replace("\n", " ").replace("\r", " ").replace("\t", " ")
    return Excerpt(lead + body + tail, [(len(lead) + t.start - start, len(lead) + t.end - start)
                                        for t, hit in zip(words[best:last + 1], hits[best:last + 1]) if hit])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["kyiv", "strike", "strikes", "the", "a", "kry", "kryvyi", "x", "y", "z", "\n"]),
                max_size=80),
       st.sets(st.sampled_from(["kyiv", "strike", "kryvyi", "x"])), st.sampled_from(["", "kry", "st", "th"]),
       st.integers(min_value=1, max_value=12))
def test_sliding_the_window_picks_what_counting_every_window_picks(words, match_terms, prefix, window):
    text = " ".join(words)
    assert excerpt(text, match_terms, prefix, window) == _excerpt_window_by_window(text, match_terms, prefix, window)
