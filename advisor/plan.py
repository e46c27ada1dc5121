"""The look-within plan: the steps of ``rules/plan/`` whose conditions hold for the town.

A step may repeat for each dormant tie, declared connection or recommended network; its
"who" is chosen by the town's capacity level; its resources are the support programmes it
names that actually apply to the town's country. A step's texts are made specific to the
town: a variant that names the town's own themes, institutions or connections replaces the
generic wording when the town declared them, and a step may claim a place among the three
first steps (the letter to a declared connection does).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from advisor.conditions import Facts
from advisor.geo.countries import country_name
from advisor.geo.names import fold, place_key
from advisor.i18n import fill, placeholders, t, tr
from advisor.i18n.formats import join as join_list
from advisor.i18n.formats import percent
from advisor.knowledge.base import Knowledge
from advisor.knowledge.rules_models import PlanStep, PlanVariant
from advisor.model.assessment import Assessment
from advisor.model.result import (
    HORIZONS,
    FundingRoute,
    NetworkAdvice,
    PlanItem,
    Resource,
    SourceRef,
)
from advisor.plan_budget import Funding, fit_to_budget
from advisor.sources import stated

Values = dict[str, str]
NAMED = 3
"""At most this many themes, institutions or places named in one step: the most distinctive,
so a title stays one line."""


def _repeats(
    step: PlanStep,
    assessment: Assessment,
    networks: Sequence[NetworkAdvice],
    knowledge: Knowledge,
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
            yield _id_part(tie.place), values, [t("plan.because.dormant", **values)]
    elif step.for_each == "connection":
        tied = {place_key(s.place, s.country) for s in assessment.ties.sister_towns}
        fresh = [
            c for c in assessment.history.connections if place_key(c.place, c.country) not in tied
        ]
        for conn in fresh[: step.limit]:
            values = {
                "place": conn.place,
                "place_country": country_name(conn.country),
                "kind": _lower_label(knowledge.label("connection_kind", conn.kind)),
            }
            yield _id_part(conn.place), values, [t("plan.because.connection", **values)]
    else:
        for net in networks[: step.limit]:
            because = [t("plan.because.network", network=net.name, score=percent(net.score))]
            yield net.id, {"network": net.name}, because + net.reasons[1:3]


def _in_words(items: Sequence[str]) -> str:
    """``a, b and c``: the town's own items as a phrase to put inside a sentence, joined
    as the reader's language joins a list."""
    return join_list(dict.fromkeys(item for item in items if item))


def _lower_label(label: str) -> str:
    """A vocabulary label inside a sentence (``Steel industry`` -> ``steel industry``);
    labels that open with an acronym or a name keep their capitals."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def town_values(assessment: Assessment, knowledge: Knowledge) -> Values:
    """What sets the town apart, for the placeholders every step may use; empty when the
    town declared nothing, so the generic wording is kept."""
    terms = knowledge.terms("themes")
    # themes most towns share (tourism, weight 0.5) come after the distinctive ones
    ranked = sorted(assessment.themes, key=lambda th: -(terms[th].weight if th in terms else 1))
    themes = [_lower_label(knowledge.label("theme", th)) for th in ranked]
    return {
        "themes": _in_words(themes[:NAMED]),
        "institutions": _in_words([i.name for i in assessment.specializations.institutions][:2]),
        "connections": _in_words([c.place for c in assessment.history.connections][:NAMED]),
    }


def wording(step: PlanStep, values: Values) -> PlanVariant:
    """The first variant whose placeholders all have a value for the town, else the step's
    own title and why: a town is told about its own history when it gave one."""
    for variant in step.variants:
        names = placeholders(variant.title) | placeholders(variant.why)
        if all(values.get(name) for name in names):
            return variant
    return PlanVariant(title=step.title, why=step.why)


def promote(items: list[PlanItem], steps: Sequence[PlanStep]) -> list[PlanItem]:
    """Move the first repetition of each step that claims a ``first_steps_position`` to
    that place among the first-three-months steps, keeping the others in order."""
    ordered = list(items)
    claims = sorted(
        (s for s in steps if s.first_steps_position), key=lambda s: s.first_steps_position or 0
    )
    for step in claims:
        first = [i for i in ordered if i.horizon == HORIZONS[0]]
        mine = [i for i in first if i.id == step.id or i.id.startswith(step.id + ".")]
        if not mine:
            continue
        ordered.remove(mine[0])
        ordered.insert(min((step.first_steps_position or 1) - 1, len(first) - 1), mine[0])
    return ordered


def _id_part(place: str) -> str:
    """A place as the suffix of a repeated step's id (``revive_dormant_tie.leiden``): folded like
    a place's identity (:func:`advisor.geo.names.place_key`), so the id does not change
    with case or accents. Ids, not file names: those use :func:`advisor.report.slug`."""
    return fold(place).replace(" ", "_")


def _resources(step: PlanStep, facts: Facts, knowledge: Knowledge) -> list[Resource]:
    found = []
    for ident in step.resources:
        prog = knowledge.programmes[ident]
        if prog.applies_to.evaluate(facts).matched:
            found.append(
                Resource(
                    id=prog.id,
                    name=tr(prog.name),
                    url=prog.url,
                    offers=[stated(o, o.text) for o in prog.offers[:3]],
                )
            )
    return found


def _route(funding: Funding | None) -> FundingRoute | None:
    """The funding route of a step for the result, or None when the budget carries it."""
    if funding is None:
        return None
    prog = funding.programme
    return FundingRoute(id=prog.id, name=tr(prog.name), url=prog.url, route=tr(funding.route))


def build_plan(
    assessment: Assessment, facts: Facts, knowledge: Knowledge, networks: Sequence[NetworkAdvice]
) -> list[PlanItem]:
    """All steps that apply, ordered by horizon, then as written in the rules files; a step
    the town's budget cannot carry moves later or drops out (``rules/budget.yaml``)."""
    level = str(facts.values["capacity_level"])
    base = {
        "town": assessment.municipality.name,
        "country": country_name(facts.country),
        **town_values(assessment, knowledge),
    }
    items: list[PlanItem] = []
    for step in knowledge.rules.plan:
        outcome = step.when.evaluate(facts) if step.when else None
        if outcome is not None and not outcome.matched:
            continue
        budget = fit_to_budget(step, facts, knowledge)
        if budget.horizon is None:
            continue
        because = list(outcome.because) if outcome else [t("plan.always")]
        who = tr(step.who if isinstance(step.who, str) else getattr(step.who, level))
        resources = _resources(step, facts, knowledge)
        links = [SourceRef(title=link.title, url=link.url) for link in step.links]
        for suffix, extra, own_reasons in _repeats(step, assessment, networks, knowledge):
            values = {**base, **extra}
            text = wording(step, values)
            reasons = own_reasons + (because if outcome else []) or because
            reasons = [*reasons, *budget.reasons]
            items.append(
                PlanItem(
                    id=f"{step.id}.{suffix}" if suffix else step.id,
                    horizon=budget.horizon,
                    title=fill(tr(text.title), values),
                    why=fill(tr(text.why), values),
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
    return promote(items, knowledge.rules.plan)
