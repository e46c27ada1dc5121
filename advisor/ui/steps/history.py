"""Step 3: history and heritage: themes, notes, and connections to places abroad."""

from __future__ import annotations

from typing import Any

import streamlit as st

from advisor.i18n import t, tr
from advisor.model.assessment import Connection, History
from advisor.ui import state
from advisor.ui.nav import back_next
from advisor.ui.place_picker import confirm_places
from advisor.ui.resources import knowledge
from advisor.ui.widgets import Column, edit_answers, long_text, theme_checklist
from advisor.wizard import text_limit


def _connections() -> None:
    k = knowledge()
    kinds = k.terms("connection_kinds")
    columns = [
        Column("place", t("history.place"), width=1.2),
        Column("country", t("history.country"), kind="country"),
        Column(
            "kind",
            t("history.kind"),
            kind="choice",
            options=tuple(kinds),
            format=lambda i: tr(kinds[i].label),
        ),
        Column("period", t("history.period"), width=0.8),
        Column("description", t("history.description"), width=2),
    ]
    blank: dict[str, Any] = {
        "place": "",
        "country": None,
        "kind": next(iter(kinds)),
        "period": "",
        "description": "",
    }
    kept = edit_answers(
        "connections",
        Connection,
        state.answers().history.connections,
        columns,
        t("history.add"),
        blank,
        {"known": k.known},
    )
    state.update("history", connections=confirm_places("connections", kept))


def fields() -> None:
    """The step's inputs, without title or buttons: the wizard page and a workshop
    participant's page draw the same fields."""
    history = state.answers().history
    st.subheader(t("history.themes"))
    themes = theme_checklist(knowledge(), ("history", "both"), history.themes, "history.themes")
    notes = long_text(
        t("history.notes"),
        history.notes,
        "history.notes",
        text_limit(History, "notes"),
        help=t("history.notes_help"),
    )
    state.update("history", themes=themes, notes=notes.strip())
    st.subheader(t("history.connections"))
    st.caption(t("history.connections_help"))
    _connections()


def render() -> None:
    st.header(t("step.history.title"))
    st.markdown(t("step.history.intro"))
    fields()
    back_next("history")
