"""'Find my town': gazetteer hits with what the open data knows about each place."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from advisor.opendata.bundle import OpenData


class KnownTie(BaseModel):
    """A twin town the open data lists for a place."""

    model_config = ConfigDict(frozen=True)

    name: str
    country: str
    geonameid: int | None = None

    def __str__(self) -> str:
        return f"{self.name} ({self.country})"


class TownHit(BaseModel):
    """A place the user may mean, with its known sister towns (from the twinning data)."""

    model_config = ConfigDict(frozen=True)

    geonameid: int
    name: str
    region: str
    country: str
    population: int
    lat: float
    lon: float
    score: float
    match: str
    sister_towns: list[KnownTie]
    local_name: str = ""
    """The name in the country's own script ('平戸市'), when the gazetteer knows it."""


def find_town(
    data: OpenData, text: str, country: str | None = None, limit: int = 10
) -> list[TownHit]:
    """Best matches for ``text`` (accents, case and small typos ignored), best first."""
    hits = []
    for hit in data.gazetteer.search(text, country=country, limit=limit):
        place = hit.place
        ties = data.twins.partners(place.name, place.country, place.geonameid)
        hits.append(
            TownHit(
                geonameid=place.geonameid,
                name=place.name,
                region=place.region,
                country=place.country,
                population=place.population,
                lat=place.lat,
                lon=place.lon,
                score=hit.score,
                match=hit.match,
                local_name=place.local_name,
                sister_towns=[
                    KnownTie(name=r.name, country=r.country, geonameid=r.geonameid) for r in ties
                ],
            )
        )
    return hits
