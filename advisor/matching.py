"""Which reference cases look most like the town, and what exactly they share.

Similarity is a weighted mean of a few comparisons (what sets the town apart, themes,
connection kinds, assets, goals, size, capacity, foreign countries linked to), each only
counted when the town answered it. The weights and the list of distinctive traits live in
``rules/matching.yaml``; every shared trait becomes a reason.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from advisor.conditions import Facts
from advisor.conditions.facts import CAPACITY_LEVELS
from advisor.geo.countries import country_name
from advisor.i18n import t, tr
from advisor.i18n.formats import join as join_list
from advisor.i18n.formats import number
from advisor.knowledge.base import Knowledge
from advisor.knowledge.models import ReferenceCase
from advisor.knowledge.rules_models import MatchingRules
from advisor.model.assessment import Assessment
from advisor.model.result import CaseAction, CaseMatch
from advisor.similarity import dice, size_closeness
from advisor.sources import cited, refs, stated
from advisor.town_facts import case_capacity_level


@dataclass(frozen=True)
class Part:
    """One comparison: its similarity (0..1) and how to say what is shared. The sentence
    is written only for the cases shown (``reason``), not for every case compared."""

    name: str
    similarity: float
    explain: Callable[[], str | None] = lambda: None

    @property
    def reason(self) -> str | None:
        return self.explain()


def _set_part(
    name: str,
    mine: frozenset[str] | set[str],
    theirs: Iterable[str],
    kind: str,
    label: Callable[[str, str], str],
    always: bool = False,
) -> Part | None:
    """One set comparison; skipped when the town left it blank, unless ``always`` (themes:
    a town that names no theme is not like any case, whatever its size)."""
    if not mine and not always:
        return None
    theirs = set(theirs)
    shared = sorted(mine & theirs)

    def explain() -> str | None:
        items = join_list(label(kind, i) for i in shared)
        return t(f"match.shared.{name}", items=items) if shared else None

    return Part(name, dice(mine, theirs), explain)


def _size_part(population: int, case: ReferenceCase, rules: MatchingRules) -> Part:
    similarity = size_closeness(population, case.population.value, rules.size_decades)

    def explain() -> str | None:
        if similarity < rules.size_reason_at:
            return None
        theirs = number(case.population.value)
        return t("match.shared.size", mine=number(population), theirs=theirs)

    return Part("size", similarity, explain)


def _capacity_part(level: str, case: ReferenceCase, knowledge: Knowledge) -> Part | None:
    theirs = case_capacity_level(case, knowledge.rules.capacity)
    if theirs is None:
        return None
    gap = abs(CAPACITY_LEVELS.index(level) - CAPACITY_LEVELS.index(theirs))

    def explain() -> str | None:
        if gap:
            return None
        return t("match.shared.capacity", level=t(f"scale.capacity_level.{level}"))

    return Part("capacity", 1 - gap / 2, explain)


def linked_countries(assessment: Assessment) -> frozenset[str]:
    """Foreign countries the town is tied to or interested in: connections, ties, wished
    partners. A sister town at home is no link abroad, so the town's own country is left out."""
    found = frozenset(
        [c.country for c in assessment.history.connections]
        + [s.country for s in assessment.ties.sister_towns]
        + list(assessment.goals.partner_countries)
    )
    return found - {assessment.municipality.country}


def _distinctive(themes: Iterable[str], kinds: Iterable[str], rules: MatchingRules) -> set[str]:
    wanted = rules.distinctive
    return {f"theme:{t}" for t in themes if t in wanted.themes} | {
        f"kind:{k}" for k in kinds if k in wanted.connection_kinds
    }


