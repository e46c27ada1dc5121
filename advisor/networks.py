"""Which networks the town may join, how well each fits, and which it may not join and why.

Eligibility comes first: a network whose required condition fails is never recommended,
it is listed apart with the failing clause. Fit is relevance (theme and goal overlap)
times feasibility (effort against capacity, fees against budget; tables in
``rules/network_fit.yaml``), minus a penalty per advisory condition missed, plus the
adjustments that rules file lists. Two general corrections follow: a town far outside a
network's typical member size loses fit (a village is not sent first to a club of big
historic cities), and another country's national association loses fit when the town's own
country has one, which is named as the place to start.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import cast

from advisor.conditions import Facts, Outcome
from advisor.conditions.facts import CapacityLevel
from advisor.evidence import network_evidence
from advisor.geo.countries import country_name
from advisor.i18n import t, tr
from advisor.i18n.formats import join as join_list
from advisor.i18n.formats import number
from advisor.knowledge.base import Knowledge
from advisor.knowledge.models import Network, Requirement
from advisor.knowledge.rules_models import NetworkFitRules
from advisor.model.assessment import BudgetBand
from advisor.model.result import NetworkAdvice, NetworkExcluded, SourceRef
from advisor.opendata.bundle import OpenData
from advisor.sources import cited, refs, stated


@dataclass
class NetworkSection:
    """The four lists ``assess`` reports about networks."""

    recommended: list[NetworkAdvice] = field(default_factory=list)
    other: list[NetworkAdvice] = field(default_factory=list)
    not_eligible: list[NetworkExcluded] = field(default_factory=list)
    current: list[NetworkExcluded] = field(default_factory=list)


def _statement(req: Requirement, outcome: Outcome) -> str:
    explain = stated(req, req.explain)
    return t("network.requirement", because="; ".join(outcome.because), explain=explain)


def _all_sources(net: Network) -> list[SourceRef]:
    facts = [
        *net.eligibility,
        net.application,
        *net.commitments,
        net.fees,
        *net.how_to_join,
        net.members,
    ]
    return cited(net, facts) or refs(net, net.sources)


def _excluded(net: Network, reasons: list[str]) -> NetworkExcluded:
    return NetworkExcluded(
        id=net.id, name=tr(net.name), url=net.url, reasons=reasons, sources=_all_sources(net)
    )


@dataclass
class Fit:
    score: float
    reasons: list[str]
    cautions: list[str]


def _share(count: int, saturation: int) -> float:
    return min(1.0, count / saturation)


def _relevance_times_feasibility(
    parts: dict[str, float], rules: NetworkFitRules, answered: dict[str, bool]
) -> float:
    """Relevance (themes, goals) scaled by feasibility (effort, fees): a network that fits
    the town's story but is out of reach scores low, and so does a cheap irrelevant one.
    Relevance counts only what the town answered: no goals chosen is not a mismatch."""
    w = rules.weights
    weights = {"themes": w.themes * answered["themes"], "goals": w.goals * answered["goals"]}
    total = sum(weights.values())
    relevance = sum(weights[k] * parts[k] for k in weights) / total if total else 0.0
    feasibility = (w.capacity * parts["capacity"] + w.cost * parts["cost"]) / (w.capacity + w.cost)
    return relevance * feasibility


def _scale(net: Network, facts: Facts, rules: NetworkFitRules) -> tuple[float, str | None]:
    """Penalty and caution for a town outside the network's typical member size: the gap is
    counted in tenfolds, because a village of 1,000 differs from a town of 10,000 as that town
    does from a city of 100,000."""
    typical, population = net.typical_population, facts.values.get("population")
    if typical is None or not isinstance(population, int) or population < 1:
        return 0.0, None
    if typical.min is not None and population < typical.min:
        gap, key, limit = math.log10(typical.min / population), "network.scale.small", typical.min
    elif typical.max is not None and population > typical.max:
        gap, key, limit = math.log10(population / typical.max), "network.scale.large", typical.max
    else:
        return 0.0, None
    penalty = min(rules.scale.max_penalty, rules.scale.penalty_per_tenfold * gap)
    note = f" ({tr(typical.note)})" if typical.note else ""
    text = t(key, population=number(population), limit=number(limit), note=note)
    return penalty, t("fact.unverified", text=text) if typical.unverified else text


def own_national_bodies(facts: Facts, knowledge: Knowledge) -> list[Network]:
    """The networks that are the national association of the town's own country."""
    country = facts.values.get("country")
    return [n for n in knowledge.networks.values() if country and n.home_country == country]


def _foreign_body(
    net: Network, facts: Facts, rules: NetworkFitRules, knowledge: Knowledge
) -> tuple[float, str | None]:
    """Penalty and caution for another country's national association when the town's own
    country has one: the town starts with its own body, the foreign one stays an option."""
    country = facts.values.get("country")
    if net.home_country is None or net.home_country == country:
        return 0.0, None
    own = [
        tr(n.name) for n in own_national_bodies(facts, knowledge) if n.id not in facts.memberships
    ]
    if not own:
        return 0.0, None
    text = t(
        "network.national_body.foreign",
        name=tr(net.name),
        home=country_name(net.home_country),
        country=country_name(str(country)),
        own=join_list(own),
    )
    return rules.foreign_national_body.penalty, text


