"""``advisor workshop``: create, answer, close, delete, purge (summary and agree: below)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advisor.cli import main
from advisor.store import open_database
from advisor.workshop.store import WorkshopStore

ROOT = Path(__file__).resolve().parents[1]
HIRADO = str(ROOT / "examples" / "hirado.yaml")


@pytest.fixture
def db(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'ws.db'}"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def create(capsys, db: str, *extra: str) -> dict[str, str]:
    code, out, _ = run(capsys, "workshop", "create", "--database", db, "--format", "json", *extra)
    assert code == 0
    return json.loads(out)


def test_create_prints_code_key_and_links(capsys, db):
    made = create(capsys, db, "--town", "Hirado", "--country", "jp", "--population", "29000")
    assert len(made["code"]) == 8 and len(made["facilitator_key"]) >= 43
    assert made["participant_link"].endswith(f"/?join={made['code']}")
    assert f"key={made['facilitator_key']}" in made["facilitator_link"]
    found = WorkshopStore(open_database(db)).facilitate(made["code"], made["facilitator_key"])
    assert found.settings.town.country == "JP"


def test_create_from_an_answers_file_keeps_its_town_and_answers(capsys, db):
    made = create(capsys, db, "--answers", HIRADO, "--parts", "history,goals")
    found = WorkshopStore(open_database(db)).facilitate(made["code"], made["facilitator_key"])
    assert found.settings.town.name == "Hirado"
    assert found.settings.parts == ["history", "goals"]
    assert found.settings.base is not None and found.settings.base.ties.sister_towns


def test_answer_records_only_the_open_parts(capsys, db, tmp_path):
    made = create(capsys, db, "--answers", HIRADO, "--parts", "history,ties")
    code, out, _ = run(
        capsys, "workshop", "answer", made["code"], HIRADO, "--name", "Ana", "--database", db
    )
    assert code == 0
    assert "part 'capacity' is not open in this workshop; ignored" in out
    assert "recorded history, ties" in out
    room = WorkshopStore(open_database(db)).participants(made["code"], made["facilitator_key"])
    assert [(p.name, p.parts_done) for p in room] == [("Ana", ["history", "ties"])]


def test_a_participant_file_without_the_town_block(capsys, db, tmp_path):
    made = create(capsys, db, "--town", "Hirado", "--country", "JP", "--population", "29000")
    partial = tmp_path / "mine.yaml"
    partial.write_text("history:\n  themes: [trade_port_heritage]\n", encoding="utf-8")
    code, out, _ = run(capsys, "workshop", "answer", made["code"], str(partial), "--database", db)
    assert code == 0 and "recorded history" in out


@pytest.mark.parametrize("verb", ["close", "delete"])
def test_a_wrong_key_exits_2_and_changes_nothing(capsys, db, verb):
    made = create(capsys, db, "--town", "Hirado", "--country", "JP", "--population", "29000")
    code, _, err = run(capsys, "workshop", verb, made["code"], "--key", "wrong", "--database", db)
    assert code == 2
    assert "no workshop with this code and facilitator key" in err
    assert "Traceback" not in err
    store = WorkshopStore(open_database(db))
    assert store.facilitate(made["code"], made["facilitator_key"]).status == "open"


def test_a_wrong_code_exits_2(capsys, db):
    code, _, err = run(capsys, "workshop", "answer", "ZZZZ-ZZZZ", HIRADO, "--database", db)
    assert code == 2 and "no workshop with this code" in err


def test_close_then_answer_is_refused_and_delete_removes_everything(capsys, db):
    made = create(capsys, db, "--answers", HIRADO)
    key = ["--key", made["facilitator_key"], "--database", db]
    assert run(capsys, "workshop", "close", made["code"], *key)[0] == 0
    code, _, err = run(capsys, "workshop", "answer", made["code"], HIRADO, "--database", db)
    assert code == 2 and "closed" in err
    assert run(capsys, "workshop", "delete", made["code"], *key)[0] == 0
    code, _, err = run(capsys, "workshop", "close", made["code"], *key)
    assert code == 2


def test_purge_removes_untouched_workshops(capsys, db):
    create(capsys, db, "--answers", HIRADO)
    code, out, _ = run(capsys, "workshop", "purge", "--older-than", "0", "--database", db)
    assert code == 0 and "purged 1 workshop(s)" in out


def test_summary_shows_participation_and_agreement_without_secret_ids(capsys, db, tmp_path):
    made = create(capsys, db, "--answers", HIRADO)
    mine = tmp_path / "b.yaml"
    mine.write_text("history:\n  themes: [trade_port_heritage, war_memory]\n", encoding="utf-8")
    run(capsys, "workshop", "answer", made["code"], HIRADO, "--name", "Ana", "--database", db)
    run(capsys, "workshop", "answer", made["code"], str(mine), "--name", "Ben", "--database", db)
    key = ["--key", made["facilitator_key"], "--database", db]
    code, out, _ = run(capsys, "workshop", "summary", made["code"], *key, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["participants"] == 2 and data["answered"]["history"] == 2
    port = next(i for i in data["items"] if i["key"] == "history.themes:trade_port_heritage")
    assert (port["count"], port["consensus"]) == (2, "agreed")
    war = next(i for i in data["items"] if i["key"] == "history.themes:war_memory")
    assert war["consensus"] in {"agreed", "divergent"}
    assert [p["name"] for p in data["progress"]] == ["Ana", "Ben"]
    store = WorkshopStore(open_database(db))
    for person in store.participants(made["code"], made["facilitator_key"]):
        assert person.id not in out
    code, text, _ = run(capsys, "workshop", "summary", made["code"], *key)
    assert "2 participant(s)" in text and "Trading-port heritage" in text


def test_agreed_answers_of_one_participant_give_the_same_advice(capsys, db, tmp_path):
    made = create(capsys, db, "--answers", HIRADO)
    run(capsys, "workshop", "answer", made["code"], HIRADO, "--database", db)
    agreed = tmp_path / "agreed.yaml"
    key = ["--key", made["facilitator_key"], "--database", db]
    code, out, _ = run(capsys, "workshop", "agree", made["code"], *key, "-o", str(agreed))
    assert code == 0 and "1 participant(s)" in out
    _, direct, _ = run(capsys, "assess", HIRADO, "--format", "json", "--no-open-data")
    _, pooled, _ = run(capsys, "assess", str(agreed), "--format", "json", "--no-open-data")
    assert json.loads(pooled) == json.loads(direct)


def test_agree_with_a_stricter_threshold_drops_what_half_the_room_named(capsys, db, tmp_path):
    made = create(capsys, db, "--answers", HIRADO, "--parts", "history")
    one = tmp_path / "one.yaml"
    one.write_text("history:\n  themes: [war_memory]\n", encoding="utf-8")
    two = tmp_path / "two.yaml"
    two.write_text("history:\n  themes: [trade_port_heritage]\n", encoding="utf-8")
    for path in (one, two):
        run(capsys, "workshop", "answer", made["code"], str(path), "--database", db)
    key = ["--key", made["facilitator_key"], "--database", db]
    _, half, _ = run(capsys, "workshop", "agree", made["code"], *key, "-o", "-")
    _, strict, _ = run(
        capsys, "workshop", "agree", made["code"], *key, "-o", "-", "--threshold", "0.75"
    )
    assert "war_memory" in half and "trade_port_heritage" in half
    assert "war_memory" not in strict and "trade_port_heritage" not in strict
