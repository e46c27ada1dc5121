"""The report's content, built once from the answers and the advice for every format.

Sections come in the order a council reads them: the summary first (often the only page
read), then the town's own inventory, the evidence (reference cases), the decisions
(networks, partners, plan), the workshop questions, and the record (answers, sources).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from advisor.geo.countries import country_name
from advisor.headline import Lead, first_steps, leads
from advisor.i18n import current_language, t
from advisor.knowledge.base import Knowledge
from advisor.knowledge.load import default_knowledge
from advisor.model.assessment import Assessment
from advisor.model.result import Result
from advisor.report.document import (
    Block,
    Bullets,
    Cover,
    Document,
    Fact,
    Facts,
    Heading,
    Paragraph,
    Renderer,
    Section,
)
from advisor.report.fmt import (
    local_name_of,
    long_date,
    number,
    place,
    scored,
    shorten,
    town_name,
)
from advisor.report.sections.appendix import appendix_blocks
from advisor.report.sections.cases import cases_blocks
from advisor.report.sections.how_made import how_made_blocks
from advisor.report.sections.inventory import inventory_blocks
from advisor.report.sections.networks import networks_blocks, not_fit_blocks
from advisor.report.sections.partners import partners_blocks
from advisor.report.sections.plan import plan_blocks
from advisor.report.sections.questions import questions_blocks
from advisor.report.sections.sources import sources_blocks

if TYPE_CHECKING:
    from advisor.workshop.record import HowMade

Builder = Callable[[Assessment, Result, Knowledge], list[Block]]

SECTIONS: tuple[tuple[str, Builder], ...] = (
    ("summary", lambda a, r, k: summary_blocks(r, a.municipality.local_name)),
    ("special", lambda a, r, k: inventory_blocks(a, k)),
    ("cases", cases_blocks),
    ("networks", lambda a, r, k: networks_blocks(r)),
    ("not_fit", lambda a, r, k: not_fit_blocks(r)),
    ("partners", lambda a, r, k: partners_blocks(a, r)),
    ("plan", lambda a, r, k: plan_blocks(r)),
    ("questions", questions_blocks),
    ("appendix", lambda a, r, k: appendix_blocks(a, k)),
    ("sources", lambda a, r, k: sources_blocks(r)),
)
"""Section key (its title is ``report.section.<key>``) and the function that fills it."""


def build_document(
    assessment: Assessment,
    result: Result,
    *,
    today: dt.date | None = None,
    knowledge: Knowledge | None = None,
    workshop: HowMade | None = None,
) -> Document:
    """Every section of the report as plain-text blocks, in the current language; with
    ``workshop``, also how a workshop made the answers (before the appendix of answers)."""
    k = knowledge or default_knowledge()
    town, day = result.meta.town, today or dt.date.today()
    named = town_name(town, assessment.municipality.local_name)  # 'Hirado (平戸市)'
    sections = [
        Section(key, t(f"report.section.{key}", town=town), tuple(build(assessment, result, k)))
        for key, build in SECTIONS
    ]
    if workshop is not None:
        blocks = tuple(how_made_blocks(workshop, k))
        at = next(i for i, s in enumerate(sections) if s.key == "appendix")
        sections.insert(at, Section("how_made", t("report.workshop.title"), blocks))
    return Document(
        title=t("report.title", town=named),
        town=named,
        language=current_language(),
        date=day,
        cover=cover(assessment, result, day),
        sections=tuple(sections),
        footer=t("report.footer", town=shorten(town, 60)),
        contents_title=t("report.contents"),
    )


def cover(a: Assessment, r: Result, today: dt.date) -> Cover:
    """Town, date and the versions of data and rules, so a reader can tell how old it is."""
    meta = r.meta
    region = a.municipality.region
    where = t("report.place", name=region, country=country_name(meta.country)) if region else ""
    facts = (
        Fact(t("report.cover.country"), where or country_name(meta.country)),
        Fact(t("report.cover.population"), number(meta.population)),
        Fact(t("report.cover.capacity"), t(f"scale.capacity_level.{meta.capacity_level}")),
        Fact(t("report.cover.date"), long_date(today)),
        Fact(t("report.cover.data_version"), meta.data_version),
        Fact(t("report.cover.rules_version"), meta.rules_version),
    )
    return Cover(
        title=t("report.cover.title"),
        subtitle=t("report.cover.subtitle", town=meta.town),
        facts=facts,
        note=t("report.cover.note"),
    )


def summary_blocks(r: Result, local_name: str = "") -> list[Block]:
    """The one page most readers stop at: situation, three first steps, the top picks;
    the town's ``local_name`` ('平戸市') is given beside its name."""
    meta = r.meta
    local = local_name_of(meta.town, local_name)
    facts = {
        "town": meta.town,
        "country": country_name(meta.country),
        "population": number(meta.population),
        "level": t(f"scale.capacity_level.{meta.capacity_level}"),
    }
    if local:
        lead = t("report.summary.lead_local", local=local, **facts)
    else:
        lead = t("report.summary.lead", **facts)
    blocks: list[Block] = [Paragraph(lead, "lead"), Heading(t("report.summary.first_steps"))]
    blocks.append(_first_steps(r))
    picks = _top_picks(r)
    if picks:
        blocks += [Heading(t("report.summary.top_picks")), Facts(picks)]
    blocks.append(Paragraph(t("report.summary.read_on"), "note"))
    return blocks


def _first_steps(r: Result) -> Block:
    """The plan's first steps as :mod:`advisor.headline` picks them (the web page's too)."""
    steps = first_steps(r)
    if not steps:
        return Paragraph(t("report.plan.none"))
    items = tuple(t("report.summary.step", title=s.title, who=s.who) for s in steps)
    return Bullets(items, numbered=True)


def _top_picks(r: Result) -> tuple[Fact, ...]:
    return tuple(Fact(t(f"report.summary.{lead.kind}"), lead_text(lead)) for lead in leads(r))


def lead_text(lead: Lead) -> str:
    """``Tainan, Taiwan, strong fit (90%): reason``: one line per lead."""
    name = place(lead.name, lead.country) if lead.country else lead.name
    kind = "similarity" if lead.kind == "case" else "fit"
    return t(
        "report.summary.pick", name=name, score=scored(lead.score, kind, lead.kind), why=lead.why
    )


def renderer(layout: Callable[[Document], bytes], what: str) -> Renderer:
    """The pure ``(assessment, result) -> bytes`` function of one format: build the
    document, then lay it out with ``layout``. Every format shares this front half."""

    def render(
        assessment: Assessment,
        result: Result,
        *,
        today: dt.date | None = None,
        knowledge: Knowledge | None = None,
        workshop: HowMade | None = None,
    ) -> bytes:
        document = build_document(
            assessment, result, today=today, knowledge=knowledge, workshop=workshop
        )
        return layout(document)

    render.__doc__ = f"The report as {what}."
    return render
