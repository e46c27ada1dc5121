"""Turn Natural Earth's 1:110m land TopoJSON (npm package world-atlas) into
data/geo/land_110m.json: a list of rings of [lon, lat] for drawing offline world maps.

    npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python tools/build_land_outline.py package/land-110m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "geo" / "land_110m.json"


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (TopoJSON stores quantized deltas)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indices: list[int]) -> list[list[float]]:
    points: list[list[float]] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend([list(p) for p in (arc[1:] if points else arc)])
    return points


def main() -> None:
    topo = json.loads(Path(sys.argv[1]).read_text())
    arcs = decode_arcs(topo)
    rings = []
    for geometry in topo["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings.extend(ring(arcs, r) for polygon in polygons for r in polygon)
    OUT.write_text(
        json.dumps(
            {
                "source": "Natural Earth 1:110m land, via the npm package world-atlas 2.0.2",
                "licence": "Natural Earth: public domain; "
                "world-atlas: ISC (c) 2013-2019 Michael Bostock",
                "rings": rings,
            },
            separators=(",", ":"),
        )
    )
    print(f"{len(rings)} rings, {sum(len(r) for r in rings)} points -> {OUT}")


if __name__ == "__main__":
    main()
