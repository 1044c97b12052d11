"""The static files reproduce Whoosh's ranking exactly (checked with a Python reading of them)."""

import dataclasses
import json
import random

import pytest

from plugins.search.collection import weighting
from plugins.search.indexing import open_index, update_index
from plugins.search.query import run_search
from plugins.search.request import SearchRequest
from plugins.search.settings import DEFAULT_BOOSTS
from plugins.search.static import write_static_index
from plugins.search.tests.conftest import make_document
from plugins.search.tests.static_reference import StaticReference

WORDS = ("strike missile drone kyiv kryvyi rih children killed injured ceasefire talks force troops aid pause "
         "border wall video claim ministry defence president envoy embassy shelling officials region city "
         "night attack ballistic playground restaurant commanders meeting europe britain france weapons "
         "striking strikes attacked attacks forces talked").split()
PLACES = ["kyiv", "kryvyi-rih", "kharkiv", "odesa"]


def _corpus(rng, n, tag="", prefix="doc"):
    documents = []
    for i in range(n):
        words = [rng.choice(WORDS[: rng.randint(8, len(WORDS))]) for _ in range(rng.randint(5, 80))]
        day = 20150 + rng.randint(0, 60)
        documents.append(make_document(
            f"{prefix}-{i}", title=" ".join(rng.sample(WORDS, 4)) + tag, summary=" ".join(rng.sample(WORDS, 8)),
            body=" ".join(words), names=" ".join(rng.sample(["Kyiv", "Kryvyi Rih", "Zelensky", "Odesa"], 2)),
            places=rng.sample(PLACES, rng.randint(0, 2)), topics=[rng.choice(["a", "b"])],
            people=rng.sample(["zelenskyy", "trump"], rng.randint(0, 1)),
            section=rng.choice(["strikes", "diplomacy"]), published=1743900000 + rng.randint(0, 10**6),
            spans=[[day, day + rng.randint(0, 10)]]))
    return documents


@pytest.fixture(scope="module")
def static_site(tmp_path_factory):
    """An index that went through edits and deletions (so it has several segments and deleted documents)."""
    rng = random.Random(7)
    root = tmp_path_factory.mktemp("static")
    documents = _corpus(rng, 120)
    update_index(root / "index", documents, DEFAULT_BOOSTS)
    documents = documents[10:] + _corpus(rng, 15, " new", prefix="new")
    update_index(root / "index", documents, DEFAULT_BOOSTS)
    documents[3] = dataclasses.replace(documents[3], body="kyiv strike again")
    update_index(root / "index", documents, DEFAULT_BOOSTS)
    ix = open_index(root / "index")
    with ix.searcher(weighting=weighting()) as searcher:
        write_static_index(searcher, root / "static", shard_bytes=4000)
    update_index(root / "clean-index", sorted(documents, key=lambda d: d.url), DEFAULT_BOOSTS)
    with open_index(root / "clean-index").searcher(weighting=weighting()) as searcher:
        write_static_index(searcher, root / "clean-static", shard_bytes=4000)
    return root


def _tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_an_index_updated_by_edits_writes_what_a_clean_build_writes(static_site):
    edited, clean = _tree(static_site / "static"), _tree(static_site / "clean-static")
    assert sorted(edited) == sorted(clean)
    assert [name for name in clean if edited[name] != clean[name]] == []


def test_related_entries_do_not_depend_on_the_order_of_edits(static_site):
    from plugins.search.related import related_urls, texts_from_index

    with open_index(static_site / "index").searcher(weighting=weighting()) as edited, \
            open_index(static_site / "clean-index").searcher(weighting=weighting()) as clean:
        assert edited.reader().has_deletions() and not clean.reader().has_deletions()
        assert related_urls(texts_from_index(edited), 4) == related_urls(texts_from_index(clean), 4)


def _queries():
    rng = random.Random(11)
    cases = [{"q": w} for w in ("strike", "strikes", "kry", "kyiv", "zelensky", "ki", "force ")]
    cases += [{"q": '"ballistic missile"'}, {"q": '"strike strike"'}, {"q": '"kyiv strike" again'}]
    for _ in range(60):
        q = " ".join(rng.sample(WORDS, rng.randint(1, 3)))
        if rng.random() < 0.3:
            q = q[: rng.randint(3, len(q))]
        params = {"q": q, "limit": "50"}
        if rng.random() < 0.3:
            params["place"] = rng.choice(PLACES)
        if rng.random() < 0.2:
            params["section"] = rng.choice(["strikes", "diplomacy"])
        if rng.random() < 0.2:
            params["from"], params["to"] = "2025-03-20", "2025-04"
        if rng.random() < 0.3:
            params["sort"] = "newest"
        cases.append(params)
    cases += [{"q": "", "place": "kyiv", "limit": "50"}, {"q": "", "from": "2025-03-25", "to": "2025-03-26"}]
    return cases


