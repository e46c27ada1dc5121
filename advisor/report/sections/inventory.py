""" "What makes you special": the town's own inventory, read back from its answers.

The council should see its own words first: the advice that follows is only as good as
this inventory, and a reader who spots a gap here knows what to add before the workshop.
"""

from __future__ import annotations

from advisor.geo.countries import country_name
from advisor.i18n import t
from advisor.knowledge.base import Knowledge
from advisor.model.assessment import Assessment
from advisor.report.document import Block, Bullets, Heading, Paragraph, Table
from advisor.report.fmt import one_line


def inventory_blocks(a: Assessment, k: Knowledge) -> list[Block]:
    """Themes, links abroad, institutions, assets and existing ties, skipping empty parts."""
    town = a.municipality.name
    parts = [
        _themes(t("report.special.history"), a.history.themes, a.history.notes, k),
        _connections(a, k),
        _themes(
            t("report.special.specializations"),
            a.specializations.themes,
            a.specializations.notes,
            k,
        ),
        _institutions(a, k),
        _assets(a, k),
        _ties(a, k),
    ]
    blocks = [block for part in parts for block in part]
    intro = Paragraph(t("report.special.intro", town=town), "lead")
    return [intro, *blocks] if blocks else [intro, Paragraph(t("report.special.empty"))]


def _themes(title: str, themes: list[str], notes: str, k: Knowledge) -> list[Block]:
    if not themes and not notes:
        return []
    blocks: list[Block] = [Heading(title)]
    if themes:
        blocks.append(Bullets(tuple(k.label("theme", theme) for theme in themes)))
    if notes:
        blocks.append(Paragraph(one_line(notes)))
    return blocks


def _connections(a: Assessment, k: Knowledge) -> list[Block]:
    rows = tuple(
        (
            c.place,
            country_name(c.country),
            k.label("connection_kind", c.kind),
            c.period or "-",
            one_line(c.description) or "-",
        )
        for c in a.history.connections
    )
    if not rows:
        return []
    columns = tuple(t(f"report.special.connection.{name}") for name in _CONNECTION_COLUMNS)
    return [Heading(t("report.special.connections")), Table(columns, rows, (3, 2, 2, 2, 5))]


_CONNECTION_COLUMNS = ("place", "country", "kind", "period", "description")


def _institutions(a: Assessment, k: Knowledge) -> list[Block]:
    rows = tuple(
        (i.name, k.label("institution_kind", i.kind), one_line(i.description) or "-")
        for i in a.specializations.institutions
    )
    if not rows:
        return []
    columns = (
        t("report.special.institution.name"),
        t("report.special.institution.kind"),
        t("report.special.institution.description"),
    )
    return [Heading(t("report.special.institutions")), Table(columns, rows, (4, 2, 5))]


def _assets(a: Assessment, k: Knowledge) -> list[Block]:
    if not a.assets:
        return []
    labels = tuple(k.label("asset", asset) for asset in a.assets)
    return [Heading(t("report.special.assets")), Bullets(labels)]


def _ties(a: Assessment, k: Knowledge) -> list[Block]:
    ties = a.ties
    blocks: list[Block] = []
    if ties.sister_towns:
        rows = tuple(
            (
                s.place,
                country_name(s.country),
                str(s.since) if s.since else "-",
                t(f"report.tie_status.{s.status}"),
                one_line(s.notes) or "-",
            )
            for s in ties.sister_towns
        )
        columns = tuple(t(f"report.special.tie.{name}") for name in _TIE_COLUMNS)
        blocks.append(Table(columns, rows, (3, 2, 1, 2, 4)))
    if ties.networks:
        names = tuple(k.label("network", n) for n in ties.networks)
        blocks.append(Bullets(names, title=t("report.special.networks")))
    if ties.partnerships:
        blocks.append(Bullets(tuple(ties.partnerships), title=t("report.special.partnerships")))
    if a.capacity.citizen_associations:
        associations = tuple(a.capacity.citizen_associations)
        blocks.append(Bullets(associations, title=t("report.special.associations")))
    return [Heading(t("report.special.ties")), *blocks] if blocks else []


_TIE_COLUMNS = ("place", "country", "since", "status", "notes")
