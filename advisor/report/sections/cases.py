"""The reference cases most like the town, what they share with it and what they did.

Councils trust a path another town has walked; the profile chart shows at a glance which
themes the town shares with each case, the text below says what each case actually did.
"""

from __future__ import annotations

from advisor.chart_content import profile_chart
from advisor.i18n import t
from advisor.knowledge.base import Knowledge
from advisor.model.assessment import Assessment
from advisor.model.result import CaseMatch, Result
from advisor.report.document import Block, Bullets, Heading, Paragraph
from advisor.report.fmt import number, one_line, place, score_note, scored


def cases_blocks(a: Assessment, r: Result, k: Knowledge) -> list[Block]:
    """An intro, the theme profile chart, then each case in order of similarity."""
    if not r.matches:
        return [Paragraph(t("report.cases.none"))]
    blocks: list[Block] = [
        Paragraph(t("report.cases.intro", town=r.meta.town), "lead"),
        Paragraph(score_note(t("report.cases.similarity"), "case"), "note"),
    ]
    chart = profile_chart(a, r, k)
    if chart.rows:
        blocks.append(chart)
    for match in r.matches:
        blocks += _case(match, k)
    return blocks


def _case(m: CaseMatch, k: Knowledge) -> list[Block]:
    head = t(
        "report.cases.heading",
        place=place(m.name, m.country),
        population=number(m.population),
        score=scored(m.score, "similarity"),
    )
    actions = tuple(
        t("report.cases.action", text=one_line(a.text), kind=t(f"report.action.{a.kind}"))
        for a in m.actions
    )
    blocks: list[Block] = [
        Heading(head),
        Paragraph(one_line(m.summary)),
        Bullets(tuple(m.reasons), title=t("report.cases.shared")),
        Bullets(actions, title=t("report.cases.did")),
    ]
    if m.lessons.strip():
        blocks.append(Paragraph(t("report.cases.lessons", text=one_line(m.lessons)), "note"))
    return blocks
