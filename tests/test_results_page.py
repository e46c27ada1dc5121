"""The results page leads with the advice: the first steps and strongest leads (chosen
once, for the page and the PDF summary), the detail in tabs, presentation mode, readable
partner table and map, example names, the population field and the Done button."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from streamlit.testing.v1 import AppTest

from advisor.answers import load_example
from advisor.assess import assess
from advisor.examples import example_labels
from advisor.headline import first_sentence, first_steps, headline, leads
from advisor.model.result import PartnerSuggestion, Result
from advisor.report.charts import map_figure
from advisor.report.content import build_document
from advisor.report.document import MapChart, Point, PointKind
from advisor.report.fmt import score_about, scored
from advisor.ui.scroll import step_script
from advisor.ui.steps.results import partner_table

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")


@pytest.fixture(scope="module")
def hirado() -> tuple[Any, Result]:
    answers = load_example("hirado")
    return answers, assess(answers)


# --- the choice of what leads, in one place -------------------------------------------------


def test_first_steps_are_the_plans_first_three_months_in_its_order(hirado) -> None:
    _, result = hirado
    expected = [s.title for s in result.plan if s.horizon == "first_3_months"][:3]
    steps = first_steps(result)
    assert [s.title for s in steps] == expected and len(steps) == 3
    assert all(s.why and s.because and s.who for s in steps)


def test_leads_are_the_best_network_partner_and_case_with_their_reason(hirado) -> None:
    _, result = hirado
    found = {lead.kind: lead for lead in leads(result)}
    assert found["network"].name == result.networks[0].name
    assert found["partner"].name == result.partners[0].name
    assert found["case"].name == result.matches[0].name == "Hirado"
    assert found["partner"].why.startswith(result.partners[0].reasons[0][:30])
    assert all(not lead.why.endswith(".") for lead in found.values())


def test_no_leads_when_there_is_nothing_to_lead_with(hirado) -> None:
    _, result = hirado
    empty = result.model_copy(update={"networks": [], "partners": [], "matches": [], "plan": []})
    assert headline(empty).steps == () and headline(empty).leads == ()


def test_the_pdf_summary_shows_the_same_picks_as_the_page(hirado) -> None:
    answers, result = hirado
    summary = build_document(answers, result).sections[0]
    text = repr(summary.blocks)
    top = headline(result)
    assert all(step.title in text for step in top.steps)
    assert all(lead.name in text and lead.why[:40] in text for lead in top.leads)
    network, case = result.networks[0].score, result.matches[0].score
    assert scored(network) in text and scored(case, "similarity") in text
    assert scored(network).split(" (")[0] in {"strong fit", "good fit", "some fit", "weak fit"}


def test_first_sentence() -> None:
    assert first_sentence("Do this. Then that.") == "Do this."
    assert first_sentence("One line\nfolded. Next") == "One line folded."
    assert first_sentence("") == ""


# --- partner table and map ---------------------------------------------------------------


def _partner(**changes: Any) -> PartnerSuggestion:
    base = {
        "name": "Tainan",
        "country": "TW",
        "population": 372089,
        "score": 0.9,
        "kind": "new",
        "reasons": ["a reason long enough to be cut in a grid cell " * 3],
        "sources": [],
    }
    return PartnerSuggestion(**{**base, **changes})


def test_partner_table_groups_population_and_says_unknown() -> None:
    table = partner_table([_partner(), _partner(name="Nowhere", population=None)])
    assert "372,089" in table and "372089" not in table
    assert "unknown" in table and "None" not in table
    assert "strong (90%)" in table.replace("\\", "")


def test_partner_table_keeps_the_whole_reason_and_escapes_names() -> None:
    long_reason = "a reason long enough to be cut in a grid cell " * 3
    table = partner_table([_partner(name="A|B *x*")])
    assert long_reason.strip() in table.replace("\\", "")
    assert "A\\|B \\*x\\*" in table


def _text_inside_axes(chart: MapChart) -> list[tuple[str, bool]]:
    fig = map_figure(chart)
    canvas = FigureCanvasAgg(fig)  # becomes fig.canvas
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    frame = ax.get_window_extent(renderer)
    out = []
    for text in ax.texts:
        box = text.get_window_extent(renderer)
        inside = box.x0 >= frame.x0 and box.x1 <= frame.x1
        out.append((text.get_text(), inside and box.y0 >= frame.y0 and box.y1 <= frame.y1))
    return out


@pytest.mark.parametrize(
    "points",
    [
        # partners at the corners of the world, with long names
        [
            (5.0, 50.0, "town"),
            (179.5, 84.0, "new"),
            (-179.5, -59.0, "new"),
            (179.0, -58.0, "revive"),
            (-179.0, 83.0, "new"),
        ],
        # a small window: partners at its edges and one right next to the town
        [
            (5.0, 50.0, "town"),
            (5.05, 50.02, "new"),
            (30.0, 50.0, "new"),
            (-20.0, 50.0, "new"),
            (5.0, 70.0, "new"),
            (5.0, 30.0, "new"),
        ],
    ],
)
def test_map_labels_stay_inside_the_frame(points: list[tuple[float, float, PointKind]]) -> None:
    chart = MapChart(
        "map",
        tuple(
            Point(f"Averyverylongplacename {i}", lat, lon, kind, "label")
            for i, (lon, lat, kind) in enumerate(points)
        ),
        {"town": "Your town", "new": "new", "revive": "revive"},
    )
    placed = _text_inside_axes(chart)
    assert len(placed) >= 3
    assert all(inside for _, inside in placed), placed


def test_partners_are_drawn_over_the_home_star() -> None:
    chart = MapChart(
        "map", (Point("Home", 50, 5, "town", "Home"), Point("Next door", 50.01, 5.01, "new", "x"))
    )
    ax = map_figure(chart).axes[0]
    order = {
        c.get_label(): c.get_zorder() for c in ax.collections if c.get_label() in ("town", "new")
    }
    assert order["new"] > order["town"]


# --- the example picker and the scroll script ---------------------------------------------


def test_example_picker_shows_town_and_country() -> None:
    labels = example_labels()
    assert labels["vaux_sur_aure"] == "Vaux-sur-Aure (France)"
    assert labels["hirado"] == "Hirado (Japan)"
    assert list(labels.values()) == sorted(labels.values(), key=str.casefold)


def test_each_step_change_gets_a_new_script() -> None:
    assert step_script(1) != step_script(2)
    assert "scrollTop = 0" in step_script(1) and "__" not in step_script(1)


# --- the page itself (AppTest) -------------------------------------------------------------


def fresh() -> AppTest:
    return AppTest.from_file(APP, default_timeout=60).run()


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, at.exception
    return at


def on_results(name: str = "hirado") -> AppTest:
    at = fresh()
    at.selectbox(key="welcome.example").select(name).run()
    return click(at, "welcome.example_load")


def in_order(node: Any) -> list[Any]:
    """Every element under ``node`` in page order."""
    out: list[Any] = []
    for child in getattr(node, "children", {}).values():
        out += [child, *in_order(child)]
    return out


def test_first_steps_and_reasons_come_before_the_tabs() -> None:
    at = on_results()
    result = assess(load_example("hirado"))
    seq = in_order(at.main)
    values = [
        getattr(e, "value", "") if isinstance(getattr(e, "value", ""), str) else "" for e in seq
    ]
    tab_at = next(i for i, e in enumerate(seq) if type(e).__name__ == "Tab")
    for i, step in enumerate(first_steps(result), 1):
        card = next(j for j, v in enumerate(values) if v.startswith(f"**{i}. "))
        assert card < tab_at and step.title.split()[0] in values[card]
    becauses = [j for j, v in enumerate(values) if v.startswith("**Because:**")]
    assert len(becauses) >= 6 and max(becauses) < tab_at  # three steps and three leads
    assert [t.label for t in at.tabs] == [
        "The whole plan",
        "Networks",
        "Partner towns",
        "Reference cases",
    ]
    assert not [m for m in at.metric]  # the four bare counts are gone


def test_scores_read_in_words_on_the_page() -> None:
    at = on_results()
    labels = []
    for tab in ("Networks", "Reference cases"):
        at.session_state["results.tab"] = tab
        labels += [e.label for e in at.run().expander]
    shown = "\n".join(labels)
    result = assess(load_example("hirado"))
    assert scored(result.networks[0].score) in shown
    assert scored(result.matches[0].score, "similarity") in shown
    assert "%)" in shown and "fit (" in shown and "similarity (" in shown
    assert "0.80" not in shown and "0.90" not in shown


def _presentation_css(at: AppTest) -> bool:
    return any('[data-testid="stSidebar"]' in m.value for m in at.markdown)


def test_presentation_mode_toggles_large_type_without_sidebar() -> None:
    at = on_results()
    assert not _presentation_css(at)
    at.toggle(key="results.present").set_value(True).run()
    assert _presentation_css(at) and at.query_params["present"] == "1"
    at.toggle(key="results.present").set_value(False).run()
    assert not _presentation_css(at) and "present" not in at.query_params


def test_present_in_the_address_opens_in_presentation_mode() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["present"] = "1"
    at.run()
    at.selectbox(key="welcome.example").select("hirado").run()
    click(at, "welcome.example_load")
    assert at.toggle(key="results.present").value is True
    assert _presentation_css(at)


def _scripts(at: AppTest) -> list[str]:
    """The page's step scripts (other html elements are fixed styles, and the script that
    sets the page's language)."""
    return [h.proto.body for h in at.get("html") if "look-within step" in h.proto.body]


