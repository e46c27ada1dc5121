"""The wizard through Streamlit's AppTest: every page, click-throughs, state, save/resume."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from advisor.answers import dump_answers, load_answers

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
OWN_CASE = {
    "hirado": "Hirado",
    "los_alamos": "Los Alamos",
    "nagasaki": "Nagasaki",
    "vaux_sur_aure": "Vaux-sur-Aure",
}
ANSWER_STEPS = ["town", "history", "specializations", "ties", "capacity"]


def fresh() -> AppTest:
    return AppTest.from_file(APP, default_timeout=60).run()


def answers(at: AppTest):
    return at.session_state["answers"]


def step(at: AppTest) -> str:
    return at.session_state["step"]


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, at.exception
    return at


def load_example(at: AppTest, name: str) -> AppTest:
    at.selectbox(key="welcome.example").select(name).run()
    return click(at, "welcome.example_load")


def texts(at: AppTest) -> str:
    return "\n".join(m.value for m in [*at.markdown, *at.header, *at.subheader, *at.caption])


def labels(at: AppTest) -> list[str]:
    return [e.label for e in at.expander]


def open_tab(at: AppTest, label: str) -> AppTest:
    """Open a results tab, as a click does (only the open tab's content is drawn)."""
    at.session_state["results.tab"] = label
    return at.run()


@pytest.mark.parametrize("page", ["welcome", *ANSWER_STEPS, "results", "report"])
def test_every_page_draws_without_error(page):
    at = load_example(fresh(), "hirado")
    if page != "results":
        click(at, f"nav.{page}")
    assert step(at) == page
    assert not at.exception
    assert at.header or at.title


@pytest.mark.parametrize("name", sorted(OWN_CASE))
def test_click_through_each_example_to_its_results(name):
    at = load_example(fresh(), name)
    expected = load_answers(ROOT / "examples" / f"{name}.yaml")
    click(at, "nav.town")
    assert at.text_input(key="town.name@1").value == expected.municipality.name
    for page in ANSWER_STEPS:
        assert step(at) == page
        click(at, f"next.{page}")
    assert step(at) == "results"
    assert not at.error
    first = next(
        label for label in labels(open_tab(at, "Reference cases")) if "similarity (" in label
    )
    assert first.startswith(OWN_CASE[name]), first
    assert len(at.get("plotly_chart")) == 1  # the theme profile
    assert "C40 Cities Climate Leadership Group" in texts(open_tab(at, "Networks"))
    assert len(open_tab(at, "Partner towns").get("plotly_chart")) == 1  # the map
    assert answers(at).municipality == expected.municipality


def test_typed_answers_survive_going_back_and_forth():
    at = click(fresh(), "next.welcome")
    at.text_input(key="town.name@0").input("Piccolo Borgo").run()
    at.selectbox(key="town.country@0").select("IT").run()
    at.text_input(key="town.population@0").input("1.200").run()
    click(at, "next.town")
    at.checkbox(key="history.themes.pilgrimage@0").check().run()
    click(at, "connections.add@0")
    at.text_input(key="connections.0.place@0").input("Santiago de Compostela").run()
    at.selectbox(key="connections.0.country@0").select("ES").run()
    click(at, "connections.add@0")
    at.text_input(key="connections.1.place@0").input("Half-typed place").run()
    click(at, "back.history")
    assert at.text_input(key="town.name@0").value == "Piccolo Borgo"
    assert at.text_input(key="town.population@0").value == "1,200"
    click(at, "next.town")
    assert at.checkbox(key="history.themes.pilgrimage@0").value is True
    assert at.text_input(key="connections.1.place@0").value == "Half-typed place"
    kept = answers(at).history.connections
    assert [c.place for c in kept] == ["Santiago de Compostela"]
    assert any("still needed: country" in w.value for w in at.warning)
    click(at, "nav.town")
    click(at, "nav.history")
    assert at.text_input(key="connections.1.place@0").value == "Half-typed place"


def test_next_is_refused_with_messages_at_the_fields():
    at = click(fresh(), "next.welcome")
    click(at, "next.town")
    assert step(at) == "town"
    messages = [e.value for e in at.error]
    assert "Please enter the name of your municipality." in messages
    assert "Please choose the country." in messages
    assert "Please enter the population (an estimate is fine)." in messages
    assert at.button(key="nav.results").disabled


def test_removing_a_row_removes_the_answer():
    at = load_example(fresh(), "los_alamos")
    click(at, "nav.history")
    assert len(answers(at).history.connections) == 2
    click(at, "connections.0.remove@1")
    assert [c.place for c in answers(at).history.connections] == ["Nagasaki"]


def test_gazetteer_pick_fills_the_town_and_its_known_ties():
    at = click(fresh(), "next.welcome")
    at.text_input(key="town.query").input("Sarov").run()
    click(at, "town.use")
    town = answers(at).municipality
    assert (town.name, town.country, town.geonameid) == ("Sarov", "RU", 498525)
    assert town.population and town.latitude and town.region
    assert "Los Alamos" in {t.place for t in answers(at).ties.sister_towns}
    assert at.text_input(key="town.name@1").value == "Sarov"


def test_upload_resumes_where_the_user_left():
    saved = load_answers(ROOT / "examples" / "vaux_sur_aure.yaml")
    saved = saved.model_copy(
        update={
            "progress": saved.progress.model_copy(
                update={
                    "last_step": "ties",
                    "completed_steps": ["town", "history", "specializations"],
                }
            )
        }
    )
    at = fresh()
    at.get("file_uploader")[0].upload(
        "vaux.yaml", dump_answers(saved).encode(), "application/x-yaml"
    ).run()
    assert step(at) == "ties"
    assert answers(at).municipality.name == "Vaux-sur-Aure"
    assert at.button(key="nav.history").disabled is False
    assert at.button(key="nav.capacity").disabled is True
    assert at.button(key="nav.results").disabled is True


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"municipality: {name: X, country: FRA, population: 3}\n", "did you mean 'FR'"),
        (b"- just\n- a list\n", "an answers file is a YAML mapping"),
        (b"\xff\xfe\x00binary", "is not a text file"),
        (b"name: [unclosed\n", "bad.yaml:2:1"),
    ],
)
def test_a_broken_or_foreign_file_changes_nothing(content, fragment):
    at = load_example(fresh(), "hirado")
    before, where = answers(at), step(at)
    at.get("file_uploader")[0].upload("bad.yaml", content, "application/x-yaml").run()
    assert not at.exception
    shown = [e.value.replace("\\", "") for e in at.error]  # the box escapes Markdown
    assert any(fragment in text for text in shown), shown
    assert answers(at) == before and step(at) == where


