"""What a workshop is: its settings, its participants, and the facilitator's choices.

Plain pydantic models, shared by the store, the aggregation, the command line and the
pages. Nothing here touches a database or Streamlit.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from advisor.model.assessment import Assessment, Clean, Municipality
from advisor.model.base import Strict

PartId = Literal["history", "specializations", "ties", "capacity", "goals"]
PARTS: tuple[PartId, ...] = ("history", "specializations", "ties", "capacity", "goals")
"""The parts a facilitator can open to participants, in the wizard's order."""

DEFAULT_THRESHOLD = 0.5
"""An item is pre-accepted when at least this share of those who answered its part named it."""

DisplayName = Annotated[str, StringConstraints(strip_whitespace=True, max_length=60), Clean]
ItemKey = Annotated[str, StringConstraints(max_length=300)]


class WorkshopSettings(Strict):
    """What the facilitator chose when creating the workshop (and may change later)."""

    town: Municipality
    parts: list[PartId] = Field(default_factory=lambda: list(PARTS), min_length=1)
    threshold: Annotated[float, Field(gt=0, le=1)] = DEFAULT_THRESHOLD
    show_room: bool = False
    """Participants may see the room's aggregate answers."""
    names_in_report: bool = False
    """The report lists participants' display names (off: counts only)."""
    base: Assessment | None = None
    """Answers the workshop started from (an answers file), if any."""


class Overrides(Strict):
    """Items the facilitator switched by hand: item key -> kept (True) or dropped (False)."""

    items: dict[ItemKey, bool] = Field(default_factory=dict)


Status = Literal["open", "closed"]


class Workshop(Strict):
    """A workshop as the facilitator sees it (never holds the facilitator key)."""

    code: str
    settings: WorkshopSettings
    overrides: Overrides = Field(default_factory=Overrides)
    status: Status = "open"
    created_at: dt.datetime
    updated_at: dt.datetime


class Participant(Strict):
    """One person's answers in a workshop. ``parts_done`` are the parts they answered."""

    id: str
    name: DisplayName = ""
    answers: Assessment = Field(default_factory=Assessment)
    parts_done: list[PartId] = Field(default_factory=list)
    updated_at: dt.datetime
