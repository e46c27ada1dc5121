"""Turn an assessment into the facts conditions test, once per ``assess`` call.

This module computes a town's :class:`~advisor.conditions.Facts` from its answers; what a
fact is, and which fields a rule may name, is declared in :mod:`advisor.conditions.facts`.
Named ``town_facts`` so the two are not confused.
"""

from __future__ import annotations

from advisor.conditions import Facts
from advisor.geo.countries import continent_of
from advisor.knowledge.base import Knowledge
from advisor.knowledge.models import ReferenceCase
from advisor.knowledge.rules_models import CapacityRules
from advisor.model.assessment import STAFF_TIME_SCALE, Assessment


def _at_least(staff_time: str, threshold: str) -> bool:
    scale: list[str] = list(STAFF_TIME_SCALE)
    return scale.index(staff_time) >= scale.index(threshold)


def _level(
    coordinator: bool, unit: bool, staff_time: str | None, rules: CapacityRules
) -> str | None:
    """volunteer / staff / coordinator: who can realistically carry the work, as
    ``rules/capacity.yaml`` reads the answers (a coordinator, a unit or full-time staff
    makes 'coordinator'; a few hours a week of staff time 'staff'; less, volunteers)."""
    if (coordinator and rules.coordinator_if_coordinator) or (unit and rules.coordinator_if_unit):
        return "coordinator"
    if staff_time is None:
        return None
    if _at_least(staff_time, rules.coordinator_from_staff_time):
        return "coordinator"
    if _at_least(staff_time, rules.staff_from_staff_time):
        return "staff"
    return "volunteer"


def capacity_level(assessment: Assessment, rules: CapacityRules) -> str:
    cap = assessment.capacity
    found = _level(cap.international_coordinator, cap.dedicated_unit, cap.staff_time, rules)
    return found or "volunteer"


def case_capacity_level(case: ReferenceCase, rules: CapacityRules) -> str | None:
    """The same level for a reference case, or None when its sources say nothing."""
    cap = case.profile.capacity
    coordinator, unit = bool(cap.international_coordinator), bool(cap.dedicated_unit)
    return _level(coordinator, unit, cap.staff_time, rules)


def all_assets(assessment: Assessment, knowledge: Knowledge) -> frozenset[str]:
    """Declared assets plus those implied by the town's institutions (a lab, a port ...)."""
    kinds = knowledge.terms("institution_kinds")
    implied = {
        kinds[i.kind].implies_asset
        for i in assessment.specializations.institutions
        if i.kind in kinds and kinds[i.kind].implies_asset
    }
    return frozenset(assessment.assets) | frozenset(a for a in implied if a)


def facts_for(assessment: Assessment, knowledge: Knowledge) -> Facts:
    town, cap, ties = assessment.municipality, assessment.capacity, assessment.ties
    country = town.country or ""
    statuses = [t.status for t in ties.sister_towns]
    values: dict[str, object] = {
        "population": town.population,
        "metro_population": town.metro_population,
        "country": country,
        "staff_time": cap.staff_time,
        "budget_band": cap.budget_band,
        "capacity_level": capacity_level(assessment, knowledge.rules.capacity),
        "has_coordinator": cap.international_coordinator,
        "has_dedicated_unit": cap.dedicated_unit,
        "has_strategy": cap.written_strategy,
        "languages": frozenset(cap.languages),
        "sister_town_count": len(statuses),
        "active_sister_town_count": statuses.count("active"),
        "dormant_sister_town_count": statuses.count("dormant"),
        "network_count": len(ties.networks),
        "association_count": len(cap.citizen_associations),
        "connection_count": len(assessment.history.connections),
    }
    return Facts(
        values=values,
        town=town.name,
        themes=frozenset(assessment.themes),
        assets=all_assets(assessment, knowledge),
        goals=frozenset(assessment.goals.aims),
        memberships=frozenset(ties.networks),
        connection_kinds=frozenset(c.kind for c in assessment.history.connections),
        constraints=frozenset(assessment.constraints.items),
        continent=continent_of(country),
        country_groups=knowledge.groups_of(country),
        labeler=knowledge.label,
    )
