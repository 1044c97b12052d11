"""Make the committed base map (``data/basemap.json``) from Natural Earth, as the world-atlas package ships it.

Run by a maintainer, never by the build::

    npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    python -m plugins.timeline.make_basemap package/countries-50m.json

It decodes the TopoJSON, keeps the countries that reach into the map's
frame (Ukraine and its neighbours), clips them to the frame, simplifies each
ring (Ramer–Douglas–Peucker) and rounds to 0.01°, so the file stays small
and every page's inline SVG stays a few kilobytes. The build projects these
longitudes and latitudes with ``basemap.project``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .basemap import DATA_FILE, FRAME

TOLERANCE = 0.04      # degrees: what a 1:50m outline loses at ~45 px per degree is under 2 px
MIN_RING_AREA = 0.02  # square degrees: islets smaller than this vanish at this scale
SOURCE = {
    "name": "Natural Earth 1:50m Admin 0 countries, version 4.1.0",
    "via": "npm package world-atlas 2.0.2 (countries-50m.json)",
    "licence": "Natural Earth: public domain (naturalearthdata.com/about/terms-of-use); "
               "world-atlas packaging: ISC, Copyright 2013-2019 Michael Bostock",
    "changes": "clipped to the frame, simplified (Ramer-Douglas-Peucker, 0.04 degrees), rounded to 0.01 degrees; "
               "Crimea drawn as part of Ukraine (internationally recognised borders, UN GA resolution 68/262)",
}


def decode_arcs(topology) -> list:
    """The topology's arcs as absolute [lon, lat] points (delta-decoded and un-quantised)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indexes, arcs) -> list:
    """One ring from its arc indexes (a negative index is arc ~i reversed); shared end points kept once."""
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return points


def polygons_of(geometry) -> list:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def clip(ring, west, south, east, north) -> list:
    """Sutherland–Hodgman clipping of a ring to the frame (a rectangle, so convex)."""
    edges = [(0, west, True), (0, east, False), (1, south, True), (1, north, False)]
    for axis, bound, keep_above in edges:
        if not ring:
            break
        inside = (lambda p: p[axis] >= bound) if keep_above else (lambda p: p[axis] <= bound)
        result = []
        for i, current in enumerate(ring):
            previous = ring[i - 1]
            if inside(current):
                if not inside(previous):
                    result.append(_cross(previous, current, axis, bound))
                result.append(current)
            elif inside(previous):
                result.append(_cross(previous, current, axis, bound))
        ring = result
    return ring


def _cross(a, b, axis, bound):
    t = (bound - a[axis]) / (b[axis] - a[axis])
    other = 1 - axis
    point = [0.0, 0.0]
    point[axis], point[other] = bound, a[other] + t * (b[other] - a[other])
    return tuple(point)


def simplify(points, tolerance) -> list:
    """Ramer–Douglas–Peucker on an open line (iterative, so long coastlines do not recurse deeply)."""
    if len(points) < 3:
        return list(points)
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5 or 1e-12
        worst, worst_at = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if distance > worst:
                worst, worst_at = distance, i
        if worst_at is not None and worst > tolerance:
            keep.add(worst_at)
            stack += [(first, worst_at), (worst_at, last)]
    return [points[i] for i in sorted(keep)]


def simplify_ring(ring, tolerance) -> list:
    """A closed ring simplified as two open lines, split at the point farthest from its first."""
    ax, ay = ring[0]
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ax) ** 2 + (ring[i][1] - ay) ** 2)
    return simplify(ring[:far + 1], tolerance)[:-1] + simplify(ring[far:] + [ring[0]], tolerance)[:-1]


def area(ring) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def country_rings(polygons, arcs) -> list:
    """Clipped, simplified, rounded rings of one country (outer rings and holes alike)."""
    west, south, east, north = FRAME
    margin = 0.5
    rings = []
    for polygon in polygons:
        for indexes in polygon:
            ring = clip(ring_points(indexes, arcs), west - margin, south - margin, east + margin, north + margin)
            if len(ring) < 3 or area(ring) < MIN_RING_AREA:
                continue
            ring = simplify_ring(ring, TOLERANCE)
            rounded = [[round(x, 2), round(y, 2)] for x, y in ring]
            deduped = [p for i, p in enumerate(rounded) if p != rounded[i - 1]]
            if len(deduped) >= 3:
                rings.append(deduped)
    return rings


def make(topology_path: Path) -> dict:
    topology = json.loads(Path(topology_path).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    geometries = topology["objects"]["countries"]["geometries"]
    crimea = [p for g in geometries if g["properties"]["name"] == "Russia" for p in polygons_of(g)
              if _is_crimea(ring_points(p[0], arcs))]
    countries = []
    for geometry in geometries:
        name = geometry["properties"]["name"]
        polygons = [p for p in polygons_of(geometry) if p not in crimea]
        if name == "Ukraine":
            polygons += crimea
        rings = country_rings(polygons, arcs)
        if rings:
            countries.append({"id": geometry.get("id", ""), "name": name, "rings": rings})
    countries.sort(key=lambda c: (c["name"] != "Ukraine", c["name"]))
    return {"source": SOURCE, "frame": list(FRAME), "countries": countries}


def _is_crimea(ring) -> bool:
    """The peninsula: a polygon lying wholly between 32–37° E and 44–46.3° N."""
    return all(32 <= x <= 37 and 44 <= y <= 46.3 for x, y in ring)


def main(argv) -> int:
    if len(argv) != 1:
        print("usage: python -m plugins.timeline.make_basemap path/to/world-atlas/countries-50m.json", file=sys.stderr)
        return 2
    document = make(Path(argv[0]))
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    DATA_FILE.write_text(text + "\n", encoding="utf-8")
    print(f"{DATA_FILE}: {len(document['countries'])} countries, {len(text)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
