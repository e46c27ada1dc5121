"""Step 2: the town. Search the gazetteer to fill it in, or type it by hand."""

from __future__ import annotations

import streamlit as st

from advisor.i18n import t
from advisor.i18n.formats import number
from advisor.model.assessment import Municipality
from advisor.numbers import population_text, read_population
from advisor.ui import state
from advisor.ui.nav import back_next, errors_shown
from advisor.ui.text import md
from advisor.ui.widgets import country_select, show_problems, town_search
from advisor.wizard import (
    apply_town_hit,
    edit_town,
    kept_population,
    problems,
    text_limit,
    unlink_town,
)


def _search() -> None:
    """Gazetteer search; picking a hit fills the town and its known twin towns (picking
    the place the town is already linked to keeps what the clerk corrected)."""
    st.subheader(t("town.search_title"))
    hit = town_search("town.query", t("town.no_hit"))
    if hit is None:
        return
    if st.button(t("town.use"), key="town.use", type="primary"):
        kept = kept_population(state.answers().municipality, hit)
        state.save(apply_town_hit(state.answers(), hit))
        state.refresh()
        st.toast(t("town.filled", name=hit.name, ties=len(hit.sister_towns)))
        if kept is not None:
            st.toast(
                t("town.population_kept", population=number(kept), found=number(hit.population))
            )
        st.rerun()


def _details() -> None:
    """The town's details, always editable: a hit fills them, a small village types them."""
    st.subheader(t("town.details_title"))
    st.caption(t("town.manual_help"))
    town = state.answers().municipality
    shown = problems(state.answers(), "town") if errors_shown("town") else []
    left, right = st.columns(2)
    with left:
        name = st.text_input(
            t("town.name"), value=town.name, max_chars=120, key=state.key("town.name")
        )
        show_problems(shown, "municipality.name")
        local_name = st.text_input(
            t("town.local_name"),
            value=town.local_name,
            max_chars=text_limit(Municipality, "local_name"),
            key=state.key("town.local_name"),
            help=t("town.local_name_help"),
            placeholder=t("town.local_name_ph"),
        )
        region = st.text_input(
            t("town.region"), value=town.region, max_chars=200, key=state.key("town.region")
        )
    with right:
        country = country_select(t("town.country"), town.country, "town.country")
        show_problems(shown, "municipality.country")
        population = _population(town.population)
        show_problems(shown, "municipality.population")
    edited = edit_town(
        town,
        name=name,
        local_name=local_name,
        region=region,
        country=country,
        population=population or 0,
    )
    state.save(state.answers().model_copy(update={"municipality": edited}))
    if edited.geonameid:
        _link(edited)


def _link(town: Municipality) -> None:
    """Which GeoNames place the town is linked to, and a button to undo the link (edits of
    the name keep it: the clerk unlinks when the details now describe another town)."""
    said, button = st.columns([3, 1], vertical_alignment="center")
    said.caption(t("town.geonames", id=town.geonameid))
    if button.button(t("town.unlink"), key="town.unlink", help=t("town.unlink_help")):
        state.save(state.answers().model_copy(update={"municipality": unlink_town(town)}))
        st.toast(t("town.unlinked"))
        st.rerun()


def _population(current: int | None) -> int | None:
    """The population as the user writes it (8.000, 8,000, 8 000); says how it was read,
    refuses what is not a whole number and warns when it looks wrong for a town."""
    text = st.text_input(
        t("town.population"),
        value=population_text(current),
        max_chars=24,
        key=state.key("town.population"),
        help=t("town.population_help"),
        placeholder=t("town.population_ph"),
    )
    reading = read_population(text)
    params = {name: md(str(value)) for name, value in reading.params.items()}  # user text
    if reading.error:
        st.error(t(reading.error, **params), icon="⚠️")
    elif reading.warning:
        st.warning(t(reading.warning, **params), icon="🔎")
    elif reading.value is not None and population_text(reading.value) != text.strip():
        st.caption(t("number.read_as", **params))
    return reading.value


def render() -> None:
    st.header(t("step.town.title"))
    st.markdown(t("step.town.intro"))
    _search()
    _details()
    back_next("town")
