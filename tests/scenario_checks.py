"""What a scenario or a real-town expectation may ask of the advice, and how it is checked.

Shared by the scenario plugin (``tests/conftest.py``) and the real-town evaluation
(``tests/real_towns/evaluate.py``): one vocabulary of expectations, one way to check it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import Field

from advisor.answers import parse_answers
from advisor.assess import assess
from advisor.headline import first_steps
from advisor.knowledge.load import default_knowledge
from advisor.model.assessment import BUDGET_SCALE
from advisor.model.base import Strict
from advisor.model.result import Result


class Expect(Strict):
    top_match: str | None = None
    matches_include: list[str] = Field(default_factory=list)
    networks_include: list[str] = Field(default_factory=list)
    networks_exclude: list[str] = Field(default_factory=list)
    not_eligible_include: list[str] = Field(default_factory=list)
    partners_include: list[str] = Field(default_factory=list)
    partners_exclude: list[str] = Field(default_factory=list)
    revive_include: list[str] = Field(default_factory=list)
    plan_include: list[str] = Field(default_factory=list)
    plan_exclude: list[str] = Field(default_factory=list)
    who_contains: str | None = None
    plan_horizons: dict[str, str] = Field(default_factory=dict)
    plan_funded_by: dict[str, str] = Field(default_factory=dict)
    plan_early_cost_at_most: str | None = None
    first_network: str | None = None
    eligible_include: list[str] = Field(default_factory=list)
    network_order: list[tuple[str, str]] = Field(default_factory=list)
    network_cautions: dict[str, str] = Field(default_factory=dict)
    first_steps_include: list[str] = Field(default_factory=list)
    first_steps_exclude: list[str] = Field(default_factory=list)
    first_steps_mention: list[str] = Field(default_factory=list)
    top_match_in: list[str] = Field(default_factory=list)
    matches_exclude: list[str] = Field(default_factory=list)
    first_network_not: list[str] = Field(default_factory=list)
    partner_countries_include: list[str] = Field(default_factory=list)
    partners_resolved: list[str] = Field(default_factory=list)
    first_partners_size_within: float | None = None


class Scenario(Strict):
    description: str
    answers: str
    changes: dict[str, Any] = Field(default_factory=dict)
    expect: Expect


def deep_merge(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``changes`` laid over it, mappings merged key by key."""
    merged = dict(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def scenario_result(scenario: Scenario, folder: Path) -> Result:
    source = (folder / scenario.answers).resolve()
    data = deep_merge(yaml.safe_load(source.read_text(encoding="utf-8")), scenario.changes)
    assessment = parse_answers(yaml.safe_dump(data, allow_unicode=True), str(source))
    return assess(assessment, default_knowledge())


def unmet(expect: Expect, result: Result) -> list[str]:
    """Every expectation the result misses, as a sentence."""
    matches = [m.id for m in result.matches]
    networks = {n.id for n in result.networks}
    excluded = {n.id for n in result.not_eligible}
    partners = {p.name for p in result.partners}
    revive = {p.name for p in result.partners if p.kind == "revive"}
    plan = {s.id for s in result.plan}
    misses = []
    if expect.top_match and (not matches or matches[0] != expect.top_match):
        misses.append(f"top match is {matches[:1]}, expected {expect.top_match}")
    checks = [
        ("match", expect.matches_include, set(matches), True),
        ("recommended network", expect.networks_include, networks, True),
        ("recommended network", expect.networks_exclude, networks, False),
        ("not-eligible network", expect.not_eligible_include, excluded, True),
        ("partner", expect.partners_include, partners, True),
        ("partner", expect.partners_exclude, partners, False),
        ("partner to revive", expect.revive_include, revive, True),
        ("plan step", expect.plan_include, plan, True),
        ("plan step", expect.plan_exclude, plan, False),
    ]
    for label, wanted, actual, present in checks:
        for item in wanted:
            if (item in actual) != present:
                misses.append(
                    f"{label} '{item}' {'missing' if present else 'present'}; got {sorted(actual)}"
                )
    if expect.who_contains and not any(expect.who_contains in s.who for s in result.plan):
        misses.append(f"no plan step's 'who' mentions '{expect.who_contains}'")
    return (
        misses
        + plan_budget_misses(expect, result)
        + network_misses(expect, result)
        + first_steps_misses(expect, result)
        + ranking_misses(expect, result)
        + partner_misses(expect, result)
    )


def ranking_misses(expect: Expect, result: Result) -> list[str]:
    """Which cases may lead, which must not appear, and which networks must not come first."""
    matches = [m.id for m in result.matches]
    misses = []
    if expect.top_match_in and matches[:1] not in [[i] for i in expect.top_match_in]:
        misses.append(f"top match is {matches[:1]}, expected one of {expect.top_match_in}")
    misses += [
        f"match '{i}' present; got {matches}" for i in expect.matches_exclude if i in matches
    ]
    first = [n.id for n in [*result.networks, *result.other_networks]][:1]
    misses += [f"first network is {i}" for i in expect.first_network_not if first == [i]]
    return misses


FIRST_PARTNERS = 3


def partner_misses(expect: Expect, result: Result) -> list[str]:
    """Partner countries, places resolved to a GeoNames id, and the size of the first
    suggestions: the first three new partners of known size lie within the given factor of
    the town's population, larger or smaller."""
    partners = [p for p in result.partners if p.kind == "new"]
    countries = {p.country for p in result.partners}
    misses = [
        f"no partner in {c}; got {sorted(countries)}"
        for c in expect.partner_countries_include
        if c not in countries
    ]
    ids = {p.name: p.geonameid for p in result.partners}
    misses += [
        f"partner '{n}' {'has no GeoNames id' if n in ids else 'missing'}"
        for n in expect.partners_resolved
        if not ids.get(n)
    ]
    factor = expect.first_partners_size_within
    if factor:
        town = result.meta.population
        sized = [p for p in partners if p.population][:FIRST_PARTNERS]
        misses += [
            f"partner '{p.name}' ({p.population:,}) is over {factor:g} times the size gap"
            for p in sized
            if max(p.population / town, town / p.population) > factor  # type: ignore[operator]
        ]
    return misses


def first_steps_misses(expect: Expect, result: Result) -> list[str]:
    """The three first steps (as the summary shows them) the scenario expects but misses:
    step ids among them or not, and words their titles or whys must mention."""
    steps = first_steps(result)
    ids = [s.id for s in steps]
    text = " ".join(f"{s.title} {s.why}" for s in steps)
    misses = [f"first steps {ids} lack {i}" for i in expect.first_steps_include if i not in ids]
    misses += [f"first steps {ids} include {i}" for i in expect.first_steps_exclude if i in ids]
    misses += [
        f"first steps do not mention '{w}'" for w in expect.first_steps_mention if w not in text
    ]
    return misses


def network_misses(expect: Expect, result: Result) -> list[str]:
    """The network ranking and cautions the scenario expects but misses: eligible networks
    are ranked recommended first, then the others, each by score."""
    ranked = [*result.networks, *result.other_networks]
    order = [n.id for n in ranked]
    misses = []
    if expect.first_network and order[:1] != [expect.first_network]:
        misses.append(f"first network is {order[:1]}, expected {expect.first_network}")
    misses += [
        f"eligible network '{i}' missing; got {order}"
        for i in expect.eligible_include
        if i not in order
    ]
    for above, below in expect.network_order:
        if above not in order or below not in order or order.index(above) > order.index(below):
            misses.append(f"network '{above}' should rank above '{below}'; got {order}")
    cautions = {n.id: " ".join(n.cautions) for n in ranked}
    for ident, text in expect.network_cautions.items():
        if text not in cautions.get(ident, ""):
            misses.append(f"no caution of '{ident}' mentions '{text}'")
    return misses


def plan_budget_misses(expect: Expect, result: Result) -> list[str]:
    """The plan's horizons, funding routes and early costs the scenario expects but misses."""
    steps = {s.id: s for s in result.plan}
    misses = [
        f"plan step '{ident}' is at {steps[ident].horizon if ident in steps else 'no horizon'}, "
        f"expected {horizon}"
        for ident, horizon in expect.plan_horizons.items()
        if ident not in steps or steps[ident].horizon != horizon
    ]
    for ident, programme in expect.plan_funded_by.items():
        funded = steps[ident].funded_by if ident in steps else None
        if funded is None or funded.id != programme or not funded.route:
            misses.append(f"plan step '{ident}' is not funded by '{programme}' with a route")
    if expect.plan_early_cost_at_most is not None:
        limit = BUDGET_SCALE.index(expect.plan_early_cost_at_most)  # type: ignore[arg-type]
        misses += [
            f"plan step '{s.id}' costs {s.cost_band} in {s.horizon} with no funding route"
            for s in result.plan
            if s.horizon != "one_to_three_years"
            and BUDGET_SCALE.index(s.cost_band) > limit  # type: ignore[arg-type]
            and s.funded_by is None
        ]
    return misses
