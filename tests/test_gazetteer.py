"""The gazetteer on the real GeoNames data: finding towns the way people type them."""

from __future__ import annotations

from array import array

import pytest

from advisor.geo import index
from advisor.geo.gazetteer import distance_km, gazetteer
from advisor.geo.names import fold


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


def first(gaz, text, country=None):
    hits = gaz.search(text, country=country, limit=5)
    assert hits, f"nothing found for {text!r}"
    return hits[0]


@pytest.mark.parametrize(
    ("query", "country", "name", "code", "region"),
    [
        ("Hirado", None, "Hirado", "JP", "Nagasaki"),
        ("Sarov", None, "Sarov", "RU", "Nizhegorodskaya oblast'"),
        ("Obninsk", None, "Obninsk", "RU", "Kaluzhskaya oblast'"),
        ("Los Alamos", "US", "Los Alamos", "US", "New Mexico"),
        ("Noordwijk", None, "Noordwijk-Binnen", "NL", "Zuid-Holland"),
        ("gernika", None, "Gernika-Lumo", "ES", "País Vasco"),
        ("IEPER", None, "Ieper", "BE", "Vlaams Gewest"),
        ("Ypres", None, "Ieper", "BE", "Vlaams Gewest"),
        ("lodz", None, "Łódź", "PL", "Łódzkie"),
        ("平戸", None, "Hirado", "JP", "Nagasaki"),
    ],
)
def test_towns_are_found_as_people_type_them(gaz, query, country, name, code, region):
    hit = first(gaz, query, country)
    assert (hit.place.name, hit.place.country, hit.place.region) == (name, code, region)
    assert hit.place.population > 0 and hit.place.geonameid > 0


def test_hits_carry_coordinates(gaz):
    place = first(gaz, "Hirado").place
    assert distance_km(place.lat, place.lon, 33.368, 129.554) < 5


def test_typos_are_forgiven(gaz):
    assert first(gaz, "Obninks").place.name == "Obninsk"
    assert first(gaz, "Nagasakki", "JP").place.name == "Nagasaki"


def test_prefix_finds_the_longer_name(gaz):
    assert first(gaz, "Noordwijkerh").place.name == "Noordwijkerhout"


def test_bigger_place_wins_a_tie(gaz):
    hits = gaz.search("Los Alamos", "US", limit=3)
    assert hits[0].place.population > hits[1].place.population


def test_country_filter_keeps_only_that_country(gaz):
    assert {h.place.country for h in gaz.search("San", "ES", limit=10)} == {"ES"}


def test_a_hamlet_below_the_threshold_is_not_invented(gaz):
    hits = gaz.search("Vaux-sur-Aure", "FR")
    assert all(h.match == "fuzzy" and h.place.name != "Vaux-sur-Aure" for h in hits)


def test_get_by_id_and_resolve(gaz):
    assert gaz.get(1862555).name == "Hirado"
    assert gaz.get(1) is None
    found = gaz.resolve("Los Alamos", "US", 35.89, -106.26)
    assert found.status == "resolved" and found.place.region == "New Mexico"
    assert gaz.resolve("Los Alamos", "US").status == "ambiguous"
    assert gaz.resolve("Nowhere Town", "US").status == "unresolved"


def test_fold_ignores_case_accents_and_punctuation():
    assert fold("Vaux-sur-Aure") == fold("VAUX SUR AURE") == "vaux sur aure"
    assert fold("Łódź") == "lodz" and fold("São Paulo") == "sao paulo"
    assert fold("平戸市") == "平戸市"


def test_index_round_trip(tmp_path):
    data = index.IndexData(
        geonameid=array("i", [7, 9]),
        population=array("i", [10, 5]),
        lat=array("f", [1.0, 2.0]),
        lon=array("f", [3.0, 4.0]),
        country=array("H", [0, 0]),
        admin1=array("H", [0, 0]),
        key_rows=array("i", [1, 0]),
        countries=index.Strings.of(["JP"]),
        admin_codes=index.Strings.of(["JP.27"]),
        names=index.Strings.of(["平戸", "B"]),
        folded_names=index.Strings.of(["平戸", "b"]),
        keys=index.Strings.of(["b", "平戸"]),
    )
    path = tmp_path / "i.bin"
    index.save(data, path)
    again = index.load(path)
    assert list(again.geonameid) == [7, 9]
    assert again.names[0] == "平戸" and len(again.keys) == 2


def test_outdated_index_is_rebuilt(tmp_path, monkeypatch):
    path = tmp_path / "old.bin"
    path.write_bytes(b'{"format": 0}\n')
    built = index.IndexData(countries=index.Strings.of(["XX"]))
    monkeypatch.setattr(index, "build", lambda: built)
    assert index.load_or_build(path) is built
    assert index.load(path).countries[0] == "XX"
