"""The scenario plugin reports every unmet expectation (so a scenario can fail)."""

from __future__ import annotations

from pathlib import Path

from tests.scenario_checks import Expect, Scenario, scenario_result, unmet

SCENARIOS = Path(__file__).resolve().parent / "scenarios"


def test_wrong_expectations_are_all_reported():
    scenario = Scenario(
        description="deliberately wrong",
        answers="../../examples/hirado.yaml",
        expect=Expect(
            top_match="nagasaki",
            networks_include=["c40"],
            partners_exclude=["Tainan"],
            plan_include=["no_such_step"],
        ),
    )
    misses = unmet(scenario.expect, scenario_result(scenario, SCENARIOS))
    assert len(misses) == 4
    assert misses[0].startswith("top match is ['hirado'], expected nagasaki")


def test_changes_are_laid_over_the_answers():
    scenario = Scenario(
        description="bigger Hirado",
        answers="../../examples/hirado.yaml",
        changes={"municipality": {"population": 70000}},
        expect=Expect(),
    )
    result = scenario_result(scenario, SCENARIOS)
    assert result.meta.population == 70000 and result.meta.town == "Hirado"
