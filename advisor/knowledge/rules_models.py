"""The shapes of the files in ``rules/``: how matches, fit and the plan are decided.

A policy officer tunes the advisor here: weights, thresholds, and plan steps with the
conditions under which they apply. Text templates may use only the placeholders listed in
:data:`PLACEHOLDERS`; anything else is a load error, never a silent blank.
"""

from __future__ import annotations

import string
from typing import Annotated, Any, Literal, get_args

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from advisor.conditions import Condition
from advisor.conditions.facts import CapacityLevel
from advisor.knowledge.models import Band, Effort, Ident, Text, Url, UseFor
from advisor.model.assessment import BudgetBand, StaffTime
from advisor.model.base import (
    ConnectionKindId,
    ConstraintId,
    NetworkId,
    ProgrammeId,
    Strict,
    ThemeId,
)
from advisor.model.result import Horizon
from advisor.spelling import closest

Weight = Annotated[float, Field(ge=0, le=10)]
Share = Annotated[float, Field(ge=0, le=1)]


class Reference(Strict):
    title: Text
    url: Url


class RulesFile(Strict):
    """OpenFisca-style header: what the file decides, on what grounds, and how to edit it."""

    description: Text
    reference: list[Reference] = Field(default_factory=list)
    documentation: Text | None = None


# --- matching reference cases --------------------------------------------------------------


class MatchWeights(Strict):
    distinctive_history: Weight
    history_themes: Weight
    specialization_themes: Weight
    connection_kinds: Weight
    assets: Weight
    goals: Weight
    size: Weight
    capacity: Weight
    partner_countries: Weight


class DistinctiveTraits(Strict):
    """The history themes and connection kinds that set a town apart (a person, a war, a
    disaster, a laboratory), as opposed to traits most towns share (tourism, heritage)."""

    themes: list[ThemeId] = Field(min_length=1)
    connection_kinds: list[ConnectionKindId] = Field(default_factory=list)


class MatchingRules(RulesFile):
    weights: MatchWeights
    distinctive: DistinctiveTraits
    size_reason_at: Share
    size_decades: Annotated[float, Field(gt=0, le=6)]
    max_matches: Annotated[int, Field(ge=1, le=20)]
    min_score: Share


# --- network fit ---------------------------------------------------------------------------


class FitWeights(Strict):
    themes: Weight
    goals: Weight
    capacity: Weight
    cost: Weight


class FitAdjustment(Strict):
    """Raise or lower one network's fit when a condition holds, with the reason shown."""

    id: Ident
    network: NetworkId
    when: Condition
    add: Annotated[float, Field(ge=-1, le=1)]
    reason: Text


class ScaleFit(Strict):
    """How much fit a town loses for being outside a network's typical member size: the
    penalty grows with each tenfold gap, so a village is not sent first to a big-city club."""

    penalty_per_tenfold: Share
    max_penalty: Share


class ForeignNationalBody(Strict):
    """Fit lost by another country's national association when the town's own country has
    one: the town's own body speaks its language and law, the foreign one stays an option."""

    penalty: Share


class NetworkFitRules(RulesFile):
    weights: FitWeights
    theme_saturation: Annotated[int, Field(ge=1, le=10)]
    goal_saturation: Annotated[int, Field(ge=1, le=10)]
    advisory_penalty: Share
    min_score: Share
    reason_at: Share
    capacity_fit: dict[Effort, dict[CapacityLevel, Share]]
    cost_fit: dict[Band, dict[BudgetBand, Share]]
    scale: ScaleFit
    foreign_national_body: ForeignNationalBody
    adjustments: list[FitAdjustment] = Field(default_factory=list)

    @field_validator("capacity_fit", "cost_fit")
    @classmethod
    def _table_complete(cls, table: dict[str, dict[str, float]], info: ValidationInfo) -> Any:
        rows, columns = _TABLE_AXES[str(info.field_name)]
        missing = [f"{r}.{c}" for r in rows for c in columns if c not in table.get(r, {})]
        if missing:
            raise PydanticCustomError(
                "incomplete_table",
                "{name} lacks values for: {missing}",
                {"name": info.field_name, "missing": ", ".join(missing)},
            )
        return table


_TABLE_AXES = {
    "capacity_fit": (get_args(Effort), get_args(CapacityLevel)),
    "cost_fit": (get_args(Band), get_args(BudgetBand)),
}


# --- partner suggestions -------------------------------------------------------------------


Limit = Annotated[int, Field(ge=0, le=50)]


class PartnerRules(RulesFile):
    connection_score: Share
    revive_score: Share
    evidence_bonus: Share
    case_min_similarity: Share
    case_weight: Share
    themed_base: Share
    themed_overlap: Share
    themed_limit: Limit
    themed_min_shared_weight: Annotated[float, Field(gt=0, le=10)]
    themed_size_weight: Share
    themed_size_factor: Annotated[float, Field(gt=1, le=100000)]
    themed_max_score: Share
    themed_unknown_size: Share
    size_note_factor: Annotated[float, Field(gt=1, le=100000)]
    size_factor: Annotated[float, Field(gt=1, le=1000)]
    twinner_base: Share
    twinner_size_weight: Share
    twinner_tie_weight: Share
    twinner_ties_counted: Annotated[int, Field(ge=1, le=100)]
    twinner_min_ties: Annotated[int, Field(ge=1, le=100)]
    twinner_per_country: Limit
    partner_of_partner_score: Share
    partner_of_partner_per_extra: Share
    partner_of_partner_size_share: Share
    partner_of_partner_max: Share
    partner_of_partner_limit: Limit
    similar_town_twin_weight: Share
    similar_town_twin_limit: Limit
    network_peer_score: Share
    network_peer_size_share: Share
    network_peer_min_size: Share
    network_peer_limit: Limit
    max_suggestions: Annotated[int, Field(ge=1, le=100)]


