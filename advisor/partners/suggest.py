"""Merge the finders' candidates into one ranked, explained list."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from advisor.conditions import Facts
from advisor.geo.names import place_key
from advisor.knowledge.load import Knowledge
from advisor.model.assessment import Assessment
from advisor.model.result import CaseMatch, PartnerSuggestion, SourceRef
from advisor.opendata.bundle import OpenData


@dataclass(frozen=True)
class PartnerContext:
    """What finders may look at; ``open_data`` is None when the real data is not loaded."""

    assessment: Assessment
    facts: Facts
    knowledge: Knowledge
    matches: Sequence[CaseMatch]
    open_data: OpenData | None = None

    @property
    def population(self) -> int:
        return self.assessment.municipality.population or 1

    def interest_countries(self) -> list[str]:
        """Countries the town named as wished partners; failing that, its connections'."""
        answers = self.assessment
        found = answers.goals.partner_countries or [c.country for c in answers.history.connections]
        return list(dict.fromkeys(found))


@dataclass
class Candidate:
    """One proposal from one finder; several may name the same place."""

    name: str
    country: str
    score: float
    reasons: list[str]
    sources: list[SourceRef]
    kind: Literal["new", "revive"] = "new"
    geonameid: int | None = None
    population: int | None = None
    lat: float | None = None
    lon: float | None = None

    @property
    def key(self) -> tuple[str, str]:
        if self.geonameid:
            return (f"#{self.geonameid}", self.country)
        return place_key(self.name, self.country)


Finder = Callable[[PartnerContext], Iterable[Candidate]]


def size_similarity(a: int | None, b: int | None, factor: float) -> float:
    """1 for equal sizes, falling to 0 at ``factor`` times larger or smaller (log scale)."""
    if not a or not b:
        return 0.0
    return max(0.0, 1 - abs(math.log10(a / b)) / math.log10(factor))


def _merge(best: Candidate, other: Candidate, bonus: float) -> Candidate:
    """Keep the stronger candidate's identity; add the other's evidence and known data."""
    if other.score > best.score:
        best, other = other, best
    new_reasons = [r for r in other.reasons if r not in best.reasons]
    best.reasons += new_reasons
    best.sources += [s for s in other.sources if s not in best.sources]
    best.score = min(1.0, best.score + bonus * bool(new_reasons))
    if other.kind == "revive":
        best.kind = "revive"
    for attr in ("geonameid", "population", "lat", "lon"):
        if getattr(best, attr) is None:
            setattr(best, attr, getattr(other, attr))
    return best


def _enrich(cand: Candidate, data: OpenData | None) -> Candidate:
    """Fill GeoNames id, population and coordinates when the place is surely known."""
    if data is None:
        return cand
    gaz = data.gazetteer
    place = gaz.get(cand.geonameid) if cand.geonameid else None
    for name in (cand.name, cand.name.split("(")[0].strip()):
        if place is None:
            found = gaz.resolve(name, cand.country, cand.lat, cand.lon)
            place = found.place if found.status == "resolved" else None
    if place is None:
        return cand
    cand.geonameid, cand.population = place.geonameid, cand.population or place.population
    cand.lat, cand.lon = place.lat, place.lon
    ref = SourceRef(
        title=f"GeoNames: {place.name}, {place.region or place.country}",
        url=f"https://www.geonames.org/{place.geonameid}",
    )
    if ref not in cand.sources:
        cand.sources.append(ref)
    return cand


def _excluded_keys(ctx: PartnerContext) -> set[tuple[str, str]]:
    """The town itself and its active partners, by name and, when known, by GeoNames id."""
    town = ctx.assessment.municipality
    probes = [Candidate(town.name, town.country or "", 0, [], [], geonameid=town.geonameid)]
    probes += [
        Candidate(t.place, t.country, 0, [], [], geonameid=t.geonameid)
        for t in ctx.assessment.ties.sister_towns
        if t.status == "active"
    ]
    keys = {place_key(p.name, p.country) for p in probes}
    return keys | {_enrich(p, ctx.open_data).key for p in probes}


def suggest_partners(ctx: PartnerContext, finders: Sequence[Finder]) -> list[PartnerSuggestion]:
    """Ranked suggestions from all finders, without the town itself or its active partners."""
    rules = ctx.knowledge.rules.partners
    excluded = _excluded_keys(ctx)
    merged: dict[tuple[str, str], Candidate] = {}
    for finder in finders:
        for cand in finder(ctx):
            if place_key(cand.name, cand.country) in excluded:
                continue
            cand = _enrich(cand, ctx.open_data)
            if cand.key in excluded:
                continue
            known = merged.get(cand.key)
            merged[cand.key] = _merge(known, cand, rules.evidence_bonus) if known else cand
    ranked = sorted(merged.values(), key=lambda c: (-c.score, c.name))
    return [_suggestion(c) for c in ranked[: rules.max_suggestions]]


def _suggestion(c: Candidate) -> PartnerSuggestion:
    return PartnerSuggestion(
        name=c.name,
        country=c.country,
        geonameid=c.geonameid,
        population=c.population,
        lat=c.lat,
        lon=c.lon,
        score=round(c.score, 3),
        kind=c.kind,
        reasons=c.reasons,
        sources=c.sources,
    )
