"""Which workshop parts an answers file speaks to, read from its top-level keys.

A participant's file may hold any subset of the parts ("the town block may be left
out"); a part counts as answered when the file has one of its sections.
"""

from __future__ import annotations

from advisor.workshop.model import PARTS, PartId
from advisor.yamlio import parse

SECTIONS: dict[str, PartId] = {
    "history": "history",
    "specializations": "specializations",
    "assets": "specializations",
    "ties": "ties",
    "capacity": "capacity",
    "goals": "goals",
    "constraints": "goals",
}
"""Answers-file sections, and the part each belongs to."""


def parts_in(text: str) -> list[PartId]:
    """The parts whose sections the answers file ``text`` holds, in the wizard's order."""
    data = parse(text, "answers").data
    keys = set(data) if isinstance(data, dict) else set()
    found = {SECTIONS[k] for k in keys if k in SECTIONS}
    return [p for p in PARTS if p in found]