def test_a_step_change_scrolls_to_the_top_once() -> None:
    at = fresh()
    first = _scripts(at)
    assert len(first) == 1 and "scrollTop = 0" in first[0]
    at.run()
    assert _scripts(at) == first  # same step: the browser does not run it again
    click(at, "next.welcome")
    assert len(_scripts(at)) == 1 and _scripts(at) != first


@pytest.mark.parametrize(
    ("typed", "stored", "message"),
    [
        ("8.000", 8000, "Read as 8,000 inhabitants."),
        ("8 000", 8000, "Read as 8,000 inhabitants."),
        ("1e3", None, "scientific notation"),
        ("20", 20, "very few"),
    ],
)
def test_population_is_read_as_written(typed: str, stored: int | None, message: str) -> None:
    at = click(fresh(), "next.welcome")
    at.text_input(key="town.population@0").input(typed).run()
    assert at.session_state["answers"].municipality.population == stored
    shown = [e.value for e in [*at.error, *at.warning, *at.caption]]
    assert any(message in text for text in shown), shown


def test_done_says_what_to_do_next() -> None:
    at = on_results()
    click(at, "nav.report")
    assert not [s for s in at.success if "complete" in s.value]
    click(at, "next.report")
    assert any("The self-assessment is complete." in s.value for s in at.success)
    assert "report" in at.session_state["answers"].progress.completed_steps


def test_upload_help_states_the_real_limit() -> None:
    from advisor.answers import ANSWERS_LIMIT
    from advisor.i18n import t

    assert f"{ANSWERS_LIMIT // 1024} KB" in t("save.upload_help")


def test_every_score_says_what_it_compares_on_the_page() -> None:
    at = on_results()
    leads = "\n".join(m.value for m in at.markdown if "(" in m.value and "%" in m.value)
    assert "how alike" in leads or "how well" in leads
    notes = []
    for tab in ("Networks", "Partner towns", "Reference cases"):
        at.session_state["results.tab"] = tab
        notes += [c.value for c in at.run().caption]
    shown = "\n".join(notes).replace("\\", "")  # captions are escaped Markdown
    for about in ("network", "partner", "case"):
        assert score_about(about) in shown
    assert shown.count("Fit: ") >= 2 and "Similarity: " in shown
