"""Sources and data attributions: where every fact came from, and the licences that apply.

The open data the advice draws on is licensed (CC BY, CC BY-SA) and requires attribution
wherever it is shown; a report that leaves the room must carry it.
"""

from __future__ import annotations

from collections.abc import Iterator

from advisor.i18n import t
from advisor.model.result import Result, SourceRef
from advisor.report.document import Block, Link, Links, Paragraph

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTIONS = (
    ("geonames", "https://www.geonames.org/"),
    ("twins", "https://creativecommons.org/licenses/by-sa/4.0/"),
    ("covenant", CC_BY),
    ("knowledge", CC_BY),
    ("seed", "https://uscpublicdiplomacy.org/?q=user/cpdblog_main&uid=daniel_clausen"),
    ("natural_earth", "https://www.naturalearthdata.com/"),
    ("font", "https://opensource.org/licenses/IPA"),
)
"""Catalog key suffix (``report.attribution.<key>``) and the link that goes with it: the
licence where the data has no single home page (see data/README.md, data/ties/README.md)."""


def sources_blocks(r: Result) -> list[Block]:
    refs = tuple(Link(s.title, s.url) for s in unique_sources(r))
    attributions = tuple(Link(t(f"report.attribution.{key}"), url) for key, url in ATTRIBUTIONS)
    return [
        Paragraph(t("report.sources.intro"), "lead"),
        Links(refs, title=t("report.sources.cited")),
        Links(attributions, title=t("report.sources.data")),
    ]


def unique_sources(r: Result) -> list[SourceRef]:
    """Every source the result cites, once per address (the first title kept), A to Z."""
    seen: dict[str, SourceRef] = {}
    for ref in all_sources(r):
        seen.setdefault(ref.url or ref.title, ref)
    return sorted(seen.values(), key=lambda ref: ref.title.casefold())


def all_sources(r: Result) -> Iterator[SourceRef]:
    """Each SourceRef anywhere in the result, in the order the report shows the items."""
    for match in r.matches:
        yield from match.sources
        for action in match.actions:
            yield from action.sources
    for group in (r.networks, r.other_networks, r.not_eligible, r.current_networks):
        for net in group:
            yield from net.sources
    for partner in r.partners:
        yield from partner.sources
    for step in r.plan:
        yield from step.links
