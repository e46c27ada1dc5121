"""networks.fit() on its own: relevance (themes, goals) times feasibility (effort against
capacity, fees against budget), minus the advisory penalty, with each part told as a
reason or a caution as rules/network_fit.yaml says."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.answers import load_answers
from advisor.knowledge.load import default_knowledge
from advisor.networks import fit
from advisor.town_facts import facts_for

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def hirado():
    knowledge = default_knowledge()
    answers = load_answers(ROOT / "examples" / "hirado.yaml")
    return knowledge, facts_for(answers, knowledge)


def expected_score(net, facts, rules) -> float:
    """The documented formula, written out from the rules file."""
    themes = min(1.0, len(facts.themes & set(net.themes)) / rules.theme_saturation)
    goals = min(1.0, len(facts.goals & set(net.goals)) / rules.goal_saturation)
    w = rules.weights
    relevance = (w.themes * themes + w.goals * goals) / (w.themes + w.goals)
    level, budget = facts.values["capacity_level"], facts.values["budget_band"]
    capacity = rules.capacity_fit[net.effort][level]
    cost = rules.cost_fit[net.fees.band][budget]
    feasibility = (w.capacity * capacity + w.cost * cost) / (w.capacity + w.cost)
    return relevance * feasibility


def test_the_score_is_relevance_times_feasibility(hirado):
    knowledge, facts = hirado
    rules = knowledge.rules.network_fit
    net = knowledge.networks["cittaslow"]
    result = fit(net, facts, [], rules, knowledge)
    assert result.score == pytest.approx(expected_score(net, facts, rules), abs=0.001)


def test_each_advisory_condition_missed_costs_the_penalty(hirado):
    knowledge, facts = hirado
    rules = knowledge.rules.network_fit
    net = knowledge.networks["cittaslow"]
    requirement = net.eligibility[0]
    missed = requirement.requires.evaluate(facts)
    missed = type(missed)(False, missed.because)
    base = fit(net, facts, [], rules, knowledge).score
    penalised = fit(net, facts, [(requirement, missed)], rules, knowledge)
    assert penalised.score == pytest.approx(max(0.0, base - rules.advisory_penalty), abs=0.001)
    assert any(requirement.explain[:30] in c for c in penalised.cautions)


def test_effort_and_fees_are_reasons_above_the_rule_and_cautions_below():
    knowledge = default_knowledge()
    facts = facts_for(load_answers(ROOT / "examples" / "vaux_sur_aure.yaml"), knowledge)
    rules = knowledge.rules.network_fit
    net = knowledge.networks["cittaslow"]
    level = facts.values["capacity_level"]
    capacity = rules.capacity_fit[net.effort][level]
    assert capacity < 1, "the example should be a town for which the effort is a stretch"
    strict = rules.model_copy(update={"reason_at": capacity + 0.01})
    lenient = rules.model_copy(update={"reason_at": 0.0})
    effort_word = "effort, for work carried by"
    assert any(effort_word in r for r in fit(net, facts, [], lenient, knowledge).reasons)
    assert any(effort_word in c for c in fit(net, facts, [], strict, knowledge).cautions)
