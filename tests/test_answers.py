"""Answers files: lossless round trip and specific messages for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.answers import dump_answers, load_answers, parse_answers
from advisor.errors import InputError
from advisor.model.assessment import Assessment

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_round_trip_without_loss(path: Path):
    assessment = load_answers(path)
    again = parse_answers(dump_answers(assessment), "again.yaml")
    assert again == assessment
    assert dump_answers(again) == dump_answers(assessment)


def test_unicode_names_survive_a_round_trip():
    text = "municipality: {name: 平戸市, country: jp, population: 29000, region: Nagasaki}\n"
    assessment = parse_answers(text, "u.yaml")
    assert assessment.municipality.country == "JP"
    assert "平戸市" in dump_answers(assessment)
    assert parse_answers(dump_answers(assessment), "again.yaml") == assessment


def problems_of(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_answers(text, "answers.yaml")
    return [str(p) for p in caught.value.problems]


def test_unknown_theme_names_file_line_field_and_suggests():
    text = (
        "municipality: {name: X, country: FR, population: 300}\nhistory:\n  themes: [missionary]\n"
    )
    assert problems_of(text) == [
        "answers.yaml:3:12: history.themes[0]: unknown theme 'missionary' "
        "(did you mean 'missionary_faith'?)"
    ]


def test_wrong_type_is_explained_in_plain_words():
    text = "municipality:\n  name: X\n  country: FR\n  population: about 300\n"
    assert problems_of(text) == [
        "answers.yaml:4:15: municipality.population: expected a whole number, got 'about 300'"
    ]


def test_several_problems_are_reported_together():
    text = (
        "municipality: {name: X, country: FRA, population: 300}\n"
        "capacity: {staff_time: lots}\n"
        "ties: {networks: [mayors_for_peas]}\n"
    )
    found = problems_of(text)
    assert len(found) == 3
    assert any("did you mean 'FR'" in p for p in found)
    assert any("capacity.staff_time" in p for p in found)
    assert any("did you mean 'mayors_for_peace'" in p for p in found)


def test_malformed_yaml_gives_line():
    (line,) = problems_of("municipality: {name: X\n")
    assert line.startswith("answers.yaml:2:")


def test_a_list_instead_of_answers_is_refused():
    (line,) = problems_of("- a\n- b\n")
    assert "an answers file is a YAML mapping" in line


def test_newer_schema_is_refused_with_a_reason():
    (line,) = problems_of("schema_version: 9\n")
    assert "newer Look Within" in line


def test_missing_file_and_binary_file(tmp_path: Path):
    with pytest.raises(InputError, match="no such file"):
        load_answers(tmp_path / "none.yaml")
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(InputError, match="not UTF-8"):
        load_answers(binary)


def test_empty_assessment_is_valid_but_incomplete():
    assessment = Assessment()
    assert assessment.missing() == [
        "municipality.name",
        "municipality.country",
        "municipality.population",
    ]


def test_repeated_themes_count_once():
    text = (
        "municipality: {name: X, country: FR, population: 300}\n"
        "history: {themes: [war_memory, war_memory]}\n"
    )
    assert parse_answers(text, "a.yaml").history.themes == ["war_memory"]
