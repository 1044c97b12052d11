"""A synthetic archive of any size, the same for the same seed, for benchmarks.

``generate_archive(path, n, seed)`` writes a complete content folder, the
layout of ``content/``: ``articles/YYYY/slug.md`` entries with valid front
matter (sections, topics, places, people, organisations, stories, sources,
events with casualties and claims, the odd post card), registries in
``data/*.yml`` and an About page. Words follow a Zipf-like distribution over
a vocabulary of real news words and made-up ones, so index sizes and query
costs behave like a real archive's.
"""

from __future__ import annotations

import datetime as dt
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
SYLLABLES = ("ka ri vo lo mi na de sta pol gor vin bra tel zhy chu kov len dor mar sel pet ros ta ne "
             "ha ly bo ve za ki ro du sha me ga ni to ze ru").split()
EVENT_KINDS = [("missile-strike", "Missile strike"), ("drone-attack", "Drone attack"), ("shelling", "Shelling"),
               ("meeting", "Meeting"), ("statement", "Statement"), ("aid-decision", "Aid decision"),
               ("claim", "Claim"), ("air-defence", "Air defence")]
SECTIONS = [("strikes", "Strikes"), ("diplomacy", "Diplomacy"), ("military-aid", "Military aid"),
            ("claims", "Claims"), ("media", "Media"), ("front-line", "Front line")]


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
    """Draws words with Zipf-like frequencies from news words and made-up ones."""

    def __init__(self, rng: random.Random, size: int = 6000):
        made_up = []
        while len(made_up) < size - len(NEWS_WORDS):
            made_up.append(_made_up(rng, rng.randint(1, 4)))
        news = list(NEWS_WORDS)
        rng.shuffle(news)
        rng.shuffle(made_up)
        self.vocabulary = news + made_up  # real news words are the common ones
        # Zipf-like, with the head flattened: the commonest indexed word is about 1 in 60, as in news text.
        self.weights = [1 / (rank + 20) ** 1.05 for rank in range(len(self.vocabulary))]
        self.rng = rng

    def sentence(self, low=6, high=18) -> str:
        words = self.rng.choices(self.vocabulary, self.weights, k=self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def paragraph(self, sentences=(2, 6)) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(*sentences)))


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
    body = [words.paragraph() for _ in range(rng.randint(3, 6))]
    for person in people[:1]:
        name = next(e["name"] for e in registries["people"] if e["id"] == person)
        body.insert(1, f"{name} said: {words.sentence()}")
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
    words = _Words(rng)
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
