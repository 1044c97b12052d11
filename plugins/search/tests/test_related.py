from plugins.search.related import related_urls, texts_from_index


def test_related_entries_are_similar_others_never_the_entry_itself(searcher):
    related = related_urls(texts_from_index(searcher), 2)
    assert set(related) == {f"2025/04/06/{s}/" for s in ("missile-strike", "drone-attack", "peace-talks", "aid-pause")}
    for url, others in related.items():
        assert url not in others and len(others) <= 2
    assert related["2025/04/06/missile-strike/"][0] == "2025/04/06/drone-attack/"


def test_no_related_entries_when_the_count_is_zero(searcher):
    assert related_urls(texts_from_index(searcher), 0) == {}


def test_related_entries_are_reused_only_while_no_text_changed(tmp_path):
    import dataclasses

    from plugins.search.related import cached_related_urls
    from plugins.search.tests.conftest import DOCUMENTS

    cache = tmp_path / "related.pickle"
    documents = list(DOCUMENTS)
    first, reused = cached_related_urls(documents, 2, 1.0, cache)
    assert not reused and first == related_urls(documents, 2)
    documents[0] = dataclasses.replace(documents[0], places=["kyiv"])  # not part of the text
    again, reused = cached_related_urls(documents, 2, 1.0, cache)
    assert reused and again == first
    documents[1] = dataclasses.replace(documents[1], body="Talks about grain exports and a ceasefire.")
    changed, reused = cached_related_urls(documents, 2, 1.0, cache)
    assert not reused and changed == related_urls(documents, 2)
    assert cached_related_urls(documents, 3, 1.0, cache)[1] is False  # another count is another result
