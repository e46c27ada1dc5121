"""The plan against the town's budget (issue 10, item 7): a step costing more than the
town can spend moves later or drops out, unless a programme for the town's country pays for
it, and then the step names the programme and the route. The policy is rules/budget.yaml."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import yaml

from advisor.answers import load_answers, parse_answers
from advisor.assess import assess
from advisor.knowledge.base import Knowledge
from advisor.knowledge.load import default_knowledge
from advisor.model.assessment import BUDGET_SCALE, Assessment
from advisor.model.result import PlanItem

ROOT = Path(__file__).resolve().parents[1]
K = default_knowledge()
EARLY = ("first_3_months", "first_year")


def town(example: str, **changes: dict[str, Any]) -> Assessment:
    """An example's answers with sections changed key by key."""
    data = load_answers(ROOT / "examples" / f"{example}.yaml").model_dump(mode="json")
    for section, values in changes.items():
        data[section] = {**data[section], **values}
    return parse_answers(yaml.safe_dump(data, allow_unicode=True), "town.yaml")


def plan_of(assessment: Assessment, knowledge: Knowledge = K) -> dict[str, PlanItem]:
    return {s.id: s for s in assess(assessment, knowledge).plan}


def over(step: PlanItem, band: str) -> bool:
    return BUDGET_SCALE.index(step.cost_band) > BUDGET_SCALE.index(band)


JP_VILLAGE = {
    "municipality": {"name": "Mountain village", "population": 1500},
    "ties": {"sister_towns": [], "networks": []},
    "capacity": {
        "staff_time": "hours_per_month",
        "international_coordinator": False,
        "dedicated_unit": False,
        "budget_band": "none",
    },
}


def test_a_no_budget_town_has_no_early_step_above_its_budget_unless_a_programme_pays():
    plan = plan_of(town("hirado", **JP_VILLAGE))
    early = [s for s in plan.values() if s.horizon in EARLY and over(s, "none")]
    assert early, "the JET step should stay, funded"
    for step in early:
        assert step.funded_by is not None, step.id
        assert step.funded_by.route and step.funded_by.name in step.reasons[-1]


def test_the_jet_coordinator_keeps_its_year_with_the_allocation_tax_route():
    step = plan_of(town("hirado", **JP_VILLAGE))["ask_for_international_coordinator"]
    assert (step.horizon, step.cost_band) == ("first_year", "over_50k")
    assert step.funded_by is not None and step.funded_by.id == "jet_programme_cir"
    assert "local allocation tax" in step.funded_by.route
    assert "prefecture" in step.funded_by.route  # whom to ask: the contact note
    assert "more than your budget (no budget)" in step.reasons[-1]


def test_unfunded_costly_steps_move_to_the_rules_horizon_and_say_why():
    plan = plan_of(town("hirado", **JP_VILLAGE))
    step = plan["first_visible_project"]
    assert step.horizon == K.rules.budget.move_to == "one_to_three_years"
    assert step.funded_by is None
    assert step.reasons[-1].startswith("moved to Years 1 to 3")


def test_a_town_with_over_50k_keeps_its_costly_steps_where_the_rules_put_them():
    rich = {**JP_VILLAGE, "capacity": {**JP_VILLAGE["capacity"], "budget_band": "over_50k"}}
    plan = plan_of(town("hirado", **rich))
    jet = plan["ask_for_international_coordinator"]
    assert (jet.horizon, jet.funded_by) == ("first_year", None)
    assert plan["first_visible_project"].horizon == "first_year"
    assert not any("more than your budget" in r for s in plan.values() for r in s.reasons)


def test_a_no_budget_constraint_caps_the_declared_band():
    vaux = load_answers(ROOT / "examples" / "vaux_sur_aure.yaml")
    assert vaux.capacity.budget_band == "under_1k" and "no_budget" in vaux.constraints.items
    plan = plan_of(vaux)
    assert plan["first_visible_project"].horizon == "one_to_three_years"
    because = plan["first_visible_project"].reasons[-1]
    assert 'as you named "no budget for international work"' in because
    free = town("vaux_sur_aure", constraints={"items": []})
    assert plan_of(free)["first_visible_project"].horizon == "first_year"


def test_a_programme_pays_only_where_it_applies():
    ties = {"sister_towns": [{"place": "Sarov", "country": "RU", "status": "active"}]}
    goals = {"aims": ["youth_exchange"]}
    poor = {"budget_band": "none"}
    french = plan_of(town("vaux_sur_aure", ties=ties, goals=goals, capacity=poor))
    youth = french["fund_youth_exchange"]
    assert youth.horizon == "first_year"
    assert youth.funded_by is not None and youth.funded_by.id == "ofaj_twinning_youth_exchanges"
    american = plan_of(town("los_alamos", ties=ties, goals=goals, capacity=poor))
    youth = american["fund_youth_exchange"]
    assert (youth.horizon, youth.funded_by) == ("one_to_three_years", None)


def with_budget_rules(**policy: Any) -> Knowledge:
    budget = K.rules.budget.model_copy(update=policy)
    return dataclasses.replace(K, rules=dataclasses.replace(K.rules, budget=budget))


def test_steps_far_above_the_budget_are_left_out_by_the_rules():
    strict = with_budget_rules(drop_above_bands=0)
    plan = plan_of(town("los_alamos", capacity={"budget_band": "none"}), strict)
    assert "first_visible_project" not in plan
    assert all(not over(s, "none") for s in plan.values())


def test_the_allowance_comes_from_the_rules():
    lenient = with_budget_rules(allowance_bands=1)
    plan = plan_of(town("los_alamos", capacity={"budget_band": "none"}), lenient)
    assert plan["first_visible_project"].horizon == "first_year"


def test_only_paying_programmes_give_a_route():
    advice_only = with_budget_rules(funding_uses=["templates"])
    plan = plan_of(town("hirado", **JP_VILLAGE), advice_only)
    # JET (staff, advice) no longer counts as paying: over_50k is 4 bands above none, past
    # drop_above_bands (3), so the step is left out rather than kept without a route.
    assert "ask_for_international_coordinator" not in plan


def test_the_policy_file_describes_itself():
    rules = K.rules.budget
    assert rules.description and rules.documentation
    assert rules.move_to in ("first_year", "one_to_three_years")
