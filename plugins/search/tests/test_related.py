from plugins.search.related import related_urls, texts_from_index


def test_related_entries_are_similar_others_never_the_entry_itself(searcher):
    related = related_urls(texts_from_index(searcher), 2)
    assert set(related) == {f"2025/04/06/{s}/" for s in ("missile-strike", "drone-attack", "peace-talks", "aid-pause")}
    for url, others in related.items():
        assert url not in others and len(others) <= 2
    assert related["2025/04/06/missile-strike/"][0] == "2025/04/06/drone-attack/"


def test_no_related_entries_when_the_count_is_zero(searcher):
    assert related_urls(texts_from_index(searcher), 0) == {}
