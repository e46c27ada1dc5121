"""The cleaned open data in data/ties: licensed, normalised, resolved, reported."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from advisor.geo.countries import countries
from advisor.geo.gazetteer import gazetteer
from advisor.opendata.bundle import open_data

TIES = Path(__file__).resolve().parents[1] / "data" / "ties"


@pytest.fixture(scope="module")
def twins():
    return list(csv.DictReader((TIES / "twin_towns.csv").open(encoding="utf-8")))


@pytest.fixture(scope="module")
def signatories():
    return list(csv.DictReader((TIES / "covenant_signatories.csv").open(encoding="utf-8")))


def test_attribution_and_licences_sit_beside_the_data():
    readme = (TIES / "README.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in readme and "CC BY 4.0" in readme and "Wikipedia" in readme
    assert "Joint Research Centre" in readme
    assert (TIES / "LICENSE_hekman_twincities_MIT.txt").is_file()


def test_known_pairs_survive_cleaning():
    graph = open_data().twins
    assert "Vaux-sur-Aure" in {r.name for r in graph.partners("Nagasaki", "JP", 1856177)}
    assert "Sarov" in {r.name for r in graph.partners("Los Alamos", "US", 5476825)}
    assert "Nagasaki" in {r.name for r in graph.partners("Vaux-sur-Aure", "FR")}


def test_countries_are_iso_codes(twins, signatories):
    codes = set(countries())
    assert {r["country_a"] for r in twins} | {r["country_b"] for r in twins} <= codes
    assert {r["country"] for r in signatories} <= codes


def test_no_personal_names_are_shipped(signatories):
    assert not {"mayor", "coordinator_name", "supporter_name"} & set(signatories[0])


def test_each_pair_appears_once(twins):
    keys = [
        tuple(sorted([(r["name_a"], r["country_a"]), (r["name_b"], r["country_b"])])) for r in twins
    ]
    assert len(keys) == len(set(keys))


def test_unresolved_rows_keep_their_coordinates(twins):
    unresolved = [r for r in twins if not r["geonameid_a"]]
    assert unresolved and all(r["lat_a"] and r["lon_a"] for r in unresolved[:500])


def test_resolved_ids_are_real_places_near_the_given_coordinates(twins):
    gaz = gazetteer()
    for row in twins[::50]:
        if row["geonameid_a"]:
            place = gaz.get(int(row["geonameid_a"]))
            assert place is not None and place.country == row["country_a"]
            assert abs(place.lat - float(row["lat_a"])) < 0.5


def test_report_figures_match_the_files(twins, signatories):
    report = json.loads((TIES / "resolution.json").read_text())
    assert report["twin_towns"]["pairs kept"] == len(twins)
    both = sum(1 for r in twins if r["geonameid_a"] and r["geonameid_b"])
    assert report["twin_towns"]["pairs with both ids"] == both
    resolved = sum(1 for r in signatories if r["geonameid"])
    assert report["covenant_signatories"]["signatories resolved"] == resolved
    assert "| places resolved |" in (TIES / "RESOLUTION.md").read_text()
