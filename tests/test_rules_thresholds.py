"""Every threshold that moved from Python into rules/ is really read: changing any one of
them changes the advice on some of the towns below (issue 11, the policy officer's
toolkit). A threshold left behind in code, or a rule nothing reads, fails here."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from advisor.answers import load_answers, parse_answers
from advisor.assess import assess
from advisor.knowledge.load import load_knowledge
from advisor.model.assessment import Assessment
from advisor.opendata.bundle import open_data
from advisor.paths import DATA_DIR, RULES_DIR
from tests.real_towns.evaluate import load_town, town_files

ROOT = Path(__file__).resolve().parents[1]

MUTATIONS: list[tuple[str, str, Any]] = [
    ("matching.yaml", "size_reason_at", 0.99),
    ("network_fit.yaml", "reason_at", 0.95),
    ("partners.yaml", "twinner_size_weight", 0.6),
    ("partners.yaml", "twinner_tie_weight", 0.05),
    ("partners.yaml", "twinner_ties_counted", 1),
    ("partners.yaml", "partner_of_partner_per_extra", 0.3),
    ("partners.yaml", "partner_of_partner_size_share", 1.0),
    ("partners.yaml", "partner_of_partner_max", 0.3),
    ("partners.yaml", "network_peer_size_share", 1.0),
    ("partners.yaml", "network_peer_min_size", 0.95),
    ("capacity.yaml", "staff_from_staff_time", "part_time"),
    ("capacity.yaml", "coordinator_from_staff_time", "part_time"),
    ("capacity.yaml", "coordinator_if_unit", False),
    ("capacity.yaml", "coordinator_if_coordinator", False),
]


def variant(example: str, **sections: dict[str, Any]) -> Assessment:
    raw = yaml.safe_load((ROOT / "examples" / example).read_text(encoding="utf-8"))
    for key, value in sections.items():
        raw[key] = {**raw.get(key, {}), **value}
    return parse_answers(yaml.safe_dump(raw, allow_unicode=True), example)


@cache
def towns() -> tuple[Assessment, ...]:
    """The examples, the real towns, and two variants: a Covenant signatory looking for
    partners in Lebanon (network peers of two sizes), and a town whose international
    coordinator is its only international staff. Between them they meet every rule above."""
    found = [load_answers(p) for p in sorted((ROOT / "examples").glob("*.yaml"))]
    for path in town_files():
        raw = yaml.safe_dump(load_town(path).answers, allow_unicode=True)
        found.append(parse_answers(raw, path.name))
    found.append(
        variant(
            "vaux_sur_aure.yaml",
            municipality={"population": 20000},
            ties={"networks": ["covenant_of_mayors"]},
            goals={"partner_countries": ["LB"]},
        )
    )
    found.append(
        variant(
            "vaux_sur_aure.yaml",
            capacity={
                "international_coordinator": True,
                "dedicated_unit": False,
                "staff_time": "hours_per_month",
            },
        )
    )
    return tuple(found)


def advice(rules_dir: Path) -> list[str]:
    knowledge = load_knowledge(DATA_DIR, rules_dir)
    data = open_data()
    return [assess(a, knowledge, data).model_dump_json(exclude={"meta"}) for a in towns()]


@cache
def baseline() -> tuple[str, ...]:
    return tuple(advice(RULES_DIR))


@pytest.mark.parametrize(("file", "key", "value"), MUTATIONS, ids=[m[1] for m in MUTATIONS])
def test_changing_the_threshold_changes_some_advice(
    tmp_path: Path, file: str, key: str, value: Any
):
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    path = rules / file
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert key in data, f"{file} has no {key}"
    assert data[key] != value
    data[key] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert advice(rules) != list(baseline()), f"changing {file} {key} changed nothing"
