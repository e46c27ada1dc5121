"""Resolve a place the town declared (a connection, a sister town) to one GeoNames place.

A clerk types a name, a country and, perhaps, a region or a sentence about the place. A
common name has many namesakes, so a unique name is not enough: each hint the clerk gave
is tried in turn (the GeoNames id, the region, the exact spelling among spaced or
punctuated variants, a region or qualifier named in the description, a much larger
namesake) and, when none settles it, the candidates are listed for the clerk to confirm.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from advisor.geo.gazetteer import Gazetteer, Place
from advisor.geo.names import fold

MAX_CANDIDATES = 5
"""Most namesakes listed for a place to confirm: enough to see the choice, short to read."""
MIN_HINT_WORD = 3
"""Shorter words ('am', 'an', 'la') are particles, not hints."""


@dataclass(frozen=True)
class DeclaredPlace:
    """What the town typed about a place."""

    name: str
    country: str
    region: str = ""
    description: str = ""
    geonameid: int | None = None


@dataclass(frozen=True)
class PlaceFinding:
    """The place meant (``resolved``), several alike (``ambiguous``) or none (``not_found``)."""

    status: Literal["resolved", "ambiguous", "not_found"]
    place: Place | None = None
    candidates: list[Place] = field(default_factory=list)


def _compact(text: str) -> str:
    """Folded text without spaces: 'Fair View', 'Fair-View' and 'fairview' are one."""
    return fold(text).replace(" ", "")


def candidates(gaz: Gazetteer, name: str, country: str) -> list[Place]:
    """Places of ``country`` named ``name`` (or a spaced or punctuated variant of it),
    largest first. Places that only carry it as an alternate name count when no place bears
    it as its own name ('Frankfurt' is an alternate name of both Frankfurts), or when their
    own name is the typed one with a qualifier in brackets and they are larger than every
    place that bears it: 'Halle' is the own name of a town of 21,000 in Westphalia and an
    alternate name of Halle (Saale), a city of 238,000 a letter more likely means. Other
    alternate names (an old name of a larger city) stay out: they mislead more than help."""
    wanted = _compact(name)
    rows = gaz.rows_named(name, country)
    places = [gaz.place(r) for r in rows]
    places += [
        h.place
        for h in gaz.search(name, country=country, limit=50)
        if _compact(h.place.name) == wanted
    ]
    unique = list({p.geonameid: p for p in places}.values())
    own = [p for p in unique if _compact(p.name) == wanted]
    largest_own = max((p.population for p in own), default=0)
    qualified = [
        p
        for p in unique
        if p not in own and _compact(p.name.split("(")[0]) == wanted and p.population > largest_own
    ]
    kept = own + qualified if own else unique
    return sorted(kept, key=lambda p: (-p.population, p.geonameid))


def _in_region(places: list[Place], region: str) -> list[Place]:
    """Candidates whose first-level region contains the region text, or is contained in it
    ('Oregon' and 'State of Oregon' both match Oregon)."""
    wanted = fold(region)
    return [
        p for p in places if p.region and (wanted in fold(p.region) or fold(p.region) in wanted)
    ]


def _exact_spelling(places: list[Place], name: str) -> list[Place]:
    """The candidates spelled as typed, when the others are only spaced or punctuated
    variants of the same letters (one 'Fairview' against several 'Fair View')."""
    wanted = _compact(name)
    variants = [p for p in places if _compact(p.name) == wanted]
    if len(variants) < 2 or len(variants) != len(places):
        return []
    return [p for p in variants if fold(p.name) == fold(name)]


def _hint_words(place: Place, name: str) -> set[str]:
    """Words that tell this namesake apart: its region's words and the qualifier words of
    its own name ('oder' in 'Frankfurt (Oder)' for a typed 'Frankfurt')."""
    typed = set(fold(name).split())
    words = set(fold(place.region).split()) | (set(fold(place.name).split()) - typed)
    return {w for w in words if len(w) >= MIN_HINT_WORD}


def _named_in(places: list[Place], name: str, description: str) -> list[Place]:
    """Candidates whose region or name qualifier the description names, when only some do."""
    said = set(fold(description).split())
    if not said:
        return []
    hinted = [p for p in places if _hint_words(p, name) & said]
    return hinted if len(hinted) < len(places) else []


def _by_size(places: list[Place]) -> Place | None:
    """The namesake ten times larger than the next: the one a letter would mean."""
    if len(places) == 1 or places[0].population >= 10 * max(places[1].population, 1):
        return places[0]
    return None


def resolve_declared(gaz: Gazetteer, declared: DeclaredPlace) -> PlaceFinding:
    """The GeoNames place a declared place means, trying the clerk's hints in order of trust."""
    if declared.geonameid:
        place = gaz.get(declared.geonameid)
        if place is not None:
            return PlaceFinding("resolved", place, [place])
    found = candidates(gaz, declared.name, declared.country)
    if not found:
        return PlaceFinding("not_found")
    narrowers = (
        lambda ps: _in_region(ps, declared.region) if declared.region.strip() else [],
        lambda ps: _exact_spelling(ps, declared.name),
        lambda ps: _named_in(ps, declared.name, declared.description),
    )
    for narrow in narrowers:
        if len(found) == 1:
            break
        found = narrow(found) or found
    place = _by_size(found)
    if place is not None:
        return PlaceFinding("resolved", place, [place])
    return PlaceFinding("ambiguous", None, found[:MAX_CANDIDATES])
