"""A synthetic archive of any size, the same for the same seed, for benchmarks.

``generate_archive(path, n, seed)`` writes a complete content folder, the
layout of ``content/``: ``articles/YYYY/slug.md`` entries with valid front
matter (sections, topics, places, people, organisations, stories, sources,
events with casualties and claims, the odd post card), registries in
``data/*.yml`` and an About page.

Build and search figures are only as honest as the text they are measured on, so
the bodies are shaped like news text (``bench/README.md`` says where each figure
comes from):

- **Length.** Words per body follow a log-normal around the median news article
  (650 words; ``body_length``), redrawn outside 300–1,500: most bodies are
  400–1,000 words, a few are long features.
- **Words.** About 45 % of running text is function words (the, of, to …);
  the rest is drawn with Zipf-like frequencies from real news words and made-up
  ones. The vocabulary grows with the archive as Heaps' law says a real
  collection's does (``vocabulary_size``), so a 50,000-entry archive has more
  distinct terms than a 5,000-entry one, as it would.
- **Bursts.** Each entry repeats its own key terms (its places, people and a
  handful of topical words) the way an article keeps naming its subject, and
  the odd number (a toll, a year) appears as in real reports.
- **Sentences and paragraphs.** Sentences of about 21 words (6–40), in
  paragraphs of one to three sentences, as news is written.

Everything is drawn from one ``random.Random(seed)``: the same seed gives the
same bytes, another seed another vocabulary and other texts.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
import shutil
from pathlib import Path

NEWS_WORDS = (
    "attack strike missile drone city region officials said killed injured children residential building "
    "governor president minister talks ceasefire troops force border aid weapons defence air overnight "
    "shelling damage power grid energy infrastructure hospital school market train station bridge port "
    "village front line offensive counteroffensive artillery brigade units soldiers civilians evacuation "
    "humanitarian corridor sanctions embassy ambassador envoy summit meeting statement claim report video "
    "social media post army navy fleet ships grain exports prisoners exchange negotiations agreement "
    "security guarantees peacekeeping mission budget funding package delivery tanks jets systems radar "
    "interceptors shot down launched fired hit struck destroyed repaired restored blackout heating water "
    "mayor council police emergency services rescue rubble casualties toll rose funeral mourning"
).split()
# The commonest English function words, commonest first (their order sets their Zipf ranks).
FUNCTION_WORDS = (
    "the of to and a in that said on for is was with by at from as it has have were be are an not after "
    "their which its this who been had they but also more than over about into two his her he she we our "
    "would will could there other some all when while since before during against under three"
).split()
SYLLABLES = ("ka ri vo lo mi na de sta pol gor vin bra tel zhy chu kov len dor mar sel pet ros ta ne "
             "ha ly bo ve za ki ro du sha me ga ni to ze ru").split()
EVENT_KINDS = [("missile-strike", "Missile strike"), ("drone-attack", "Drone attack"), ("shelling", "Shelling"),
               ("meeting", "Meeting"), ("statement", "Statement"), ("aid-decision", "Aid decision"),
               ("claim", "Claim"), ("air-defence", "Air defence")]
SECTIONS = [("strikes", "Strikes"), ("diplomacy", "Diplomacy"), ("military-aid", "Military aid"),
            ("claims", "Claims"), ("media", "Media"), ("front-line", "Front line")]


BODY_MEDIAN_WORDS, BODY_MIN_WORDS, BODY_MAX_WORDS = 650, 300, 1500
BODY_LOG_SPREAD = 0.35  # sigma of log(words): 90 % of bodies fall between about 380 and 1,130 words
# Heaps' law, V = K * tokens ** BETA, with the constants Manning, Raghavan and Schütze
# (Introduction to Information Retrieval, 5.1.1) fit to Reuters RCV1 news: K 44, BETA 0.49.
HEAPS_K, HEAPS_BETA = 44, 0.49
MIN_VOCABULARY = 6000
# What a token of running text is: a function word, one of the entry's key terms, a number, or a content word.
TOKEN_KINDS = ("function", "key", "number", "content")
TOKEN_SHARES = (0.45, 0.05, 0.015, 0.485)
SENTENCE_MEAN_WORDS, SENTENCE_SD_WORDS, SENTENCE_MIN_WORDS, SENTENCE_MAX_WORDS = 21, 7, 6, 40
KEY_TOPICAL_WORDS = 6


def body_length(rng: random.Random) -> int:
    """Words in one body: log-normal around the median news article, redrawn until within 300–1,500."""
    while True:
        words = round(rng.lognormvariate(math.log(BODY_MEDIAN_WORDS), BODY_LOG_SPREAD))
        if BODY_MIN_WORDS <= words <= BODY_MAX_WORDS:
            return words


def vocabulary_size(entries: int) -> int:
    """Distinct content words an archive of ``entries`` bodies would use (Heaps' law on its running words)."""
    return max(MIN_VOCABULARY, int(HEAPS_K * (max(entries, 1) * BODY_MEDIAN_WORDS) ** HEAPS_BETA))


def sentence_lengths(rng: random.Random, total: int) -> list[int]:
    """Lengths of the sentences of a ``total``-word text: about 21 words each, summing to exactly ``total``."""
    lengths, left = [], total
    while left > 0:
        length = min(SENTENCE_MAX_WORDS, max(SENTENCE_MIN_WORDS, round(rng.gauss(SENTENCE_MEAN_WORDS,
                                                                                 SENTENCE_SD_WORDS))))
        if left - length < SENTENCE_MIN_WORDS:  # no stub sentence at the end: the last one takes the rest
            length = left if left <= SENTENCE_MAX_WORDS else left - SENTENCE_MIN_WORDS
        lengths.append(length)
        left -= length
    return lengths


def _made_up(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def _name(rng: random.Random, parts: int = 1) -> str:
    return " ".join(_made_up(rng, rng.randint(2, 3)).capitalize() for _ in range(parts))


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _registry(rng, count, kind, parts, extra=None):
    entities, seen = [], set()
    while len(entities) < count:
        name = _name(rng, parts)
        slug = _slug(name)
        if slug in seen:
            continue
        seen.add(slug)
        alias = name.replace("o", "a", 1) if "o" in name else name + "e"
        entity = {"id": slug, "name": name, "aliases": [alias] if _slug(alias) not in seen else []}
        seen.add(_slug(alias))
        entity.update(extra(rng) if extra else {})
        entities.append(entity)
    return entities


def _yaml_list(entities) -> str:
    import yaml

    return yaml.safe_dump(entities, allow_unicode=True, sort_keys=False, width=1000)


class _Words:
    """Draws words as news text uses them: function words, Zipf-distributed content words, key terms, numbers."""

    def __init__(self, rng: random.Random, size: int = MIN_VOCABULARY):
        made_up, seen = [], set(NEWS_WORDS) | set(FUNCTION_WORDS)
        while len(made_up) < size - len(NEWS_WORDS):  # distinct words, or the vocabulary would be smaller than said
            word = _made_up(rng, rng.randint(1, 4))
            if word not in seen:
                seen.add(word)
                made_up.append(word)
        news = list(NEWS_WORDS)
        rng.shuffle(news)
        rng.shuffle(made_up)
        self.vocabulary = news + made_up  # real news words are the common ones
        # Zipf-like, with the head flattened: the commonest indexed word is about 1 in 60, as in news text.
        self.cumulative = list(itertools.accumulate(1 / (rank + 20) ** 1.05 for rank in range(len(self.vocabulary))))
        # "the" about 6 % of running text, as in English news.
        self.function_cumulative = list(itertools.accumulate(1 / (rank + 2) for rank in range(len(FUNCTION_WORDS))))
        self.kind_cumulative = list(itertools.accumulate(TOKEN_SHARES))
        self.rng = rng

    def content(self, count: int) -> list[str]:
        return self.rng.choices(self.vocabulary, cum_weights=self.cumulative, k=count)

    def sentence(self, low=6, high=18) -> str:
        """A headline-like run of content words (titles, summaries, claims)."""
        return " ".join(self.content(self.rng.randint(low, high))).capitalize() + "."

    def key_terms(self, names: list[str]) -> list[str]:
        """What one entry keeps coming back to: its names (a person by surname, as a report names them once
        introduced) and a few topical words of its own."""
        return [name.split()[-1] for name in names] + self.content(KEY_TOPICAL_WORDS)

    def prose(self, length: int, key_terms: list[str], lede: bool = False) -> str:
        """A sentence of running text, ``length`` words long; a lede names the entry's main subject."""
        rng = self.rng
        kinds = rng.choices(TOKEN_KINDS, cum_weights=self.kind_cumulative, k=length)
        if lede:
            kinds[rng.randrange(1, length)] = "lede"
        function = iter(rng.choices(FUNCTION_WORDS, cum_weights=self.function_cumulative, k=kinds.count("function")))
        content = iter(self.content(kinds.count("content")))
        draw = {"function": lambda: next(function), "content": lambda: next(content), "lede": lambda: key_terms[0],
                "key": lambda: rng.choice(key_terms), "number": lambda: str(rng.choice((rng.randint(2, 99),
                                                                                       rng.randint(2014, 2026))))}
        words = [draw[kind]() for kind in kinds]
        return " ".join(words)[:1].upper() + " ".join(words)[1:] + "."

    def body(self, words: int, key_terms: list[str]) -> list[str]:
        """Paragraphs of one to three sentences, ``words`` words in all, the first naming ``key_terms[0]``."""
        sentences = [self.prose(length, key_terms, lede=number == 0)
                     for number, length in enumerate(sentence_lengths(self.rng, words))]
        paragraphs = []
        while sentences:
            take = self.rng.randint(1, 3)
            paragraphs.append(" ".join(sentences[:take]))
            sentences = sentences[take:]
        return paragraphs


def _entry(rng, words, registries, index, when) -> tuple[str, str]:
    pick = lambda kind, low, high: [e["id"] for e in rng.sample(registries[kind], rng.randint(low, high))]  # noqa: E731
    places, people = pick("places", 1, 3), pick("people", 0, 3)
    place_names = {e["id"]: e["name"] for e in registries["places"]}
    title = f"{words.sentence(4, 9)[:-1]} in {place_names[places[0]]}"
    events = []
    for number in range(rng.randint(0, 3)):
        day = when.date() - dt.timedelta(days=rng.randint(0, 20))
        event = {"date": day.isoformat() if rng.random() < 0.8 else day.strftime("%Y-%m"),
                 "place": rng.choice(places), "kind": rng.choice(EVENT_KINDS)[0], "summary": words.sentence()}
        if rng.random() < 0.3:
            event["casualties"] = {"killed": rng.randint(0, 30), "injured": rng.randint(0, 90), "source": 1}
        if rng.random() < 0.2:
            event["claims"] = [{"by": rng.choice(registries["organisations"])["id"], "says": words.sentence(),
                                "status": rng.choice(["confirmed", "unverified", "disputed", "false"]), "source": 1}]
        events.append(event)
    front = {
        "title": title,
        "date": when.isoformat(timespec="minutes"),
        "summary": words.sentence(12, 30),
        "section": rng.choice(SECTIONS)[0],
        "topics": pick("topics", 1, 3),
        "places": places,
        "people": people,
        "organisations": pick("organisations", 0, 2),
        "status": "published",
        "sources": [{"publisher": _name(rng, 2), "url": f"https://example.org/{index}/{n}"}
                    for n in range(rng.randint(1, 2))],
    }
    if rng.random() < 0.5:
        front["story"] = rng.choice(registries["stories"])["id"]
    if events:
        front["events"] = events
    names = {e["id"]: e["name"] for kind in ("places", "people") for e in registries[kind]}
    body = words.body(body_length(rng), words.key_terms([names[i] for i in places + people]))
    if rng.random() < 0.1:
        body.append(f"::: post\nauthor: {_name(rng, 2)}\nplatform: X\ndate: {when.date().isoformat()}\n"
                    f"url: https://example.org/post/{index}\n\n{words.sentence()}\n:::")
    import yaml

    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000) + "---\n"
    return f"{index:05d}-{_slug(title)[:60].rstrip('-')}", text + "\n\n".join(body) + "\n"


def generate_archive(path, n: int, seed: int = 0) -> Path:
    """Write a content folder of ``n`` published entries under ``path`` (replacing it); return the path."""
    rng = random.Random(seed)
    root = Path(path)
    if root.exists():
        shutil.rmtree(root)
    (root / "data").mkdir(parents=True)
    registries = {
        "people": _registry(rng, max(20, n // 20), "people", 2, lambda r: {"role": "Official"}),
        "places": _registry(rng, max(20, n // 30), "places", 1, lambda r: {"kind": "city", "country": "Ukraine"}),
        "organisations": _registry(rng, max(10, n // 80), "organisations", 2),
        "topics": _registry(rng, 30, "topics", 1),
        "stories": _registry(rng, max(5, n // 150), "stories", 2),
    }
    registries["sections"] = [{"id": i, "name": name, "aliases": []} for i, name in SECTIONS]
    registries["event-kinds"] = [{"id": i, "name": name, "aliases": []} for i, name in EVENT_KINDS]
    for kind, entities in registries.items():
        (root / "data" / f"{kind}.yml").write_text(_yaml_list(entities), encoding="utf-8")
    words = _Words(rng, vocabulary_size(n))
    start = dt.datetime(2022, 2, 24, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    step = dt.timedelta(days=3 * 365) / max(n, 1)
    for index in range(n):
        when = (start + step * index + dt.timedelta(minutes=rng.randint(0, 600))).replace(second=0, microsecond=0)
        slug, text = _entry(rng, words, registries, index, when)
        target = root / "articles" / str(when.year) / f"{slug}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (root / "pages").mkdir()
    (root / "pages" / "about.md").write_text("---\ntitle: About\nsummary: A synthetic archive.\n---\n"
                                            "Generated for benchmarks.\n", encoding="utf-8")
    return root
