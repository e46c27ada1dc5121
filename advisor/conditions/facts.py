"""What conditions can test: a flat, read-only view of one assessment.

Rules name fields (``population``, ``staff_time`` ...) rather than paths into the model, so
the answers format can change without breaking rules files, and the loader can list every
field a rule may use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args

from advisor.model.assessment import BUDGET_SCALE, STAFF_TIME_SCALE

FieldKind = Literal["number", "ordinal", "bool", "code", "set"]

CapacityLevel = Literal["volunteer", "staff", "coordinator"]
CAPACITY_LEVELS: tuple[CapacityLevel, ...] = get_args(CapacityLevel)
"""Who can carry international work: volunteers only, some staff time, a coordinator (in
this order: conditions compare levels by it). The rules' fit tables use the same Literal."""


@dataclass(frozen=True)
class FieldSpec:
    """A field a condition may test: its kind decides which operators make sense."""

    kind: FieldKind
    scale: tuple[str, ...] = ()


FIELDS: dict[str, FieldSpec] = {
    "population": FieldSpec("number"),
    "metro_population": FieldSpec("number"),
    "country": FieldSpec("code"),
    "staff_time": FieldSpec("ordinal", STAFF_TIME_SCALE),
    "budget_band": FieldSpec("ordinal", BUDGET_SCALE),
    "capacity_level": FieldSpec("ordinal", CAPACITY_LEVELS),
    "has_coordinator": FieldSpec("bool"),
    "has_dedicated_unit": FieldSpec("bool"),
    "has_strategy": FieldSpec("bool"),
    "languages": FieldSpec("set"),
    "sister_town_count": FieldSpec("number"),
    "active_sister_town_count": FieldSpec("number"),
    "dormant_sister_town_count": FieldSpec("number"),
    "network_count": FieldSpec("number"),
    "association_count": FieldSpec("number"),
    "connection_count": FieldSpec("number"),
}

Labeler = Callable[[str, str], str]
"""``labeler(kind, id)`` gives the display label of a vocabulary id or a network name."""


def _plain(kind: str, ident: str) -> str:
    return ident.replace("_", " ")


@dataclass(frozen=True)
class Facts:
    """Everything a condition may look at, computed once per assessment."""

    values: Mapping[str, object]
    town: str = "the town"
    themes: frozenset[str] = frozenset()
    assets: frozenset[str] = frozenset()
    goals: frozenset[str] = frozenset()
    memberships: frozenset[str] = frozenset()
    connection_kinds: frozenset[str] = frozenset()
    constraints: frozenset[str] = frozenset()
    continent: str | None = None
    country_groups: frozenset[str] = frozenset()
    labeler: Labeler = field(default=_plain)

    @property
    def country(self) -> str:
        return str(self.values.get("country") or "")

    def label(self, kind: str, ident: str) -> str:
        return self.labeler(kind, ident)
