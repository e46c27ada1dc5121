"""What ``assess`` returns: ranked, explained advice that the UI, CLI and reports only show.

Every item carries ``reasons``, a non-empty list of sentences, and the sources behind it.
The JSON form (``Result.model_dump(mode="json")``) is the CLI's output and the contract
with anything built on top.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

Horizon = Literal["first_3_months", "first_year", "one_to_three_years"]
HORIZONS: tuple[Horizon, ...] = get_args(Horizon)
"""When a plan step is due, soonest first. Declared here, with the plan items that carry
it, and read by the rules files' model (``rules/plan/``), so the two cannot disagree."""

Reasons = Annotated[list[str], Field(min_length=1)]
Score = Annotated[float, Field(ge=0, le=1)]


class Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class SourceRef(Out):
    """Where an item comes from; ``url`` is None for the town's own answers."""

    title: str
    url: str | None = None


class CaseAction(Out):
    text: str
    kind: str
    sources: list[SourceRef]


class CaseMatch(Out):
    """A reference case like the town, what it shares, and what that town did."""

    id: str
    name: str
    country: str
    population: int
    score: Score
    reasons: Reasons
    shared_themes: list[str]
    summary: str
    actions: list[CaseAction]
    lessons: str
    sources: list[SourceRef]


class NetworkAdvice(Out):
    """A network the town may join, how well it fits, and what joining takes."""

    id: str
    name: str
    url: str
    score: Score
    reasons: Reasons
    cautions: list[str]
    eligibility: list[str]
    commitments: list[str]
    fees: str
    fee_band: str
    how_to_join: list[str]
    effort: str
    application_mode: str
    sources: list[SourceRef]
    evidence: list[str] = []


class NetworkExcluded(Out):
    """A network the town may not join (or already belongs to), and why."""

    id: str
    name: str
    url: str
    reasons: Reasons
    sources: list[SourceRef]


class PartnerSuggestion(Out):
    """A town to approach (``new``) or a dormant tie to revive (``revive``)."""

    name: str
    country: str
    geonameid: int | None = None
    population: int | None = None
    lat: float | None = None
    lon: float | None = None
    score: Score
    kind: Literal["new", "revive"]
    reasons: Reasons
    sources: list[SourceRef]


class PlaceCandidate(Out):
    """One GeoNames place a declared name may mean."""

    name: str
    region: str
    population: int
    geonameid: int


class UnresolvedPlace(Out):
    """A connection or sister town the gazetteer could not settle on: the clerk confirms it
    (by adding its region or GeoNames id to the answers)."""

    name: str
    country: str
    source: Literal["connection", "sister_town"]
    status: Literal["ambiguous", "not_found"]
    candidates: list[PlaceCandidate] = []


class Resource(Out):
    id: str
    name: str
    url: str
    offers: list[str]


class FundingRoute(Out):
    """The programme that pays for a step above the town's budget, and how (``route``)."""

    id: str
    name: str
    url: str
    route: str


class PlanItem(Out):
    """One step of the look-within plan, cut to the town's capacity and budget."""

    id: str
    horizon: Horizon
    title: str
    why: str
    who: str
    effort: str
    cost_band: str
    reasons: Reasons
    resources: list[Resource]
    links: list[SourceRef]
    funded_by: FundingRoute | None = None


class Meta(Out):
    town: str
    country: str
    population: int
    capacity_level: str
    schema_version: int
    data_version: str
    rules_version: str


class Result(Out):
    matches: list[CaseMatch]
    networks: list[NetworkAdvice]
    other_networks: list[NetworkAdvice]
    not_eligible: list[NetworkExcluded]
    current_networks: list[NetworkExcluded]
    partners: list[PartnerSuggestion]
    plan: list[PlanItem]
    meta: Meta
    unresolved_places: list[UnresolvedPlace] = []
