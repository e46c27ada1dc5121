"""Partner suggestions: a map of where they are and a table of who they are and why.

The map answers "how far?" (travel cost, time zones) before anyone reads the reasons; the
table keeps every reason, so no suggestion is a bare name.
"""

from __future__ import annotations

from advisor.chart_content import partner_map
from advisor.geo.countries import country_name
from advisor.i18n import t
from advisor.model.assessment import Assessment
from advisor.model.result import PartnerSuggestion, PlaceCandidate, Result
from advisor.report.document import Block, Heading, Paragraph, Table
from advisor.report.fmt import join_sentences, number, one_line, rating, score_note

_COLUMNS = ("name", "country", "population", "kind", "fit", "why")


def partners_blocks(a: Assessment, r: Result) -> list[Block]:
    """Intro, map (when anything has coordinates) and the table of suggestions."""
    if not r.partners:
        return [Paragraph(t("summary.no_partners")), *places_blocks(r)]
    blocks: list[Block] = [Paragraph(t("report.partners.intro"), "lead")]
    chart = partner_map(a, r)
    if any(p.kind != "town" for p in chart.points):
        blocks.append(chart)
    rows = tuple(_row(p) for p in r.partners)
    columns = tuple(t(f"report.partners.column.{c}") for c in _COLUMNS)
    blocks.append(Table(columns, rows, (3, 2, 2, 2, 1, 6)))
    blocks.append(Paragraph(score_note(t("report.partners.column.fit"), "partner"), "note"))
    return blocks + places_blocks(r)


def candidate_text(c: PlaceCandidate) -> str:
    """One namesake in words: enough to tell it from the others and to copy its id."""
    region = c.region or "-"
    return t(
        "places.candidate",
        name=c.name,
        region=region,
        population=number(c.population),
        geonameid=c.geonameid,
    )


def places_blocks(r: Result) -> list[Block]:
    """ "Places to confirm": declared places left without a GeoNames place, with their
    namesakes, so nobody reads a partner's size or map position as certain when it is not."""
    if not r.unresolved_places:
        return []
    rows = tuple(
        (
            u.name,
            country_name(u.country),
            t(f"places.status.{u.status}"),
            "; ".join(candidate_text(c) for c in u.candidates) or "-",
        )
        for u in r.unresolved_places
    )
    columns = tuple(t(f"places.column.{c}") for c in ("place", "country", "status", "candidates"))
    return [
        Heading(t("places.title")),
        Paragraph(t("places.intro")),
        Table(columns, rows, (2, 2, 2, 6)),
    ]


def _row(p: PartnerSuggestion) -> tuple[str, ...]:
    return (
        p.name,
        country_name(p.country),
        number(p.population),
        t(f"report.partners.kind.{p.kind}"),
        rating(p.score),
        join_sentences(one_line(reason) for reason in p.reasons),
    )
