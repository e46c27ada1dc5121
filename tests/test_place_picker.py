"""The wizard's picker for declared places that could mean several towns (issue 10,
item 1): the clerk picks the namesake meant, and its GeoNames id stays with the answer."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.test_app import answers, click, fresh


def history_with(place: str, country: str) -> AppTest:
    at = click(fresh(), "next.welcome")
    at.text_input(key="town.name@0").input("Seaside").run()
    at.selectbox(key="town.country@0").select("JP").run()
    at.text_input(key="town.population@0").input("12000").run()
    click(at, "next.town")
    click(at, "connections.add@0")
    at.text_input(key="connections.0.place@0").input(place).run()
    at.selectbox(key="connections.0.country@0").select(country).run()
    assert not at.exception, at.exception
    return at


def picker(at: AppTest, place: str, country: str):
    return at.selectbox(key=f"confirm.connections.{place}.{country}@0")


def test_a_name_shared_by_several_places_gets_a_picker_and_the_pick_is_kept():
    at = history_with("Newport", "US")
    box = picker(at, "Newport", "US")
    assert box.label == "Which Newport (United States) do you mean?"
    assert box.value == 0  # not sure yet: nothing is guessed for the clerk
    assert answers(at).history.connections[0].geonameid is None
    rhode_island = next(i for i, label in enumerate(box.options) if "Rhode Island" in label)
    box.select_index(rhode_island).run()
    picked = answers(at).history.connections[0]
    assert picked.geonameid is not None
    # The pick stays on the page (so it can be undone) and survives leaving the step.
    assert picker(at, "Newport", "US").index == rhode_island
    click(at, "next.history")
    click(at, "nav.history")
    assert answers(at).history.connections[0].geonameid == picked.geonameid
    picker(at, "Newport", "US").select_index(0).run()
    assert answers(at).history.connections[0].geonameid is None


def test_a_place_the_hints_settle_needs_no_picker():
    at = history_with("Santiago de Compostela", "ES")
    assert not [s for s in at.selectbox if s.key and s.key.startswith("confirm.")]
    assert any("✓ Santiago de Compostela (Galicia, Spain)" in c.value for c in at.caption)


def test_a_place_not_in_the_gazetteer_is_said_so_and_kept_as_typed():
    at = history_with("Qwertyville", "US")
    assert any(
        "Qwertyville is not in the gazetteer for United States" in c.value for c in at.caption
    )
    assert answers(at).history.connections[0].place == "Qwertyville"


def test_a_sister_town_known_by_its_id_shows_the_place_meant():
    """A tie that came with the town's gazetteer entry keeps its id, and the ties step says
    which place it is (preselected when namesakes exist)."""
    at = click(fresh(), "next.welcome")
    at.text_input(key="town.query").input("Sarov").run()
    click(at, "town.use")
    for page in ("town", "history", "specializations"):
        click(at, f"next.{page}")
    box = [s for s in at.selectbox if s.key.startswith("confirm.sister_towns.Los Alamos.US@")]
    shown = box[0].options[box[0].index] if box else " ".join(c.value for c in at.caption)
    assert "Los Alamos (New Mexico, United States)" in shown
    tie = next(t for t in answers(at).ties.sister_towns if t.place == "Los Alamos")
    assert tie.geonameid == 5476825
