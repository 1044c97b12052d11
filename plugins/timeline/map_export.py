"""The event map as data, for pages that choose their events in the browser (the search results).

``timeline/map/base.json`` holds the base map, the projected places and the
mark sizes; the entries' places are split into ``timeline/map/entries-N.json``
shards by a hash of the entry's address, so a results page fetches the base
and only the shards of the entries it shows, however large the archive.
``theme/static/js/search-map.js`` draws from these with the same sizes and
the same projection as the pages drawn at build time.
"""

from __future__ import annotations

import json
import math

from .basemap import base_map, in_frame, project
from .maps import AREA_MIN_RADIUS, MAX_RADIUS, MIN_RADIUS, RADIUS_PER_ROOT, harmed, scale_of

ENTRIES_PER_SHARD = 500
FOLDER = "timeline/map"


def fnv1a(text: str) -> int:
    """32-bit FNV-1a of the UTF-8 text: tiny, and the same in search-map.js (no crypto needed)."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def shard_count(entries: int) -> int:
    return max(1, math.ceil(entries / ENTRIES_PER_SHARD))


def place_record(place) -> list:
    """[x, y, name, scale]; x and y are null for a place outside the frame or without coordinates."""
    if place.lat is None or place.lon is None or not in_frame(place.lon, place.lat):
        return [None, None, place.name, scale_of(place)]
    point = project(place.lon, place.lat)
    return [point.x, point.y, place.name, scale_of(place)]


def map_files(events, places) -> dict:
    """Output path -> JSON text of the base document and every shard."""
    by_entry = {}
    for event in events:
        by_entry.setdefault(event.article_url, []).append([event.place, harmed(event)])
    count = shard_count(len(by_entry))
    shards = [{} for _ in range(count)]
    for url, marks in by_entry.items():
        shards[fnv1a(url) % count][url] = marks
    basemap = base_map()
    used = sorted({event.place for event in events})
    base = {
        "width": basemap.width, "height": basemap.height,
        "home": basemap.home.path, "neighbours": "".join(c.path for c in basemap.neighbours),
        "radius": {"min": MIN_RADIUS, "perRoot": RADIUS_PER_ROOT, "max": MAX_RADIUS, "floor": AREA_MIN_RADIUS},
        "shards": count,
        "places": {place_id: place_record(places[place_id]) for place_id in used},
    }
    files = {f"{FOLDER}/base.json": _json(base)}
    for number, shard in enumerate(shards):
        files[f"{FOLDER}/entries-{number}.json"] = _json(shard)
    return files


def _json(document) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
