"""The report as neutral blocks of plain text, built once and drawn by every renderer.

Content decisions (what each section says, in which order) live in the builders; the PDF,
Word, HTML and Markdown renderers only decide how a block looks. Every string here is
plain text, never markup: each renderer escapes it for its own format, so a town named
``<script>`` or ``**Big**`` stays text everywhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from advisor.knowledge.base import Knowledge
    from advisor.model.assessment import Assessment
    from advisor.model.result import Result
    from advisor.workshop.record import HowMade

PointKind = Literal["town", "new", "revive"]


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Literal["body", "lead", "note"] = "body"


@dataclass(frozen=True)
class Heading:
    """A sub-heading inside a section (the section title is the level above); ``level`` 2
    nests under a level-1 heading."""

    text: str
    level: Literal[1, 2] = 1


@dataclass(frozen=True)
class Bullets:
    """A list, with an optional bold caption; ``numbered`` when order matters."""

    items: tuple[str, ...]
    title: str = ""
    numbered: bool = False


@dataclass(frozen=True)
class Fact:
    """A labelled value ("Fit: 80%"); ``url`` makes the value a link."""

    label: str
    value: str
    url: str | None = None


@dataclass(frozen=True)
class Facts:
    items: tuple[Fact, ...]


@dataclass(frozen=True)
class Table:
    """Rows of text under column titles; ``widths`` are relative column widths."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]


@dataclass(frozen=True)
class Link:
    text: str
    url: str | None = None


@dataclass(frozen=True)
class Links:
    """References a reader can follow; an entry without ``url`` is shown as text."""

    items: tuple[Link, ...]
    title: str = ""


@dataclass(frozen=True)
class ProfileChart:
    """Which themes the town and its closest reference cases have (``marks[row][column]``)."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[str, ...]
    marks: tuple[tuple[bool, ...], ...]
    legend_has: str
    legend_lacks: str


@dataclass(frozen=True)
class Point:
    name: str
    lat: float
    lon: float
    kind: PointKind
    label: str


@dataclass(frozen=True)
class MapChart:
    """The town and the suggested partners on a plain lon/lat map (no map tiles)."""

    title: str
    points: tuple[Point, ...]
    legend: dict[str, str] = field(default_factory=dict)


Chart = ProfileChart | MapChart
Block = Paragraph | Heading | Bullets | Facts | Table | Links | ProfileChart | MapChart


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Cover:
    title: str
    subtitle: str
    facts: tuple[Fact, ...]
    note: str


@dataclass(frozen=True)
class Document:
    """The whole report; ``title`` names the file in viewers, ``town`` the running footer."""

    title: str
    town: str
    language: str
    date: dt.date
    cover: Cover
    sections: tuple[Section, ...]
    footer: str
    contents_title: str = ""


class Renderer(Protocol):
    """What every format offers: ``(assessment, result) -> bytes``, pure."""

    def __call__(
        self,
        assessment: Assessment,
        result: Result,
        *,
        today: dt.date | None = None,
        knowledge: Knowledge | None = None,
        workshop: HowMade | None = None,
    ) -> bytes: ...


COLORS = {"town": "#c0392b", "new": "#1f5f99", "revive": "#2e8b57", "grid": "#d5dbe1"}
"""One palette for every chart, static or interactive: the town, new and revived partners."""
