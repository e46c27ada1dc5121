"""Merge the finders' candidates into one ranked, explained list."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from advisor.conditions import Facts
from advisor.knowledge.load import Knowledge
from advisor.model.assessment import Assessment
from advisor.model.result import CaseMatch, PartnerSuggestion, SourceRef
from advisor.partners.names import place_key


@dataclass(frozen=True)
class PartnerContext:
    """What finders may look at."""

    assessment: Assessment
    facts: Facts
    knowledge: Knowledge
    matches: Sequence[CaseMatch]


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
    extra_reasons: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return place_key(self.name, self.country)


Finder = Callable[[PartnerContext], Iterable[Candidate]]


def _merge(best: Candidate, other: Candidate) -> Candidate:
    """Keep the stronger candidate's identity; add the other's evidence and known data."""
    if other.score > best.score:
        best, other = other, best
    best.reasons += [r for r in other.reasons if r not in best.reasons]
    best.sources += [s for s in other.sources if s not in best.sources]
    best.score = min(1.0, best.score + 0.05 * len(other.reasons))
    if other.kind == "revive":
        best.kind = "revive"
    for attr in ("geonameid", "population", "lat", "lon"):
        if getattr(best, attr) is None:
            setattr(best, attr, getattr(other, attr))
    return best


def active_partner_keys(assessment: Assessment) -> set[tuple[str, str]]:
    return {
        place_key(s.place, s.country) for s in assessment.ties.sister_towns if s.status == "active"
    }


def suggest_partners(ctx: PartnerContext, finders: Sequence[Finder]) -> list[PartnerSuggestion]:
    """Ranked suggestions from all finders, without the town itself or its active partners."""
    town = ctx.assessment.municipality
    excluded = active_partner_keys(ctx.assessment) | {place_key(town.name, town.country or "")}
    merged: dict[tuple[str, str], Candidate] = {}
    for finder in finders:
        for cand in finder(ctx):
            if cand.key in excluded:
                continue
            merged[cand.key] = _merge(merged[cand.key], cand) if cand.key in merged else cand
    ranked = sorted(merged.values(), key=lambda c: (-c.score, c.name))
    limit = ctx.knowledge.rules.partners.max_suggestions
    return [_suggestion(c) for c in ranked[:limit]]


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
