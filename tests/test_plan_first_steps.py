"""First steps specific to the town (issue 10, item 8): the look-within order stays, but the
inventory starts from the town's own themes and institutions, and a town that declared a
connection has the letter to that place among its three first steps (rules/plan/*.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from advisor.answers import load_answers, parse_answers
from advisor.assess import assess
from advisor.headline import first_steps
from advisor.knowledge.load import default_knowledge
from advisor.knowledge.rules_models import PlanStep
from advisor.model.assessment import Assessment
from advisor.plan import promote, wording

ROOT = Path(__file__).resolve().parents[1]
K = default_knowledge()

STEEL_TOWN: dict[str, dict[str, Any]] = {
    "municipality": {"name": "Forgeham", "country": "DE", "population": 40000},
    "history": {"themes": ["industrial_heritage"], "connections": []},
    "specializations": {
        "themes": [],
        "institutions": [{"name": "Forgeham Steelworks", "kind": "company"}],
    },
}
VILLAGE: dict[str, dict[str, Any]] = {
    "municipality": {"name": "Little Brook", "country": "FR", "population": 900},
    "history": {"themes": ["missionary_faith"], "connections": []},
    "specializations": {"themes": [], "institutions": []},
}
NOTHING_DECLARED: dict[str, dict[str, Any]] = {
    "history": {"themes": [], "connections": []},
    "specializations": {"themes": [], "institutions": []},
}


def town(**changes: dict[str, Any]) -> Assessment:
    """The Vaux-sur-Aure answers with sections replaced key by key."""
    data = load_answers(ROOT / "examples" / "vaux_sur_aure.yaml").model_dump(mode="json")
    data["ties"] = {**data["ties"], "sister_towns": []}
    for section, values in changes.items():
        data[section] = {**data[section], **values}
    return parse_answers(yaml.safe_dump(data, allow_unicode=True), "town.yaml")


def first_of(assessment: Assessment) -> list[tuple[str, str, str]]:
    """(id, title, why) of the three first steps, as the summary shows them."""
    result = assess(assessment, K)
    return [(s.id, s.title, s.why) for s in first_steps(result)]


def label(theme: str) -> str:
    return K.label("theme", theme).lower()


def test_two_histories_give_two_inventories_naming_their_own_themes() -> None:
    steel, village = first_of(town(**STEEL_TOWN)), first_of(town(**VILLAGE))
    assert steel[0][0] == village[0][0] == "inventory_what_makes_us_special"
    assert steel[0][1:] != village[0][1:]
    assert label("industrial_heritage") in steel[0][1]
    assert "Forgeham Steelworks" in steel[0][2]
    assert label("missionary_faith") in village[0][1]
    assert label("industrial_heritage") not in village[0][1] + village[0][2]


def test_declared_connection_puts_the_letter_to_that_place_among_the_first_three() -> None:
    connection = {"place": "Tainan", "country": "TW", "kind": "person"}
    answers = town(history={"themes": ["missionary_faith"], "connections": [connection]})
    steps = first_of(answers)
    ids = [s[0] for s in steps]
    assert ids[0] == "inventory_what_makes_us_special"
    assert "contact_historical_connection.tainan" in ids
    assert "Tainan" in dict((s[0], s[1]) for s in steps)["contact_historical_connection.tainan"]


def test_only_the_first_connection_is_promoted() -> None:
    conns = [
        {"place": "Tainan", "country": "TW", "kind": "person"},
        {"place": "Leiden", "country": "NL", "kind": "trade"},
    ]
    ids = [s[0] for s in first_of(town(history={"themes": [], "connections": conns}))]
    assert ids.count("contact_historical_connection.tainan") == 1
    assert "contact_historical_connection.leiden" not in ids
    assert "map_existing_links" in ids


def test_town_without_connections_keeps_the_generic_look_within_order() -> None:
    steps = first_of(town(**NOTHING_DECLARED))
    ids = [s[0] for s in steps]
    assert ids[:2] == ["inventory_what_makes_us_special", "map_existing_links"]
    generic = next(s for s in K.rules.plan if s.id == "inventory_what_makes_us_special")
    assert steps[0][1] == generic.title.format(town="Vaux-sur-Aure")


def test_a_variant_is_used_only_when_all_its_placeholders_have_a_value() -> None:
    step = PlanStep.model_validate(
        {
            "id": "x",
            "horizon": "first_3_months",
            "title": "generic",
            "why": "generic why",
            "who": "someone",
            "effort": "low",
            "cost_band": "none",
            "variants": [{"title": "from {themes}", "why": "and {institutions}"}],
        }
    )
    assert wording(step, {"themes": "a", "institutions": ""}).title == "generic"
    assert wording(step, {"themes": "a", "institutions": "b"}).title == "from {themes}"


def test_an_unknown_placeholder_in_a_variant_is_a_load_error() -> None:
    with pytest.raises(ValueError, match="unknown placeholder"):
        PlanStep.model_validate(
            {
                "id": "x",
                "horizon": "first_3_months",
                "title": "t",
                "why": "w",
                "who": "someone",
                "effort": "low",
                "cost_band": "none",
                "variants": [{"title": "from {heroes}", "why": "w"}],
            }
        )


def test_promote_leaves_a_plan_without_the_step_unchanged() -> None:
    result = assess(town(**NOTHING_DECLARED), K)
    assert promote(result.plan, K.rules.plan) == result.plan
