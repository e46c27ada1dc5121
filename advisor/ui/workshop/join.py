"""Join a workshop: the code (typed, or from the link or QR code) and an optional name.

Wrong codes count towards the visitor's limit (:meth:`WorkshopStore.find`), so the code
is looked up once per session and address, not again on every rerun of the page.
"""

from __future__ import annotations

import streamlit as st

from advisor.errors import AdvisorError
from advisor.i18n import t
from advisor.ui.text import town_md
from advisor.ui.workshop.common import problem, visitor, workshop_store
from advisor.workshop.flow import JOIN, PARTICIPANT
from advisor.workshop.model import Workshop
from advisor.workshop.store import WorkshopStore

_FOUND = "ws.join.found"
"""Session key: {typed code: the workshop, or the refusal's message}."""


def find(store: WorkshopStore, typed: str) -> Workshop | str:
    """The workshop a code names, or why not; looked up once per session and code."""
    found: dict[str, Workshop | str] = st.session_state.setdefault(_FOUND, {})
    if typed not in found:
        try:
            found[typed] = store.find(typed, visitor())
        except AdvisorError as exc:
            found[typed] = problem(exc)
    return found[typed]


def _ask_code() -> None:
    """The code as typed from the facilitator's screen."""
    with st.form("ws.join.form", border=False):
        typed = st.text_input(t("ws.join.code"), key="ws.join.code", placeholder="K7QF-3XRA")
        if st.form_submit_button(t("ws.join.find"), type="primary") and typed.strip():
            st.query_params[JOIN] = typed.strip()
            st.rerun()


def _welcome(store: WorkshopStore, workshop: Workshop) -> None:
    """The town, then an optional name and the button that makes the participant."""
    st.subheader(t("ws.join.town", town=town_md(workshop.settings.town)))
    if workshop.status != "open":
        st.warning(t("ws.closed"), icon="🔒")
        return
    st.markdown(t("ws.join.intro"))
    name = st.text_input(
        t("ws.join.name"), max_chars=60, key="ws.join.name", help=t("ws.join.name_help")
    )
    if st.button(t("ws.join.go"), key="ws.join.go", type="primary"):
        try:
            person = store.join(workshop.code, name)
        except AdvisorError as exc:
            st.error(problem(exc))
            return
        st.query_params[JOIN] = workshop.code
        st.query_params[PARTICIPANT] = person.id
        st.rerun()


def render(code: str) -> None:
    st.title(t("ws.join.title"))
    store = workshop_store()
    if store is None:
        return
    if not code.strip():
        _ask_code()
        return
    found = find(store, code)
    if isinstance(found, str):
        st.error(found, icon="🔑")
        _ask_code()
        return
    _welcome(store, found)
