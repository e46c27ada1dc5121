"""Local names (issue 12, item 5): the town's name in its own script beside the romanised
one, filled from the gazetteer; the GeoNames link survives edits of the name, and picking
the linked place again keeps a corrected population."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from streamlit.testing.v1 import AppTest

from advisor.answers import dump_answers, load_answers, parse_answers
from advisor.geo.gazetteer import gazetteer
from advisor.geo.local_names import local_name
from advisor.i18n import use_language
from advisor.model.assessment import Assessment, Municipality
from advisor.opendata.find_town import TownHit
from advisor.report import render
from advisor.report.content import build_document
from advisor.report.document import Paragraph
from advisor.report.fmt import town_name
from advisor.store import open_database
from advisor.ui.text import md
from advisor.wizard import edit_town, kept_population, town_from_hit, unlink_town
from advisor.workshop.store import WorkshopStore

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
KAMAISHI, HIRADO = 2112444, 1862555
ANSWER_STEPS = ["town", "history", "specializations", "ties", "capacity"]


def fresh() -> AppTest:
    return AppTest.from_file(APP, default_timeout=60).run()


def ok(at: AppTest) -> AppTest:
    assert not at.exception, at.exception
    return at


def town(at: AppTest) -> Municipality:
    return at.session_state["answers"].municipality


def generation(at: AppTest) -> int:
    return int(at.session_state["generation"]) if "generation" in at.session_state else 0


def field(at: AppTest, name: str):
    return at.text_input(key=f"town.{name}@{generation(at)}")


def picked(query: str) -> AppTest:
    """The town step with the first hit for ``query`` used."""
    at = ok(fresh().button(key="next.welcome").click().run())
    at.text_input(key="town.query").input(query).run()
    return ok(at.button(key="town.use").click().run())


def to_results(at: AppTest) -> AppTest:
    for step in ANSWER_STEPS:
        ok(at.button(key=f"next.{step}").click().run())
    assert at.session_state["step"] == "results"
    return at


# The two bugs, through the wizard.


def test_editing_the_name_keeps_the_geonames_place_and_the_map_star():
    """Adding 釜石市 to 'Kamaishi' once dropped the GeoNames id and the coordinates, and
    with them the town's star on the partner map."""
    at = picked("Kamaishi")
    linked = town(at)
    assert linked.geonameid == KAMAISHI and linked.latitude is not None
    field(at, "name").input("Kamaishi 釜石市").run()
    edited = town(at)
    assert edited.name == "Kamaishi 釜石市"
    assert (edited.geonameid, edited.latitude, edited.longitude) == (
        KAMAISHI,
        linked.latitude,
        linked.longitude,
    )
    field(at, "local_name").input("釜石").run()
    field(at, "region").input("Iwate Prefecture").run()
    assert (town(at).local_name, town(at).geonameid) == ("釜石", KAMAISHI)
    at = to_results(at)
    at.session_state["results.tab"] = "Partner towns"
    maps = at.run().get("plotly_chart")
    assert maps and '"star"' in maps[0].proto.spec  # the town itself is on the map


def test_relinking_the_same_place_keeps_a_corrected_population():
    """Picking the linked place again once put the gazetteer's population back."""
    at = picked("Kamaishi")
    gazetteers = town(at).population
    field(at, "population").input("31,000").run()
    assert town(at).population == 31000 != gazetteers
    ok(at.button(key="town.use").click().run())  # the same hit, picked again
    again = town(at)
    assert (again.population, again.geonameid) == (31000, KAMAISHI)
    assert field(at, "population").value == "31,000"
    said = [t.value for t in at.toast]
    assert "Kept your population of 31,000; the gazetteer gives 43,107." in said, said


def test_another_country_or_the_unlink_button_drops_the_link():
    at = picked("Kamaishi")
    at.selectbox(key=f"town.country@{generation(at)}").select("FR").run()
    assert (town(at).geonameid, town(at).latitude) == (None, None)
    at = picked("Kamaishi")
    ok(at.button(key="town.unlink").click().run())
    assert (town(at).name, town(at).geonameid, town(at).longitude) == ("Kamaishi", None, None)
    assert not [b for b in at.button if b.key == "town.unlink"]


