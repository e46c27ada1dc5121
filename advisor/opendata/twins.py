"""The twinning graph: which towns are twinned with which (data/ties/twin_towns.csv)."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from advisor.geo.names import fold
from advisor.paths import DATA_DIR

TWINS_CSV = DATA_DIR / "ties" / "twin_towns.csv"


@dataclass(frozen=True)
class TwinRef:
    """One side of a twinning pair, as the data names it."""

    name: str
    country: str
    geonameid: int | None
    lat: float | None
    lon: float | None


def node_keys(name: str, country: str, geonameid: int | None = None) -> list[str]:
    """Keys a place is known by in the graph: its GeoNames id and its folded name."""
    keys = [f"n:{fold(name)}|{country.upper()}"]
    return [f"g:{geonameid}", *keys] if geonameid else keys


def _float(text: str) -> float | None:
    return float(text) if text else None


class TwinGraph:
    """Adjacency of twin towns, reachable by GeoNames id or by name and country."""

    def __init__(self, pairs: list[tuple[TwinRef, TwinRef]]) -> None:
        self._partners: dict[str, dict[str, TwinRef]] = defaultdict(dict)
        self._refs: dict[str, TwinRef] = {}
        for a, b in pairs:
            self._link(a, b)
            self._link(b, a)

    def _link(self, a: TwinRef, b: TwinRef) -> None:
        b_key = node_keys(b.name, b.country, b.geonameid)[0]
        for key in node_keys(a.name, a.country, a.geonameid):
            self._partners[key][b_key] = b
            self._refs.setdefault(key, a)

    def partners(self, name: str, country: str, geonameid: int | None = None) -> list[TwinRef]:
        """Twin towns of a place, each once, whichever key the data used for it."""
        found: dict[str, TwinRef] = {}
        for key in node_keys(name, country, geonameid):
            found.update(self._partners.get(key, {}))
        return sorted(found.values(), key=lambda r: (r.country, r.name))

    def resolved_places(self) -> Iterator[tuple[TwinRef, int]]:
        """Every place with a GeoNames id, with its number of twin towns."""
        for key, partners in self._partners.items():
            if key.startswith("g:"):
                yield self._refs[key], len(partners)

    def __len__(self) -> int:
        return sum(len(p) for p in self._partners.values())


def load_twins(path: Path = TWINS_CSV) -> TwinGraph:
    pairs = []
    with path.open(encoding="utf-8", newline="") as src:
        for row in csv.DictReader(src):
            a, b = (
                TwinRef(
                    row[f"name_{s}"],
                    row[f"country_{s}"],
                    int(row[f"geonameid_{s}"]) if row[f"geonameid_{s}"] else None,
                    _float(row[f"lat_{s}"]),
                    _float(row[f"lon_{s}"]),
                )
                for s in "ab"
            )
            pairs.append((a, b))
    return TwinGraph(pairs)
