"""Test set-up, and the plugin that turns ``tests/scenarios/*.yaml`` into test cases.

A scenario is an answers file (or an example plus changes) and what the advice must and
must not contain. A policy officer adds a case by writing one such file; no Python needed.
See tests/scenarios/README.md for the keys.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import Field

from advisor.answers import parse_answers
from advisor.assess import assess
from advisor.headline import first_steps
from advisor.knowledge.load import default_knowledge
from advisor.model.assessment import BUDGET_SCALE
from advisor.model.base import Strict
from advisor.model.result import Result
from tests.store_fixtures import database  # noqa: F401  (the store's fixture, for every test)

ROOT = Path(__file__).resolve().parents[1]

# Answers the wizard saves during the tests go to a throwaway SQLite file, never to the
# user's own store or to a database named in the environment.
os.environ["LOOK_WITHIN_DATABASE_URL"] = (
    f"sqlite:///{Path(tempfile.mkdtemp(prefix='look-within-tests-')) / 'answers.db'}"
)


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
    )


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


class ScenarioItem(pytest.Item):
    def __init__(self, *, scenario: Scenario, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario

    def runtest(self) -> None:
        result = scenario_result(self.scenario, self.path.parent)
        misses = unmet(self.scenario.expect, result)
        if misses:
            raise ScenarioFailure(misses)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ScenarioFailure):
            lines = "\n".join(f"  - {m}" for m in excinfo.value.misses)
            return f"{self.path.name}: {self.scenario.description}\n{lines}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"scenario: {self.path.stem}"


class ScenarioFailure(Exception):
    def __init__(self, misses: list[str]) -> None:
        super().__init__("\n".join(misses))
        self.misses = misses


class ScenarioFile(pytest.File):
    def collect(self) -> Iterator[ScenarioItem]:
        data = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        yield ScenarioItem.from_parent(
            self, name=self.path.stem, scenario=Scenario.model_validate(data)
        )


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.File | None:
    if file_path.suffix == ".yaml" and file_path.parent.name == "scenarios":
        return ScenarioFile.from_parent(parent, path=file_path)
    return None
