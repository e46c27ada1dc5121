"""Compact Markdown views for the terminal: the whole result, partners only, town lookups.

The CLI's own output (``advisor assess``, ``partners``, ``find-town``), so it sits beside
:mod:`advisor.cli` rather than among the report formats: no downloadable report uses it.
"""

from __future__ import annotations

from collections.abc import Sequence

from advisor.geo.countries import country_name
from advisor.i18n import t
from advisor.model.result import HORIZONS, Result
from advisor.opendata.find_town import TownHit
from advisor.report.fmt import ScoreAbout, number, scored
from advisor.report.sections.partners import candidate_text


def _bullets(lines: Sequence[str], indent: str = "  ") -> list[str]:
    return [f"{indent}- {line}" for line in lines]


def _score(value: float, about: ScoreAbout, kind: str = "fit") -> str:
    """The same words and percentage as the reports and the results page, with what the
    score compares."""
    return scored(value, kind, about)


def _matches(result: Result) -> list[str]:
    out = [f"## {t('summary.matches')}", ""]
    for m in result.matches:
        out += [
            f"- **{m.name}** ({country_name(m.country)}), {_score(m.score, 'case', 'similarity')}"
        ]
        out += _bullets(m.reasons)
    return out


def _networks(result: Result) -> list[str]:
    out = [f"## {t('summary.networks')}", ""]
    for n in result.networks:
        out += [f"- **{n.name}**, {_score(n.score, 'network')}"]
        out += _bullets([*n.reasons, *(f"⚠ {c}" for c in n.cautions), *n.evidence])
    out += ["", f"## {t('summary.not_eligible')}", ""]
    for excluded in result.not_eligible:
        out += [f"- **{excluded.name}**", *_bullets(excluded.reasons)]
    return out


def _partners(result: Result) -> list[str]:
    out = [f"## {t('summary.partners')}", ""]
    if not result.partners:
        out.append(t("summary.no_partners"))
    for p in result.partners:
        size = f", {number(p.population)} {t('summary.inhabitants')}" if p.population else ""
        out += [
            f"- **{p.name}** ({country_name(p.country)}{size}), "
            f"{t(f'partner.kind.{p.kind}')}, {_score(p.score, 'partner')}"
        ]
        out += _bullets(p.reasons)
    return out


def _places_to_confirm(result: Result) -> list[str]:
    """Declared places the gazetteer could not settle on, with their namesakes, so the clerk
    can add the region or id that makes them certain."""
    if not result.unresolved_places:
        return []
    out = [f"## {t('places.title')}", "", t("places.intro"), ""]
    for u in result.unresolved_places:
        out.append(f"- **{u.name}** ({country_name(u.country)}): {t(f'places.status.{u.status}')}")
        out += _bullets([candidate_text(c) for c in u.candidates])
    return out


def _plan(result: Result) -> list[str]:
    out = [f"## {t('summary.plan')}"]
    for horizon in HORIZONS:
        steps = [s for s in result.plan if s.horizon == horizon]
        if steps:
            out += ["", f"### {t(f'horizon.{horizon}')}", ""]
        for s in steps:
            out += [f"- **{s.title}** ({t('summary.who', who=s.who)})", f"  {s.why.strip()}"]
            out += _bullets(s.reasons)
    return out


def summary_markdown(result: Result) -> str:
    """Matches, networks, exclusions, partners and plan, each item with its reasons."""
    meta = result.meta
    level = t(f"scale.capacity_level.{meta.capacity_level}")
    head = [
        f"# {t('summary.title', town=meta.town)}",
        "",
        t(
            "summary.meta",
            country=country_name(meta.country),
            population=number(meta.population),
            level=level,
        ),
        "",
    ]
    sections = [_matches(result), _networks(result), _partners(result)]
    sections += [s for s in [_places_to_confirm(result)] if s] + [_plan(result)]
    return "\n".join(head + [line for s in sections for line in [*s, ""]]).rstrip() + "\n"


def partners_markdown(result: Result) -> str:
    """Partner suggestions only (``advisor partners``)."""
    return "\n".join(_partners(result)) + "\n"


def towns_markdown(query: str, hits: Sequence[TownHit]) -> str:
    """A table of gazetteer hits (``advisor find-town``)."""
    if not hits:
        return t("summary.no_town", query=query) + "\n" + t("summary.manual_hint") + "\n"
    rows = [
        f"| {h.name} | {h.region} | {country_name(h.country)} | {number(h.population)} | "
        f"{h.geonameid} | {h.lat:.4f}, {h.lon:.4f} | {', '.join(map(str, h.sister_towns)) or '-'} |"
        for h in hits
    ]
    header = [t("summary.town_table"), "|---|---|---|---:|---:|---|---|"]
    hint = [] if hits[0].match in ("exact", "alternate") else ["", t("summary.manual_hint")]
    return "\n".join(header + rows + hint) + "\n"
