"""The look-within plan: one table to pin on the wall, then why each step is there.

The table is what a council approves (who does what, at what effort and cost); the
details below keep each step's reasons and the programmes that can help.
"""

from __future__ import annotations

from advisor.i18n import t
from advisor.model.result import HORIZONS, PlanItem, Result
from advisor.report.document import Block, Bullets, Heading, Link, Links, Paragraph, Table
from advisor.report.fmt import one_line

_COLUMNS = ("horizon", "step", "who", "effort", "cost")


def plan_blocks(r: Result) -> list[Block]:
    """The plan table by horizon, then each step's reasons, resources and links."""
    if not r.plan:
        return [Paragraph(t("report.plan.none"))]
    ordered = sorted(r.plan, key=lambda s: HORIZONS.index(s.horizon))
    rows = tuple(
        (
            t(f"horizon.{s.horizon}"),
            s.title,
            one_line(s.who),
            t(f"effort.{s.effort}"),
            t(f"scale.budget_band.{s.cost_band}"),
        )
        for s in ordered
    )
    columns = tuple(t(f"report.plan.column.{c}") for c in _COLUMNS)
    blocks: list[Block] = [
        Paragraph(t("report.plan.intro", town=r.meta.town), "lead"),
        Table(columns, rows, (2, 5, 4, 2, 2)),
        Heading(t("report.plan.details")),
    ]
    for step in ordered:
        blocks += _details(step)
    return blocks


def _details(s: PlanItem) -> list[Block]:
    title = t("report.plan.step_heading", horizon=t(f"horizon.{s.horizon}"), title=s.title)
    blocks: list[Block] = [
        Heading(title, level=2),
        Paragraph(one_line(s.why)),
        Bullets(tuple(s.reasons), title=t("report.plan.because")),
    ]
    help_links = [Link(t("report.plan.resource", name=x.name), x.url) for x in s.resources]
    help_links += [Link(x.title, x.url) for x in s.links]
    if help_links:
        blocks.append(Links(tuple(help_links), title=t("report.plan.help")))
    return blocks
