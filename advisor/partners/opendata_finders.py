"""Finders that read the open data: the twinning graph, the gazetteer, Covenant signatories."""

from __future__ import annotations

from collections.abc import Iterator

from advisor.geo.countries import country_name
from advisor.i18n import t, tr
from advisor.i18n.formats import join as join_list
from advisor.i18n.formats import number, percent
from advisor.model.result import SourceRef
from advisor.opendata.twins import TwinRef
from advisor.partners.finders import CORE_FINDERS, peer_score
from advisor.partners.suggest import Candidate, Finder, PartnerContext, size_similarity

TWIN_SOURCE = SourceRef(
    title="Wikipedia, lists of twin towns and sister cities (via Hekman/twincities), CC BY-SA 4.0",
    url="https://en.wikipedia.org/wiki/Lists_of_twin_towns_and_sister_cities",
)


COVENANT_SOURCE = SourceRef(
    title="European Commission JRC, GCoM - MyCovenant signatories 2024, CC BY 4.0",
    url="https://creativecommons.org/licenses/by/4.0/",
)


def _from_ref(ref: TwinRef, score: float, reasons: list[str]) -> Candidate:
    return Candidate(
        name=ref.name,
        country=ref.country,
        score=score,
        reasons=reasons,
        sources=[TWIN_SOURCE],
        geonameid=ref.geonameid,
        lat=ref.lat,
        lon=ref.lon,
    )


def from_active_twinners(ctx: PartnerContext) -> Iterator[Candidate]:
    """Towns of similar size with several ties, in the countries the town is interested in."""
    data, rules = ctx.open_data, ctx.knowledge.rules.partners
    if data is None:
        return
    for country in ctx.interest_countries():
        fitting = []
        for twinner in data.twinners(country):
            if twinner.ties < rules.twinner_min_ties:
                continue
            size = size_similarity(ctx.population, twinner.place.population, rules.size_factor)
            if size <= 0:
                continue
            ties = min(twinner.ties, rules.twinner_ties_counted)
            score = rules.twinner_base + rules.twinner_size_weight * size
            score += rules.twinner_tie_weight * ties
            fitting.append((score, twinner))
        fitting.sort(key=lambda item: (-item[0], item[1].place.name))
        for score, twinner in fitting[: rules.twinner_per_country]:
            reasons = [
                t("partner.twinner", ties=twinner.ties, country=country_name(country)),
                t(
                    "partner.size",
                    theirs=number(twinner.place.population),
                    mine=number(ctx.population),
                ),
            ]
            yield _from_ref(twinner.ref, score, reasons)


def _town_ties(ctx: PartnerContext) -> list[tuple[str, str, int | None]]:
    return [(s.place, s.country, s.geonameid) for s in ctx.assessment.ties.sister_towns]


def _population(ctx: PartnerContext, ref: TwinRef) -> int | None:
    place = ctx.open_data.gazetteer.get(ref.geonameid) if ctx.open_data and ref.geonameid else None
    return place.population if place else None


def from_partners_of_partners(ctx: PartnerContext) -> Iterator[Candidate]:
    """Towns twinned with the town's own partners, nearer its size first: an introduction
    is easy to ask for."""
    data, rules = ctx.open_data, ctx.knowledge.rules.partners
    if data is None:
        return
    via: dict[str, list[str]] = {}
    refs: dict[str, TwinRef] = {}
    for name, country, gid in _town_ties(ctx):
        for ref in data.twins.partners(name, country, gid):
            key = f"{ref.name}|{ref.country}"
            via.setdefault(key, []).append(name)
            refs[key] = ref
    found = []
    for key, names in via.items():
        size = size_similarity(ctx.population, _population(ctx, refs[key]), rules.size_factor)
        base = rules.partner_of_partner_score + rules.partner_of_partner_per_extra * (
            len(names) - 1
        )
        share = rules.partner_of_partner_size_share
        score = min(rules.partner_of_partner_max, base * (1 - share + share * size))
        reason = t("partner.partner_of_partner", partners=join_list(names))
        found.append(_from_ref(refs[key], score, [reason]))
    found.sort(key=lambda c: (-c.score, c.name))
    yield from found[: rules.partner_of_partner_limit]


def from_twins_of_similar_towns(ctx: PartnerContext) -> Iterator[Candidate]:
    """Towns twinned with the reference towns most like this one."""
    data, rules = ctx.open_data, ctx.knowledge.rules.partners
    if data is None:
        return
    found = []
    for match in ctx.matches:
        if match.score < rules.case_min_similarity:
            continue
        case = ctx.knowledge.cases[match.id]
        for ref in data.twins.partners(case.name, case.country, case.geonameid):
            reason = t("partner.twin_of_similar", case=case.name, score=percent(match.score))
            found.append(_from_ref(ref, rules.similar_town_twin_weight * match.score, [reason]))
    found.sort(key=lambda c: (-c.score, c.name))
    yield from found[: rules.similar_town_twin_limit]


def from_listed_network_peers(ctx: PartnerContext) -> Iterator[Candidate]:
    """Members of the town's own networks (where open data lists them) of its size, in the
    countries it named: they share a commitment already."""
    data, rules = ctx.open_data, ctx.knowledge.rules.partners
    if data is None:
        return
    listed = [
        ctx.knowledge.networks[n]
        for n in ctx.assessment.ties.networks
        if n in ctx.knowledge.networks and ctx.knowledge.networks[n].peer_data
    ]
    countries = set(ctx.interest_countries())
    found = []
    for net in listed:
        for member in data.covenant:
            if member.group or member.country not in countries or not member.geonameid:
                continue
            size = size_similarity(ctx.population, member.population, rules.size_factor)
            if size > rules.network_peer_min_size:
                reason = t(
                    "partner.listed_peer",
                    network=tr(net.name),
                    population=number(member.population or 0),
                )
                found.append(
                    Candidate(
                        name=member.name,
                        country=member.country,
                        score=peer_score(rules, size),
                        reasons=[reason],
                        sources=[COVENANT_SOURCE],
                        geonameid=member.geonameid,
                        population=member.population,
                    )
                )
    found.sort(key=lambda c: (-c.score, c.name))
    yield from found[: rules.network_peer_limit]


OPEN_DATA_FINDERS: tuple[Finder, ...] = (
    *CORE_FINDERS,
    from_partners_of_partners,
    from_twins_of_similar_towns,
    from_active_twinners,
    from_listed_network_peers,
)
