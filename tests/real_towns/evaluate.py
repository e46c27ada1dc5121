"""How well the advice fits real towns the advisor was not built from.

Each ``*.yaml`` beside this file is one real town that is neither a reference case nor a
curated place in ``data/``: a clerk's answers written as they stood before the town's real
international ties existed, and what a knowledgeable adviser would expect, each expectation
with a reason and the source it rests on (what the town really did, a network's own rules).

Run ``python -m tests.real_towns.evaluate`` from the project folder: it prints every town's
score, every expectation missed, and the share met. ``tests/test_real_towns.py`` keeps the
share at or above the target and the towns outside ``data/``.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field, model_validator

from advisor.answers import parse_answers
from advisor.assess import assess
from advisor.geo.names import place_key
from advisor.knowledge.load import default_knowledge
from advisor.model.base import Strict
from advisor.model.result import Result
from advisor.opendata.bundle import open_data
from advisor.yamlio import parse, read_text, validate
from tests.scenario_checks import Expect, known_ids, unmet

FOLDER = Path(__file__).resolve().parent
TARGET_SHARE = 0.9


class Source(Strict):
    title: str
    url: str
    accessed: str


class Expectation(Strict):
    """One check a knowledgeable adviser would make, with why and on what evidence."""

    why: str
    sources: list[str] = Field(min_length=1)
    expect: Expect


class RealTown(Strict):
    town: str
    country: str = Field(pattern=r"^[A-Z]{2}$")
    population: int = Field(gt=0)
    story: str
    sources: dict[str, Source] = Field(min_length=1)
    answers: dict[str, Any]
    expectations: list[Expectation] = Field(min_length=1)

    @model_validator(mode="after")
    def _sources_exist(self) -> RealTown:
        for item in self.expectations:
            missing = [s for s in item.sources if s not in self.sources]
            if missing:
                raise ValueError(f"expectation '{item.why[:40]}' cites unknown sources {missing}")
        return self


@dataclass(frozen=True)
class Outcome:
    """One expectation and what the advice made of it (no misses means met)."""

    town: str
    expectation: Expectation
    misses: list[str]

    @property
    def met(self) -> bool:
        return not self.misses


def town_files(folder: Path = FOLDER) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


@cache
def load_town(path: Path) -> RealTown:
    """The town in ``path``; an unknown key or id is an error at its line, with a suggestion."""
    doc = parse(read_text(path), path.name)
    return validate(RealTown, doc, {"known": known_ids()})


def advice_for(town: RealTown, path: Path) -> Result:
    """The advice as the app and ``advisor assess`` give it (with the open data: gazetteer,
    twinning graph, Covenant signatories). A problem in the answers names the file and the
    field (line numbers count from the ``answers:`` key)."""
    text = yaml.safe_dump(town.answers, allow_unicode=True, sort_keys=False)
    return assess(parse_answers(text, f"{path.name} answers"), default_knowledge(), open_data())


def outcomes(town: RealTown, result: Result) -> list[Outcome]:
    return [Outcome(town.town, e, unmet(e.expect, result)) for e in town.expectations]


def repeated_partners(result: Result) -> list[str]:
    """Partners listed more than once (by GeoNames id, or by name and country)."""
    keys = Counter(
        ("#", p.geonameid) if p.geonameid else place_key(p.name, p.country) for p in result.partners
    )
    return [str(key) for key, count in keys.items() if count > 1]


@dataclass
class Totals:
    met: int = 0
    total: int = 0
    partners: int = 0
    partners_with_id: int = 0
    towns_with_repeats: int = 0

    @property
    def share(self) -> float:
        return self.met / self.total if self.total else 0.0


def evaluate(paths: list[Path]) -> tuple[Totals, list[Outcome], list[str]]:
    """Every town's outcomes, the totals, and one printable line per town."""
    totals, everything, lines = Totals(), [], []
    for path in paths:
        town = load_town(path)
        result = advice_for(town, path)
        found = outcomes(town, result)
        met = sum(o.met for o in found)
        totals.met += met
        totals.total += len(found)
        totals.partners += len(result.partners)
        totals.partners_with_id += sum(1 for p in result.partners if p.geonameid)
        totals.towns_with_repeats += bool(repeated_partners(result))
        everything += found
        lines.append(f"  {town.town} ({town.country}, {town.population:,}): {met} of {len(found)}")
    return totals, everything, lines


def report(paths: list[Path]) -> str:
    totals, found, lines = evaluate(paths)
    towns = [load_town(p) for p in paths]
    sizes = sorted(t.population for t in towns)
    countries = sorted({t.country for t in towns})
    out = [
        f"Real towns: {len(towns)} in {len(countries)} countries ({', '.join(countries)}), "
        f"{sizes[0]:,} to {sizes[-1]:,} inhabitants",
        *lines,
    ]
    missed = [o for o in found if not o.met]
    if missed:
        out.append("Missed:")
        out += [f"  {o.town}: {'; '.join(o.misses)} (why: {o.expectation.why})" for o in missed]
    out += [
        f"Expectations met: {totals.met} of {totals.total} ({totals.share:.1%}; "
        f"target {TARGET_SHARE:.0%})",
        f"Towns with a partner listed twice: {totals.towns_with_repeats} of {len(towns)}; "
        f"partners with a GeoNames id: {totals.partners_with_id} of {totals.partners}",
    ]
    return "\n".join(out)


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or town_files()
    print(report(paths))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
