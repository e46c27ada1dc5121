"""Finders that need only the answers and the knowledge base (no gazetteer)."""

from __future__ import annotations

from collections.abc import Iterator

from advisor.geo.countries import country_name
from advisor.geo.names import place_key
from advisor.i18n import t
from advisor.i18n.formats import join as join_list
from advisor.knowledge.models import CuratedPlace, PlaceGroup
from advisor.knowledge.rules_models import PartnerRules
from advisor.partners.suggest import Candidate, PartnerContext, enrich, size_similarity
from advisor.similarity import dice
from advisor.sources import own_answers, refs


def peer_score(rules: PartnerRules, size: float) -> float:
    """A network peer's score: part of it depends on size closeness, the rest does not."""
    share = rules.network_peer_size_share
    return rules.network_peer_score * (1 - share + share * size)


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
        yield Candidate(
            name=conn.place,
            country=conn.country,
            score=rules.connection_score,
            reasons=[t("partner.connection", kind=kind_label, detail=detail)],
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
        yield Candidate(
            name=case.name,
            country=case.country,
            score=rules.case_weight * match.score,
            reasons=reasons + match.reasons[:2],
            sources=refs(case, case.sources),
            geonameid=case.geonameid,
            population=case.population.value,
            lat=case.latitude,
            lon=case.longitude,
        )


def _weighted_dice(ctx: PartnerContext, theirs: set[str]) -> tuple[float, float]:
    """(weight of the shared themes, weighted Dice overlap), common themes counting less."""
    terms = ctx.knowledge.terms("themes")

    def weight(ident: str) -> float:
        return terms[ident].weight if ident in terms else 1.0

    mine = set(ctx.facts.themes)
    shared = sum(map(weight, mine & theirs))
    return shared, dice(mine, theirs, weight)


def _themed_score(ctx: PartnerContext, overlap: float, population: int | None) -> float:
    """Shared themes first, then closeness in size: a city of millions and a village of
    3,000 may share a theme, but a partner of a like size can match its exchanges, staff and
    budget. An unknown size is neither close nor far (``themed_unknown_size``)."""
    rules = ctx.knowledge.rules.partners
    size = size_similarity(ctx.population, population, rules.themed_size_factor)
    if not population or not ctx.assessment.municipality.population:
        size = rules.themed_unknown_size
    score = rules.themed_base + rules.themed_overlap * overlap + rules.themed_size_weight * size
    return min(score, rules.themed_max_score)


def from_themed_places(ctx: PartnerContext) -> Iterator[Candidate]:
    """Curated places (data/places) that share enough of the town's history or
    specialization: one distinctive theme, or two common ones. Places marked as not a
    town (people moved away, no council of their own) are never proposed: only a council
    can sign a partnership."""
    rules = ctx.knowledge.rules.partners
    found = []
    for group in ctx.knowledge.places.values():
        for place in group.places:
            themes = set(place.themes)
            if place.not_a_town or not themes & ctx.facts.themes:
                continue  # most places share nothing with the town: skip them at once
            shared_weight, overlap = _weighted_dice(ctx, themes)
            if shared_weight < rules.themed_min_shared_weight:
                continue
            pop = place.population.value if place.population else None
            cand = Candidate(place.name, place.country, 0.0, [], [], geonameid=place.geonameid)
            cand.population = pop
            cand = enrich(cand, ctx.open_data)
            cand.score = _themed_score(ctx, overlap, cand.population)
            found.append((cand, place, group))
    found.sort(key=lambda item: (-item[0].score, item[0].name))
    for cand, place, group in found[: rules.themed_limit]:
        yield _explained(ctx, cand, place, group)


def _explained(
    ctx: PartnerContext, cand: Candidate, place: CuratedPlace, group: PlaceGroup
) -> Candidate:
    """A kept themed candidate with its reasons and sources (written only for the few
    shown, not for every place compared)."""
    shared = sorted(ctx.facts.themes & set(place.themes))
    labels = join_list(ctx.knowledge.label("theme", i) for i in shared)
    keys = [*place.source_keys, *(place.population.source_keys if place.population else [])]
    cand.reasons = [t("partner.themes", items=labels), place.why.strip(), *cand.reasons]
    cand.sources = [*refs(group, keys), *cand.sources]
    return cand


def from_network_peers(ctx: PartnerContext) -> Iterator[Candidate]:
    """Reference towns in the networks the town already belongs to."""
    rules = ctx.knowledge.rules.partners
    mine = set(ctx.assessment.ties.networks)
    found = []
    for case in ctx.knowledge.cases.values():
        shared = sorted(m.network for m in case.memberships if m.network in mine)
        if not shared:
            continue
        names = join_list(ctx.knowledge.label("network", n) for n in shared)
        size = size_similarity(ctx.population, case.population.value, rules.size_factor)
        found.append(
            Candidate(
                name=case.name,
                country=case.country,
                score=peer_score(rules, size),
                reasons=[t("partner.network_peer", networks=names)],
                sources=refs(case, [k for m in case.memberships for k in m.source_keys]),
                geonameid=case.geonameid,
                population=case.population.value,
                lat=case.latitude,
                lon=case.longitude,
            )
        )
    found.sort(key=lambda c: (-c.score, c.name))
    yield from found[: rules.network_peer_limit]


CORE_FINDERS = (
    from_connections,
    from_dormant_ties,
    from_themed_places,
    from_reference_cases,
    from_network_peers,
)
