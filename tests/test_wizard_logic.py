"""The wizard's decisions without Streamlit: checks, reachability, resume, prefill, rows."""

from __future__ import annotations

from pathlib import Path

from advisor.answers import load_answers
from advisor.model.assessment import Assessment, Connection, Municipality, SisterTie, Ties
from advisor.opendata.find_town import KnownTie, TownHit
from advisor.wizard import (
    apply_town_hit,
    completed_for,
    edit_town,
    next_step,
    previous_step,
    problems,
    reachable,
    resume_step,
    rows_to_models,
)

ROOT = Path(__file__).resolve().parents[1]


def test_town_step_names_each_missing_field():
    fields = [p.field for p in problems(Assessment(), "town")]
    assert fields == ["municipality.name", "municipality.country", "municipality.population"]
    town = Municipality(name="X", country="FR", population=10)
    assert problems(Assessment(municipality=town), "town") == []


def test_a_sister_town_listed_twice_is_flagged():
    ties = Ties(
        sister_towns=[
            SisterTie(place="Leiden", country="NL"),
            SisterTie(place="leiden", country="NL"),
        ]
    )
    (problem,) = problems(Assessment(ties=ties), "ties")
    assert problem.field == "ties.sister_towns[1].place"


def test_the_history_step_flags_a_connection_without_a_place_and_only_it_does():
    """The history step's own check (once called ``_rows``, though it only ever read the
    history's connections). A blank place cannot come from a file, which the model refuses,
    but can from a page's ``model_copy`` update, which skips validation."""
    from advisor.model.assessment import History
    from advisor.wizard import CHECKS

    named = Connection(place="Tainan", country="TW", kind="person")
    blank = Connection.model_construct(place=" ", country="FR", kind="person")
    answers = Assessment(history=History.model_construct(connections=[named, blank]))
    (problem,) = problems(answers, "history")
    assert (problem.field, problem.message) == (
        "history.connections[1].place",
        "check.place_missing",
    )
    assert set(CHECKS) == {"town", "history", "ties"}
    assert problems(answers, "specializations") == problems(answers, "ties") == []
    assert problems(Assessment(history=History(connections=[named])), "history") == []


def test_steps_open_in_order():
    assert next_step("welcome") == "town" and previous_step("town") == "welcome"
    assert next_step("report") == "report"
    assert reachable("town", []) and not reachable("history", [])
    assert reachable("results", ["town", "history", "specializations", "ties", "capacity"])


def test_resume_at_the_saved_step_or_at_the_results():
    example = load_answers(ROOT / "examples" / "hirado.yaml")
    assert completed_for(example)[-1] == "capacity"
    assert resume_step(example) == "results"
    saved = example.model_copy(
        update={
            "progress": example.progress.model_copy(
                update={"last_step": "history", "completed_steps": ["town"]}
            )
        }
    )
    assert resume_step(saved) == "history"
    assert resume_step(Assessment()) == "town"


def test_gazetteer_hit_fills_the_town_and_adds_known_ties_once():
    hit = TownHit(
        geonameid=498525,
        name="Sarov",
        region="Nizhny Novgorod",
        country="RU",
        population=88000,
        lat=54.9,
        lon=43.3,
        score=1.2,
        match="exact",
        sister_towns=[KnownTie(name="Los Alamos", country="US", geonameid=5476825)],
    )
    before = Assessment(ties=Ties(sister_towns=[SisterTie(place="Jiaxing", country="CN")]))
    after = apply_town_hit(before, hit)
    assert after.municipality.geonameid == 498525 and after.municipality.population == 88000
    assert [t.place for t in after.ties.sister_towns] == ["Jiaxing", "Los Alamos"]
    assert [t.place for t in apply_town_hit(after, hit).ties.sister_towns] == [
        "Jiaxing",
        "Los Alamos",
    ]


def test_rows_become_answers_blank_rows_are_ignored_and_gaps_reported():
    blank = {"place": "", "country": None, "kind": "person", "period": "", "description": ""}
    rows = [
        dict(blank),
        {**blank, "place": "Tainan", "country": "TW"},
        {**blank, "place": "Somewhere"},
    ]
    found = rows_to_models(Connection, rows, blank=blank)
    assert [c.place for c in found.kept] == ["Tainan"]
    assert found.missing == [[], [], ["country"]]


def test_renaming_the_town_keeps_its_geonames_place_another_country_unlinks_it():
    linked = Municipality(
        name="Hirado",
        country="JP",
        population=31192,
        geonameid=1862555,
        latitude=33.4,
        longitude=129.6,
    )
    same = edit_town(linked, name=" Hirado ", region="Nagasaki", country="JP", population=29000)
    assert (same.geonameid, same.population, same.region) == (1862555, 29000, "Nagasaki")
    renamed = edit_town(
        linked, name="Hirado-shi", local_name="平戸市", region="", country="JP", population=0
    )
    assert (renamed.geonameid, renamed.latitude, renamed.population) == (1862555, 33.4, None)
    assert renamed.local_name == "平戸市"
    moved = edit_town(linked, name="Hirado", region="", country="KR", population=31192)
    assert (moved.geonameid, moved.latitude, moved.longitude) == (None, None, None)


def test_cut_text_keeps_the_limit_and_counts_what_went():
    from advisor.wizard import cut_text

    assert cut_text("abc", 5).text == "abc"
    cut = cut_text("a\x07bcdef\x00", 3)
    assert (cut.text, cut.dropped, cut.unprintable) == ("abc", 3, 2)
    assert cut_text("tab\tand\nline", None).text == "tab\tand\nline"


def test_cut_lines_drops_empty_lines_and_counts_the_overflow():
    from advisor.wizard import cut_lines

    cut = cut_lines(["a", " ", "b", "c"], 2)
    assert (cut.text, cut.dropped) == ("a\nb", 1)


def test_text_limit_is_read_from_the_model():
    from advisor.model.assessment import Connection, History, Municipality
    from advisor.wizard import text_limit

    assert text_limit(History, "notes") == 4000
    assert text_limit(Connection, "place") == 120
    assert text_limit(Municipality, "population") is None
