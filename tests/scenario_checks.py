"""What a scenario or a real-town expectation may ask of the advice, and how it is checked.

Shared by the scenario plugin (``tests/conftest.py``) and the real-town evaluation
(``tests/real_towns/evaluate.py``): one vocabulary of expectations, one way to check it.
A scenario file is read like every other input: an unknown key or id is a located error
with a suggestion, and a bad value under ``changes:`` is blamed on the scenario file.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, Field, ValidationInfo

from advisor.answers import parse_answers
from advisor.assess import assess
from advisor.errors import InputError, Problem
from advisor.geo.countries import CountryCode
from advisor.headline import first_steps
from advisor.knowledge.load import default_knowledge
from advisor.model.assessment import BUDGET_SCALE
from advisor.model.base import KnownIds, NetworkId, ProgrammeId, Strict, reference
from advisor.model.result import Result
from advisor.yamlio import Document, line_column, locate, parse, read_text, validate

CaseId = Annotated[str, AfterValidator(reference("case", "reference case"))]
_step = reference("plan_step", "plan step")


def _step_id(value: str, info: ValidationInfo) -> str:
    """A plan step id, or a repeated step's id with its place (``revive_dormant_tie.sarov``)."""
    _step(value.split(".", 1)[0], info)
    return value


StepId = Annotated[str, AfterValidator(_step_id)]


@cache
def known_ids() -> KnownIds:
    """The knowledge base's ids plus what scenarios name: reference cases and plan steps."""
    knowledge = default_knowledge()
    known = KnownIds(
        ids={kind: set(ids) for kind, ids in knowledge.known.ids.items()},
        aliases={kind: dict(names) for kind, names in knowledge.known.aliases.items()},
    )
    for ident in knowledge.cases:
        known.add("case", ident)
    for step in knowledge.rules.plan:
        known.add("plan_step", step.id)
    return known


class Expect(Strict):
    top_match: CaseId | None = None
    matches_include: list[CaseId] = Field(default_factory=list)
    networks_include: list[NetworkId] = Field(default_factory=list)
    networks_exclude: list[NetworkId] = Field(default_factory=list)
    not_eligible_include: list[NetworkId] = Field(default_factory=list)
    partners_include: list[str] = Field(default_factory=list)
    partners_exclude: list[str] = Field(default_factory=list)
    revive_include: list[str] = Field(default_factory=list)
    plan_include: list[StepId] = Field(default_factory=list)
    plan_exclude: list[StepId] = Field(default_factory=list)
    who_contains: str | None = None
    plan_horizons: dict[StepId, str] = Field(default_factory=dict)
    plan_funded_by: dict[StepId, ProgrammeId] = Field(default_factory=dict)
    plan_resources: dict[StepId, ProgrammeId] = Field(default_factory=dict)
    plan_early_cost_at_most: str | None = None
    first_network: NetworkId | None = None
    eligible_include: list[NetworkId] = Field(default_factory=list)
    network_order: list[tuple[NetworkId, NetworkId]] = Field(default_factory=list)
    network_cautions: dict[NetworkId, str] = Field(default_factory=dict)
    first_steps_include: list[StepId] = Field(default_factory=list)
    first_steps_exclude: list[StepId] = Field(default_factory=list)
    first_steps_mention: list[str] = Field(default_factory=list)
    top_match_in: list[CaseId] = Field(default_factory=list)
    matches_exclude: list[CaseId] = Field(default_factory=list)
    first_network_not: list[NetworkId] = Field(default_factory=list)
    partner_countries_include: list[CountryCode] = Field(default_factory=list)
    partners_resolved: list[str] = Field(default_factory=list)
    partner_ids: dict[str, int] = Field(default_factory=dict)
    first_partners_size_within: float | None = None
    match_scores: dict[CaseId, float] = Field(default_factory=dict)
    network_scores: dict[NetworkId, float] = Field(default_factory=dict)
    score_tolerance: float = Field(default=0.05, ge=0, le=1)
    match_reasons: dict[CaseId, str] = Field(default_factory=dict)
    network_reasons: dict[NetworkId, str] = Field(default_factory=dict)


class Scenario(Strict):
    description: str
    answers: str
    changes: dict[str, Any] = Field(default_factory=dict)
    expect: Expect


