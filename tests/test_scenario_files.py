"""Scenario files are read as strictly as any input (issue 11, toolkit): an unknown id or
key is an error at its line with a suggestion, a bad value under ``changes:`` is blamed on
the scenario, and scenarios may check scores (with a tolerance) and reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.errors import InputError
from advisor.yamlio import YamlProblems
from tests.scenario_checks import load_scenario, scenario_result, unmet

ROOT = Path(__file__).resolve().parents[1]
HIRADO = (ROOT / "examples" / "hirado.yaml").as_posix()


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(f"description: a test scenario\nanswers: {HIRADO}\n{body}", encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(YamlProblems) as caught:
        load_scenario(path, "case.yaml")
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "expect:\n  networks_include: [c4O]\n",
            "case.yaml:4:22: expect.networks_include[0]: unknown network 'c4O' "
            "(did you mean 'c40'?)",
        ),
        (
            "expect:\n  top_match: hirdo\n",
            "case.yaml:4:14: expect.top_match: unknown reference case 'hirdo' "
            "(did you mean 'hirado'?)",
        ),
        (
            "expect:\n  first_steps_include: [contact_historical_conection.tainan]\n",
            "case.yaml:4:25: expect.first_steps_include[0]: unknown plan step "
            "'contact_historical_conection' (did you mean 'contact_historical_connection'?)",
        ),
        ("expect:\n  top_matches: hirado\n", "case.yaml:4:3: expect.top_matches: "),
    ],
)
def test_an_unknown_id_or_key_is_reported_at_its_line(tmp_path, body, expected):
    found = problems(write(tmp_path, body))
    assert any(line.startswith(expected) for line in found), found


def test_a_bad_change_is_blamed_on_the_scenario_line(tmp_path):
    path = write(tmp_path, "changes:\n  municipality: {population: many}\nexpect: {}\n")
    scenario, doc = load_scenario(path, "case.yaml")
    with pytest.raises(InputError) as caught:
        scenario_result(scenario, tmp_path, doc)
    lines = [str(p) for p in caught.value.problems]
    assert any(
        line.startswith("case.yaml:4:30: changes.municipality.population: expected a whole number")
        for line in lines
    )


def test_scores_are_checked_within_their_tolerance_and_reasons_by_their_words(tmp_path):
    path = write(tmp_path, "expect: {}\n")
    scenario, doc = load_scenario(path, "case.yaml")
    result = scenario_result(scenario, tmp_path, doc)
    top = result.matches[0]
    near = scenario.expect.model_copy(
        update={"match_scores": {top.id: top.score + 0.04}, "match_reasons": {top.id: "shared"}}
    )
    assert unmet(near, result) == []
    far = near.model_copy(update={"match_scores": {top.id: top.score + 0.2}})
    assert any("expected" in m and "±" in m for m in unmet(far, result))
    wordless = near.model_copy(update={"match_reasons": {top.id: "no such words"}})
    assert unmet(wordless, result) == [f"no reason of match '{top.id}' mentions 'no such words'"]
