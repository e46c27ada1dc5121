"""The reference cases most like the town, what they share with it and what they did.

Councils trust a path another town has walked; the profile chart shows at a glance which
themes the town shares with each case, the text below says what each case actually did.
"""

from __future__ import annotations

from collections import Counter

from advisor.i18n import t
from advisor.knowledge.load import Knowledge
from advisor.model.assessment import Assessment
from advisor.model.result import CaseMatch, Result
from advisor.report.document import Block, Bullets, Heading, Paragraph, ProfileChart
from advisor.report.fmt import number, one_line, place, score_note, scored

MAX_CHART_ROWS = 14


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


def profile_chart(a: Assessment, r: Result, k: Knowledge) -> ProfileChart:
    """The town's themes beside each case's; the town's own themes come first."""
    columns = [a.themes, *(_case_themes(m, k) for m in r.matches)]
    counts = Counter(theme for themes in columns[1:] for theme in themes)
    others = sorted((th for th in counts if th not in a.themes), key=lambda th: -counts[th])
    rows = [*a.themes, *others][:MAX_CHART_ROWS]
    return ProfileChart(
        title=t("report.cases.chart_title", town=r.meta.town),
        columns=(t("report.cases.chart_you", town=r.meta.town), *(m.name for m in r.matches)),
        rows=tuple(k.label("theme", theme) for theme in rows),
        marks=tuple(tuple(theme in themes for themes in columns) for theme in rows),
        legend_has=t("report.cases.chart_has"),
        legend_lacks=t("report.cases.chart_lacks"),
    )


def _case_themes(m: CaseMatch, k: Knowledge) -> list[str]:
    """All themes of the case from the knowledge base, or the shared ones if it is unknown."""
    case = k.cases.get(m.id)
    if case is None:
        return list(m.shared_themes)
    return [*case.profile.history_themes, *case.profile.specialization_themes]
