"""Numbers as people write them (population field) and scores as words on one scale."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor.errors import KnowledgeError
from advisor.i18n import t
from advisor.numbers import (
    MODEL_MAX,
    MODEL_MIN,
    PLAUSIBLE_MAX,
    PLAUSIBLE_MIN,
    NumberError,
    parse_whole_number,
    population_text,
    read_population,
)
from advisor.report.fmt import rating, scored
from advisor.scores import default_scale, load_scale, score_level

STYLES = [",", ".", " ", "'", "\u00a0", "\u202f", "\u2019"]


def grouped(value: int, sep: str) -> str:
    return f"{value:,}".replace(",", sep)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("8.000", 8000),
        ("8,000", 8000),
        ("8 000", 8000),
        ("8'000", 8000),
        ("12.500", 12500),
        ("1.234.567", 1234567),
        ("1,234,567", 1234567),
        ("1 234 567", 1234567),
        ("  29000 ", 29000),
        ("300", 300),
        ("1.000", 1000),
    ],
)
def test_whole_numbers_in_every_common_style(text: str, value: int) -> None:
    assert parse_whole_number(text) == value


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("1e3", "number.scientific"),
        ("1E3", "number.scientific"),
        ("1.5e3", "number.scientific"),
        ("12,5", "number.decimal"),
        ("8.00", "number.decimal"),
        ("-5", "number.negative"),
        ("12.50.000", "number.grouping"),
        ("1,234.567", "number.grouping"),
        ("1.2345", "number.grouping"),
        ("eight", "number.not_a_number"),
        ("8000 people", "number.not_a_number"),
        ("9" * 5000, "number.too_long"),
    ],
)
def test_anything_else_is_refused_with_the_reason(text: str, key: str) -> None:
    with pytest.raises(NumberError) as caught:
        parse_whole_number(text)
    assert caught.value.key == key
    message = t(key, **caught.value.params)
    assert message != key and "{" not in message


def test_scientific_notation_is_not_read_as_its_mantissa() -> None:
    reading = read_population("1e3")
    assert reading.value is None
    assert "scientific" in t(reading.error or "", **reading.params)


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(STYLES))
def test_any_grouped_integer_parses_back(value: int, sep: str) -> None:
    assert parse_whole_number(grouped(value, sep)) == value
    assert parse_whole_number(str(value)) == value


@given(st.integers(min_value=1, max_value=MODEL_MAX))
def test_the_field_text_reads_back_as_the_stored_population(value: int) -> None:
    assert read_population(population_text(value)).value == value


def test_bounds_come_from_the_answers_model() -> None:
    assert (MODEL_MIN, MODEL_MAX) == (1, 50_000_000)
    assert MODEL_MIN < PLAUSIBLE_MIN < PLAUSIBLE_MAX < MODEL_MAX


def test_empty_is_not_given_rather_than_zero() -> None:
    assert read_population("   ") == read_population("")
    assert read_population("").value is None and read_population("").error is None


@pytest.mark.parametrize(
    ("text", "value", "error", "warning"),
    [
        ("8.000", 8000, None, None),
        ("49", 49, None, "number.very_small"),
        ("50", 50, None, None),
        ("40.000.000", 40_000_000, None, None),
        ("40.000.001", 40_000_001, None, "number.very_large"),
        ("0", None, "number.out_of_range", None),
        ("50.000.001", None, "number.out_of_range", None),
    ],
)
def test_population_bounds_and_warnings(
    text: str, value: int | None, error: str | None, warning: str | None
) -> None:
    reading = read_population(text)
    assert (reading.value, reading.error, reading.warning) == (value, error, warning)


def test_population_text_is_grouped_and_blank_when_unknown() -> None:
    assert population_text(372089) == "372,089"
    assert population_text(None) == ""


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (1.0, "strong"),
        (0.7, "strong"),
        (0.69, "good"),
        (0.5, "good"),
        (0.41, "some"),
        (0.3, "some"),
        (0.29, "weak"),
        (0.0, "weak"),
    ],
)
def test_score_levels_follow_the_rules_file(score: float, level: str) -> None:
    assert score_level(score) == level


def test_one_scale_in_words_and_numbers() -> None:
    assert scored(0.72) == "strong fit (72%)"
    assert scored(0.55) == "good fit (55%)"
    assert scored(0.40) == "some fit (40%)"
    assert scored(0.41, "similarity") == "some similarity (41%)"
    assert rating(0.2) == "weak (20%)"


def test_every_level_has_words_in_the_catalog() -> None:
    for level in default_scale().levels:
        assert t(f"score.level.{level.id}") != f"score.level.{level.id}"


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ("[{id: a, at_least: 0.2}, {id: b, at_least: 0.5}, {id: c, at_least: 0}]", "highest"),
        ("[{id: a, at_least: 0.5}, {id: b, at_least: 0.1}]", "at_least: 0"),
        ("[{id: a, at_least: 1.5}, {id: b, at_least: 0}]", "levels"),
        ("[{id: a, at_least: 0.5}, {id: a, at_least: 0}]", "unique"),
    ],
)
def test_a_broken_scale_is_refused_with_its_file(
    tmp_path: Path, levels: str, expected: str
) -> None:
    path = tmp_path / "score_scale.yaml"
    path.write_text(f"description: test\nlevels: {levels}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_scale(path)
    assert str(path) in str(caught.value) and expected in str(caught.value)
