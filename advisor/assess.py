"""``assess``: the one pure function from a town's answers to explained advice.

It reads the knowledge loaded once per process and nothing else: no Streamlit, no files,
no network. The same answers and knowledge always give the same result.
"""

from __future__ import annotations

from advisor.errors import InputError, Problem
from advisor.knowledge.base import Knowledge
from advisor.knowledge.load import default_knowledge
from advisor.matching import match_cases
from advisor.model.assessment import SCHEMA_VERSION, Assessment
from advisor.model.result import Meta, Result
from advisor.networks import advise_networks
from advisor.opendata.bundle import OpenData
from advisor.partners import PartnerContext, suggest_partners
from advisor.partners.finders import CORE_FINDERS
from advisor.partners.opendata_finders import OPEN_DATA_FINDERS
from advisor.partners.places import resolve_places
from advisor.plan import build_plan
from advisor.town_facts import facts_for


def require_complete(assessment: Assessment) -> None:
    """Raise :class:`InputError` naming each answer ``assess`` cannot do without."""
    missing = assessment.missing()
    if missing:
        raise InputError([Problem.of("invalid", "error.answer_needed", field=m) for m in missing])


def assess(
    assessment: Assessment,
    knowledge: Knowledge | None = None,
    open_data: OpenData | None = None,
) -> Result:
    """Matches, networks, partners and plan for ``assessment``, every item with reasons.

    With ``open_data`` (gazetteer, twinning graph, Covenant signatories) partner
    suggestions draw on real places and ties, and network advice names real peers;
    without it, both rest on the knowledge base alone.
    """
    require_complete(assessment)
    knowledge = knowledge or default_knowledge()
    facts = facts_for(assessment, knowledge)
    matches = match_cases(assessment, facts, knowledge)
    networks = advise_networks(facts, knowledge, open_data)
    # Declared places resolved by their hints (region, spelling, description) reach the
    # partner finders with their GeoNames ids; the ones left open are listed to confirm.
    placed, unresolved = (
        resolve_places(open_data.gazetteer, assessment) if open_data else (assessment, [])
    )
    context = PartnerContext(placed, facts, knowledge, matches, open_data)
    finders = OPEN_DATA_FINDERS if open_data else CORE_FINDERS
    partners = suggest_partners(context, finders)
    plan = build_plan(assessment, facts, knowledge, networks.recommended)
    town = assessment.municipality
    meta = Meta(
        town=town.name,
        country=town.country or "",
        population=town.population or 0,
        capacity_level=str(facts.values["capacity_level"]),
        schema_version=SCHEMA_VERSION,
        data_version=knowledge.data_version,
        rules_version=knowledge.rules_version,
    )
    return Result(
        matches=matches,
        networks=networks.recommended,
        other_networks=networks.other,
        not_eligible=networks.not_eligible,
        current_networks=networks.current,
        partners=partners,
        plan=plan,
        meta=meta,
        unresolved_places=unresolved,
    )
