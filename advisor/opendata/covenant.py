"""Covenant of Mayors signatories (data/ties/covenant_signatories.csv): real peers."""

from __future__ import annotations

import csv
import itertools
from dataclasses import dataclass
from pathlib import Path

from advisor.paths import DATA_DIR

COVENANT_CSV = DATA_DIR / "ties" / "covenant_signatories.csv"


@dataclass(frozen=True)
class Signatory:
    name: str
    country: str
    geonameid: int | None
    population: int | None
    group: bool
    status: str
    joined: str


def load_signatories(path: Path = COVENANT_CSV) -> tuple[Signatory, ...]:
    with path.open(encoding="utf-8", newline="") as src:
        return tuple(
            Signatory(
                name=row["name"],
                country=row["country"],
                geonameid=int(row["geonameid"]) if row["geonameid"] else None,
                population=int(row["population"]) if row["population"] else None,
                group=row["group"] == "yes",
                status=row["status"],
                joined=row["joined"],
            )
            for row in csv.DictReader(src)
        )


SIZE_BOUNDS = (0, 1_000, 5_000, 20_000, 50_000, 100_000, 250_000, 1_000_000, 10**9)


def size_band(population: int) -> tuple[int, int]:
    """The size class a town falls in, as (lower, upper) inhabitants, for 'towns of ...'."""
    for lower, upper in itertools.pairwise(SIZE_BOUNDS):
        if population < upper:
            return lower, upper
    return SIZE_BOUNDS[-2], SIZE_BOUNDS[-1]


def peers(signatories: tuple[Signatory, ...], country: str, population: int) -> list[Signatory]:
    """Individual signatories of the town's country in its size class, active ones first."""
    lower, upper = size_band(population)
    found = [
        s
        for s in signatories
        if s.country == country
        and not s.group
        and s.population is not None
        and lower <= s.population < upper
    ]
    return sorted(found, key=lambda s: (s.status != "published", -(s.population or 0), s.name))
