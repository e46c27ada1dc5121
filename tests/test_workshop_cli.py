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
