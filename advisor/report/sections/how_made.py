"""How this assessment was made: the workshop behind the answers, when there was one.

Only reports of a workshop's agreed answers carry this section. It states what a council
needs to trust the picture (how many took part, where the room agreed and where it did
not, what the facilitator settled by hand) and names participants only when the
facilitator opted in; the record it reads already leaves names out otherwise.
"""

from __future__ import annotations

from advisor.i18n import t
from advisor.knowledge.base import Knowledge
from advisor.report.document import Block, Bullets, Heading, Paragraph, Table
from advisor.report.fmt import join, long_date, number, percent
from advisor.workshop.aggregate import item_label
from advisor.workshop.model import PARTS
from advisor.workshop.record import HowMade, RecordedItem


def how_made_blocks(record: HowMade, k: Knowledge) -> list[Block]:
    """The section's blocks: the lead, participation by part, agreement, hand changes."""
    lead = t(
        "report.workshop.lead",
        date=long_date(record.date),
        participants=number(record.participants),
        threshold=percent(record.threshold),
    )
    blocks: list[Block] = [Paragraph(lead, "lead"), _participation(record)]
    blocks += _items("agreed", record.agreed, k)
    blocks += _items("diverged", record.diverged, k)
    blocks += _changes(record, k)
    if record.names:
        blocks += [Heading(t("report.workshop.names")), Paragraph(join(record.names))]
    return blocks


def _participation(record: HowMade) -> Table:
    rows = tuple((part_label(part), number(record.answered.get(part, 0))) for part in record.parts)
    columns = (t("report.workshop.column.part"), t("report.workshop.column.answered"))
    return Table(columns=columns, rows=rows, widths=(3, 2))


def part_label(part: str) -> str:
    """The name of a part of the questionnaire, as the wizard's steps call it."""
    return t(f"report.workshop.part.{part}")


def _items(kind: str, items: list[RecordedItem], k: Knowledge) -> list[Block]:
    """A heading and a table of items (by part, the most named first), or a sentence
    saying there were none, so an empty heading never stands alone."""
    heading = Heading(t(f"report.workshop.{kind}"))
    if not items:
        return [heading, Paragraph(t(f"report.workshop.{kind}.none"), "note")]
    ordered = sorted(items, key=lambda i: (PARTS.index(i.part), -i.share))
    rows = tuple((part_label(i.part), label(i, k), named_by(i)) for i in ordered)
    columns = (
        t("report.workshop.column.part"),
        t("report.workshop.column.item"),
        t("report.workshop.column.named_by"),
    )
    return [heading, Table(columns=columns, rows=rows, widths=(2, 4, 2))]


def _changes(record: HowMade, k: Knowledge) -> list[Block]:
    heading = Heading(t("report.workshop.by_hand"))
    lines = [
        t("report.workshop.added", item=label(i, k), named_by=named_by(i)) for i in record.added
    ]
    lines += [
        t("report.workshop.removed", item=label(i, k), named_by=named_by(i)) for i in record.removed
    ]
    if not lines:
        return [heading, Paragraph(t("report.workshop.by_hand.none"), "note")]
    return [heading, Bullets(tuple(lines))]


def label(item: RecordedItem, k: Knowledge) -> str:
    return item_label(item.field, item.value, item.country, k)


def named_by(item: RecordedItem) -> str:
    """``4 of 5 (80%)``: counts first, since a share of a small room says little alone."""
    return t(
        "report.workshop.named_by",
        count=number(item.count),
        answered=number(item.answered),
        percent=percent(item.share),
    )
