"""Land outlines for the partner map, read from ``data/geo/land_110m.json``.

A map drawn from a local outline needs no tile server, so the PDF, Word and HTML reports
show the same map offline. Without the file the map still shows the points on a grid.
"""

from __future__ import annotations

import itertools
import json
import math
from dataclasses import dataclass
from functools import cache

from advisor.paths import DATA_DIR

LAND_FILE = DATA_DIR / "geo" / "land_110m.json"
Ring = tuple[tuple[float, float], ...]


@cache
def land_rings() -> tuple[Ring, ...]:
    """Rings of (lon, lat) points, one per land mass; empty when the file is absent."""
    if not LAND_FILE.is_file():
        return ()
    rings = json.loads(LAND_FILE.read_text(encoding="utf-8")).get("rings", [])
    return tuple(_unwrap(tuple((float(lon), float(lat)) for lon, lat in r)) for r in rings)


def _unwrap(ring: Ring) -> Ring:
    """The ring made continuous across the antimeridian (Chukotka at 182 degrees rather than
    -178), so no edge runs across the whole map; then moved back to where most of it lies."""
    out, offset = [ring[0]], 0.0
    for (prev_lon, _), (lon, lat) in itertools.pairwise(ring):
        step = lon - prev_lon
        offset += -360.0 if step > 180 else 360.0 if step < -180 else 0.0
        out.append((lon + offset, lat))
    middle = sum(lon for lon, _ in out) / len(out)
    shift = -360.0 if middle > 180 else 360.0 if middle < -180 else 0.0
    return tuple((lon + shift, lat) for lon, lat in out)


@dataclass(frozen=True)
class Window:
    """A lon/lat rectangle and the vertical stretch that keeps shapes right at its latitude."""

    west: float
    east: float
    south: float
    north: float
    stretch: float

    @property
    def ratio(self) -> float:
        """Height over width of the drawn map."""
        return (self.north - self.south) * self.stretch / (self.east - self.west)


def map_window(points: list[tuple[float, float]], pad: float = 8.0) -> Window:
    """The rectangle around ``points`` (lon, lat) with a margin, at least 40 by 20 degrees,
    grown so the map is neither a thin strip nor a tall column on the page."""
    lons = [lon for lon, _ in points] or [0.0]
    lats = [lat for _, lat in points] or [0.0]
    west, east = _widen(min(lons) - pad, max(lons) + pad, 40.0)
    south, north = _widen(min(lats) - pad, max(lats) + pad, 20.0)
    stretch = min(2.0, 1 / max(0.5, math.cos(math.radians((south + north) / 2))))
    ratio = (north - south) * stretch / (east - west)
    if ratio < MIN_RATIO:
        south, north = _widen(south, north, MIN_RATIO * (east - west) / stretch)
    elif ratio > MAX_RATIO:
        west, east = _widen(west, east, (north - south) * stretch / MAX_RATIO)
    west, east = _clamp(west, east, -180.0, 180.0)
    south, north = _clamp(south, north, -60.0, 85.0)
    return Window(west, east, south, north, stretch)


MIN_RATIO, MAX_RATIO = 0.45, 0.75


def _widen(low: float, high: float, least: float) -> tuple[float, float]:
    missing = least - (high - low)
    return (low - missing / 2, high + missing / 2) if missing > 0 else (low, high)


def _clamp(low: float, high: float, floor: float, ceiling: float) -> tuple[float, float]:
    """Shift the range back inside [floor, ceiling] before cutting it, to keep its size."""
    if low < floor:
        low, high = floor, high + (floor - low)
    if high > ceiling:
        low, high = low - (high - ceiling), ceiling
    return max(low, floor), min(high, ceiling)
