"""Step 7: the advice, every item with its reasons; fit for a projector.

The first screen says what to do first and why (the same picks as the report's summary
page, from :mod:`advisor.headline`); the detail sits in tabs a facilitator opens one at a
time. Presentation mode enlarges the type and hides the sidebar for a projector.
"""

from __future__ import annotations

import streamlit as st

from advisor.geo.countries import country_name
from advisor.headline import FirstStep, Lead, headline
from advisor.i18n import t
from advisor.model.assessment import Assessment
from advisor.model.result import HORIZONS, NetworkAdvice, PartnerSuggestion, Result
from advisor.report.fmt import number, one_line, place, rating, score_note, scored
from advisor.ui import resources, state
from advisor.ui.nav import back_next
from advisor.ui.text import md, town_md

PRESENT_KEY = "results.present"
PRESENT_PARAM = "present"
TABS = ("plan", "networks", "partners", "cases")
TAB_KEY = "results.tab"
_PRESENT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stHeader"] { display: none !important; }
html { font-size: 22px; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 1rem 2.5rem 3rem; }
</style>
"""
"""Fixed CSS for presentation mode; it never contains user text."""


def _chart(kind: resources.ChartKind, answers: Assessment, key: str) -> None:
    """The same interactive chart the HTML report shows (user text already escaped),
    built once per distinct answers."""
    spec = resources.chart_spec_for(kind, answers)
    st.markdown(f"**{md(spec['title'])}**")
    st.plotly_chart(
        resources.figure(spec),
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


# --- presentation mode -----------------------------------------------------------------


def presenting() -> bool:
    """The presentation switch; ``?present=1`` in the address turns it on, and the switch
    keeps the address in step so a reload or a shared link opens the same way."""
    if PRESENT_KEY not in st.session_state:
        st.session_state[PRESENT_KEY] = st.query_params.get(PRESENT_PARAM) == "1"
    on = st.toggle(t("results.present"), key=PRESENT_KEY, help=t("results.present_help"))
    if on:
        st.query_params[PRESENT_PARAM] = "1"
        st.markdown(_PRESENT_CSS, unsafe_allow_html=True)
    elif PRESENT_PARAM in st.query_params:
        del st.query_params[PRESENT_PARAM]
    return on


# --- the first screen: what to do first --------------------------------------------------


def _first_step(number_: int, step: FirstStep) -> None:
    with st.container(border=True):
        st.markdown(f"**{number_}. {md(step.title)}**")
        st.caption(md(step.why))
        st.caption(t("results.step_because", because=md(step.because), who=md(step.who)))


def _lead(lead: Lead) -> None:
    name = place(lead.name, lead.country) if lead.country else lead.name
    score = scored(lead.score, "similarity" if lead.kind == "case" else "fit", about=lead.kind)
    with st.container(border=True):
        st.markdown(f"{t(f'report.summary.{lead.kind}')}: **{md(name)}**, {md(score)}")
        st.caption(t("results.lead_because", because=md(lead.why)))


def _headline(result: Result) -> None:
    """Three first steps side by side, then the strongest leads: all on the first screen."""
    top = headline(result)
    st.subheader(t("results.first_steps"))
    if not top.steps:
        st.info(t("report.plan.none"))
    for column, (i, step) in zip(
        st.columns(max(len(top.steps), 1)), enumerate(top.steps, 1), strict=False
    ):
        with column:
            _first_step(i, step)
    if top.leads:
        st.markdown(f"**{t('results.leads')}**")
        for column, lead in zip(st.columns(len(top.leads)), top.leads, strict=True):
            with column:
                _lead(lead)


# --- the detail, one tab each ------------------------------------------------------------


def _matches(answers: Assessment, result: Result) -> None:
    st.caption(md(score_note(t("results.score_label.similarity"), "case")))
    _chart("profile", answers, "chart.profile")
    for match in result.matches:
        with st.expander(
            t(
                "results.match_title",
                name=match.name,
                country=country_name(match.country),
                score=scored(match.score, "similarity"),
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
    with st.expander(
        t("results.network_title", name=net.name, score=scored(net.score)), expanded=expanded
    ):
        st.progress(net.score, text=rating(net.score))
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


def _networks(_answers: Assessment, result: Result) -> None:
    st.caption(md(score_note(t("results.score_label.fit"), "network")))
    if not result.networks:
        st.info(t("results.no_networks"))
    for i, net in enumerate(result.networks):
        _network(net, expanded=i == 0)
    if result.other_networks:
        with st.expander(t("results.other_networks", count=len(result.other_networks))):
            for net in result.other_networks:
                st.markdown(f"**{md(net.name)}** ({md(scored(net.score))})")
                _reasons(net.reasons[:3] + net.cautions[:2])
    st.subheader(t("results.not_eligible"))
    for excluded in result.not_eligible:
        st.markdown(f"**{md(excluded.name)}**")
        _reasons(excluded.reasons)


def partner_table(partners: list[PartnerSuggestion]) -> str:
    """Partners as a Markdown table: grouped population ("unknown" when it is), the fit in
    words, and the main reason in full (Markdown cells wrap, a data grid cuts them)."""
    columns = ("name", "country", "kind", "fit", "population", "why")
    head = "| " + " | ".join(t(f"results.col.{c}") for c in columns) + " |"
    rule = "|---|---|---|---|---:|---|"
    rows = [
        "| "
        + " | ".join(
            md(one_line(cell))
            for cell in (
                p.name,
                country_name(p.country),
                t(f"partner.kind.{p.kind}"),
                rating(p.score),
                number(p.population),
                p.reasons[0],
            )
        )
        + " |"
        for p in partners
    ]
    return "\n".join([head, rule, *rows])


def _partners(answers: Assessment, result: Result) -> None:
    if not result.partners:
        st.info(t("summary.no_partners"))
        return
    st.markdown(partner_table(result.partners))
    st.caption(md(score_note(t("results.score_label.fit"), "partner")))
    _chart("map", answers, "chart.map")
    for p in result.partners:
        with st.expander(
            t(
                "results.partner_title",
                name=md(p.name),
                country=country_name(p.country),
                kind=t(f"partner.kind.{p.kind}"),
            )
        ):
            _reasons(p.reasons)
            _links(p.sources)


def _plan(_answers: Assessment, result: Result) -> None:
    for horizon in HORIZONS:
        items = [s for s in result.plan if s.horizon == horizon]
        if items:
            st.subheader(t(f"horizon.{horizon}"))
        for item in items:
            with st.container(border=True):
                st.markdown(f"**{md(item.title)}**")
                st.markdown(md(item.why))
                st.caption(
                    t(
                        "results.step_meta",
                        who=md(item.who),
                        effort=t(f"effort.{item.effort}"),
                        cost=t(f"scale.budget_band.{item.cost_band}"),
                    )
                )
                _reasons(item.reasons)
                for res in item.resources:
                    st.markdown(f"→ [{md(res.name)}]({res.url})")


_DETAIL = {"plan": _plan, "networks": _networks, "partners": _partners, "cases": _matches}


def advice(answers: Assessment, result: Result) -> None:
    """What to do first, then the detail in tabs: the wizard's results and a workshop's
    agreed advice are drawn the same way."""
    _headline(result)
    labels = [t(f"results.tab.{k}") for k in TABS]
    tabs = st.tabs(labels, key=TAB_KEY, on_change="rerun")
    for tab, key in zip(tabs, TABS, strict=True):
        if tab.open is not False:  # only the open tab is drawn: the others cost nothing
            with tab:
                _DETAIL[key](answers, result)


def render() -> None:
    answers = state.answers()
    title, switch = st.columns([3, 1], vertical_alignment="bottom")
    title.header(
        t("results.title", town=town_md(answers.municipality) if answers.municipality.name else "…")
    )
    with switch:
        presenting()
    if answers.missing():
        st.warning(t("results.incomplete"))
        back_next("results")
        return
    advice(answers, resources.current_result())
    back_next("results", next_label=t("results.to_report"))