# --- capacity ------------------------------------------------------------------------------


class CapacityRules(RulesFile):
    """How the answers on staff and organisation become one of three capacity levels, which
    network fit, the plan's 'who' and case matching all read."""

    coordinator_from_staff_time: StaffTime
    coordinator_if_unit: bool
    coordinator_if_coordinator: bool
    staff_from_staff_time: StaffTime


# --- the look-within plan ------------------------------------------------------------------

ForEach = Literal["dormant_tie", "connection", "recommended_network"]

TOWN_PLACEHOLDERS = frozenset({"town", "country", "themes", "institutions", "connections"})
"""Placeholders every step may use: the town itself and what sets it apart (its themes, its
institutions, the places it declared a connection with). The last three may be empty."""

PLACEHOLDERS: dict[str | None, frozenset[str]] = {
    None: TOWN_PLACEHOLDERS,
    "dormant_tie": TOWN_PLACEHOLDERS | {"place", "place_country", "since"},
    "connection": TOWN_PLACEHOLDERS | {"place", "place_country", "kind"},
    "recommended_network": TOWN_PLACEHOLDERS | {"network"},
}


class WhoByCapacity(Strict):
    """Who does the step, by the town's capacity level (volunteers, staff, coordinator)."""

    volunteer: Text
    staff: Text
    coordinator: Text


class Link(Strict):
    title: Text
    url: Url


class PlanVariant(Strict):
    """A more specific wording of a step: used when every placeholder it names has a value
    for the town (a town with themes gets the text that names them)."""

    title: Text
    why: Text


class PlanStep(Strict):
    """One step of the plan. ``for_each`` comes before the texts because it decides which
    placeholders they may use."""

    id: Ident
    horizon: Horizon
    for_each: ForEach | None = None
    limit: Annotated[int, Field(ge=1, le=20)] = 3
    title: Text
    why: Text
    who: Text | WhoByCapacity
    effort: Effort
    cost_band: BudgetBand
    when: Condition | None = None
    resources: list[ProgrammeId] = Field(default_factory=list)
    funded_by: list[ProgrammeId] = Field(default_factory=list)
    """Programmes that can pay for the step; one that applies to the town's country keeps
    a step its budget cannot carry in place, with the funding route (``rules/budget.yaml``)."""
    links: list[Link] = Field(default_factory=list)
    variants: list[PlanVariant] = Field(default_factory=list, max_length=10)
    """Specific wordings, first that fits wins; ``title`` and ``why`` are the fallback."""
    first_steps_position: Annotated[int, Field(ge=1, le=3)] | None = None
    """Where the step's first repetition goes among the first-three-months steps, so a
    letter to a declared connection is among the three first steps."""

    @field_validator("title", "why", "who", "variants")
    @classmethod
    def _known_placeholders(cls, value: Any, info: ValidationInfo) -> Any:
        allowed = PLACEHOLDERS[info.data.get("for_each")]
        texts = _texts(value)
        for text in texts:
            for name in _placeholders(text):
                if name not in allowed:
                    raise PydanticCustomError(
                        "unknown_placeholder",
                        "unknown placeholder '{placeholder}'; this step may use: {allowed}",
                        {
                            "placeholder": "{" + name + "}",
                            "allowed": ", ".join(sorted(allowed)),
                            "suggestion": closest(name, allowed),
                        },
                    )
        return value


def _texts(value: Any) -> list[str]:
    """The template texts of a field: one text, one per capacity level, or per variant."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for variant in value for text in (variant.title, variant.why)]
    return list(value.model_dump().values())


def _placeholders(text: str) -> list[str]:
    try:
        return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as exc:
        raise PydanticCustomError(
            "bad_template",
            "unbalanced braces in '{text}': {error}",
            {"text": text[:60], "error": str(exc)},
        ) from exc


class PlanRules(RulesFile):
    steps: list[PlanStep] = Field(min_length=1)


# --- the plan against the town's budget ----------------------------------------------------

BandSteps = Annotated[int, Field(ge=0, le=4)]
"""A number of steps on the budget scale (none < under_1k < ... < over_50k)."""


class BudgetConstraint(Strict):
    """A constraint the town named that caps the budget the plan may count on."""

    constraint: ConstraintId
    budget_at_most: BudgetBand


class BudgetRules(RulesFile):
    """How the plan treats steps that cost more than the town can spend."""

    allowance_bands: BandSteps
    move_to: Horizon
    drop_above_bands: BandSteps
    funding_uses: list[UseFor] = Field(min_length=1)
    constraints: list[BudgetConstraint] = Field(default_factory=list)
