"""Declared connections and sister towns resolved to GeoNames by the clerk's hints (issue 10,
item 1): the GeoNames id, then the region, then the exact spelling among spaced variants,
then a region or qualifier named in the description; else listed as places to confirm.
Uses the real gazetteer, as tests/test_gazetteer.py does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from advisor.answers import dump_answers, load_answers, parse_answers
from advisor.assess import assess
from advisor.cli_text import summary_markdown
from advisor.geo.declared import DeclaredPlace, _exact_spelling, resolve_declared
from advisor.geo.gazetteer import Place, gazetteer
from advisor.knowledge.load import default_knowledge
from advisor.model.assessment import Assessment
from advisor.opendata.bundle import open_data

ROOT = Path(__file__).resolve().parents[1]
K = default_knowledge()


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


def resolved(gaz, **given: Any) -> Place:
    found = resolve_declared(gaz, DeclaredPlace(**given))
    assert found.status == "resolved" and found.place is not None, found
    return found.place


@pytest.mark.parametrize("region", ["Illinois", "Ohio", "ohio"])
def test_region_picks_the_right_namesake(gaz, region):
    place = resolved(gaz, name="Springfield", country="US", region=region)
    assert (place.name, place.region.lower()) == ("Springfield", region.lower())


def test_geonameid_wins_over_every_other_hint(gaz):
    ohio = resolved(gaz, name="Springfield", country="US", region="Ohio")
    place = resolved(
        gaz, name="Springfield", country="US", region="Illinois", geonameid=ohio.geonameid
    )
    assert place == ohio


def test_description_names_the_region(gaz):
    place = resolved(gaz, name="Frankfurt", country="DE", description="A town on the Oder.")
    assert place.name == "Frankfurt (Oder)"
    assert resolved(gaz, name="Frankfurt", country="DE", description="in Hessen").name == (
        "Frankfurt am Main"
    )


def test_a_city_known_by_the_name_with_a_qualifier_is_not_lost_to_a_small_namesake(gaz):
    """'Halle' is the own name of a town of 21,000 in Westphalia, and Halle (Saale), a city of
    238,000, carries it as an alternate name: the city a letter means stays a candidate and
    wins by size; an old alternate name of an unrelated city does not join the namesakes."""
    place = resolved(gaz, name="Halle", country="DE", region="Saxony-Anhalt")
    assert (place.name, place.region) == ("Halle (Saale)", "Sachsen-Anhalt")
    newports = resolve_declared(gaz, DeclaredPlace("Newport", "US")).candidates
    assert {p.name for p in newports} == {"Newport"}


def test_exact_spelling_beats_spaced_variants():
    def p(gid: int, name: str) -> Place:
        return Place(gid, name, "US", "R", 100, 0.0, 0.0)

    places = [p(1, "Fair View"), p(2, "Fairview"), p(3, "Fair-View")]
    assert [x.geonameid for x in _exact_spelling(places, "Fairview")] == [2]
    assert _exact_spelling([*places, p(4, "Other")], "Fairview") == []


def test_ambiguous_name_lists_candidates(gaz):
    found = resolve_declared(gaz, DeclaredPlace("Springfield", "US"))
    assert found.status == "ambiguous" and found.place is None
    assert 2 <= len(found.candidates) <= 5
    assert {c.name for c in found.candidates} == {"Springfield"}
    assert resolve_declared(gaz, DeclaredPlace("Qxzzyville", "US")).status == "not_found"


def town(connections: list[dict[str, Any]]) -> Assessment:
    data = load_answers(ROOT / "examples" / "vaux_sur_aure.yaml").model_dump(mode="json")
    data["history"] = {**data["history"], "connections": connections}
    data["ties"] = {**data["ties"], "sister_towns": []}
    return parse_answers(yaml.safe_dump(data, allow_unicode=True), "town.yaml")


def test_result_and_summary_list_places_to_confirm():
    conn = {"place": "Springfield", "country": "US", "kind": "trade"}
    result = assess(town([conn]), K, open_data())
    [open_place] = result.unresolved_places
    assert (open_place.name, open_place.status, open_place.source) == (
        "Springfield",
        "ambiguous",
        "connection",
    )
    assert all(c.geonameid and c.region for c in open_place.candidates)
    text = summary_markdown(result)
    assert "Places to confirm" in text and str(open_place.candidates[0].geonameid) in text


def test_region_resolves_the_connection_for_partners():
    conn = {"place": "Springfield", "country": "US", "kind": "trade", "region": "Ohio"}
    result = assess(town([conn]), K, open_data())
    assert result.unresolved_places == []
    [partner] = [p for p in result.partners if p.name == "Springfield"]
    assert partner.geonameid and partner.population and partner.lat is not None


def test_region_round_trips_in_answers_files():
    conn = {"place": "Springfield", "country": "US", "kind": "trade", "region": "Ohio"}
    answers = town([conn])
    assert answers.history.connections[0].region == "Ohio"
    again = parse_answers(dump_answers(answers), "again.yaml")
    assert again == answers and "region: Ohio" in dump_answers(answers)
