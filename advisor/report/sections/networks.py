"""Networks: the ones worth joining, with what joining takes, and the ones that do not fit.

A council decides on membership by commitments and cost as much as by fit, so each
recommended network carries all of them; the networks that do not fit are listed with the
reason, because "why not C40?" is the first question in the room.
"""

from __future__ import annotations

from advisor.i18n import t
from advisor.model.result import NetworkAdvice, Result
from advisor.report.document import Block, Bullets, Fact, Facts, Heading, Paragraph, Table
from advisor.report.fmt import explained, join_sentences, one_line, rating, score_note


def networks_blocks(r: Result) -> list[Block]:
    """Each recommended network in full, then the other open ones and current memberships."""
    blocks: list[Block] = [Paragraph(t("report.networks.intro"), "lead")]
    if not r.networks:
        blocks.append(Paragraph(t("report.networks.none")))
    for net in r.networks:
        blocks += _network(net)
    if r.other_networks:
        rows = tuple(
            (n.name, rating(n.score), t(f"effort.{n.effort}"), _fee(n)) for n in r.other_networks
        )
        columns = tuple(t(f"report.networks.column.{c}") for c in ("name", "fit", "effort", "fees"))
        note = Paragraph(score_note(t("report.networks.column.fit"), "network"), "note")
        blocks += [Heading(t("report.networks.others")), Table(columns, rows, (5, 1, 1, 5)), note]
    if r.current_networks:
        names = tuple(n.name for n in r.current_networks)
        blocks += [Heading(t("report.networks.current")), Bullets(names)]
    return blocks


def _network(n: NetworkAdvice) -> list[Block]:
    facts = Facts(
        (
            Fact(t("report.networks.fit"), explained(rating(n.score), "network")),
            Fact(t("report.networks.effort"), t(f"effort.{n.effort}")),
            Fact(t("report.networks.fees"), _fee(n)),
            Fact(t("report.networks.mode"), t(f"report.mode.{n.application_mode}")),
            Fact(t("report.networks.link"), n.url, n.url),
        )
    )
    lists = (
        ("report.networks.why", n.reasons, False),
        ("report.networks.cautions", n.cautions, False),
        ("report.networks.eligibility", n.eligibility, False),
        ("report.networks.commitments", n.commitments, False),
        ("report.networks.how", n.how_to_join, True),
        ("report.networks.evidence", n.evidence, False),
    )
    bullets = [
        Bullets(tuple(one_line(i) for i in items), title=t(key), numbered=numbered)
        for key, items, numbered in lists
        if items
    ]
    return [Heading(n.name), facts, *bullets]


def _fee(n: NetworkAdvice) -> str:
    return t("report.networks.fee", band=t(f"report.fee_band.{n.fee_band}"), text=one_line(n.fees))


def not_fit_blocks(r: Result) -> list[Block]:
    """Networks the town may not join, one row each with every reason."""
    if not r.not_eligible:
        return [Paragraph(t("report.not_fit.none"))]
    rows = tuple((n.name, join_sentences(one_line(x) for x in n.reasons)) for n in r.not_eligible)
    columns = (t("report.not_fit.network"), t("report.not_fit.why"))
    return [Paragraph(t("report.not_fit.intro"), "lead"), Table(columns, rows, (1, 3))]
