"""All open data in one object, loaded once per process."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from advisor.geo.gazetteer import Gazetteer, Place, gazetteer
from advisor.opendata.covenant import Signatory, load_signatories
from advisor.opendata.twins import TwinGraph, TwinRef, load_twins


@dataclass(frozen=True)
class Twinner:
    """A resolved place of the twinning graph, with its size and number of twin towns."""

    ref: TwinRef
    place: Place
    ties: int


@dataclass
class OpenData:
    gazetteer: Gazetteer
    twins: TwinGraph
    covenant: tuple[Signatory, ...]
    _twinners: dict[str, list[Twinner]] = field(default_factory=dict, repr=False)

    def twinners(self, country: str) -> list[Twinner]:
        """Resolved places of ``country`` in the twinning graph, most ties first."""
        if not self._twinners:
            by_country: dict[str, list[Twinner]] = defaultdict(list)
            for ref, ties in self.twins.resolved_places():
                place = self.gazetteer.get(ref.geonameid or 0)
                if place is not None:
                    by_country[place.country].append(Twinner(ref, place, ties))
            for items in by_country.values():
                items.sort(key=lambda t: (-t.ties, -t.place.population, t.place.name))
            self._twinners.update(by_country)
            self._twinners.setdefault("", [])
        return self._twinners.get(country, [])


@cache
def open_data() -> OpenData:
    """Gazetteer, twinning graph and Covenant signatories, loaded once."""
    data = OpenData(gazetteer(), load_twins(), load_signatories())
    data.twinners("")  # build the per-country tables now, not on the first request
    return data