def fit(
    net: Network,
    facts: Facts,
    checks: list[tuple[Requirement, Outcome]],
    rules: NetworkFitRules,
    knowledge: Knowledge,
) -> Fit:
    """Score one eligible network for the town, with the reasons and the cautions."""
    label = knowledge.label
    themes = sorted(facts.themes & set(net.themes))
    goals = sorted(facts.goals & set(net.goals))
    # facts hold the answers model's budget_band and a level of rules/capacity.yaml
    level = cast(CapacityLevel, str(facts.values["capacity_level"]))
    budget = cast(BudgetBand, str(facts.values["budget_band"]))
    parts = {
        "themes": _share(len(themes), rules.theme_saturation),
        "goals": _share(len(goals), rules.goal_saturation),
        "capacity": rules.capacity_fit[net.effort][level],
        "cost": rules.cost_fit[net.fees.band][budget],
    }
    answered = {"themes": bool(facts.themes), "goals": bool(facts.goals)}
    value = _relevance_times_feasibility(parts, rules, answered)
    reasons = [_statement(r, o) for r, o in checks if o.matched] or [t("network.open_to_all")]
    cautions = [_statement(r, o) for r, o in checks if not o.matched]
    value -= rules.advisory_penalty * len(cautions)
    if themes:
        reasons.append(t("network.themes", items=join_list(label("theme", i) for i in themes)))
    if goals:
        reasons.append(t("network.goals", items=join_list(label("goal", i) for i in goals)))
    effort_text = t(
        "network.effort", effort=t(f"effort.{net.effort}"), level=t(f"scale.capacity_level.{level}")
    )
    (reasons if parts["capacity"] >= rules.reason_at else cautions).append(effort_text)
    fee_text = t("network.fees", text=stated(net.fees, net.fees.text))
    (reasons if parts["cost"] >= rules.reason_at else cautions).append(fee_text)
    for adj in rules.adjustments:
        if adj.network == net.id and (outcome := adj.when.evaluate(facts)).matched:
            value += adj.add
            reasons.append(f"{adj.reason} ({'; '.join(outcome.because)})")
    for penalty, text in (_scale(net, facts, rules), _foreign_body(net, facts, rules, knowledge)):
        if text:
            value -= penalty
            cautions.append(text)
    if net.home_country and net.home_country == facts.values.get("country"):
        reasons.append(t("network.national_body.own", country=country_name(net.home_country)))
    if net.application.mode != "open":
        note = stated(net.application, net.application.note or "")
        cautions.append(t(f"network.mode.{net.application.mode}", note=note))
    return Fit(round(min(1.0, max(0.0, value)), 3), reasons, cautions)


def _advice(net: Network, result: Fit, evidence: list[str]) -> NetworkAdvice:
    return NetworkAdvice(
        id=net.id,
        name=tr(net.name),
        url=net.url,
        score=result.score,
        reasons=result.reasons,
        cautions=result.cautions,
        eligibility=[stated(r, r.explain) for r in net.eligibility],
        commitments=[stated(c, c.text) for c in net.commitments],
        fees=stated(net.fees, net.fees.text),
        fee_band=net.fees.band,
        how_to_join=[stated(s, s.text) for s in net.how_to_join],
        effort=net.effort,
        application_mode=net.application.mode,
        sources=_all_sources(net),
        evidence=evidence,
    )


def _foreign_national(net: Network, facts: Facts) -> bool:
    """Another country's national body the town cannot join is not worth listing as 'not
    open to you': every town would see every country's body there."""
    return net.home_country is not None and net.home_country != facts.values.get("country")


def advise_networks(
    facts: Facts, knowledge: Knowledge, open_data: OpenData | None = None
) -> NetworkSection:
    """Sort every network into recommended, other eligible, not eligible and current."""
    rules = knowledge.rules.network_fit
    section = NetworkSection()
    for net in knowledge.networks.values():
        if net.id in facts.memberships:
            section.current.append(_excluded(net, [t("network.already_member", name=tr(net.name))]))
            continue
        checks = [(req, req.requires.evaluate(facts)) for req in net.eligibility]
        blocking = [(r, o) for r, o in checks if r.strength == "required" and not o.matched]
        if blocking and _foreign_national(net, facts):
            continue
        if blocking:
            section.not_eligible.append(_excluded(net, [_statement(r, o) for r, o in blocking]))
            continue
        advisory = [(r, o) for r, o in checks if r.strength == "advisory"]
        required = [(r, o) for r, o in checks if r.strength == "required"]
        result = fit(net, facts, required + advisory, rules, knowledge)
        target = section.recommended if result.score >= rules.min_score else section.other
        target.append(_advice(net, result, network_evidence(net, facts, knowledge, open_data)))
    for items in (section.recommended, section.other):
        items.sort(key=lambda a: (-a.score, a.name))
    section.not_eligible.sort(key=lambda e: e.name)
    return section
