"""Answers files: lossless round trip and specific messages for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.answers import dump_answers, load_answers, parse_answers
from advisor.errors import InputError
from advisor.model.assessment import (
    FORBIDDEN_CHARACTERS,
    MAX_IDS,
    MAX_ITEMS,
    MAX_LANGUAGES,
    MAX_STEPS,
    Assessment,
    strip_control,
)

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


# Hostile input and lossless save (issue 8).

TOWN = "municipality: {name: Hirado, country: JP, population: 29000}\n"
ALLOWED_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"]).filter(
        lambda c: not FORBIDDEN_CHARACTERS.match(c)
    ),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(name=ALLOWED_TEXT, notes=ALLOWED_TEXT, items=st.lists(ALLOWED_TEXT, max_size=3))
def test_any_allowed_text_survives_save_and_reload(name: str, notes: str, items: list[str]):
    assessment = Assessment.model_validate(
        {
            "municipality": {"name": name},
            "history": {"notes": notes},
            "ties": {"partnerships": [i[:200] for i in items]},
        }
    )
    assert parse_answers(dump_answers(assessment), "again.yaml") == assessment


@pytest.mark.parametrize("text", ["a\x85b", "a\u2028b", "a\u2029b", "a\r\nb\tc"])
def test_odd_line_breaks_come_back_as_they_were(text: str):
    assessment = Assessment.model_validate({"history": {"notes": text}})
    assert parse_answers(dump_answers(assessment), "again.yaml").history.notes == text


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x9b", "\ufffe"])
@pytest.mark.parametrize(
    ("where", "field", "line"),
    [
        ("municipality: {{name: 'Hi{c}rado', country: JP}}\n", "municipality.name", 1),
        ("ties:\n  partnerships: [fine, 'a{c}b']\n", "ties.partnerships[1]", 2),
        ("history:\n  notes: 'x{c}'\n", "history.notes", 2),
    ],
)
def test_control_characters_are_refused_with_place_and_code(
    char: str, where: str, field: str, line: int
):
    text = where.replace("'", '"').format(c=f"\\u{ord(char):04X}")
    (problem,) = problems_of(text)
    assert problem.startswith(f"answers.yaml:{line}:")
    assert f"{field}: contains the unprintable character U+{ord(char):04X}" in problem


def test_tabs_and_line_breaks_are_text():
    text = 'history: {notes: "one\\ttwo\\nthree\\r\\nfour\\x85five"}\n'
    assert parse_answers(text, "a.yaml").history.notes == "one\ttwo\nthree\r\nfour\x85five"


def test_strip_control_cleans_a_paste():
    assert strip_control("Hi\x00ra\x1b[0mdo\tok\n") == "Hira[0mdo\tok\n"


LISTS = [
    ("history.connections", MAX_ITEMS, "{place: Leiden, country: NL, kind: trade}"),
    ("specializations.institutions", MAX_ITEMS, "{name: Lab, kind: laboratory}"),
    ("ties.sister_towns", MAX_ITEMS, "{place: Leiden, country: NL}"),
    ("ties.partnerships", MAX_ITEMS, "fair"),
    ("capacity.citizen_associations", MAX_ITEMS, "club"),
    ("capacity.languages", MAX_LANGUAGES, "en"),
    ("goals.partner_countries", MAX_ITEMS, "NL"),
    ("history.themes", MAX_IDS, "trade_port_heritage"),
    ("goals.aims", MAX_IDS, "peace"),
    ("ties.networks", MAX_IDS, "cittaslow"),
    ("constraints.items", MAX_IDS, "no_budget"),
    ("progress.completed_steps", MAX_STEPS, "town"),
]


def _list_file(path: str, item: str, count: int) -> str:
    section, field = path.split(".")
    return f"{TOWN}{section}:\n  {field}: [{', '.join([item] * count)}]\n"


@pytest.mark.parametrize(("path", "cap", "item"), LISTS, ids=[p for p, _, _ in LISTS])
def test_every_list_is_capped_with_the_limit_and_the_count(path: str, cap: int, item: str):
    parse_answers(_list_file(path, item, cap), "answers.yaml")
    (problem,) = problems_of(_list_file(path, item, cap + 1))
    assert problem == (
        f"answers.yaml:3:{len(path.split('.')[1]) + 5}: {path}: "
        f"at most {cap} items are allowed here (found {cap + 1})"
    )


def test_assets_list_is_capped():
    text = TOWN + "assets: [" + ", ".join(["seaport"] * (MAX_IDS + 1)) + "]\n"
    assert problems_of(text) == [
        f"answers.yaml:2:9: assets: at most {MAX_IDS} items are allowed here (found {MAX_IDS + 1})"
    ]


def test_a_complete_load_names_file_and_place_of_each_missing_answer(tmp_path: Path):
    path = tmp_path / "town.yaml"
    path.write_text("schema_version: 1\nmunicipality:\n  name: Hirado\n", encoding="utf-8")
    assert load_answers(path).municipality.name == "Hirado"
    with pytest.raises(InputError) as caught:
        load_answers(path, complete=True)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:3:3: municipality.{field}: this answer is needed before results"
        for field in ("country", "population")
    ]


def test_a_folder_is_not_an_answers_file(tmp_path: Path):
    with pytest.raises(InputError, match="not a regular file"):
        load_answers(tmp_path)


def test_a_saved_file_always_reopens_even_from_unvalidated_answers():
    town = Assessment().municipality.model_copy(update={"name": "Hi\x00ra\x1bdo\x85x"})
    assessment = Assessment().model_copy(update={"municipality": town})
    again = parse_answers(dump_answers(assessment), "again.yaml")
    assert again.municipality.name == "Hirado\x85x"
