"""Workshop mode's pages through Streamlit's AppTest: create, join, answer, watch the room
on the dashboard, switch an item by hand, close, and the refusals (a wrong key, a closed
workshop), with user text shown as typed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from advisor.answers import load_example
from advisor.store import open_database
from advisor.workshop.model import Municipality, WorkshopSettings
from advisor.workshop.store import WorkshopStore

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
HOSTILE = "Ann <b>*x*</b> [y](http://e.x)"


def store() -> WorkshopStore:
    return WorkshopStore(open_database(os.environ["LOOK_WITHIN_DATABASE_URL"]))


def page(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def ok(at: AppTest) -> AppTest:
    assert not at.exception, at.exception
    return at


def param(at: AppTest, name: str) -> str:
    value = at.query_params[name]
    return value if isinstance(value, str) else value[0]


def texts(at: AppTest) -> str:
    parts = [*at.markdown, *at.header, *at.subheader, *at.caption, *at.title]
    return "\n".join(str(m.value) for m in parts)


def messages(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in [*at.error, *at.warning, *at.success, *at.info])


def progress(at: AppTest) -> str:
    return at.get("progress")[0].proto.text


def by_prefix(at: AppTest, prefix: str) -> list:
    return [c for c in at.checkbox if c.key and c.key.startswith(prefix)]


def create_through_page(**choices: bool) -> tuple[AppTest, str, str]:
    """A facilitator fills in the create page; the dashboard opens on its secret link."""
    at = ok(page(ws="new"))
    at.text_input(key="ws.new.name").input("Hirado").run()
    at.selectbox(key="ws.new.country@0").select("JP").run()
    at.text_input(key="ws.new.population").input("29 000").run()
    for key, value in choices.items():
        at.checkbox(key=f"ws.new.{key}").set_value(value).run()
    ok(at.button(key="ws.new.create").click().run())
    return at, param(at, "ws"), param(at, "key")


def join_through_page(code: str, name: str) -> AppTest:
    """A participant types the code on the join page and joins under ``name``."""
    at = ok(page(join=""))
    at.text_input(key="ws.join.code").input(code.lower()[:4] + " " + code.lower()[4:])
    ok(at.button[0].click().run())  # the form's only button: find the workshop
    assert "Workshop for Hirado" in texts(at)
    at.text_input(key="ws.join.name").input(name).run()
    ok(at.button(key="ws.join.go").click().run())
    assert param(at, "p")
    return at


def test_create_page_opens_the_dashboard_with_code_qr_and_the_secret_link_once():
    at, code, key = create_through_page(show_room=True)
    assert len(code) == 8 and len(key) >= 43
    assert f"{code[:4]}-{code[4:]}" in texts(at)
    assert at.get("image"), "a QR code image"
    assert "Keep this secret link" in messages(at)
    assert any(key in str(c.value) for c in at.code), "the facilitator link is shown"
    assert any(f"?join={code}" in str(c.value) for c in at.code), "the participant link"
    found = store().facilitate(code, key)
    assert found.settings.town.name == "Hirado" and found.settings.town.population == 29000
    assert found.settings.show_room and found.settings.threshold == 0.5
    ok(at.button(key="ws.dash.kept").click().run())
    assert "Keep this secret link" not in messages(at)


def test_create_needs_a_complete_town_before_the_button_works():
    at = ok(page(ws="new"))
    assert at.button(key="ws.new.create").disabled
    at.text_input(key="ws.new.name").input("Hirado").run()
    assert at.button(key="ws.new.create").disabled
    assert "town's name, country and population" in texts(at)


def test_a_workshop_started_from_answers_opens_its_dashboard():
    hirado = load_example("hirado")
    made = store().create(WorkshopSettings(town=hirado.municipality, base=hirado))
    at = ok(page(ws=made.code, key=made.facilitator_key))
    assert "Workshop: Hirado" in texts(at)
    assert "Nobody has joined yet" in messages(at)


def test_join_answer_count_override_close_and_refuse():
    facilitator, code, key = create_through_page()
    person = join_through_page(code, HOSTILE)
    pid = param(person, "p")
    assert progress(person) == "Part 1 of 5"
    assert "History and heritage" in [h.value for h in person.header]
    theme = by_prefix(person, "history.themes.")[0]
    theme_id = theme.key.split(".")[2].split("@")[0]
    ok(theme.check().run())
    saved = store().participant(code, pid)
    assert saved is not None and saved.answers.history.themes == [theme_id]
    ok(person.button(key="ws.part.next").click().run())
    assert progress(person) == "Part 2 of 5"
    assert store().participant(code, pid).parts_done == ["history"]

    # the dashboard counts it, and the participant's name is shown as typed (escaped)
    ok(facilitator.run())
    assert "1 joined" in texts(facilitator)
    assert r"Ann \<b\>\*x\*\</b\> \[y\]\(http://e\.x\)" in texts(facilitator)
    assert "1 of 5 parts" in texts(facilitator)
    agreed = by_prefix(facilitator, f"ws.agree.history.themes:{theme_id}.")
    assert len(agreed) == 1 and agreed[0].value is True
    assert "1 of 1" in agreed[0].label

    # the facilitator drops the item by hand: an override is stored and shown
    ok(agreed[0].uncheck().run())
    overrides = store().facilitate(code, key).overrides.items
    assert overrides == {f"history.themes:{theme_id}": False}
    switched = by_prefix(facilitator, f"ws.agree.history.themes:{theme_id}.")
    assert switched[0].value is False and "decided by hand" in switched[0].label

    # closed: the participant's next change is refused, a new visit is read-only
    ok(facilitator.button(key="ws.dash.close").click().run())
    assert "This workshop is closed" in messages(facilitator)
    later = by_prefix(person, "special.themes.")[0]
    ok(later.check().run())
    assert "not saved" in messages(person) or "closed" in messages(person)
    assert store().participant(code, pid).answers.specializations.themes == []
    again = ok(page(join=code, p=pid))
    assert "This workshop is closed" in messages(again)
    assert not by_prefix(again, "history.themes.")
    assert any(theme_id in str(c.value) for c in again.code), "their answers, read-only"

    # reopened: the same link brings the answers back into the same widgets
    ok(facilitator.button(key="ws.dash.reopen").click().run())
    back = ok(page(join=code, p=pid))
    ticked = [c for c in by_prefix(back, "history.themes.") if c.value]
    assert [c.key.split(".")[2].split("@")[0] for c in ticked] == [theme_id]


def test_a_participant_sees_the_room_only_when_allowed_and_without_names():
    made = store().create(
        WorkshopSettings(town=Municipality(name="Ieper", country="BE", population=35000))
    )
    person = store().join(made.code, "Bo")
    other = store().join(made.code, "Zed")
    noted = load_example("hirado").model_copy(update={"assets": []})
    noted = noted.model_copy(
        update={"history": noted.history.model_copy(update={"notes": "harbour story"})}
    )
    store().save(made.code, other.id, noted, ["history"])
    at = ok(page(join=made.code, p=person.id))
    assert "What the room said so far" not in [e.label for e in at.expander]
    assert "harbour story" not in texts(at)
    chosen = store().facilitate(made.code, made.facilitator_key).settings
    store().update_settings(
        made.code, made.facilitator_key, chosen.model_copy(update={"show_room": True})
    )
    at = ok(page(join=made.code, p=person.id))
    assert "What the room said so far" in [e.label for e in at.expander]
    assert "harbour story" in texts(at)
    assert "Zed" not in texts(at)


def test_only_open_parts_are_asked_in_the_wizard_order():
    made = store().create(
        WorkshopSettings(
            town=Municipality(name="Hirado", country="JP", population=29000),
            parts=["goals", "ties"],
        )
    )
    person = store().join(made.code)
    at = ok(page(join=made.code, p=person.id))
    assert "Existing ties" in [h.value for h in at.header]
    ok(at.button(key="ws.part.next").click().run())
    assert "Goals and constraints" in [h.value for h in at.header]
    ok(at.button(key="ws.part.next").click().run())
    assert "your answers are saved" in messages(at)


@pytest.mark.parametrize("key", ["", "wrong-key", "x" * 60])
def test_a_wrong_facilitator_key_says_so_without_a_traceback(key):
    made = store().create(
        WorkshopSettings(town=Municipality(name="Hirado", country="JP", population=29000))
    )
    at = ok(page(ws=made.code, key=key))
    assert "No workshop with this code and facilitator key" in messages(at)
    assert not at.checkbox and not at.get("image")


def test_a_wrong_join_code_is_refused_clearly():
    at = ok(page(join="ZZZZ-ZZZZ"))
    assert "no workshop with this code" in messages(at)
    assert at.text_input(key="ws.join.code")


def test_a_wrong_participant_link_is_refused():
    made = store().create(
        WorkshopSettings(town=Municipality(name="Hirado", country="JP", population=29000))
    )
    at = ok(page(join=made.code, p="not-a-participant"))
    assert "does not belong to the workshop" in messages(at)


def test_the_welcome_page_opens_create_and_join():
    at = ok(page())
    ok(at.button(key="welcome.ws_run").click().run())
    assert param(at, "ws") == "new"
    assert "Run a workshop" in texts(at)
    at = ok(page())
    ok(at.button(key="welcome.ws_join").click().run())
    assert "Join a workshop" in texts(at)


def test_the_advice_and_the_report_downloads_for_the_agreed_answers():
    hirado = load_example("hirado")
    made = store().create(WorkshopSettings(town=hirado.municipality, parts=["history"]))
    person = store().join(made.code, "Ann")
    store().save(made.code, person.id, hirado, ["history"])
    at = ok(page(ws=made.code, key=made.facilitator_key))
    ok(at.button(key="ws.dash.see_advice").click().run())
    assert "What to do first" in texts(at)
    labels = [b.label for b in at.get("download_button")]
    assert {"⬇ PDF", "⬇ Markdown", "Agreed answers (.yaml)"} <= set(labels), labels


def test_deleting_removes_the_workshop_and_returns_to_the_wizard():
    made = store().create(
        WorkshopSettings(town=Municipality(name="Hirado", country="JP", population=29000))
    )
    at = ok(page(ws=made.code, key=made.facilitator_key))
    ok(at.button(key="ws.dash.delete_yes").click().run())
    assert "ws" not in at.query_params
    again = ok(page(ws=made.code, key=made.facilitator_key))
    assert "No workshop with this code and facilitator key" in messages(again)


def _from_file(name: str, content: bytes) -> AppTest:
    at = ok(page(ws="new"))
    at.radio(key="ws.new.source").set_value("file").run()
    ok(at.file_uploader(key="ws.new.file").upload(name, content, "application/x-yaml").run())
    return at


def test_a_workshop_starts_from_an_uploaded_answers_file():
    text = (ROOT / "examples" / "vaux_sur_aure.yaml").read_bytes()
    at = _from_file("vaux.yaml", text)
    assert "Vaux\\-sur\\-Aure" in messages(at)  # the file's town, escaped for Markdown
    assert not at.button(key="ws.new.create").disabled
    ok(at.button(key="ws.new.create").click().run())
    made = store().facilitate(param(at, "ws"), param(at, "key"))
    assert made.settings.town.name == "Vaux-sur-Aure"
    assert made.settings.base is not None and made.settings.base.history.connections


def test_a_bad_or_foreign_upload_is_explained_and_nothing_is_created():
    at = _from_file("broken.yaml", b"municipality:\n  population: many\n")
    shown = messages(at).replace("\\", "")
    assert "broken.yaml:2:15: municipality.population: expected a whole number" in shown
    assert at.button(key="ws.new.create").disabled
    at = _from_file("latin1.yaml", "municipality: {name: Sète}".encode("latin-1"))
    assert "latin1.yaml" in messages(at).replace("\\", "")
    assert at.button(key="ws.new.create").disabled
