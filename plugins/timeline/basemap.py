"""The base map every event map is drawn on: Ukraine and its neighbours, and the one projection they share.

The outlines are Natural Earth country boundaries (public domain), clipped and
simplified into ``data/basemap.json`` by ``make_basemap`` and committed: the
build needs no network, no tiles and no map library. Marks and outlines go
through the same ``project`` so a mark always sits where its place is.

Projection: equirectangular with standard parallel 48.5° N (the middle of
Ukraine). Over the 10° of latitude shown its distortion stays under about
10 % at the edges, which a locator map can afford, and any reader can
check a mark with a pocket calculator: x = (lon − west) · cos 48.5° · scale,
y = (north − lat) · scale.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "basemap.json"
FRAME = (21.0, 43.6, 41.6, 53.4)  # west, south, east, north in degrees
STANDARD_PARALLEL = 48.5
WIDTH = 600                       # SVG units; the map scales to its column with CSS
COS = math.cos(math.radians(STANDARD_PARALLEL))
SCALE = WIDTH / ((FRAME[2] - FRAME[0]) * COS)
HEIGHT = round((FRAME[3] - FRAME[1]) * SCALE)


@dataclass(frozen=True)
class Point:
    x: float
    y: float


def project(lon: float, lat: float) -> Point:
    """Longitude and latitude in degrees → SVG coordinates on the base map (y grows southward)."""
    return Point(round((lon - FRAME[0]) * COS * SCALE, 1), round((FRAME[3] - lat) * SCALE, 1))


def in_frame(lon: float, lat: float) -> bool:
    west, south, east, north = FRAME
    return west <= lon <= east and south <= lat <= north


@dataclass(frozen=True)
class Country:
    code: str   # ISO 3166-1 numeric, as Natural Earth gives it
    name: str
    path: str   # SVG path data, relative moves in whole units


@dataclass(frozen=True)
class BaseMap:
    width: int
    height: int
    countries: tuple
    source: dict

    @property
    def home(self) -> Country:
        """Ukraine, drawn in its own colour."""
        return next(c for c in self.countries if c.name == "Ukraine")

    @property
    def neighbours(self) -> tuple:
        return tuple(c for c in self.countries if c.name != "Ukraine")


def ring_path(ring) -> str:
    """One ring as 'M x y l dx dy …z' with whole-unit relative steps: the shortest SVG text for it."""
    points = [project(lon, lat) for lon, lat in ring]
    x, y = round(points[0].x), round(points[0].y)
    parts = [f"M{x} {y}"]
    steps = []
    for point in points[1:]:
        nx, ny = round(point.x), round(point.y)
        if (nx, ny) != (x, y):
            steps.append(f"{nx - x} {ny - y}".replace(" -", "-"))
        x, y = nx, ny
    return parts[0] + ("l" + " ".join(steps) if steps else "") + "z"


@functools.lru_cache(maxsize=1)
def base_map() -> BaseMap:
    """The projected base map, read once per process (the data file is part of the code)."""
    document = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    countries = tuple(Country(c["id"], c["name"], "".join(ring_path(ring) for ring in c["rings"]))
                      for c in document["countries"])
    return BaseMap(WIDTH, HEIGHT, countries, document["source"])