def _distinctive_part(facts: Facts, case: ReferenceCase, knowledge: Knowledge) -> Part | None:
    """How much of what sets the town apart (a person, a war, a disaster, a laboratory) the
    case shares: shared traits over the geometric mean of both sides' counts (Ochiai), so a
    case whose history names every kind of link is not close to every town by breadth alone.
    Counted only when the town has such a trait; generic traits (tourism, heritage) are
    compared elsewhere."""
    rules = knowledge.rules.matching
    mine = _distinctive(facts.themes, facts.connection_kinds, rules)
    if not mine:
        return None
    profile = case.profile
    theirs = _distinctive(
        [*profile.history_themes, *profile.specialization_themes], profile.connection_kinds, rules
    )
    shared = sorted(mine & theirs)

    def explain() -> str | None:
        if not shared:
            return None
        labels = [
            knowledge.label("theme" if kind == "theme" else "connection_kind", ident)
            for kind, ident in (item.split(":", 1) for item in shared)
        ]
        return t("match.shared.distinctive_history", items=join_list(dict.fromkeys(labels)))

    similarity = len(shared) / math.sqrt(len(mine) * len(theirs)) if theirs else 0.0
    return Part("distinctive_history", similarity, explain)


def _country_part(assessment: Assessment, case: ReferenceCase) -> Part | None:
    mine = linked_countries(assessment)
    if not mine:
        return None
    shared = sorted(mine & {tie.country for tie in case.ties})

    def explain() -> str | None:
        names = join_list(map(country_name, shared))
        return t("match.shared.countries", items=names) if shared else None

    return Part("partner_countries", 1.0 if shared else 0.0, explain)


def compare(
    assessment: Assessment, facts: Facts, case: ReferenceCase, knowledge: Knowledge
) -> list[Part]:
    """All comparisons the town's answers allow with one case."""
    profile, label = case.profile, knowledge.label
    history = frozenset(assessment.history.themes)
    special = frozenset(assessment.specializations.themes)
    parts = [
        _distinctive_part(facts, case, knowledge),
        _set_part(
            "history_themes",
            history | (special & set(profile.history_themes)),
            profile.history_themes,
            "theme",
            label,
            always=True,
        ),
        _set_part(
            "specialization_themes",
            special | (history & set(profile.specialization_themes)),
            profile.specialization_themes,
            "theme",
            label,
            always=True,
        ),
        _set_part(
            "connection_kinds",
            facts.connection_kinds,
            profile.connection_kinds,
            "connection_kind",
            label,
        ),
        _set_part("assets", facts.assets, profile.assets, "asset", label),
        _set_part("goals", facts.goals, profile.goals, "goal", label),
        _size_part(_population(facts), case, knowledge.rules.matching),
        _capacity_part(str(facts.values["capacity_level"]), case, knowledge),
        _country_part(assessment, case),
    ]
    return [p for p in parts if p is not None]


def score(parts: list[Part], rules: MatchingRules) -> float:
    weights = rules.weights.model_dump()
    total = sum(weights[p.name] for p in parts)
    return sum(weights[p.name] * p.similarity for p in parts) / total if total else 0.0


def _as_match(case: ReferenceCase, value: float, parts: list[Part], facts: Facts) -> CaseMatch:
    reasons = [r for p in sorted(parts, key=lambda p: -p.similarity) if (r := p.reason)]
    shared = sorted(
        facts.themes & {*case.profile.history_themes, *case.profile.specialization_themes}
    )
    return CaseMatch(
        id=case.id,
        name=case.name,
        country=case.country,
        population=case.population.value,
        score=round(value, 3),
        reasons=reasons or [t("match.weak")],
        shared_themes=shared,
        summary=tr(case.summary),
        actions=[
            CaseAction(text=stated(a, a.text), kind=a.kind, sources=cited(case, [a]))
            for a in case.actions
        ],
        lessons=tr(case.lessons),
        sources=refs(case, case.sources),
    )


def match_cases(assessment: Assessment, facts: Facts, knowledge: Knowledge) -> list[CaseMatch]:
    """The most similar reference cases, best first, above the rules' minimum score."""
    rules = knowledge.rules.matching
    scored = []
    for case in knowledge.cases.values():
        parts = compare(assessment, facts, case, knowledge)
        scored.append((score(parts, rules), case, parts))
    scored.sort(key=lambda item: (-item[0], item[1].name))
    shown = [item for item in scored if item[0] >= rules.min_score][: rules.max_matches]
    return [_as_match(case, value, parts, facts) for value, case, parts in shown]


def _population(facts: Facts) -> int:
    """The town's population: matching runs only once it is answered."""
    population = facts.values["population"]
    if not isinstance(population, int):
        raise TypeError(f"matching needs the town's population, got {population!r}")
    return population
