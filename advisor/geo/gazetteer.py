"""Find places by name (any script, accents and case ignored, prefixes, typos), by id,
and resolve a (name, country, coordinates) triple to a GeoNames place when it is sure.

Backed by the compact index of :mod:`advisor.geo.index`; one instance per process.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from rapidfuzz import fuzz, process

from advisor.geo.index import IndexData, RawView, load_or_build
from advisor.geo.names import fold
from advisor.geo.regions import region_names

MatchKind = Literal["exact", "alternate", "prefix", "fuzzy"]
_BASE = {"exact": 1.0, "alternate": 0.93, "prefix": 0.75, "fuzzy": 0.6}
PREFIX_SCAN = 4000
"""Most keys a prefix search reads; enough for 'san' in any country."""


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    country: str
    region: str
    population: int
    lat: float
    lon: float
    local_name: str = ""
    """The name in the country's own script ('平戸市'), when the alternate names tell it."""


@dataclass(frozen=True)
class Hit:
    place: Place
    score: float
    match: MatchKind
    matched: str


@dataclass(frozen=True)
class Resolution:
    """A name resolved to a place ('resolved'), several equally likely ('ambiguous'), or none."""

    status: Literal["resolved", "ambiguous", "unresolved"]
    place: Place | None = None
    distance_km: float | None = None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@dataclass
class Gazetteer:
    data: IndexData
    _sorted_ids: array = field(default_factory=lambda: array("i"), repr=False)
    _rows_by_id: array = field(default_factory=lambda: array("i"), repr=False)
    _fuzzy: dict[str, tuple[list[str], list[int]]] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.data.geonameid)

    def place(self, row: int) -> Place:
        d = self.data
        admin = d.admin_codes[d.admin1[row]]
        return Place(
            geonameid=d.geonameid[row],
            name=d.names[row],
            country=d.countries[d.country[row]],
            region=region_names().get(admin, ""),
            population=d.population[row],
            lat=round(d.lat[row], 5),
            lon=round(d.lon[row], 5),
            local_name=d.local_names[row] if row < len(d.local_names) else "",
        )

    def country_of(self, row: int) -> str:
        return self.data.countries[self.data.country[row]]

    def get(self, geonameid: int) -> Place | None:
        if not self._sorted_ids:
            ids = self.data.geonameid
            order = sorted(range(len(ids)), key=ids.__getitem__)
            self._rows_by_id = array("i", order)
            self._sorted_ids = array("i", (ids[r] for r in order))
        i = bisect_left(self._sorted_ids, geonameid)
        if i < len(self._sorted_ids) and self._sorted_ids[i] == geonameid:
            return self.place(self._rows_by_id[i])
        return None

    def rows_named(self, name: str, country: str) -> set[int]:
        """Rows of the places in ``country`` with ``name`` (folded) as a name or an
        alternate name: every namesake, however unlikely."""
        return {
            r for r, _ in self._key_rows(fold(name), prefix=False) if self.country_of(r) == country
        }

    def _key_rows(self, key: str, prefix: bool) -> Iterator[tuple[int, bytes]]:
        """(row, key) of index keys equal to ``key``, or starting with it."""
        wanted = key.encode("utf-8")
        view = RawView(self.data.keys)
        start = bisect_left(view, wanted)
        for i in range(start, min(start + PREFIX_SCAN, len(view))):
            found = view[i]
            if found == wanted or (prefix and found.startswith(wanted)):
                yield self.data.key_rows[i], found
            elif not found.startswith(wanted):
                return

    def _fuzzy_choices(self, country: str | None) -> tuple[list[str], list[int]]:
        """Folded primary names (and their rows) to run typo-tolerant matching over."""
        tag = country or "*"
        if tag not in self._fuzzy:
            if country is None:
                rows = list(range(len(self)))
            else:
                codes = self.data.countries
                wanted = next((i for i in range(len(codes)) if codes[i] == country), -1)
                rows = [r for r, c in enumerate(self.data.country) if c == wanted]
            self._fuzzy[tag] = ([self.data.folded_names[r] for r in rows], rows)
        return self._fuzzy[tag]

    def warm(self) -> Gazetteer:
        """Prepare the lookup tables a first search would otherwise build."""
        self._fuzzy_choices(None)
        self.get(0)
        return self

    def search(self, text: str, country: str | None = None, limit: int = 10) -> list[Hit]:
        """Places named like ``text``, best first: exact names, alternate names, prefixes,
        then near spellings; population breaks ties."""
        query = fold(text)
        if not query:
            return []
        best: dict[int, tuple[float, MatchKind, str]] = {}

        def offer(row: int, kind: MatchKind, closeness: float, matched: str) -> None:
            if country and self.country_of(row) != country:
                return
            size = min(1.0, math.log10(self.data.population[row] + 1) / 7)
            score = _BASE[kind] + 0.2 * closeness + 0.05 * size
            if row not in best or score > best[row][0]:
                best[row] = (score, kind, matched)

        for row, key in self._key_rows(query, prefix=True):
            decoded = key.decode("utf-8")
            primary = self.data.folded_names[row]
            if decoded == query and primary == decoded:
                offer(row, "exact", 1.0, decoded)
            elif decoded == query:
                # 'Noordwijk' is an alternate name of Noordwijk-Binnen and, historically, of
                # Jayapura: the place whose own name starts with it is the likelier one.
                offer(row, "alternate", 1.0 if primary.startswith(query) else 0.5, decoded)
            else:
                offer(row, "prefix", len(query) / len(decoded), decoded)
        if len(best) < limit:
            names, rows = self._fuzzy_choices(country)
            for name, ratio, i in process.extract(
                query, names, scorer=fuzz.ratio, limit=limit * 2, score_cutoff=75
            ):
                offer(rows[i], "fuzzy", ratio / 100, name)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
        return [
            Hit(self.place(row), round(score, 4), kind, matched)
            for row, (score, kind, matched) in ranked
        ]

    def resolve(
        self,
        name: str,
        country: str,
        lat: float | None = None,
        lon: float | None = None,
        max_km: float = 30.0,
    ) -> Resolution:
        """The place a (name, country[, coordinates]) record means, when that is sure.

        Sure means: the name (or an alternate name) matches exactly in that country, and
        either the coordinates lie within ``max_km`` of one candidate clearly nearer than
        any other, or, without coordinates, there is one candidate or one that is ten
        times larger than the next.
        """
        rows = {
            row
            for row, _ in self._key_rows(fold(name), prefix=False)
            if self.country_of(row) == country
        }
        if not rows:
            return Resolution("unresolved")
        if lat is None or lon is None:
            return self._by_size(sorted(rows, key=lambda r: -self.data.population[r]))
        near = sorted((distance_km(lat, lon, self.data.lat[r], self.data.lon[r]), r) for r in rows)
        (d1, r1), second = near[0], near[1][0] if len(near) > 1 else math.inf
        if d1 > max_km:
            return Resolution("unresolved", distance_km=round(d1, 1))
        if second <= max_km and second < 2 * d1 + 2:
            return Resolution("ambiguous", self.place(r1), round(d1, 1))
        return Resolution("resolved", self.place(r1), round(d1, 1))

    def _by_size(self, rows: list[int]) -> Resolution:
        pops = [self.data.population[r] for r in rows]
        if len(rows) == 1 or pops[0] >= 10 * max(pops[1], 1):
            return Resolution("resolved", self.place(rows[0]))
        return Resolution("ambiguous", self.place(rows[0]))


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (index loaded from cache, built on first use)."""
    return Gazetteer(load_or_build()).warm()
