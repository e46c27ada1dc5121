"""The agreed answers: one assessment the whole room stands behind.

Each item the room named is kept when the rule accepts it (named by at least the
workshop's threshold of those who answered its part) unless the facilitator switched it
by hand; ordinal estimates take the room's median; notes are pooled. The result is an
ordinary :class:`~advisor.model.assessment.Assessment`, so ``assess`` and the report take it
as they take any answers file, and a room of one gives back exactly that person's answers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from advisor.i18n import t
from advisor.model.assessment import (
    MAX_IDS,
    MAX_ITEMS,
    MAX_LANGUAGES,
    Assessment,
    Capacity,
    Constraints,
    Goals,
    History,
    Specializations,
    Ties,
)
from advisor.report.fmt import join
from advisor.workshop.aggregate import PART_FIELDS, Item, RoomAggregate, accepted
from advisor.workshop.model import PartId, Workshop

MAX_NOTE = 4000
"""Longest note the answers model holds; pooled notes are cut to fit."""

CAPS = {
    "capacity.languages": MAX_LANGUAGES,
    "goals.partner_countries": MAX_ITEMS,
    "ties.partnerships": MAX_ITEMS,
    "capacity.citizen_associations": MAX_ITEMS,
    "history.connections": MAX_ITEMS,
    "ties.sister_towns": MAX_ITEMS,
    "specializations.institutions": MAX_ITEMS,
}
"""How many entries of a list field the answers model takes (vocabulary ids: MAX_IDS)."""


def override_of(item: Item, workshop: Workshop) -> bool | None:
    """The facilitator's switch for ``item`` (under its key or, for a merged place, any of
    its other keys), or None when they left it to the rule."""
    switches = workshop.overrides.items
    for key in (item.key, *item.aliases):
        if key in switches:
            return switches[key]
    return None


def rule_keeps(item: Item, room: RoomAggregate, workshop: Workshop) -> bool:
    """What the rule alone decides, with the workshop's current threshold (which the
    facilitator may have changed since the room was counted)."""
    return accepted(item.count, room.answered.get(item.part, 0), workshop.settings.threshold)


def is_kept(item: Item, room: RoomAggregate, workshop: Workshop) -> bool:
    """The facilitator's switch when there is one, else the rule."""
    switched = override_of(item, workshop)
    return rule_keeps(item, room, workshop) if switched is None else switched


def agreed_answers(workshop: Workshop, room: RoomAggregate) -> Assessment:
    """The assessment the workshop settles on: the town from the settings, the room's
    agreed items for the parts it answered, the starting answers for the other parts."""
    base = workshop.settings.base or Assessment()
    opened = set(workshop.settings.parts)
    pick = _Picker(workshop, room)
    data: dict[str, Any] = {"municipality": workshop.settings.town}
    builders: dict[PartId, Callable[[], dict[str, Any]]] = {
        "history": pick.history,
        "specializations": pick.specializations,
        "ties": pick.ties,
        "capacity": pick.capacity,
        "goals": pick.goals,
    }
    for part, build in builders.items():
        data.update(build() if part in opened else _from_base(base, part))
    return Assessment(**data)


def _from_base(base: Assessment, part: PartId) -> dict[str, Any]:
    return {name: getattr(base, name) for name in PART_FIELDS[part]}


class _Picker:
    """Builds each part of the agreed answers from the room's items."""

    def __init__(self, workshop: Workshop, room: RoomAggregate) -> None:
        self.workshop, self.room = workshop, room

    def kept(self, path: str) -> list[Item]:
        """The kept items of a field, most named first (the first named between equals),
        cut to what the answers model holds."""
        items = [i for i in self.room.items_of(path) if is_kept(i, self.room, self.workshop)]
        ranked = sorted(items, key=lambda i: -i.count)
        return ranked[: CAPS.get(path, MAX_IDS)]

    def values(self, path: str) -> list[str]:
        return [i.value for i in self.kept(path)]

    def flag(self, path: str) -> bool:
        item = self.room.item(path)
        return item is not None and is_kept(item, self.room, self.workshop)

    def notes(self, path: str) -> str:
        """Every distinct note, in the order written (a note several wrote, once); with the
        writers' names only when the facilitator chose to name participants in the report."""
        writers: dict[str, list[str]] = {}
        for note in self.room.notes:
            if note.field == path:
                writers.setdefault(note.text, []).extend([note.name] if note.name else [])
        named = self.workshop.settings.names_in_report
        texts = [
            t("workshop.note_by", name=join(names), text=text) if named and names else text
            for text, names in writers.items()
        ]
        return _fit("\n\n".join(texts))

    def history(self) -> dict[str, Any]:
        connections = [i.connection for i in self.kept("history.connections") if i.connection]
        history = History(
            themes=self.values("history.themes"),
            notes=self.notes("history.notes"),
            connections=connections,
        )
        return {"history": history}

    def specializations(self) -> dict[str, Any]:
        institutions = [
            i.institution for i in self.kept("specializations.institutions") if i.institution
        ]
        specializations = Specializations(
            themes=self.values("specializations.themes"),
            institutions=institutions,
            notes=self.notes("specializations.notes"),
        )
        return {"specializations": specializations, "assets": self.values("assets")}

    def ties(self) -> dict[str, Any]:
        sister_towns = [i.sister_tie for i in self.kept("ties.sister_towns") if i.sister_tie]
        ties = Ties(
            sister_towns=sister_towns,
            networks=self.values("ties.networks"),
            partnerships=self.values("ties.partnerships"),
        )
        return {"ties": ties}

    def capacity(self) -> dict[str, Any]:
        capacity = Capacity(
            staff_time=self.room.staff_time.median or "none",
            dedicated_unit=self.flag("capacity.dedicated_unit"),
            budget_band=self.room.budget_band.median or "none",
            languages=self.values("capacity.languages"),
            international_coordinator=self.flag("capacity.international_coordinator"),
            written_strategy=self.flag("capacity.written_strategy"),
            citizen_associations=self.values("capacity.citizen_associations"),
        )
        return {"capacity": capacity}

    def goals(self) -> dict[str, Any]:
        goals = Goals(
            aims=self.values("goals.aims"),
            partner_countries=self.values("goals.partner_countries"),
            notes=self.notes("goals.notes"),
        )
        constraints = Constraints(
            items=self.values("constraints.items"), notes=self.notes("constraints.notes")
        )
        return {"goals": goals, "constraints": constraints}


def _fit(text: str) -> str:
    """``text`` cut to the longest note the model holds, marked with an ellipsis."""
    return text if len(text) <= MAX_NOTE else text[: MAX_NOTE - 1].rstrip() + "…"
