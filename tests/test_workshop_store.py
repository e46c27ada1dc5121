"""Workshops in the store, on SQLite and PostgreSQL: codes, keys, joining, saving,
closing, deleting, expiry, the rate limit, and a room saving at once."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor.answers import load_example
from advisor.model.assessment import Assessment, History, Municipality
from advisor.store.tables import workshops
from advisor.workshop.codes import ALPHABET, CODE_LENGTH, normalise_code, shown_code
from advisor.workshop.model import Overrides, WorkshopSettings
from advisor.workshop.store import JOIN_TRIES_PER_HOUR, WorkshopError, WorkshopStore, client_id
from tests.store_fixtures import at_once

TOWN = Municipality(name="Hirado", country="JP", population=29000)


def created(database, **settings):
    store = WorkshopStore(database)
    made = store.create(WorkshopSettings(town=TOWN, **settings))
    return store, made.code, made.facilitator_key


def noted(text: str) -> Assessment:
    return Assessment(history=History(notes=text))


def test_a_workshop_is_found_by_its_facilitator_with_code_and_key(database):
    store, code, key = created(database, parts=["history", "goals"])
    assert len(code) == CODE_LENGTH and set(code) <= set(ALPHABET)
    found = store.facilitate(code, key)
    assert found.settings.town.name == "Hirado"
    assert found.settings.parts == ["history", "goals"]
    assert found.status == "open"


@pytest.mark.parametrize("wrong", ["", "x", "not-the-key" * 5])
def test_a_wrong_key_or_code_is_refused_with_one_message(database, wrong):
    store, code, key = created(database)
    with pytest.raises(WorkshopError, match="no workshop with this code and facilitator key"):
        store.facilitate(code, wrong)
    with pytest.raises(WorkshopError, match="no workshop with this code and facilitator key"):
        store.facilitate("ZZZZZZZZ", key)


def test_the_key_itself_is_never_stored(database):
    _, _, key = created(database)
    with database.engine.connect() as conn:
        row = conn.execute(workshops.select()).first()
    assert key not in str(tuple(row))


def test_participants_join_by_typed_code_and_save_their_own_answers(database):
    store, code, key = created(database)
    typed = shown_code(code).lower().replace("-", " ")
    workshop = store.find(typed, client_id("10.0.0.1"))
    assert workshop.code == code
    ana = store.join(code, " Ana\x07 ")
    ben = store.join(code)
    assert ana.name == "Ana" and ben.name == ""
    store.save(code, ana.id, noted("port town"), ["history"])
    store.save(code, ben.id, noted("castle town"), ["history", "goals"])
    assert store.participant(code, ana.id).answers.history.notes == "port town"
    assert store.participant(code, ben.id).parts_done == ["goals", "history"]
    room = store.participants(code, key)
    assert [p.name for p in room] == ["Ana", ""]
    assert store.participant(code, "someone-else") is None


def test_a_participant_link_from_another_workshop_is_refused(database):
    store, first, _ = created(database)
    _, second, _ = created(database)
    person = store.join(first)
    assert store.participant(second, person.id) is None
    with pytest.raises(WorkshopError, match="does not belong"):
        store.save(second, person.id, Assessment(), [])


def test_a_closed_workshop_takes_no_answers_and_can_reopen(database):
    store, code, key = created(database)
    person = store.join(code)
    store.close(code, key)
    with pytest.raises(WorkshopError, match="closed"):
        store.save(code, person.id, noted("late"), ["history"])
    with pytest.raises(WorkshopError, match="closed"):
        store.join(code)
    store.close(code, key, reopen=True)
    assert store.save(code, person.id, noted("late"), ["history"]).answers.history.notes


def test_deleting_removes_every_answer(database):
    store, code, key = created(database)
    person = store.join(code)
    store.save(code, person.id, load_example("hirado"), ["history"])
    store.delete(code, key)
    assert store.participant(code, person.id) is None
    with pytest.raises(WorkshopError):
        store.facilitate(code, key)


def test_settings_and_overrides_are_kept(database):
    store, code, key = created(database)
    store.set_overrides(code, key, Overrides(items={"history.themes:war_memory": False}))
    changed = store.facilitate(code, key).settings.model_copy(update={"threshold": 0.75})
    store.update_settings(code, key, changed)
    found = store.facilitate(code, key)
    assert found.overrides.items == {"history.themes:war_memory": False}
    assert found.settings.threshold == 0.75


def test_wrong_codes_are_rate_limited_per_client(database):
    store, code, _ = created(database)
    guesser, other = client_id("203.0.113.9"), client_id("198.51.100.7")
    for _ in range(JOIN_TRIES_PER_HOUR):
        with pytest.raises(WorkshopError, match="no workshop with this code"):
            store.find("AAAA-AAAA", guesser)
    with pytest.raises(WorkshopError, match="too many wrong codes"):
        store.find(code, guesser)
    assert store.find(code, other).code == code


def test_old_workshops_expire_and_purge_removes_them(database):
    store, code, key = created(database)
    person = store.join(code)
    old = dt.datetime.now(dt.UTC) - dt.timedelta(days=91)
    with database.engine.begin() as conn:
        conn.execute(workshops.update().values(updated_at=old))
    with pytest.raises(WorkshopError):
        store.facilitate(code, key)
    assert store.purge() == 1
    assert store.participant(code, person.id) is None


def test_thirty_participants_saving_twenty_times_at_once(database):
    """No lost, duplicated or mixed-up answers when a whole room saves together."""
    store, code, key = created(database)
    people = [store.join(code, f"P{i}") for i in range(30)]

    def participant(i: int) -> None:
        for n in range(20):
            store.save(code, people[i].id, noted(f"P{i} save {n}"), ["history"])

    assert at_once(30, participant) == []
    room = store.participants(code, key)
    assert len(room) == 30
    assert sorted(p.answers.history.notes for p in room) == sorted(
        f"P{i} save 19" for i in range(30)
    )
    assert all(p.answers.history.notes.startswith(p.name + " ") for p in room)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("k7qf-3xra", "K7QF3XRA"),
        (" K7QF 3XRA ", "K7QF3XRA"),
        ("K7QF3XR", None),
        ("K7QF-3XR0", None),
    ],
)
def test_typed_codes_are_read_leniently_but_never_wrongly(typed, code):
    assert normalise_code(typed) == code


def test_a_participants_own_link_works_even_after_wrong_codes_from_the_same_address(database):
    store, code, key = created(database)
    person = store.join(code, "Ana")
    room_address = client_id("192.0.2.1")
    for _ in range(JOIN_TRIES_PER_HOUR):
        with pytest.raises(WorkshopError):
            store.find("AAAA-AAAA", room_address)
    workshop, me = store.rejoin(code, person.id)
    assert (workshop.code, me.name) == (code, "Ana")
    store.close(code, key)
    assert store.rejoin(code, person.id)[0].status == "closed"
    assert store.rejoin(code, "not-a-participant") is None


def test_secrets_never_start_with_a_dash_so_the_command_line_takes_them():
    from advisor.workshop.codes import new_secret

    assert not any(new_secret().startswith("-") for _ in range(3000))
