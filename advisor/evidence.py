"""Real peers for network advice: reference towns that belong, and, where open data lists
a network's members, towns of the same size and country that have joined."""

from __future__ import annotations

from advisor.conditions import Facts
from advisor.geo.countries import country_name
from advisor.i18n import t
from advisor.i18n.formats import join as join_list
from advisor.i18n.formats import number
from advisor.knowledge.base import Knowledge
from advisor.knowledge.models import Network
from advisor.opendata.bundle import OpenData
from advisor.opendata.covenant import peers, size_band


def member_cases(net: Network, knowledge: Knowledge) -> str | None:
    """'Reference towns in this network: Hirado (29,000), ...' or None."""
    members = [
        c for c in knowledge.cases.values() if any(m.network == net.id for m in c.memberships)
    ]
    if not members:
        return None
    names = join_list(
        f"{c.name} ({number(c.population.value)})"
        for c in sorted(members, key=lambda c: c.population.value)
    )
    return t("evidence.cases", names=names)


def listed_peers(net: Network, facts: Facts, data: OpenData | None) -> str | None:
    """'212 towns of 5,000 to 20,000 inhabitants in Italy have joined, among them ...'."""
    if data is None or net.peer_data != "covenant_signatories":
        return None
    value = facts.values["population"]
    population = value if isinstance(value, int) and value else 1
    found = peers(data.covenant, facts.country, population)
    if not found:
        return None
    lower, upper = size_band(population)
    names = join_list(s.name for s in found[:3])
    return t(
        "evidence.peers" if lower else "evidence.peers_under",
        count=number(len(found)),
        lower=number(lower),
        upper=number(upper),
        country=country_name(facts.country),
        network=net.name,
        names=names,
    )


def network_evidence(
    net: Network, facts: Facts, knowledge: Knowledge, data: OpenData | None
) -> list[str]:
    return [e for e in (listed_peers(net, facts, data), member_cases(net, knowledge)) if e]
