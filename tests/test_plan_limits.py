"""A repeated plan step stops at its rule's ``limit``: a town with seven dormant ties gets
five letters, and with five connections three more (rules/plan/02_partners.yaml)."""

from __future__ import annotations

from pathlib import Path

import yaml

from advisor.answers import parse_answers
from advisor.assess import assess
from advisor.knowledge.load import default_knowledge

ROOT = Path(__file__).resolve().parents[1]
PLACES = ["Arles", "Brest", "Caen", "Dijon", "Evian-les-Bains", "Foix", "Gap"]
LINKS = ["Hamburg", "Kiel", "Lübeck", "Mainz", "Ulm"]


def plan_ids(connections: int, dormant: int) -> list[str]:
    raw = yaml.safe_load((ROOT / "examples" / "hirado.yaml").read_text(encoding="utf-8"))
    raw["history"]["connections"] = [
        {"place": p, "country": "DE", "kind": "trade"} for p in LINKS[:connections]
    ]
    raw["ties"]["sister_towns"] = [
        {"place": p, "country": "FR", "since": 1990, "status": "dormant"} for p in PLACES[:dormant]
    ]
    answers = parse_answers(yaml.safe_dump(raw, allow_unicode=True), "limits")
    return [s.id for s in assess(answers, default_knowledge()).plan]


def limit_of(step_id: str) -> int:
    step = next(s for s in default_knowledge().rules.plan if s.id == step_id)
    assert step.limit is not None
    return step.limit


def test_repeated_steps_stop_at_their_limit():
    ids = plan_ids(connections=5, dormant=7)
    revive = [i for i in ids if i.startswith("revive_dormant_tie.")]
    letters = [i for i in ids if i.startswith("contact_historical_connection.")]
    assert len(revive) == limit_of("revive_dormant_tie") == 5
    assert len(letters) == limit_of("contact_historical_connection") == 3


def test_under_the_limit_every_place_gets_its_step():
    ids = plan_ids(connections=2, dormant=2)
    assert sum(i.startswith("revive_dormant_tie.") for i in ids) == 2
    assert sum(i.startswith("contact_historical_connection.") for i in ids) == 2
