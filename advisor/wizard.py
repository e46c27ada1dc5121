"""The self-assessment's steps and what each needs, independent of any UI.

The Streamlit pages draw and collect; this module decides which step comes next, which
steps may be opened, which answers are missing or wrong (with a message for the field),
and how a gazetteer hit fills in the town. Everything here is testable without Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from advisor.geo.names import place_key
from advisor.model.assessment import Assessment, Municipality, SisterTie, strip_control
from advisor.opendata.find_town import TownHit


@dataclass(frozen=True)
class Step:
    """One page of the wizard; ``answers`` is False for pages that only show results."""

    id: str
    answers: bool = True


STEPS: tuple[Step, ...] = (
    Step("welcome", answers=False),
    Step("town"),
    Step("history"),
    Step("specializations"),
    Step("ties"),
    Step("capacity"),
    Step("results", answers=False),
    Step("report", answers=False),
)
STEP_IDS = tuple(s.id for s in STEPS)
STEP_BY_ID = {s.id: s for s in STEPS}


@dataclass(frozen=True)
class FieldProblem:
    """A message key for one field of one step (``field`` is a dotted answers path)."""

    field: str
    message: str
    params: tuple[tuple[str, str], ...] = ()


Check = Callable[[Assessment], list[FieldProblem]]


def _town(a: Assessment) -> list[FieldProblem]:
    town, problems = a.municipality, []
    if not town.name:
        problems.append(FieldProblem("municipality.name", "check.name_missing"))
    if not town.country:
        problems.append(FieldProblem("municipality.country", "check.country_missing"))
    if not town.population:
        problems.append(FieldProblem("municipality.population", "check.population_missing"))
    return problems


def _history(a: Assessment) -> list[FieldProblem]:
    """The history step's check: every connection names its place abroad. Named for its
    step like :func:`_town` and :func:`_ties` (it was ``_rows``, though it never looked at
    any step's rows but the history's: the ties step's are :func:`_ties`, and rows are
    also checked as they are edited, by :func:`rows_to_models`)."""
    problems = []
    for i, conn in enumerate(a.history.connections):
        if not conn.place.strip():
            problems.append(FieldProblem(f"history.connections[{i}].place", "check.place_missing"))
    return problems


def _ties(a: Assessment) -> list[FieldProblem]:
    problems = []
    seen: set[tuple[str, str]] = set()
    for i, tie in enumerate(a.ties.sister_towns):
        key = place_key(tie.place, tie.country)
        if key in seen:
            problems.append(
                FieldProblem(
                    f"ties.sister_towns[{i}].place", "check.tie_twice", (("place", tie.place),)
                )
            )
        seen.add(key)
    return problems


CHECKS: dict[str, Check] = {"town": _town, "history": _history, "ties": _ties}


def problems(assessment: Assessment, step: str) -> list[FieldProblem]:
    """What must be fixed on ``step`` before moving on."""
    check = CHECKS.get(step)
    return check(assessment) if check else []


def next_step(step: str) -> str:
    i = STEP_IDS.index(step)
    return STEP_IDS[min(i + 1, len(STEP_IDS) - 1)]


def previous_step(step: str) -> str:
    i = STEP_IDS.index(step)
    return STEP_IDS[max(i - 1, 0)]


def reachable(step: str, completed: list[str]) -> bool:
    """A step may be opened when every answers step before it is completed."""
    before = STEPS[: STEP_IDS.index(step)]
    return all(s.id in completed for s in before if s.answers)


def completed_for(assessment: Assessment) -> list[str]:
    """Steps to count as done for loaded answers: those the file records, or, for a file
    without progress (an example, a hand-written file), every answers step once complete."""
    recorded = [s for s in assessment.progress.completed_steps if s in STEP_IDS]
    if recorded or assessment.missing():
        return recorded
    return [s.id for s in STEPS if s.answers]


def resume_step(assessment: Assessment) -> str:
    """Where loaded answers should reopen the wizard: the step saved in the file if it can
    be opened, else results when the answers are complete, else the town step."""
    last = assessment.progress.last_step
    if last in STEP_IDS and reachable(last, completed_for(assessment)):
        return last
    return "town" if assessment.missing() else "results"


def progress_share(step: str) -> float:
    """How far along the wizard ``step`` is, from 0 to 1."""
    return STEP_IDS.index(step) / (len(STEP_IDS) - 1)


def edit_town(
    town: Municipality,
    *,
    name: str,
    region: str,
    country: str | None,
    population: int,
    local_name: str | None = None,
) -> Municipality:
    """The town as typed. The GeoNames place a search linked (its id and coordinates)
    stays through edits of the name, the local name, the region and the population: a
    clerk writing 'Kamaishi 釜石市' or correcting the population still means that place.
    Only another country unlinks it, as do :func:`unlink_town` and picking another place.
    Without ``local_name`` the town keeps its own."""
    unlinked = country != town.country
    return town.model_copy(
        update={
            "name": name.strip(),
            "local_name": town.local_name if local_name is None else local_name.strip(),
            "region": region.strip(),
            "country": country,
            "population": int(population) or None,
            **(_UNLINKED if unlinked else {}),
        }
    )


_UNLINKED: dict[str, Any] = {"geonameid": None, "latitude": None, "longitude": None}


def unlink_town(town: Municipality) -> Municipality:
    """``town`` without its GeoNames place and coordinates; what the clerk typed stays."""
    return town.model_copy(update=_UNLINKED)


def town_from_hit(hit: TownHit, town: Municipality | None = None) -> Municipality:
    """``town`` (or a new one) with what the gazetteer knows of ``hit``: name, local name,
    country, region, population, GeoNames id and coordinates. The wizard and the workshop
    both build their town here.

    Picking the place the town is already linked to (the same GeoNames id) is re-linking:
    it restores the id and coordinates, and keeps every detail the clerk filled in (name,
    local name, region, population) instead of the gazetteer's. Linking sets the
    population to the gazetteer's, so a different population on a town linked to that
    place is one the clerk corrected; it stays. Empty details take the gazetteer's. Any
    other pick (an unlinked town, another place) takes the gazetteer's details, with the
    local name empty when the gazetteer knows none: the old one named another place.
    """
    town = town or Municipality()
    found = {
        "name": hit.name,
        "local_name": hit.local_name,
        "region": hit.region,
        "population": hit.population or None,
    }
    if town.geonameid == hit.geonameid:
        found = {field: getattr(town, field) or value for field, value in found.items()}
    return town.model_copy(
        update={
            **found,
            "country": hit.country,
            "geonameid": hit.geonameid,
            "latitude": hit.lat,
            "longitude": hit.lon,
        }
    )


def kept_population(town: Municipality, hit: TownHit) -> int | None:
    """The clerk's population that re-linking ``hit`` keeps instead of the gazetteer's
    (see :func:`town_from_hit`), or None when the gazetteer's is taken or agrees."""
    keeps = town.geonameid == hit.geonameid and town.population
    return town.population if keeps and town.population != hit.population else None


