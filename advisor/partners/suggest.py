"""Merge the finders' candidates into one ranked, explained list."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from advisor.conditions import Facts
from advisor.geo.names import place_key
from advisor.i18n import t
from advisor.i18n.formats import number
from advisor.knowledge.base import Knowledge
from advisor.model.assessment import Assessment
from advisor.model.result import CaseMatch, PartnerSuggestion, SourceRef
from advisor.opendata.bundle import OpenData
from advisor.similarity import size_closeness


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

    @property
    def keys(self) -> set[tuple[str, str]]:
        """Every identity the place is known by: its GeoNames id and its folded name.

        Two finders may name one town once with an id and once without (a curated place the
        gazetteer cannot tell apart from its namesakes, a reference case placed by its
        coordinates); either identity shared makes them one place."""
        return {self.key, place_key(self.name, self.country)}


Finder = Callable[[PartnerContext], Iterable[Candidate]]


def size_similarity(a: int | None, b: int | None, factor: float) -> float:
    """1 for equal sizes, falling to 0 at ``factor`` times larger or smaller (log scale)."""
    return size_closeness(a, b, math.log10(factor))


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


def enrich(cand: Candidate, data: OpenData | None) -> Candidate:
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
    # GeoNames writes 0 for an unknown population: keep it unknown rather than "0 inhabitants".
    cand.geonameid = place.geonameid
    cand.population = cand.population or place.population or None
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
    return keys | {enrich(p, ctx.open_data).key for p in probes}


class _Merged:
    """Candidates merged into one entry per place, found by any of the place's identities."""

    def __init__(self, bonus: float) -> None:
        self.bonus = bonus
        self.entries: list[Candidate] = []
        self.slots: dict[tuple[str, str], int] = {}

    def add(self, cand: Candidate) -> None:
        """Merge ``cand`` with every entry sharing an id or a name with it (one place, one
        entry), so the list names each place once with all its reasons."""
        found = sorted({self.slots[k] for k in cand.keys if k in self.slots})
        if not found:
            self.entries.append(cand)
            slot = len(self.entries) - 1
        else:
            slot = found[0]
            for other in found[1:]:
                self.entries[slot] = _merge(self.entries[slot], self.entries[other], self.bonus)
                self.slots = {k: slot if s == other else s for k, s in self.slots.items()}
            self.entries[slot] = _merge(self.entries[slot], cand, self.bonus)
        for key in self.entries[slot].keys | cand.keys:
            self.slots[key] = slot

    def ranked(self) -> list[Candidate]:
        """The live entries (those still named by some identity), strongest first."""
        live = [self.entries[s] for s in sorted(set(self.slots.values()))]
        return sorted(live, key=lambda c: (-c.score, c.name))


def suggest_partners(ctx: PartnerContext, finders: Sequence[Finder]) -> list[PartnerSuggestion]:
    """Ranked suggestions from all finders, one per place, without the town itself or its
    active partners (by GeoNames id or by folded name and country)."""
    rules = ctx.knowledge.rules.partners
    excluded = _excluded_keys(ctx)
    merged = _Merged(rules.evidence_bonus)
    for finder in finders:
        for cand in finder(ctx):
            if place_key(cand.name, cand.country) in excluded:
                continue
            cand = enrich(cand, ctx.open_data)
            if cand.keys & excluded:
                continue
            merged.add(cand)
    ranked = merged.ranked()[: rules.max_suggestions]
    return [_suggestion(_with_size_note(c, ctx)) for c in ranked]


def _with_size_note(cand: Candidate, ctx: PartnerContext) -> Candidate:
    """Say so when a partner is of a very different size (``size_note_factor`` times or
    more): a city and a village can share a story, but not the same budget, staff or
    exchanges, and the council should see that before it writes a letter."""
    mine, theirs = ctx.assessment.municipality.population, cand.population
    if not mine or not theirs:
        return cand
    factor = ctx.knowledge.rules.partners.size_note_factor
    if max(mine, theirs) < factor * min(mine, theirs):
        return cand
    key = "partner.size.much_smaller" if theirs < mine else "partner.size.much_larger"
    note = t(key, theirs=_number(theirs), mine=_number(mine))
    if note not in cand.reasons:
        cand.reasons.append(note)
    return cand


def _number(value: int) -> str:
    """``2,500,000`` as the catalog writes numbers (the same as the reports)."""
    return t("report.number", value=number(value))


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
