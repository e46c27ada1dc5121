"""A compact Markdown view of a result, for the terminal (``advisor assess --format markdown``)."""

from __future__ import annotations

from advisor.geo.countries import country_name
from advisor.i18n import t
from advisor.knowledge.rules_models import HORIZONS
from advisor.model.result import Result


def _bullets(lines: list[str], indent: str = "  ") -> list[str]:
    return [f"{indent}- {line}" for line in lines]


def summary_markdown(result: Result) -> str:
    """Matches, networks, exclusions, partners and plan, each item with its reasons."""
    meta = result.meta
    out = [
        f"# {t('summary.title', town=meta.town)}",
        "",
        t(
            "summary.meta",
            country=country_name(meta.country),
            population=f"{meta.population:,}",
            level=t(f"scale.capacity_level.{meta.capacity_level}"),
        ),
        "",
    ]
    out += [f"## {t('summary.matches')}", ""]
    for m in result.matches:
        out += [f"- **{m.name}** ({country_name(m.country)}), {t('summary.score', score=m.score)}"]
        out += _bullets(m.reasons)
    out += ["", f"## {t('summary.networks')}", ""]
    for n in result.networks:
        out += [f"- **{n.name}**, {t('summary.score', score=n.score)}"]
        out += _bullets(n.reasons) + _bullets([f"⚠ {c}" for c in n.cautions])
    out += ["", f"## {t('summary.not_eligible')}", ""]
    for n in result.not_eligible:
        out += [f"- **{n.name}**", *_bullets(n.reasons)]
    out += ["", f"## {t('summary.partners')}", ""]
    if not result.partners:
        out += [t("summary.no_partners")]
    for p in result.partners:
        out += [
            f"- **{p.name}** ({country_name(p.country)}), {t(f'partner.kind.{p.kind}')}, "
            f"{t('summary.score', score=p.score)}"
        ]
        out += _bullets(p.reasons)
    out += ["", f"## {t('summary.plan')}"]
    for horizon in HORIZONS:
        steps = [s for s in result.plan if s.horizon == horizon]
        if steps:
            out += ["", f"### {t(f'horizon.{horizon}')}", ""]
        for s in steps:
            out += [f"- **{s.title}** ({t('summary.who', who=s.who)})", f"  {s.why.strip()}"]
            out += _bullets(s.reasons)
    return "\n".join(out) + "\n"
