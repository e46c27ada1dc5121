"""Finders that need only the answers and the knowledge base (no gazetteer)."""

from __future__ import annotations

from collections.abc import Iterator

from advisor.geo.countries import country_name
from advisor.i18n import t
from advisor.partners.names import place_key
from advisor.partners.suggest import Candidate, PartnerContext
from advisor.sources import own_answers, refs


def from_connections(ctx: PartnerContext) -> Iterator[Candidate]:
    """Places named in the town's own history come first: the link already exists."""
    rules = ctx.knowledge.rules.partners
    dormant = {
        place_key(s.place, s.country)
        for s in ctx.assessment.ties.sister_towns
        if s.status == "dormant"
    }
    for conn in ctx.assessment.history.connections:
        kind_label = ctx.knowledge.label("connection_kind", conn.kind)
        detail = conn.description or conn.period or conn.place
        reason = t("partner.connection", kind=kind_label, detail=detail)
        yield Candidate(
            name=conn.place,
            country=conn.country,
            score=rules.connection_score,
            reasons=[reason],
            sources=[own_answers()],
            geonameid=conn.geonameid,
            kind="revive" if place_key(conn.place, conn.country) in dormant else "new",
        )


def from_dormant_ties(ctx: PartnerContext) -> Iterator[Candidate]:
    """Dormant sister towns: reviving a tie costs less than starting a new one."""
    rules = ctx.knowledge.rules.partners
    for tie in ctx.assessment.ties.sister_towns:
        if tie.status != "dormant":
            continue
        reason = t("partner.dormant_since", year=tie.since) if tie.since else t("partner.dormant")
        yield Candidate(
            name=tie.place,
            country=tie.country,
            score=rules.revive_score,
            kind="revive",
            reasons=[reason],
            sources=[own_answers()],
            geonameid=tie.geonameid,
        )


def from_reference_cases(ctx: PartnerContext) -> Iterator[Candidate]:
    """Reference towns most like this one: they know the path and may welcome a peer."""
    rules = ctx.knowledge.rules.partners
    for match in ctx.matches:
        if match.score < rules.case_min_similarity:
            continue
        case = ctx.knowledge.cases[match.id]
        reasons = [t("partner.case", name=case.name, country=country_name(case.country))]
        reasons += match.reasons[:2]
        yield Candidate(
            name=case.name,
            country=case.country,
            score=rules.case_weight * match.score,
            reasons=reasons,
            sources=refs(case, case.sources),
            geonameid=case.geonameid,
            population=case.population.value,
            lat=case.latitude,
            lon=case.longitude,
        )


CORE_FINDERS = (from_connections, from_dormant_ties, from_reference_cases)
