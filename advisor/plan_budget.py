"""The plan against the town's budget: costly steps move later, drop out, or name who pays.

A town that declared no budget was told to hire a coordinator (over EUR 50,000) in its first
year. Every step has a cost band (``rules/plan``) and the town a budget band; the policy of
``rules/budget.yaml`` decides how far above the budget a step may go, where it moves, and
when it is left out. A step stays in place when a support programme for the town's country
pays for it, and then says which programme and how (from the programme's sourced notes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from advisor.conditions import Facts
from advisor.i18n import t, tr
from advisor.knowledge.base import Knowledge
from advisor.knowledge.models import Programme
from advisor.knowledge.rules_models import BudgetRules, PlanStep
from advisor.model.assessment import BUDGET_SCALE, BudgetBand
from advisor.model.result import HORIZONS, Horizon


@dataclass(frozen=True)
class Funding:
    """The programme that pays for a step, and how the town gets the money."""

    programme: Programme
    route: str


@dataclass(frozen=True)
class BudgetFit:
    """What the budget does to one step: its horizon (None: left out) and the reasons."""

    horizon: Horizon | None
    reasons: tuple[str, ...] = ()
    funding: Funding | None = None


def town_budget(facts: Facts, rules: BudgetRules, knowledge: Knowledge) -> tuple[BudgetBand, str]:
    """The budget band the plan counts on and its words: the declared band, lowered by a
    constraint the town named (``no_budget`` means none whatever band was ticked)."""
    # the answers model's budget_band, so one of BUDGET_SCALE (rules name only those too)
    band = cast(BudgetBand, str(facts.values["budget_band"]))
    words = t(f"scale.budget_band.{band}")
    for cap in rules.constraints:
        if cap.constraint in facts.constraints and _rank(cap.budget_at_most) < _rank(band):
            band = cap.budget_at_most
            constraint = knowledge.label("constraint", cap.constraint)
            words = t(
                "plan.budget.capped",
                budget=t(f"scale.budget_band.{band}"),
                constraint=constraint,
            )
    return band, words


def _rank(band: str) -> int:
    return BUDGET_SCALE.index(band)


def funding_for(step: PlanStep, facts: Facts, knowledge: Knowledge) -> Funding | None:
    """The first programme in the step's ``funded_by`` that applies to the town's country and
    is used for paying (``funding_uses``), with its route: what it pays and whom to ask."""
    uses = set(knowledge.rules.budget.funding_uses)
    for ident in step.funded_by:
        prog = knowledge.programmes[ident]
        if uses & set(prog.use_for) and prog.applies_to.evaluate(facts).matched:
            route = " ".join(x.strip() for x in (prog.cost.text, prog.contact_note or "") if x)
            return Funding(prog, route)
    return None


def fit_to_budget(step: PlanStep, facts: Facts, knowledge: Knowledge) -> BudgetFit:
    """Where ``step`` goes for this town's budget, and why, by ``rules/budget.yaml``."""
    rules = knowledge.rules.budget
    band, budget_words = town_budget(facts, rules, knowledge)
    over = _rank(step.cost_band) - _rank(band)
    if over <= rules.allowance_bands:
        return BudgetFit(step.horizon)
    cost = t(f"scale.budget_band.{step.cost_band}")
    funding = funding_for(step, facts, knowledge)
    if funding is not None:
        because = t(
            "plan.budget.funded",
            cost=cost,
            budget=budget_words,
            programme=tr(funding.programme.name),
            route=tr(funding.route),
        )
        return BudgetFit(step.horizon, (because,), funding)
    if over > rules.drop_above_bands:
        return BudgetFit(None)
    later = _later(step.horizon, rules.move_to)
    key = "plan.budget.moved" if later != step.horizon else "plan.budget.needs_budget"
    because = t(key, cost=cost, budget=budget_words, horizon=t(f"horizon.{later}"))
    return BudgetFit(later, (because,))


def _later(horizon: Horizon, move_to: Horizon) -> Horizon:
    """``move_to`` if it is later than ``horizon``; a step never moves earlier."""
    return max(horizon, move_to, key=HORIZONS.index)
