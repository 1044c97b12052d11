"""The benchmark's synthetic archive reads like news: lengths, words and repeats as real reports have them.

Small archives only (a few hundred entries, no build): these check the generator's
pure functions, so every figure ``./dev bench`` prints is measured on honest text.
"""

import random
import statistics

import pytest
import yaml

from bench.synthetic import (BODY_MAX_WORDS, BODY_MEDIAN_WORDS, BODY_MIN_WORDS, FUNCTION_WORDS, HEAPS_BETA, HEAPS_K,
                             body_length, generate_archive, sentence_lengths, vocabulary_size)
from plugins.entries.frontmatter import decode, split

SEEDS = [1, 2, 7]


def _entries(content):
    """(front matter, body words without the post card) of every entry of a generated archive."""
    for path in sorted((content / "articles").rglob("*.md")):
        document = split(decode(path.read_bytes(), str(path)), str(path))
        yield document.data, document.body.split("::: post")[0].split()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return generate_archive(tmp_path_factory.mktemp("synthetic") / "content", 300, seed=3)


@pytest.mark.parametrize("seed", SEEDS)
def test_body_lengths_follow_news_lengths(seed):
    rng = random.Random(seed)
    lengths = [body_length(rng) for _ in range(4000)]
    deciles = statistics.quantiles(lengths, n=10)
    assert BODY_MIN_WORDS <= min(lengths) and max(lengths) <= BODY_MAX_WORDS
    assert abs(statistics.median(lengths) - BODY_MEDIAN_WORDS) <= 25
    assert deciles[0] < 480 and deciles[-1] > 850  # real spread: short briefs and long features


@pytest.mark.parametrize("total", [6, 41, 300, 651, 1500])
def test_sentence_lengths_add_up_to_the_body_and_stay_sentence_sized(total):
    lengths = sentence_lengths(random.Random(total), total)
    assert sum(lengths) == total
    assert all(6 <= length <= 40 for length in lengths) or total < 46


def test_vocabulary_grows_with_the_archive_but_slower_than_it():
    sizes = [vocabulary_size(n) for n in (1000, 5000, 20000, 50000)]
    assert sizes == sorted(sizes) and len(set(sizes)) == 4
    assert sizes[-1] / sizes[1] < 50000 / 5000  # Heaps' law: sublinear


def test_generated_bodies_have_news_lengths(archive):
    lengths = [len(words) for _front, words in _entries(archive)]
    assert BODY_MIN_WORDS <= min(lengths) and max(lengths) <= BODY_MAX_WORDS
    assert abs(statistics.median(lengths) - BODY_MEDIAN_WORDS) <= 60


def test_generated_bodies_read_like_prose(archive):
    words = [word.strip(".").lower() for _front, body in _entries(archive) for word in body]
    share = sum(word in FUNCTION_WORDS for word in words) / len(words)
    assert 0.35 <= share <= 0.55
    assert 0.03 <= words.count("the") / len(words) <= 0.09


def test_an_archive_uses_about_as_many_distinct_words_as_heaps_law_predicts(archive):
    words = [word.strip(".").lower() for _front, body in _entries(archive) for word in body]
    predicted = HEAPS_K * len(words) ** HEAPS_BETA
    assert 0.7 <= len(set(words)) / predicted <= 1.2


def test_every_lede_names_the_entrys_first_place_and_the_body_returns_to_it(archive):
    names = {place["id"]: place["name"] for place in yaml.safe_load((archive / "data" / "places.yml").read_text())}
    repeats = []
    for front, body in _entries(archive):
        words = [word.strip(".") for word in body]
        place = names[front["places"][0]]
        lede = " ".join(body).split(". ")[0].split()
        assert place in lede, front["title"]
        repeats.append(words.count(place))
    assert statistics.median(repeats) >= 3  # an article keeps naming its subject


def test_the_same_seed_gives_the_same_archive_and_another_seed_another(tmp_path):
    texts = {}
    for run, seed in (("a", 4), ("b", 4), ("c", 5)):
        content = generate_archive(tmp_path / run, 20, seed=seed)
        texts[run] = [path.read_bytes() for path in sorted((content / "articles").rglob("*.md"))]
    assert texts["a"] == texts["b"]
    assert not set(texts["a"]) & set(texts["c"])
