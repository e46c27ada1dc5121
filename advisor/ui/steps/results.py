"""Step 7: the advice, every item with its reasons; fit for a projector."""

from __future__ import annotations

import streamlit as st

from advisor.assess import assess
from advisor.geo.countries import country_name
from advisor.i18n import t
from advisor.knowledge.rules_models import HORIZONS
from advisor.model.result import NetworkAdvice, PartnerSuggestion, Result
from advisor.report.document import Chart
from advisor.report.interactive import chart_spec
from advisor.report.sections.cases import profile_chart
from advisor.report.sections.partners import partner_map
from advisor.ui import state
from advisor.ui.nav import back_next
from advisor.ui.resources import knowledge, places
from advisor.ui.text import md


def current_result() -> Result:
    return assess(state.answers(), knowledge(), places())


def _chart(chart: Chart, key: str) -> None:
    """The same interactive chart the HTML report shows (user text already escaped)."""
    spec = chart_spec(chart)
    st.markdown(f"**{md(chart.title)}**")
    st.plotly_chart(
        {"data": spec["data"], "layout": spec["layout"]},
        config=spec["config"],
        width="stretch",
        key=key,
    )


def _reasons(lines: list[str]) -> None:
    st.markdown("\n".join(f"- {md(line)}" for line in lines))


def _links(sources: list) -> None:
    items = [f"[{md(s.title)}]({s.url})" if s.url else md(s.title) for s in sources]
    if items:
        st.caption(t("results.sources") + " " + " · ".join(items))


def _matches(result: Result) -> None:
    st.subheader(t("results.matches"))
    _chart(profile_chart(state.answers(), result, knowledge()), "chart.profile")
    for match in result.matches:
        with st.expander(
            t(
                "results.match_title",
                name=match.name,
                country=country_name(match.country),
                score=match.score,
            ),
            expanded=match is result.matches[0],
        ):
            st.markdown(md(match.summary))
            st.markdown(f"**{t('results.why_alike')}**")
            _reasons(match.reasons)
            st.markdown(f"**{t('results.what_they_did')}**")
            _reasons([a.text for a in match.actions])
            st.info(match.lessons, icon="💡")
            _links(match.sources)


def _network(net: NetworkAdvice, expanded: bool) -> None:
    with st.expander(t("results.network_title", name=net.name, score=net.score), expanded=expanded):
        st.progress(net.score)
        _reasons(net.reasons)
        for caution in net.cautions:
            st.warning(caution, icon="⚠️")
        for line in net.evidence:
            st.success(line, icon="👥")
        left, right = st.columns(2)
        left.markdown(f"**{t('results.commitments')}**")
        with left:
            _reasons(net.commitments or [t("results.none_listed")])
        right.markdown(f"**{t('results.cost')}** {md(net.fees)}")
        right.markdown(f"**{t('results.how_to_join')}**")
        right.markdown("\n".join(f"{i}. {md(s)}" for i, s in enumerate(net.how_to_join, 1)))
        st.markdown(f"[{t('results.website')}]({net.url})")
        _links(net.sources)


def _networks(result: Result) -> None:
    st.subheader(t("results.networks"))
    if not result.networks:
        st.info(t("results.no_networks"))
    for i, net in enumerate(result.networks):
        _network(net, expanded=i == 0)
    if result.other_networks:
        with st.expander(t("results.other_networks", count=len(result.other_networks))):
            for net in result.other_networks:
                st.markdown(f"**{md(net.name)}** ({t('summary.score', score=net.score)})")
                _reasons(net.reasons[:3] + net.cautions[:2])
    st.subheader(t("results.not_eligible"))
    for net in result.not_eligible:
        st.markdown(f"**{md(net.name)}**")
        _reasons(net.reasons)


def _partner_rows(partners: list[PartnerSuggestion]) -> list[dict[str, object]]:
    return [
        {
            t("results.col.name"): p.name,
            t("results.col.country"): country_name(p.country),
            t("results.col.kind"): t(f"partner.kind.{p.kind}"),
            t("results.col.fit"): p.score,
            t("results.col.population"): p.population,
            t("results.col.why"): p.reasons[0],
        }
        for p in partners
    ]


def _partners(result: Result) -> None:
    st.subheader(t("results.partners"))
    if not result.partners:
        st.info(t("summary.no_partners"))
        return
    st.dataframe(
        _partner_rows(result.partners),
        hide_index=True,
        width="stretch",
        column_config={
            t("results.col.fit"): st.column_config.ProgressColumn(
                min_value=0.0, max_value=1.0, format="%.2f"
            )
        },
    )
    _chart(partner_map(state.answers(), result), "chart.map")
    for p in result.partners:
        with st.expander(
            t(
                "results.partner_title",
                name=p.name,
                country=country_name(p.country),
                kind=t(f"partner.kind.{p.kind}"),
            )
        ):
            _reasons(p.reasons)
            _links(p.sources)


def _plan(result: Result) -> None:
    st.subheader(t("results.plan"))
    tabs = st.tabs([t(f"horizon.{h}") for h in HORIZONS])
    for tab, horizon in zip(tabs, HORIZONS, strict=True):
        with tab:
            for item in [s for s in result.plan if s.horizon == horizon]:
                with st.container(border=True):
                    st.markdown(f"**{md(item.title)}**")
                    st.markdown(md(item.why))
                    st.caption(
                        t(
                            "results.step_meta",
                            who=item.who,
                            effort=t(f"effort.{item.effort}"),
                            cost=t(f"scale.budget_band.{item.cost_band}"),
                        )
                    )
                    _reasons(item.reasons)
                    for res in item.resources:
                        st.markdown(f"→ [{md(res.name)}]({res.url})")


def render() -> None:
    answers = state.answers()
    st.header(t("results.title", town=answers.municipality.name or "…"))
    if answers.missing():
        st.warning(t("results.incomplete"))
        back_next("results")
        return
    result = current_result()
    cols = st.columns(4)
    for col, key, value in zip(
        cols,
        ("matches", "networks", "partners", "plan"),
        (result.matches, result.networks, result.partners, result.plan),
        strict=True,
    ):
        col.metric(t(f"results.metric.{key}"), len(value))
    _matches(result)
    _networks(result)
    _partners(result)
    _plan(result)
    back_next("results", next_label=t("results.to_report"))
