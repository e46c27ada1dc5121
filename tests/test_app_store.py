"""The wizard saves every change at once and finds it again from the page address."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from advisor.answers import load_example
from advisor.knowledge.load import default_knowledge
from advisor.store import DraftStore, new_token, open_database
from advisor.ui import autosave
from tests.store_fixtures import age

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def store() -> DraftStore:
    return DraftStore(open_database(os.environ["LOOK_WITHIN_DATABASE_URL"]), 30)


def run(token: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if token is not None:
        at.query_params[autosave.PARAM] = token
    return at.run()


def token_of(at: AppTest) -> str:
    value = at.query_params[autosave.PARAM]
    return value if isinstance(value, str) else value[0]


def load_hirado(at: AppTest) -> AppTest:
    at.selectbox(key="welcome.example").select("hirado").run()
    at.button(key="welcome.example_load").click().run()
    assert not at.exception
    return at


def warnings(at: AppTest) -> str:
    return "\n".join(w.value for w in at.warning)


def test_a_new_session_gets_a_link_but_writes_nothing_until_an_answer():
    before = store().count()
    at = run()
    token = token_of(at)
    assert len(token) >= 43
    assert store().count() == before
    assert store().load(token) is None


def test_an_answer_is_saved_at_once_and_a_reload_finds_it_at_the_same_step():
    at = load_hirado(run())
    token = token_of(at)
    saved = store().load(token, default_knowledge().known)
    assert saved is not None and saved.answers.municipality.name == "Hirado"
    at.button(key="nav.history").click().run()
    at.checkbox(key="history.themes.war_memory@1").check().run()
    notes = "Dutch trading post 1609–1641; 平戸オランダ商館"
    at.text_area(key="history.notes@1").input(notes).run()

    again = run(token)  # a reload: a new browser session with the same address
    assert not again.exception
    assert again.session_state["step"] == "history"
    restored = again.session_state["answers"]
    assert "war_memory" in restored.history.themes
    assert restored.history.notes == notes
    assert "restored" in "\n".join(i.value for i in again.info)
    assert token_of(again) == token


def test_a_second_device_with_the_link_sees_the_same_answers():
    first = load_hirado(run())
    second = run(token_of(first))
    assert second.session_state["answers"] == first.session_state["answers"]


def test_an_unknown_or_expired_link_starts_afresh_with_a_new_link():
    at = load_hirado(run())
    old = token_of(at)
    age(store(), old, 31)
    again = run(old)
    assert again.session_state["answers"].municipality.name == ""
    assert "no longer here" in warnings(again)
    assert token_of(again) != old
    stranger = run(new_token())
    assert "no longer here" in warnings(stranger)


@pytest.mark.parametrize("bad", ["../../etc/passwd", "'; DROP TABLE drafts;--", "x" * 500])
def test_a_malformed_link_is_ignored(bad):
    at = run(bad)
    assert not at.exception
    assert token_of(at) != bad


def test_start_over_clears_the_answers_and_the_saved_draft():
    at = load_hirado(run())
    old = token_of(at)
    at.button(key="start_over.yes").click().run()
    assert not at.exception
    assert at.session_state["answers"].municipality.name == ""
    assert at.session_state["step"] == "welcome"
    assert store().load(old) is None
    assert token_of(at) != old


def test_an_over_long_paste_is_cut_at_the_limit_with_a_message():
    at = load_hirado(run())
    at.button(key="nav.history").click().run()
    at.text_area(key="history.notes@1").input("é" * 4100).run()
    assert at.session_state["answers"].history.notes == "é" * 4000
    assert "first 4,000 characters are kept; 100 more did not fit" in warnings(at)
    saved = store().load(token_of(at))
    assert saved.answers.history.notes == "é" * 4000


def test_a_long_description_in_a_row_keeps_the_models_limit_not_200():
    at = load_hirado(run())
    at.button(key="nav.history").click().run()
    key = next(t.key for t in at.text_input if ".description@" in t.key)
    at.text_input(key=key).input("d" * 900).run()
    kept = at.session_state["answers"].history.connections[0].description
    assert kept == "d" * 900


def test_the_wizard_keeps_working_when_the_store_is_down(monkeypatch):
    monkeypatch.setenv("LOOK_WITHIN_DATABASE_URL", "postgresql+psycopg://no:no@127.0.0.1:1/none")
    autosave._store.clear()
    try:
        at = load_hirado(run())
        assert not at.exception
        assert at.session_state["answers"].municipality.name == "Hirado"
        assert "cannot be saved on the server" in warnings(at)
    finally:
        monkeypatch.undo()
        autosave._store.clear()


def test_restored_answers_equal_the_example_file():
    at = load_hirado(run())
    restored = run(token_of(at)).session_state["answers"]
    example = load_example("hirado")
    assert restored.model_dump(exclude={"progress"}) == example.model_dump(exclude={"progress"})


def test_unprintable_characters_in_a_paste_are_removed_with_a_message():
    at = load_hirado(run())
    at.button(key="nav.history").click().run()
    at.text_area(key="history.notes@1").input("Trading\x00 post\x1b[31m red").run()
    assert at.session_state["answers"].history.notes == "Trading post[31m red"
    assert "2 unprintable characters" in warnings(at)


def test_a_row_list_stops_growing_at_the_models_limit():
    at = load_hirado(run())
    at.button(key="nav.ties").click().run()
    for _ in range(60):
        add = [b for b in at.button if b.key and b.key.startswith("sister_towns.add")]
        if not add:
            break
        add[0].click().run()
    assert "This list is full (50 rows)" in "\n".join(c.value for c in at.caption)
