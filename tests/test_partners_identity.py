"""One entry per partner place, only real towns, never the town itself, ids where known."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from advisor.answers import parse_answers
from advisor.assess import assess
from advisor.geo.gazetteer import gazetteer
from advisor.geo.names import place_key
from advisor.knowledge.load import default_knowledge
from advisor.knowledge.models import CuratedPlace
from advisor.model.assessment import Assessment
from advisor.model.result import PartnerSuggestion, SourceRef
from advisor.opendata.bundle import open_data
from advisor.partners.suggest import Candidate, _Merged

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
OAK_RIDGE = 4646571
"""GeoNames id of Oak Ridge, Tennessee, a curated science town."""


@pytest.fixture(scope="module")
def data():
    return open_data()


def answers(path: Path, **municipality: Any) -> Assessment:
    """An example's answers with the municipality changed (another town, same story)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["municipality"] = {**raw["municipality"], **municipality}
    return parse_answers(yaml.safe_dump(raw, allow_unicode=True), str(path))


def science_town(**municipality: Any) -> Assessment:
    """A US laboratory town like Los Alamos that is not Los Alamos."""
    town = {"name": "Oak Ridge", "region": "Tennessee", "population": 31000}
    town |= {"latitude": 36.0104, "longitude": -84.2696, **municipality}
    return answers(ROOT / "examples" / "los_alamos.yaml", **town)


def named(partners: list[PartnerSuggestion], name: str) -> list[PartnerSuggestion]:
    return [p for p in partners if place_key(p.name, p.country)[0] == place_key(name, "")[0]]


@pytest.mark.parametrize("with_data", [False, True])
def test_a_place_found_as_curated_place_and_as_case_is_listed_once(with_data, data):
    partners = assess(science_town(), open_data=data if with_data else None).partners
    (los_alamos,) = named(partners, "Los Alamos")
    reasons = " ".join(los_alamos.reasons)
    assert "reference case" in reasons and "highest shares of PhDs" in reasons
    assert los_alamos.geonameid == 5476825 or not with_data


@pytest.mark.parametrize(
    "town",
    [
        {},
        {"name": "City of Oak Ridge", "geonameid": OAK_RIDGE},
        {"name": "OAK-RIDGE", "latitude": None, "longitude": None},
    ],
    ids=["same name", "same id", "same folded name"],
)
def test_the_town_itself_is_never_suggested(town, data):
    partners = assess(science_town(**town), open_data=data).partners
    assert not named(partners, "Oak Ridge")
    assert OAK_RIDGE not in {p.geonameid for p in partners}


def not_towns() -> list[CuratedPlace]:
    places = [p for g in default_knowledge().places.values() for p in g.places]
    return [p for p in places if p.not_a_town]


def test_places_whose_people_were_moved_away_are_marked_with_a_source():
    marked = {p.name: p.not_a_town for p in not_towns()}
    assert marked["Bikini Atoll"].reason == "uninhabited"
    assert all(m.source_keys for m in marked.values())


def themed_town(themes: list[str]) -> Assessment:
    """A town with no ties whose history and specialization are exactly ``themes``."""
    raw = science_town(name="Testtown").model_dump(mode="json", exclude_none=True)
    raw["history"] = {"themes": list(themes)}
    raw["specializations"] = {"themes": list(themes)}
    raw["ties"] = {}
    return parse_answers(yaml.safe_dump(raw, allow_unicode=True), "t")


@pytest.mark.parametrize("place", not_towns(), ids=lambda p: p.name)
def test_a_place_that_is_not_a_town_is_never_suggested(place, data):
    """A town sharing exactly the place's themes gets other places, never this one."""
    partners = assess(themed_town(place.themes), open_data=data).partners
    assert partners and not named(partners, place.name)


def test_without_the_mark_the_same_place_would_be_suggested():
    """The control for the test above: the mark, not the themes, keeps Bikini Atoll out."""
    knowledge = default_knowledge()
    group = knowledge.places["nuclear_memory_and_peace"]
    bikini = next(p for p in group.places if p.name == "Bikini Atoll")
    unmarked = group.model_copy(
        update={"places": [bikini.model_copy(update={"not_a_town": None}), *group.places]}
    )
    knowledge.places["nuclear_memory_and_peace"] = unmarked
    try:
        assert named(assess(themed_town(bikini.themes), knowledge).partners, "Bikini Atoll")
    finally:
        knowledge.places["nuclear_memory_and_peace"] = group


def all_results(data):
    towns = [answers(p) for p in EXAMPLES] + [science_town()]
    for town in towns:
        for source in (None, data):
            yield town, source, assess(town, open_data=source).partners


def test_each_partner_is_listed_once_by_id_and_by_name(data):
    for town, _, partners in all_results(data):
        ids = [p.geonameid for p in partners if p.geonameid]
        keys = [place_key(p.name, p.country) for p in partners]
        assert len(ids) == len(set(ids)), town.municipality.name
        assert len(keys) == len(set(keys)), town.municipality.name


def test_every_partner_the_gazetteer_can_resolve_has_an_id_and_a_population(data):
    gaz = gazetteer()
    for town, source, partners in all_results(data):
        for p in partners if source else []:
            found = gaz.resolve(p.name, p.country, p.lat, p.lon)
            if found.status == "resolved":
                assert p.geonameid, (town.municipality.name, p.name)
            if p.geonameid:
                assert p.population is None or p.population > 0


def test_curated_ids_name_a_place_of_that_name_and_country():
    gaz = gazetteer()
    for group in default_knowledge().places.values():
        for place in group.places:
            if place.geonameid:
                found = gaz.get(place.geonameid)
                assert found and found.country == place.country, place.name
                hits = gaz.search(place.name, place.country, limit=10)
                assert place.geonameid in {h.place.geonameid for h in hits}, place.name


def cand(name: str, score: float, gid: int | None = None, reason: str = "r") -> Candidate:
    return Candidate(name, "US", score, [reason], [SourceRef(title=reason)], geonameid=gid)


def test_candidates_sharing_an_id_or_a_name_merge_into_one_entry():
    merged = _Merged(bonus=0.05)
    merged.add(cand("Los Alamos", 0.6, reason="curated"))
    merged.add(cand("Springfield", 0.5, gid=2, reason="other"))
    merged.add(cand("Los Alamos", 0.5, gid=1, reason="case"))
    merged.add(cand("Los Alamos County", 0.4, gid=1, reason="twin"))
    entries = merged.ranked()
    assert [e.name for e in entries] == ["Los Alamos", "Springfield"]
    assert entries[0].reasons == ["curated", "case", "twin"] and entries[0].geonameid == 1


def test_an_entry_bridging_two_entries_joins_them():
    merged = _Merged(bonus=0.0)
    merged.add(cand("Los Alamos", 0.6, reason="by name"))
    merged.add(cand("Los Alamos County", 0.5, gid=1, reason="by id"))
    merged.add(cand("Los Alamos", 0.4, gid=1, reason="both"))
    (entry,) = merged.ranked()
    assert set(entry.reasons) == {"by name", "by id", "both"}
