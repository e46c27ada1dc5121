"""The look-within plan: the steps of ``rules/plan/`` whose conditions hold for the town.

A step may repeat for each dormant tie, declared connection or recommended network; its
"who" is chosen by the town's capacity level; its resources are the support programmes it
names that actually apply to the town's country.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Sequence

from advisor.conditions import Facts
from advisor.geo.countries import country_name
from advisor.geo.names import fold, place_key
from advisor.i18n import t
from advisor.knowledge.load import Knowledge
from advisor.knowledge.rules_models import HORIZONS, PlanStep
from advisor.model.assessment import Assessment
from advisor.model.result import FundingRoute, NetworkAdvice, PlanItem, Resource, SourceRef
from advisor.plan_budget import Funding, fit_to_budget

Values = dict[str, str]


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, values: Values) -> str:
    """``template`` with placeholders replaced (placeholders are checked at load)."""
    return string.Formatter().vformat(template, (), _Keep(values))


def _repeats(
    step: PlanStep, assessment: Assessment, networks: Sequence[NetworkAdvice]
) -> Iterator[tuple[str, Values, list[str]]]:
    """(suffix, values, reasons) for each repetition of ``step``; connections that are
    already sister towns are left to the revival and project steps."""
    if step.for_each is None:
        yield "", {}, []
    elif step.for_each == "dormant_tie":
        dormant = [s for s in assessment.ties.sister_towns if s.status == "dormant"]
        for tie in dormant[: step.limit]:
            values = {
                "place": tie.place,
                "place_country": country_name(tie.country),
                "since": str(tie.since or ""),
            }
            yield _slug(tie.place), values, [t("plan.because.dormant", **values)]
    elif step.for_each == "connection":
        tied = {place_key(s.place, s.country) for s in assessment.ties.sister_towns}
        fresh = [
            c for c in assessment.history.connections if place_key(c.place, c.country) not in tied
        ]
        for conn in fresh[: step.limit]:
            values = {
                "place": conn.place,
                "place_country": country_name(conn.country),
                "kind": conn.kind.replace("_", " "),
            }
            yield _slug(conn.place), values, [t("plan.because.connection", **values)]
    else:
        for net in networks[: step.limit]:
            because = [t("plan.because.network", network=net.name, score=net.score)]
            yield net.id, {"network": net.name}, because + net.reasons[1:3]


def _slug(place: str) -> str:
    return fold(place).replace(" ", "_")


def _resources(step: PlanStep, facts: Facts, knowledge: Knowledge) -> list[Resource]:
    found = []
    for ident in step.resources:
        prog = knowledge.programmes[ident]
        if prog.applies_to.evaluate(facts).matched:
            found.append(
                Resource(
                    id=prog.id,
                    name=prog.name,
                    url=prog.url,
                    offers=[o.text for o in prog.offers[:3]],
                )
            )
    return found


def _route(funding: Funding | None) -> FundingRoute | None:
    """The funding route of a step for the result, or None when the budget carries it."""
    if funding is None:
        return None
    prog = funding.programme
    return FundingRoute(id=prog.id, name=prog.name, url=prog.url, route=funding.route)


def build_plan(
    assessment: Assessment, facts: Facts, knowledge: Knowledge, networks: Sequence[NetworkAdvice]
) -> list[PlanItem]:
    """All steps that apply, ordered by horizon, then as written in the rules files; a step
    the town's budget cannot carry moves later or drops out (``rules/budget.yaml``)."""
    level = str(facts.values["capacity_level"])
    base = {"town": assessment.municipality.name, "country": country_name(facts.country)}
    items: list[PlanItem] = []
    for step in knowledge.rules.plan:
        outcome = step.when.evaluate(facts) if step.when else None
        if outcome is not None and not outcome.matched:
            continue
        budget = fit_to_budget(step, facts, knowledge)
        if budget.horizon is None:
            continue
        because = list(outcome.because) if outcome else [t("plan.always")]
        who = step.who if isinstance(step.who, str) else getattr(step.who, level)
        resources = _resources(step, facts, knowledge)
        links = [SourceRef(title=link.title, url=link.url) for link in step.links]
        for suffix, extra, own_reasons in _repeats(step, assessment, networks):
            values = {**base, **extra}
            reasons = own_reasons + (because if outcome else []) or because
            reasons = [*reasons, *budget.reasons]
            items.append(
                PlanItem(
                    id=f"{step.id}.{suffix}" if suffix else step.id,
                    horizon=budget.horizon,
                    title=fill(step.title, values),
                    why=fill(step.why, values),
                    who=fill(who, values),
                    effort=step.effort,
                    cost_band=step.cost_band,
                    reasons=reasons,
                    resources=resources,
                    links=links,
                    funded_by=_route(budget.funding),
                )
            )
    items.sort(key=lambda item: HORIZONS.index(item.horizon))
    return items