def load_scenario(path: Path, shown: str) -> tuple[Scenario, Document]:
    """The scenario in ``path`` (``shown`` names it in messages); raise :class:`YamlProblems`
    with each problem at its line, an unknown id or key with a suggestion."""
    doc = parse(read_text(path), shown)
    return validate(Scenario, doc, {"known": known_ids()}), doc


def _blamed(problem: Problem, doc: Document) -> Problem:
    """A problem in the changed answers, moved to the scenario line that made it."""
    if not problem.field:
        return problem
    parts: list[str | int] = [int(p) if p.isdigit() else p for p in problem.field.split(".")]
    node, shown = locate(doc.root, ["changes", *parts])
    if node is None or not shown.startswith("changes"):
        return problem
    line, column = line_column(node)
    return replace(problem, file=doc.file, line=line, column=column, field=shown)


def deep_merge(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``changes`` laid over it, mappings merged key by key."""
    merged = dict(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def scenario_result(scenario: Scenario, folder: Path, doc: Document | None = None) -> Result:
    """The advice on the scenario's answers; a value its ``changes`` broke is reported at the
    scenario's own line (when ``doc`` is given), not in the unchanged answers file."""
    source = (folder / scenario.answers).resolve()
    data = deep_merge(yaml.safe_load(source.read_text(encoding="utf-8")), scenario.changes)
    try:
        assessment = parse_answers(yaml.safe_dump(data, allow_unicode=True), str(source))
    except InputError as exc:
        if doc is None or not scenario.changes:
            raise
        raise InputError([_blamed(p, doc) for p in exc.problems]) from exc
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
        + score_misses(expect, result)
    )


def score_misses(expect: Expect, result: Result) -> list[str]:
    """Scores within the tolerance, and words some reason of a match or network contains."""
    scores = {m.id: m.score for m in result.matches}
    networks = {n.id: n for n in [*result.networks, *result.other_networks]}
    misses = []
    for label, wanted, actual in (
        ("match", expect.match_scores, scores),
        ("network", expect.network_scores, {i: n.score for i, n in networks.items()}),
    ):
        for ident, value in wanted.items():
            got = actual.get(ident)
            if got is None or abs(got - value) > expect.score_tolerance:
                misses.append(
                    f"{label} '{ident}' scores {got}, expected {value} ± {expect.score_tolerance}"
                )
    reasons = {m.id: m.reasons for m in result.matches}
    for label, wanted_words, given in (
        ("match", expect.match_reasons, reasons),
        ("network", expect.network_reasons, {i: n.reasons for i, n in networks.items()}),
    ):
        for ident, words in wanted_words.items():
            if not any(words in r for r in given.get(ident, [])):
                misses.append(f"no reason of {label} '{ident}' mentions '{words}'")
    return misses


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
    misses += [
        f"partner '{name}' has GeoNames id {ids.get(name)}, expected {wanted}"
        for name, wanted in expect.partner_ids.items()
        if ids.get(name) != wanted
    ]
    factor = expect.first_partners_size_within
    if factor:
        town = result.meta.population
        sized = [(p.name, p.population) for p in partners if p.population][:FIRST_PARTNERS]
        misses += [
            f"partner '{name}' ({population:,}) is over {factor:g} times the size gap"
            for name, population in sized
            if max(population / town, town / population) > factor
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
    for ident, programme in expect.plan_resources.items():
        offered = [r.id for r in steps[ident].resources] if ident in steps else []
        if programme not in offered:
            misses.append(f"plan step '{ident}' does not point to '{programme}'; got {offered}")
    for ident, programme in expect.plan_funded_by.items():
        funded = steps[ident].funded_by if ident in steps else None
        if funded is None or funded.id != programme or not funded.route:
            misses.append(f"plan step '{ident}' is not funded by '{programme}' with a route")
    if expect.plan_early_cost_at_most is not None:
        limit = BUDGET_SCALE.index(expect.plan_early_cost_at_most)
        misses += [
            f"plan step '{s.id}' costs {s.cost_band} in {s.horizon} with no funding route"
            for s in result.plan
            if s.horizon != "one_to_three_years"
            and BUDGET_SCALE.index(s.cost_band) > limit
            and s.funded_by is None
        ]
    return misses
