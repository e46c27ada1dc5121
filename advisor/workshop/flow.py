"""Which workshop page a visitor sees, and how a participant moves through the open parts.

The Streamlit pages only draw and collect; what the address asks for, which part comes
next, which parts count as done and whether the room changed since the last look are
decided here, so they can be tested without a browser.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlencode, urlsplit, urlunsplit

from advisor.workshop.codes import normalise_code
from advisor.workshop.model import PARTS, Participant, PartId, Workshop

CREATE, FACILITATE, JOIN = "ws", "key", "join"
"""Address parameters: ``?ws=new``, ``?ws=CODE&key=KEY``, ``?join=CODE&p=ID``."""
PARTICIPANT = "p"
NEW = "new"

PageKind = Literal["wizard", "create", "dashboard", "join", "participate"]


@dataclass(frozen=True)
class Route:
    """The page the address asks for, with what it carries (never checked here)."""

    page: PageKind
    code: str = ""
    key: str = ""
    participant: str = ""


def route(params: Mapping[str, str]) -> Route:
    """The page for the address's parameters; without workshop parameters, the wizard.

    A join code in the address is kept as typed (the join page normalises it and counts
    wrong ones), so a mistyped link says so instead of opening the wizard.
    """
    if JOIN in params:
        code = params.get(JOIN, "")
        pid = params.get(PARTICIPANT, "")
        return Route("participate" if pid and code else "join", code=code, participant=pid)
    if CREATE in params:
        code = params.get(CREATE, "")
        if code == NEW or not code:
            return Route("create")
        return Route("dashboard", code=normalise_code(code) or code, key=params.get(FACILITATE, ""))
    return Route("wizard")


def _with_query(base: str, query: dict[str, str]) -> str:
    parts = urlsplit(base or "http://localhost:8501/")
    path = parts.path or "/"
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query), ""))


def participant_link(base: str, code: str) -> str:
    """The link (and QR code) participants open: the app's address with ``?join=CODE``."""
    return _with_query(base, {JOIN: code})


def facilitator_link(base: str, code: str, key: str) -> str:
    """The facilitator's secret link back to the dashboard."""
    return _with_query(base, {CREATE: code, FACILITATE: key})


def open_parts(workshop: Workshop) -> list[PartId]:
    """The parts participants answer, always in the wizard's order."""
    chosen = set(workshop.settings.parts)
    return [part for part in PARTS if part in chosen]


def part_at(parts: Sequence[PartId], index: int) -> PartId:
    """The part at ``index``, kept within the open parts."""
    return parts[max(0, min(index, len(parts) - 1))]


def step_to(parts: Sequence[PartId], index: int, move: int) -> int:
    """The index after Back (-1) or Next (+1), never past the first or last part."""
    return max(0, min(index + move, len(parts) - 1))


def with_done(done: Iterable[PartId], part: PartId, parts: Sequence[PartId]) -> list[PartId]:
    """``done`` with ``part`` added, in the wizard's order, only parts still open."""
    kept = {*done, part} & set(parts)
    return [p for p in PARTS if p in kept]


def progress(person: Participant, parts: Sequence[PartId]) -> tuple[int, int]:
    """(open parts this participant has done, open parts)."""
    return len(set(person.parts_done) & set(parts)), len(parts)


def room_digest(workshop: Workshop, people: Iterable[Participant]) -> str:
    """A fingerprint of everything the dashboard shows: it changes when anyone saves, joins,
    or the facilitator changes a setting, and only then (so redraws can be skipped)."""
    text = "|".join(
        [
            workshop.updated_at.isoformat(),
            workshop.status,
            *(f"{p.id}:{p.updated_at.isoformat()}" for p in people),
        ]
    )
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()