# The local name in the wizard, the results and the workshop.


def test_a_pick_fills_the_local_name_and_the_results_show_it_escaped():
    at = picked("Hirado")
    assert at.radio(key="town.query.pick").options[0].startswith("Hirado 平戸市 (Nagasaki")
    assert (town(at).geonameid, town(at).local_name) == (HIRADO, "平戸市")
    assert field(at, "local_name").value == "平戸市"
    field(at, "local_name").input("平戸*市*").run()
    at = to_results(at)
    headers = [h.value for h in at.header]
    assert "Advice for Hirado (平戸\\*市\\*)" in headers, headers


def test_the_workshop_create_page_fills_the_local_name_from_its_hit():
    at = ok(AppTest.from_file(APP, default_timeout=90))
    at.query_params["ws"] = "new"
    at = ok(at.run())
    at.radio(key="ws.new.source").set_value("gazetteer").run()
    at.text_input(key="ws.new.query").input("Hirado").run()
    ok(at.button(key="ws.new.create").click().run())
    code, key = at.query_params["ws"], at.query_params["key"]
    code, key = (v if isinstance(v, str) else v[0] for v in (code, key))
    store = WorkshopStore(open_database(os.environ["LOOK_WITHIN_DATABASE_URL"]))
    made = store.facilitate(code, key)
    assert (made.settings.town.geonameid, made.settings.town.local_name) == (HIRADO, "平戸市")
    assert any("Hirado (平戸市)" in str(t.value) for t in at.title)


# The rules, without Streamlit.


def linked(**changes: object) -> Municipality:
    base = {
        "name": "Kamaishi",
        "local_name": "釜石市",
        "country": "JP",
        "region": "Iwate",
        "population": 43107,
        "geonameid": KAMAISHI,
        "latitude": 39.27,
        "longitude": 141.88,
    }
    return Municipality.model_validate({**base, **changes})


def hit(**changes: object) -> TownHit:
    base = {
        "geonameid": KAMAISHI,
        "name": "Kamaishi",
        "region": "Iwate",
        "country": "JP",
        "population": 43107,
        "lat": 39.27,
        "lon": 141.88,
        "score": 1.2,
        "match": "exact",
        "sister_towns": [],
        "local_name": "釜石市",
    }
    return TownHit.model_validate({**base, **changes})


def test_only_another_country_unlinks_an_edited_town():
    town = linked()
    kept = edit_town(
        town, name="Kamaishi 釜石市", local_name=" 釜石 ", region="", country="JP", population=1
    )
    assert (kept.geonameid, kept.latitude, kept.local_name) == (KAMAISHI, 39.27, "釜石")
    moved = edit_town(town, name="Kamaishi", region="", country="FR", population=1)
    assert (moved.geonameid, moved.latitude, moved.longitude) == (None, None, None)
    assert moved.local_name == "釜石市"  # not given: kept
    bare = unlink_town(town)
    assert (bare.geonameid, bare.name, bare.population) == (None, "Kamaishi", 43107)


def test_relinking_keeps_what_the_clerk_corrected_and_another_place_replaces_it():
    corrected = linked(population=31000, local_name="釜石", name="Kamaishi-shi")
    again = town_from_hit(hit(), corrected)
    assert (again.population, again.local_name, again.name) == (31000, "釜石", "Kamaishi-shi")
    assert kept_population(corrected, hit()) == 31000
    assert kept_population(linked(), hit()) is None  # the gazetteer's figure: nothing kept
    emptied = town_from_hit(hit(), linked(population=None, local_name=""))
    assert (emptied.population, emptied.local_name) == (43107, "釜石市")
    other = town_from_hit(
        hit(geonameid=HIRADO, name="Hirado", population=31192, local_name=""), corrected
    )
    assert (other.population, other.local_name, other.name) == (31192, "", "Hirado")
    assert kept_population(corrected, hit(geonameid=HIRADO)) is None
    typed = linked(geonameid=None, latitude=None, longitude=None, population=31000)
    assert town_from_hit(hit(), typed).population == 43107  # linking a typed town
    assert town_from_hit(hit(population=0), Municipality()).population is None


