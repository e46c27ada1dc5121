"""The answers store on SQLite and PostgreSQL: saving, finding, expiry, purge, races."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from advisor.answers import load_example
from advisor.cli import main
from advisor.errors import InputError, StoreError
from advisor.knowledge.load import default_knowledge
from advisor.model.assessment import Assessment
from advisor.store import DraftStore, new_token, open_database, settings, valid_token
from advisor.store.database import forget, head_revision
from advisor.store.tables import drafts
from tests.store_fixtures import age, at_once


def test_answers_come_back_exactly(database):
    store, token = DraftStore(database, 30), new_token()
    hirado = load_example("hirado")
    hirado = hirado.model_copy(
        update={"history": hirado.history.model_copy(update={"notes": "平戸 — l'été\tend"})}
    )
    store.save(token, hirado)
    found = store.load(token, default_knowledge().known)
    assert found is not None and found.answers == hirado
    assert found.updated_at.tzinfo is not None


def test_saving_again_replaces_and_keeps_one_row(database):
    store, token = DraftStore(database, 30), new_token()
    store.save(token, Assessment())
    first = store.load(token).updated_at
    town = Assessment().municipality.model_copy(update={"name": "Hirado"})
    store.save(token, Assessment(municipality=town))
    found = store.load(token)
    assert found.answers.municipality.name == "Hirado"
    assert found.updated_at >= first
    assert store.count() == 1


@pytest.mark.parametrize(
    "token", ["", "short", "x" * 65, "'; DROP TABLE drafts; --" + "a" * 20, None, 42]
)
def test_malformed_tokens_find_nothing_and_touch_nothing(database, token):
    store = DraftStore(database, 30)
    store.save(new_token(), Assessment())
    assert store.load(token) is None
    assert store.delete(token) is False
    assert store.count() == 1


def test_unknown_token_finds_nothing(database):
    assert DraftStore(database, 30).load(new_token()) is None


def test_expired_draft_is_not_found_and_purge_removes_only_old_ones(database):
    store = DraftStore(database, keep_days=30)
    old, recent = new_token(), new_token()
    store.save(old, Assessment())
    store.save(recent, Assessment())
    age(store, old, 31)
    age(store, recent, 29)
    assert store.load(old) is None
    assert store.load(recent) is not None
    assert store.purge() == 1
    assert store.count() == 1
    assert store.purge(older_than_days=10) == 1
    assert store.count() == 0


def test_delete_clears_the_draft(database):
    store, token = DraftStore(database, 30), new_token()
    store.save(token, Assessment())
    assert store.delete(token) is True
    assert store.load(token) is None
    assert store.delete(token) is False


def test_answers_that_no_longer_fit_the_knowledge_are_reported_and_kept(database):
    store, token = DraftStore(database, 30), new_token()
    with database.engine.begin() as conn:
        bad = Assessment().model_dump(mode="json")
        bad["history"]["themes"] = ["a_theme_since_removed"]
        moment = dt.datetime.now(dt.UTC)
        conn.execute(
            drafts.insert().values(
                token=token,
                answers=Assessment.model_validate(bad).model_dump_json(),
                created_at=moment,
                updated_at=moment,
            )
        )
    with pytest.raises(InputError) as caught:
        store.load(token, default_knowledge().known)
    assert "a_theme_since_removed" in str(caught.value)
    assert "saved draft" in str(caught.value)
    assert store.count() == 1


def test_opening_twice_migrates_once_and_keeps_data(database):
    store, token = DraftStore(database, 30), new_token()
    store.save(token, Assessment())
    forget(database.url)
    again = open_database(database.url)
    assert DraftStore(again, 30).load(token) is not None
    with again.engine.connect() as conn:
        version = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()
    assert version == head_revision() == "0002_workshops"


def test_many_writers_at_once_lose_and_mix_nothing(database):
    """30 sessions saving 20 times each from threads: every last save is the one found."""
    store = DraftStore(database, 30)
    tokens = [new_token() for _ in range(30)]

    def session(i: int) -> None:
        for n in range(20):
            town = Assessment().municipality.model_copy(update={"name": f"Town {i} v{n}"})
            store.save(tokens[i], Assessment(municipality=town))

    assert at_once(30, session) == []
    assert store.count() == 30
    for i, token in enumerate(tokens):
        assert store.load(token).answers.municipality.name == f"Town {i} v19"


def test_two_devices_creating_the_same_draft_at_once(database):
    store, token = DraftStore(database, 30), new_token()

    def device(i: int) -> None:
        town = Assessment().municipality.model_copy(update={"name": f"Device {i}"})
        store.save(token, Assessment(municipality=town))

    assert at_once(8, device) == []
    assert store.count() == 1
    assert store.load(token).answers.municipality.name.startswith("Device ")


def test_tokens_are_long_random_and_recognised():
    tokens = {new_token() for _ in range(1000)}
    assert len(tokens) == 1000
    assert all(valid_token(t) and len(t) >= 43 for t in tokens)


def test_settings_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("LOOK_WITHIN_DATABASE_URL", raising=False)
    monkeypatch.setenv("LOOK_WITHIN_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("LOOK_WITHIN_DRAFT_DAYS", "7")
    found = settings()
    assert found.url == f"sqlite:///{tmp_path / 'look-within.db'}"
    assert found.draft_days == 7
    monkeypatch.setenv("LOOK_WITHIN_DATABASE_URL", "postgresql+psycopg://u:p@h/db")
    assert settings().url == "postgresql+psycopg://u:p@h/db"


@pytest.mark.parametrize("days", ["0", "-3", "thirty", "1.5"])
def test_bad_expiry_setting_is_explained(monkeypatch, days):
    monkeypatch.setenv("LOOK_WITHIN_DRAFT_DAYS", days)
    with pytest.raises(StoreError, match="LOOK_WITHIN_DRAFT_DAYS must be a whole number"):
        settings()


def test_unreachable_database_is_a_clear_error():
    with pytest.raises(StoreError, match="cannot open the answers store"):
        open_database("postgresql+psycopg://nobody:x@127.0.0.1:1/none")
    with pytest.raises(StoreError, match="not a database URL"):
        open_database("definitely not a url")


def test_purge_command_removes_old_drafts(monkeypatch, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    store = DraftStore(open_database(url), 30)
    old, recent = new_token(), new_token()
    store.save(old, Assessment())
    store.save(recent, Assessment())
    age(store, old, 40)
    monkeypatch.setenv("LOOK_WITHIN_DATABASE_URL", url)
    assert main(["drafts", "purge"]) == 0
    assert "purged 1 draft(s) untouched for 30 day(s) or more; 1 left" in capsys.readouterr().out
    assert main(["drafts", "purge", "--older-than", "0", "--database", url]) == 0
    assert store.count() == 0


def test_purge_command_with_a_wrong_setting_exits_2(monkeypatch, capsys):
    monkeypatch.setenv("LOOK_WITHIN_DRAFT_DAYS", "soon")
    assert main(["drafts", "purge"]) == 2
    assert "LOOK_WITHIN_DRAFT_DAYS must be a whole number" in capsys.readouterr().err
