"""The condition language: each operator's verdict and the sentences it gives."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from advisor.conditions import Condition, Facts

CONDITION = TypeAdapter(Condition)


def facts(**values) -> Facts:
    base = {
        "population": 29000,
        "country": "JP",
        "staff_time": "hours_per_month",
        "budget_band": "under_1k",
        "capacity_level": "volunteer",
        "has_coordinator": False,
        "has_dedicated_unit": False,
        "has_strategy": False,
        "languages": frozenset({"ja"}),
        "sister_town_count": 1,
        "active_sister_town_count": 1,
        "dormant_sister_town_count": 0,
        "network_count": 0,
        "association_count": 0,
        "connection_count": 2,
    }
    extra = {k: values.pop(k) for k in list(values) if k not in base}
    return Facts(values={**base, **values}, continent="AS", **extra)


def check(spec, fact_set):
    return CONDITION.validate_python(spec).evaluate(fact_set)


def test_population_below_limit_explains_with_numbers():
    outcome = check({"field": "population", "below": 50000}, facts())
    assert outcome.matched
    assert outcome.because == ("population 29,000 is under 50,000",)


def test_population_over_limit_says_so():
    outcome = check({"field": "population", "below": 50000}, facts(population=120000))
    assert not outcome.matched
    assert outcome.because == ("population 120,000 is not under 50,000",)


@pytest.mark.parametrize(
    ("op", "limit", "expected"),
    [
        ("at_least", 29000, True),
        ("at_least", 29001, False),
        ("at_most", 29000, True),
        ("above", 29000, False),
        ("equals", 29000, True),
        ("one_of", [1, 29000], True),
    ],
)
def test_number_operators(op, limit, expected):
    assert check({"field": "population", op: limit}, facts()).matched is expected


def test_ordinal_compares_by_scale_position():
    outcome = check({"field": "staff_time", "at_least": "hours_per_week"}, facts())
    assert not outcome.matched
    assert "a few hours a month, less than a few hours a week" in outcome.because[0]
    assert check({"field": "budget_band", "below": "1k_to_10k"}, facts()).matched


def test_bool_field_reads_as_a_statement():
    outcome = check({"field": "has_strategy", "equals": False}, facts())
    assert outcome.matched
    assert outcome.because == ("there is no written international strategy",)


def test_set_field_includes():
    assert not check({"field": "languages", "includes": "en"}, facts()).matched
    assert check({"field": "languages", "includes": "ja"}, facts()).matched


def test_note_is_appended_to_the_reason():
    outcome = check({"field": "population", "below": 50000, "note": "Cittaslow limit"}, facts())
    assert outcome.because == ("population 29,000 is under 50,000 (Cittaslow limit)",)


def test_all_reports_only_the_failing_clause():
    spec = {
        "all": [
            {"field": "population", "below": 50000},
            {"field": "staff_time", "at_least": "part_time"},
        ]
    }
    outcome = check(spec, facts())
    assert not outcome.matched
    assert len(outcome.because) == 1 and "staff time" in outcome.because[0]


def test_any_reports_the_clause_that_held():
    spec = {"any": [{"country": ["FR"]}, {"theme": "war_memory"}]}
    outcome = check(spec, facts(themes=frozenset({"war_memory"})))
    assert outcome.matched
    assert outcome.because == ("themes include war memory",)


def test_not_flips_the_verdict_and_keeps_the_facts():
    outcome = check({"not": {"asset": "world_heritage_site"}}, facts())
    assert outcome.matched
    assert outcome.because == ("declared assets include none of: world heritage site",)


@pytest.mark.parametrize(
    ("spec", "fact_set", "expected"),
    [
        ({"theme": "nuclear_memory"}, facts(themes=frozenset({"nuclear_memory"})), True),
        ({"any_theme": ["a", "b"]}, facts(themes=frozenset({"b"})), True),
        ({"asset": "seaport"}, facts(), False),
        ({"any_asset": ["seaport", "university"]}, facts(assets=frozenset({"university"})), True),
        ({"goal": "peace"}, facts(goals=frozenset({"peace"})), True),
        ({"any_goal": ["culture"]}, facts(), False),
        ({"country": ["JP", "KR"]}, facts(), True),
        ({"country_group": "eu"}, facts(country_groups=frozenset({"g20"})), False),
        ({"continent": "AS"}, facts(), True),
        (
            {"member_of": "mayors_for_peace"},
            facts(memberships=frozenset({"mayors_for_peace"})),
            True,
        ),
        ({"connection_kind": "faith"}, facts(connection_kinds=frozenset({"trade"})), False),
        ({"constraint": "no_budget"}, facts(constraints=frozenset({"no_budget"})), True),
    ],
)
def test_every_leaf_operator(spec, fact_set, expected):
    outcome = check(spec, fact_set)
    assert outcome.matched is expected
    assert outcome.because and all(outcome.because)


def test_country_reasons_use_country_names():
    outcome = check({"country": ["FR", "IT"]}, facts())
    assert outcome.because == ("the country is Japan, not France or Italy",)


@pytest.mark.parametrize(
    ("spec", "fragment"),
    [
        ({"thme": "x"}, "did not"),
        ({"field": "population"}, "exactly one operator"),
        ({"field": "population", "below": 1, "above": 2}, "exactly one operator"),
        ({"field": "languages", "below": 3}, "does not apply"),
        ({"field": "budget_band", "below": "cheap"}, "takes one of"),
        ({"all": []}, "at least 1 item"),
        ({"theme": "a", "goal": "b"}, "one operator"),
        ("population < 5", "a condition is a mapping"),
    ],
)
def test_malformed_conditions_are_rejected(spec, fragment):
    with pytest.raises(ValidationError) as caught:
        CONDITION.validate_python(spec)
    text = str(caught.value)
    assert fragment in text or (fragment == "did not" and "unknown condition 'thme'" in text)