def test_old_answers_files_stay_valid_and_the_local_name_round_trips():
    example = load_answers(ROOT / "examples" / "hirado.yaml")
    assert example.municipality.local_name == ""
    named = example.model_copy(
        update={"municipality": example.municipality.model_copy(update={"local_name": "平戸市"})}
    )
    again = parse_answers(dump_answers(named), "named.yaml")
    assert again.municipality.local_name == "平戸市"


def test_the_gazetteer_knows_local_names_in_the_country_script():
    assert gazetteer().get(HIRADO).local_name == "平戸市"
    assert gazetteer().get(KAMAISHI).local_name == "釜石市"
    # Japanese kanji, not the Chinese 平戶市 nor the kana reading
    assert local_name("JP", "Hirado", ["Хирадо", "平戶市", "ひらど", "平戸", "平戸市"]) == "平戸市"
    assert local_name("JP", "Sasaki", ["ささき", "佐々木"]) == "佐々木"
    assert local_name("KR", "Gangneung", ["江陵市", "강릉", "강릉시"]) == "강릉시"
    assert local_name("TW", "Tainan", ["台南", "台南市", "臺南", "臺南市"]) == ""  # a tie: unsure
    assert local_name("UA", "Pashkivtsi", ["Пашковцы", "Пашківці"]) == "Пашківці"
    assert local_name("GR", "Neápoli", ["Νεάπολη", "Νεάπολις"]) == ""  # two spellings
    assert local_name("FR", "Obernai", ["Ewernahn", "Оберне", "オベルネ"]) == ""  # Latin script


def report_answers(local: str) -> Assessment:
    example = load_answers(ROOT / "examples" / "hirado.yaml")
    town = example.municipality.model_copy(update={"local_name": local})
    return example.model_copy(update={"municipality": town})


def test_the_report_shows_the_local_name_beside_the_name_in_every_language():
    from advisor.assess import assess

    answers = report_answers("平戸市")
    result = assess(answers)
    for language, named in (("en", "Hirado (平戸市)"), ("ja", "Hirado（平戸市）"), ("fr", None)):
        with use_language(language):
            doc = build_document(answers, result, today=dt.date(2026, 5, 1))
            named = named or "Hirado (平戸市)"
            assert doc.town == named and named in doc.title
            lead = doc.sections[0].blocks[0]
            assert isinstance(lead, Paragraph) and "平戸市" in lead.text, lead
            assert doc.footer.count("平戸市") == 0  # the footer stays short
    plain = build_document(report_answers(""), result, today=dt.date(2026, 5, 1))
    assert plain.town == "Hirado" and "(" not in plain.title


def test_the_local_name_is_escaped_like_the_name_in_every_format():
    from advisor.assess import assess

    answers = report_answers("<b>平戸</b>*市*")
    result = assess(answers)
    html = render("html", answers, result, today=dt.date(2026, 5, 1)).decode("utf-8")
    assert "<b>平戸</b>" not in html and "&lt;b&gt;平戸&lt;/b&gt;*市*" in html
    markdown = render("md", answers, result, today=dt.date(2026, 5, 1)).decode("utf-8")
    assert markdown.startswith("# ") and "平戸" in markdown.splitlines()[0]
    assert "<b>平戸</b>" not in markdown
    for fmt in ("pdf", "docx"):
        assert render(fmt, answers, result, today=dt.date(2026, 5, 1))
    assert town_name("*Bold*", "<i>", md) == "\\*Bold\\* (\\<i\\>)"
    assert town_name("Kamaishi 釜石市", "釜石市") == "Kamaishi 釜石市"  # already in the name
    assert town_name("Saint-Loup", "saint loup") == "Saint-Loup"