def test_results_show_reasons_map_and_plan():
    at = load_example(fresh(), "los_alamos")
    tabs = [tab.label for tab in at.tabs]
    assert tabs == ["The whole plan", "Networks", "Partner towns", "Reference cases"]
    assert "revive" in texts(at).lower()  # the plan, open first
    assert not labels(at)  # the closed tabs are not drawn
    shown = texts(open_tab(at, "Networks"))
    assert any(label.startswith("World Technopolis Association") for label in labels(at))
    assert "population 19,000 is under 500,000" in shown
    assert "Sarov" in texts(open_tab(at, "Partner towns"))
    assert at.get("plotly_chart")  # the map


def test_user_text_is_shown_as_typed_not_as_markup():
    """The name is stored as typed, and drawn with Markdown's characters escaped: the
    results header shows '*Bold* <b>town</b>' literally, never bold or as HTML."""
    at = load_example(fresh(), "vaux_sur_aure")
    click(at, "nav.town")
    at.text_input(key="town.name@1").input("*Bold* <b>town</b>").run()
    assert answers(at).municipality.name == "*Bold* <b>town</b>"
    click(at, "nav.results")
    headers = [h.value for h in at.header]
    assert any("\\*Bold\\* \\<b\\>town\\</b\\>" in h for h in headers), headers
    shown = "\n".join(m.value for m in [*at.markdown, *at.header, *at.caption])
    assert "*Bold* <b>town</b>" not in shown


def test_report_page_offers_every_format():
    at = load_example(fresh(), "vaux_sur_aure")
    click(at, "nav.report")
    buttons = {b.key for b in at.get("download_button")}
    assert {"report.pdf", "report.docx", "report.html", "report.md", "report.answers"} <= buttons


def test_charts_show_markup_in_town_names_as_text():
    import json

    evil = "<a href=javascript:x>Evil</a>"
    answers = load_answers(ROOT / "examples" / "vaux_sur_aure.yaml")
    town = answers.municipality.model_copy(update={"name": evil})
    at = fresh()
    at.get("file_uploader")[0].upload(
        "evil.yaml",
        dump_answers(answers.model_copy(update={"municipality": town})).encode(),
        "application/x-yaml",
    ).run()
    charts = [*open_tab(at, "Reference cases").get("plotly_chart")]
    charts += open_tab(at, "Partner towns").get("plotly_chart")
    specs = [json.loads(chart.proto.spec) for chart in charts]
    assert len(specs) == 2
    drawn = json.dumps(specs)
    assert "&lt;a href=javascript:x&gt;Evil" in drawn
    assert evil not in drawn


def test_an_unexpected_failure_shows_a_message_not_a_traceback(monkeypatch):
    from advisor.ui.steps import results

    def broken() -> None:
        raise RuntimeError("boom")

    at = load_example(fresh(), "hirado")
    before = answers(at)
    monkeypatch.setattr(results, "render", broken)
    at.run()
    assert not at.exception
    assert any("Your answers are kept" in e.value for e in at.error)
    assert answers(at) == before


def test_ids_the_editor_does_not_show_survive_a_visit_to_the_step():
    at = click(fresh(), "next.welcome")
    at.text_input(key="town.query").input("Sarov").run()
    click(at, "town.use")
    tie_ids = {t.place: t.geonameid for t in answers(at).ties.sister_towns}
    assert tie_ids["Los Alamos"] == 5476825
    click(at, "next.town")
    for page in ("history", "specializations"):
        click(at, f"next.{page}")
    assert step(at) == "ties"
    at.text_input(key="sister_towns.0.notes@1").input("met in 1995").run()
    tie = next(t for t in answers(at).ties.sister_towns if t.place == "Los Alamos")
    assert (tie.geonameid, tie.notes) == (5476825, "met in 1995")


def test_report_preview_shows_the_report_itself():
    at = load_example(fresh(), "hirado")
    click(at, "nav.report")
    preview = "\n".join(m.value for m in at.markdown)
    assert "Questions for a workshop" in preview and "Appendix: all answers" in preview
    assert "Sources and data licences" in preview
