"""The record of how a workshop reached its answers, for the report's closing pages.

A council reading the report should see that the picture is the room's, not one clerk's:
how many took part in each part, where they agreed, where they did not, and what the
facilitator decided by hand. Participants' names appear only when the facilitator opted
in; otherwise the record holds counts alone, so nothing personal leaves the room.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from advisor.workshop.aggregate import Item, RoomAggregate
from advisor.workshop.agree import override_of, rule_keeps
from advisor.workshop.model import PartId, Workshop


class RecordedItem(BaseModel):
    """An item as the report names it: what it is and how many named it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    part: PartId
    field: str
    value: str
    country: str | None = None
    count: int
    answered: int
    share: float


class HowMade(BaseModel):
    """How the agreed answers were made; ``names`` is empty unless the facilitator opted in."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    date: dt.date
    participants: int
    parts: list[PartId]
    answered: dict[PartId, int]
    threshold: float
    agreed: list[RecordedItem]
    diverged: list[RecordedItem]
    added: list[RecordedItem]
    removed: list[RecordedItem]
    names: list[str]


def how_made(workshop: Workshop, room: RoomAggregate, agreed_at: dt.date) -> HowMade:
    """The record of ``workshop`` as the room stood when the answers were agreed.

    ``agreed`` and ``diverged`` follow the rule alone (what the room said); ``added`` and
    ``removed`` are the items where the facilitator's switch changed the rule's outcome
    (a switch that agrees with the rule changed nothing, so it is not listed).
    """
    agreed: list[RecordedItem] = []
    diverged: list[RecordedItem] = []
    added: list[RecordedItem] = []
    removed: list[RecordedItem] = []
    for item in room.items:
        recorded = _recorded(item, room)
        by_rule = rule_keeps(item, room, workshop)
        if by_rule:
            agreed.append(recorded)
        elif item.count:
            diverged.append(recorded)
        switched = override_of(item, workshop)
        if switched is not None and switched != by_rule:
            (added if switched else removed).append(recorded)
    names = [p.name for p in room.progress if p.name]
    return HowMade(
        date=agreed_at,
        participants=room.participants,
        parts=list(room.parts),
        answered=dict(room.answered),
        threshold=workshop.settings.threshold,
        agreed=agreed,
        diverged=diverged,
        added=added,
        removed=removed,
        names=names if workshop.settings.names_in_report else [],
    )


def _recorded(item: Item, room: RoomAggregate) -> RecordedItem:
    return RecordedItem(
        key=item.key,
        part=item.part,
        field=item.field,
        value=item.value,
        country=item.country,
        count=item.count,
        answered=room.answered.get(item.part, 0),
        share=item.share,
    )
