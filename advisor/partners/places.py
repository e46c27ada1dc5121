"""The town's declared places (connections, sister towns) resolved to GeoNames once per
assessment: resolved ones carry their id into the partner finders, the others are listed
as places to confirm."""

from __future__ import annotations

from typing import Literal

from advisor.geo.declared import DeclaredPlace, PlaceFinding, resolve_declared
from advisor.geo.gazetteer import Gazetteer
from advisor.model.assessment import Assessment, Connection, SisterTie
from advisor.model.result import PlaceCandidate, UnresolvedPlace

Source = Literal["connection", "sister_town"]


def declared(item: Connection | SisterTie) -> DeclaredPlace:
    """The hints a connection or a tie gives: a tie's notes play a connection's description."""
    text = item.description if isinstance(item, Connection) else item.notes
    return DeclaredPlace(item.place, item.country, item.region, text, item.geonameid)


def _unresolved(
    item: Connection | SisterTie, source: Source, found: PlaceFinding
) -> UnresolvedPlace:
    """The place as typed, with its namesakes for the clerk to choose from."""
    status = "ambiguous" if found.status == "ambiguous" else "not_found"
    return UnresolvedPlace(
        name=item.place,
        country=item.country,
        source=source,
        status=status,
        candidates=[
            PlaceCandidate(
                name=p.name, region=p.region, population=p.population, geonameid=p.geonameid
            )
            for p in found.candidates
        ],
    )


def resolve_places(
    gaz: Gazetteer, assessment: Assessment
) -> tuple[Assessment, list[UnresolvedPlace]]:
    """The answers with every surely resolved declared place given its GeoNames id, and the
    places left to confirm (each once, connections first)."""
    connections: list[Connection] = []
    ties: list[SisterTie] = []
    open_items: list[UnresolvedPlace] = []
    seen: set[tuple[str, str, str]] = set()
    items: list[tuple[Source, Connection | SisterTie]] = [
        *(("connection", c) for c in assessment.history.connections),
        *(("sister_town", s) for s in assessment.ties.sister_towns),
    ]
    for source, item in items:
        found = resolve_declared(gaz, declared(item))
        if found.status == "resolved" and found.place is not None:
            item = item.model_copy(update={"geonameid": found.place.geonameid})
        elif (item.place, item.country, item.region) not in seen:
            seen.add((item.place, item.country, item.region))
            open_items.append(_unresolved(item, source, found))
        if isinstance(item, Connection):
            connections.append(item)
        else:
            ties.append(item)
    history = assessment.history.model_copy(update={"connections": connections})
    tied = assessment.ties.model_copy(update={"sister_towns": ties})
    return assessment.model_copy(update={"history": history, "ties": tied}), open_items