@pytest.mark.parametrize("params", _queries(), ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items()))
def test_static_files_rank_exactly_as_whoosh(static_site, params):
    request = SearchRequest.from_params(params)
    reference = StaticReference(static_site / "static")
    with open_index(static_site / "index").searcher(weighting=weighting()) as searcher:
        results = run_search(searcher, request)
    total, ranked = reference.search(request)
    assert total == results.total
    assert [reference.url(n) for n, _ in ranked[: request.limit]] == [hit.url for hit in results.hits]
    for (_, score), hit in zip(ranked, results.hits):
        assert score == pytest.approx(hit.score, rel=1e-12, abs=1e-12)


def test_manifest_describes_the_index(static_site):
    manifest = json.loads((static_site / "static" / "manifest.json").read_text())
    assert manifest["documents"] == 125
    assert manifest["bm25f"] == {"B": {"title": 0.75, "summary": 0.75, "body": 0.75, "names": 0.0, "where": 0.0},
                                 "K1": 1.2}
    assert manifest["shards"] == sorted(manifest["shards"]) and len(manifest["shards"]) > 3
    assert manifest["analysis"]["stop_words"][:3] == ["a", "an", "and"]


def test_shards_stay_near_the_target_size(static_site):
    sizes = [p.stat().st_size for p in (static_site / "static" / "terms").iterdir()]
    assert max(sizes) < 4000 * 3 and len(sizes) == len(json.loads(
        (static_site / "static" / "manifest.json").read_text())["shards"])


def test_a_query_reads_only_a_few_files(static_site):
    reference = StaticReference(static_site / "static")
    reference.search(SearchRequest.from_params({"q": "kyiv strike"}))
    assert len(reference.fetched) <= 2


def test_documents_and_filters_are_written(static_site):
    folder = static_site / "static"
    doc = json.loads((folder / "docs" / "0.json").read_text())
    assert set(doc) == {"url", "title", "summary", "date", "section", "text"}
    assert {p.name for p in (folder / "filters").iterdir()} == {"place", "person", "topic", "section"}
    assert json.loads((folder / "filters" / "section" / "strikes.json").read_text())


def test_writing_through_a_writer_function_leaves_other_files(tmp_path, index_path):
    seen = {}
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "keep.txt").write_text("x")
    with open_index(index_path).searcher(weighting=weighting()) as searcher:
        write_static_index(searcher, tmp_path / "static", write=lambda rel, data: seen.setdefault(rel, data))
    assert "manifest.json" in seen and (tmp_path / "static" / "keep.txt").exists()


def test_postings_cache_gives_what_a_full_read_gives(tmp_path):
    """An edit re-reads only the edited entries' terms; the files must equal a full read's, byte for byte."""
    rng = random.Random(5)
    documents = _corpus(rng, 60)
    update_index(tmp_path / "index", documents, DEFAULT_BOOSTS)
    cache = tmp_path / "postings.pickle"

    def build(target, cache_file):
        with open_index(tmp_path / "index").searcher(weighting=weighting()) as searcher:
            write_static_index(searcher, tmp_path / target, shard_bytes=3000, postings_cache=cache_file)
        return _tree(tmp_path / target)

    before = build("first", cache)
    assert cache.exists()
    edits = [(5, "kyiv strike again and again"), (17, "a brand new word: zyzzyva"), (5, "ceasefire talks")]
    for round_, (n, body) in enumerate(edits):
        documents[n] = dataclasses.replace(documents[n], body=body)
        update_index(tmp_path / "index", documents, DEFAULT_BOOSTS)
        cached, full = build(f"cached-{round_}", cache), build(f"full-{round_}", None)
        assert cached == full
        assert cached != before  # the edit did change the files
        before = cached


def test_a_full_read_shared_with_a_helper_process_writes_the_same_files(tmp_path, monkeypatch):
    from plugins.search import term_postings

    documents = _corpus(random.Random(11), 40)
    update_index(tmp_path / "index", documents, DEFAULT_BOOSTS)
    with open_index(tmp_path / "index").searcher(weighting=weighting()) as searcher:
        write_static_index(searcher, tmp_path / "alone", shard_bytes=4000)
        monkeypatch.setattr(term_postings, "PARALLEL_TERMS", 10)
        monkeypatch.setattr(term_postings, "LEXICON_TERMS", 1)  # here: each segment's terms listed first
        started = []
        monkeypatch.setattr(term_postings.TermHelper, "__init__", _recording(term_postings.TermHelper.__init__, started))
        write_static_index(searcher, tmp_path / "shared", shard_bytes=4000, index_path=tmp_path / "index")
    assert len(started) == 1 and started[0]  # the helper read a share of the terms
    assert _tree(tmp_path / "shared") == _tree(tmp_path / "alone")


def _recording(init, started):
    def record(self, index_path, wanted):
        started.append(wanted)
        init(self, index_path, wanted)
    return record