def apply_town_hit(assessment: Assessment, hit: TownHit) -> Assessment:
    """The answers with the town filled from a gazetteer hit, and its known twin towns
    added as active ties (the user marks dormant ones on the ties step)."""
    town = town_from_hit(hit, assessment.municipality)
    known = {place_key(t.place, t.country) for t in assessment.ties.sister_towns}
    added = [
        SisterTie(
            place=tie.name,
            country=tie.country,
            geonameid=tie.geonameid,
            status="active",
            notes="from the twin-town lists",
        )
        for tie in hit.sister_towns
        if place_key(tie.name, tie.country) not in known
    ]
    ties = assessment.ties.model_copy(
        update={"sister_towns": [*assessment.ties.sister_towns, *added]}
    )
    return assessment.model_copy(update={"municipality": town, "ties": ties})


M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class RowCheck:
    """Rows that can be kept as answers, and for each row the fields still missing."""

    kept: list[Any]
    missing: list[list[str]]


def rows_to_models(
    model: type[M],
    rows: Sequence[dict[str, Any]],
    *,
    blank: dict[str, Any],
    context: dict[str, Any] | None = None,
) -> RowCheck:
    """Turn edited rows into answers. A row still equal to ``blank`` (a new row, or one
    with only its preset choices) is ignored; an unfinished one is reported."""
    kept: list[M] = []
    missing: list[list[str]] = []
    for row in rows:
        filled = {k: v for k, v in row.items() if v not in ("", None)}
        if all(blank.get(k) == v for k, v in filled.items()):
            missing.append([])
            continue
        try:
            kept.append(model.model_validate(filled, context=context))
            missing.append([])
        except ValidationError as exc:
            missing.append(sorted({str(e["loc"][0]) for e in exc.errors() if e["loc"]}))
    return RowCheck(kept, missing)


def text_limit(model: type[BaseModel], field: str) -> int | None:
    """The most characters ``model.field`` accepts, read from the model itself, so the
    wizard's inputs and the answers file never disagree on a limit."""
    for rule in model.model_fields[field].metadata:
        limit = getattr(rule, "max_length", None)
        if limit is not None:
            return int(limit)
    return None


@dataclass(frozen=True)
class CutText:
    """Text made fit for the answers, and what had to go."""

    text: str
    dropped: int = 0
    """Characters past the limit."""
    unprintable: int = 0
    """Control characters removed (they break reports and files)."""


def cut_text(text: str, limit: int | None) -> CutText:
    """``text`` without unprintable characters and kept up to ``limit`` characters. A paste
    past the limit is cut, not refused (browsers silently refuse a paste that would
    overflow the field)."""
    clean = strip_control(text)
    unprintable = len(text) - len(clean)
    if limit is None or len(clean) <= limit:
        return CutText(clean, 0, unprintable)
    return CutText(clean[:limit], len(clean) - limit, unprintable)


def cut_lines(lines: Sequence[str], limit: int) -> CutText:
    """At most ``limit`` non-empty lines (a list answer such as the partnerships)."""
    kept = [line for line in lines if line.strip()]
    return CutText("\n".join(kept[:limit]), max(len(kept) - limit, 0))
