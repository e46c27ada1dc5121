"""Create a workshop: the town (typed, found in the gazetteer, or from an answers file),
the parts participants answer and the agreement rule. Creating it opens the dashboard."""

from __future__ import annotations

import streamlit as st

from advisor.answers import ANSWERS_LIMIT, parse_answers
from advisor.errors import AdvisorError, InputError
from advisor.i18n import t
from advisor.model.assessment import Assessment, Municipality
from advisor.numbers import read_population
from advisor.ui.problems import inert, problems_markdown
from advisor.ui.resources import knowledge
from advisor.ui.text import md
from advisor.ui.widgets import country_select, fixed_labels, town_search
from advisor.ui.workshop.common import problem, set_address, workshop_store
from advisor.wizard import problems, text_limit, town_from_hit
from advisor.workshop.flow import CREATE, FACILITATE
from advisor.workshop.model import DEFAULT_THRESHOLD, PARTS, WorkshopSettings

SOURCES = ("scratch", "gazetteer", "file")
CREATED = "ws.created"
"""Session key: the code whose secret link the dashboard shows once."""


def _scratch() -> tuple[Municipality, Assessment | None]:
    """The town typed by hand: name (and local name), country and population."""
    left, right = st.columns(2)
    name = left.text_input(t("town.name"), max_chars=120, key="ws.new.name")
    local_name = left.text_input(
        t("town.local_name"),
        max_chars=text_limit(Municipality, "local_name"),
        key="ws.new.local_name",
        help=t("town.local_name_help"),
        placeholder=t("town.local_name_ph"),
    )
    with right:
        country = country_select(t("town.country"), None, "ws.new.country")
    typed = st.text_input(t("town.population"), max_chars=24, key="ws.new.population")
    reading = read_population(typed)
    if typed.strip() and reading.error:
        params = {k: md(str(v)) for k, v in reading.params.items()}
        st.error(t(reading.error, **params), icon="⚠️")
    town = Municipality(
        name=name.strip(), local_name=local_name.strip(), country=country, population=reading.value
    )
    return town, None


def _gazetteer() -> tuple[Municipality, Assessment | None]:
    """The town found in the gazetteer, with its place, coordinates and local name (filled
    as the wizard fills it: :func:`advisor.wizard.town_from_hit`)."""
    hit = town_search("ws.new.query", t("ws.new.no_hit"))
    return (town_from_hit(hit), None) if hit else (Municipality(), None)


def _from_file() -> tuple[Municipality, Assessment | None]:
    """An answers file: its town, and its answers as the workshop's starting point."""
    uploaded = st.file_uploader(t("ws.new.file"), type=["yaml", "yml"], key="ws.new.file")
    if uploaded is None:
        return Municipality(), None
    if uploaded.size > ANSWERS_LIMIT:
        st.error(t("save.too_large", limit=f"{ANSWERS_LIMIT // 1024}"))
        return Municipality(), None
    try:
        base = parse_answers(uploaded.getvalue().decode("utf-8"), uploaded.name, knowledge())
    except UnicodeDecodeError:
        st.error(t("save.not_text", name=inert(uploaded.name)))
        return Municipality(), None
    except InputError as exc:
        st.error(problems_markdown(t("save.bad_file", name=inert(uploaded.name)), exc.problems))
        return Municipality(), None
    st.success(t("ws.new.file_read", town=inert(base.municipality.name or uploaded.name)))
    return base.municipality, base


_TOWN_FROM = {"scratch": _scratch, "gazetteer": _gazetteer, "file": _from_file}


def _options(town: Municipality, base: Assessment | None) -> WorkshopSettings | None:
    """The parts and the rule; None while the town is not complete."""
    st.subheader(t("ws.new.parts_title"))
    parts = st.multiselect(
        t("ws.new.parts"),
        list(PARTS),
        default=list(PARTS),
        format_func=fixed_labels(PARTS, lambda p: t(f"ws.parts.{p}")),
        key="ws.new.parts",
    )
    threshold = st.slider(
        t("ws.new.threshold"),
        min_value=0.3,
        max_value=1.0,
        value=DEFAULT_THRESHOLD,
        step=0.05,
        key="ws.new.threshold",
        help=t("ws.new.threshold_help"),
    )
    show_room = st.checkbox(t("ws.new.show_room"), key="ws.new.show_room")
    names = st.checkbox(t("ws.new.names_in_report"), key="ws.new.names")
    missing = problems(Assessment(municipality=town), "town")
    if missing or not parts:
        return None
    return WorkshopSettings(
        town=town,
        parts=parts,
        threshold=threshold,
        show_room=show_room,
        names_in_report=names,
        base=base,
    )


def _create(chosen: WorkshopSettings) -> None:
    """Store the workshop and open its dashboard (the secret link is shown there once)."""
    store = workshop_store()
    if store is None:
        return
    try:
        made = store.create(chosen)
    except AdvisorError as exc:
        st.error(problem(exc))
        return
    st.session_state[CREATED] = made.code
    set_address({CREATE: made.code, FACILITATE: made.facilitator_key})
    st.rerun()


def render() -> None:
    st.title(t("ws.new.title"))
    st.markdown(t("ws.new.intro"))
    st.subheader(t("ws.new.town_title"))
    source = st.radio(
        t("ws.new.source"),
        SOURCES,
        key="ws.new.source",
        horizontal=True,
        format_func=fixed_labels(SOURCES, lambda s: t(f"ws.new.source.{s}")),
    )
    town, base = _TOWN_FROM[source]()
    chosen = _options(town, base)
    if chosen is None:
        st.caption(t("ws.new.incomplete"))
    if st.button(t("ws.new.create"), key="ws.new.create", type="primary", disabled=chosen is None):
        assert chosen is not None
        _create(chosen)
