"""Places proposed from the gazetteer, written where the maintainer accepts them: places.yml.

They are appended as ordinary registry entries (so the draft that uses them
validates) under a comment block marked ``GUESS`` that says where each came
from. The draft itself marks the place with a ``# GUESS:`` comment, which
``invoke check`` refuses in a published entry: accepting the place means
reviewing this block and deleting the draft's comment. Existing entries of the
file are never rewritten.
"""

from __future__ import annotations

import json


def append_proposals(path, places, proposals, draft_path, now) -> None:
    """Append one marked block holding every proposed place."""
    lines = ["", f"# GUESS: proposed by invoke import on {now:%Y-%m-%d} for {draft_path}, from "
             "GeoNames; not reviewed yet.", "# Check each name, alias and coordinate, then delete these two comment "
             "lines (and the GUESS comment in the draft)."]
    for place in places:
        found = proposals[place.id][0]
        lines += [f"- id: {place.id}  # GeoNames {found.geonameid}, population {found.population:,}",
                  f"  name: {json.dumps(place.name, ensure_ascii=False)}"]
        if place.aliases:
            lines.append("  aliases: [" + ", ".join(json.dumps(a, ensure_ascii=False) for a in place.aliases) + "]")
        lines += [f"  description: {json.dumps(place.description, ensure_ascii=False)}", f"  kind: {place.kind}"]
        if place.country:
            lines.append(f"  country: {json.dumps(place.country, ensure_ascii=False)}")
        lines += [f"  lat: {place.lat}", f"  lon: {place.lon}"]
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(("" if text.endswith("\n") or not text else "\n") + "\n".join(lines) + "\n")
