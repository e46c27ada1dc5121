"""Discussion questions for a workshop: a few for every town, the rest chosen by the answers.

A facilitator needs questions that start from this town's situation (a dormant tie, a
missing budget, a named goal), not a generic list; every sentence is in the catalog so a
translation covers them too.
"""

from __future__ import annotations

from collections.abc import Callable

from advisor.i18n import t
from advisor.knowledge.base import Knowledge
from advisor.model.assessment import Assessment
from advisor.model.result import Result
from advisor.report.document import Block, Bullets, Paragraph
from advisor.report.fmt import join

ALWAYS = ("report.question.special", "report.question.residents", "report.question.benefit")
Chooser = Callable[[Assessment, Result, Knowledge], str | None]


def questions_blocks(a: Assessment, r: Result, k: Knowledge) -> list[Block]:
    intro = Paragraph(t("report.questions.intro"), "lead")
    return [intro, Bullets(tuple(workshop_questions(a, r, k)), numbered=True)]


def workshop_questions(a: Assessment, r: Result, k: Knowledge) -> list[str]:
    """The questions for every town, then those whose situation the answers show."""
    town = r.meta.town
    chosen = [t(key, town=town) for key in ALWAYS]
    chosen += [q for choose in CHOOSERS if (q := choose(a, r, k))]
    return chosen


def _dormant(a: Assessment, r: Result, k: Knowledge) -> str | None:
    places = [s.place for s in a.ties.sister_towns if s.status == "dormant"]
    return t("report.question.dormant", places=join(places)) if places else None


def _connections(a: Assessment, r: Result, k: Knowledge) -> str | None:
    places = [c.place for c in a.history.connections]
    return t("report.question.connections", places=join(places)) if places else None


def _goals(a: Assessment, r: Result, k: Knowledge) -> str | None:
    if not a.goals.aims:
        return t("report.question.no_goals")
    return t("report.question.goals", items=join(k.label("goal", g) for g in a.goals.aims))


def _network(a: Assessment, r: Result, k: Knowledge) -> str | None:
    return t("report.question.network", network=r.networks[0].name) if r.networks else None


def _partner(a: Assessment, r: Result, k: Knowledge) -> str | None:
    fresh = [p for p in r.partners if p.kind == "new"]
    if not fresh:
        return None
    return t("report.question.partner", town=r.meta.town, partner=fresh[0].name)


def _capacity(a: Assessment, r: Result, k: Knowledge) -> str | None:
    if a.capacity.staff_time in ("none", "hours_per_month"):
        return t("report.question.capacity")
    return None


def _budget(a: Assessment, r: Result, k: Knowledge) -> str | None:
    return t("report.question.budget") if a.capacity.budget_band in ("none", "under_1k") else None


def _strategy(a: Assessment, r: Result, k: Knowledge) -> str | None:
    return None if a.capacity.written_strategy else t("report.question.strategy")


def _constraints(a: Assessment, r: Result, k: Knowledge) -> str | None:
    items = [k.label("constraint", c) for c in a.constraints.items]
    return t("report.question.constraints", items=join(items)) if items else None


def _languages(a: Assessment, r: Result, k: Knowledge) -> str | None:
    return t("report.question.languages") if len(a.capacity.languages) < 2 else None


CHOOSERS: tuple[Chooser, ...] = (
    _dormant,
    _connections,
    _goals,
    _network,
    _partner,
    _capacity,
    _budget,
    _strategy,
    _constraints,
    _languages,
)
