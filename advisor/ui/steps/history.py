"""Step 3: history and heritage: themes, notes, and connections to places abroad."""

from __future__ import annotations

from typing import Any

import streamlit as st

from advisor.i18n import t
from advisor.model.assessment import Connection
from advisor.ui import state
from advisor.ui.nav import back_next
from advisor.ui.resources import knowledge
from advisor.ui.widgets import Column, edit_rows, theme_checklist
from advisor.wizard import rows_to_models


def missing_message(fields: list[str]) -> str | None:
    """'Still needed: place, country' for a row that cannot be kept yet."""
    if not fields:
        return None
    return t("ui.row_missing", fields=", ".join(t(f"field_name.{f}") for f in fields))


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
            format=lambda i: kinds[i].label,
        ),
        Column("period", t("history.period"), width=0.8),
        Column("description", t("history.description"), width=2),
    ]
    current = [c.model_dump(exclude={"geonameid"}) for c in state.answers().history.connections]
    blank: dict[str, Any] = {
        "place": "",
        "country": None,
        "kind": next(iter(kinds)),
        "period": "",
        "description": "",
    }
    context = {"known": k.known}
    rows = edit_rows(
        "connections",
        current,
        columns,
        t("history.add"),
        blank,
        check=lambda row: missing_message(
            rows_to_models(Connection, [row], blank=blank, context=context).missing[0]
        ),
    )
    kept = rows_to_models(Connection, rows, blank=blank, context=context).kept
    state.update("history", connections=kept)


def render() -> None:
    st.header(t("step.history.title"))
    st.markdown(t("step.history.intro"))
    history = state.answers().history
    st.subheader(t("history.themes"))
    themes = theme_checklist(knowledge(), ("history", "both"), history.themes, "history.themes")
    notes = st.text_area(
        t("history.notes"),
        value=history.notes,
        max_chars=4000,
        key=state.key("history.notes"),
        help=t("history.notes_help"),
    )
    state.update("history", themes=themes, notes=notes.strip())
    st.subheader(t("history.connections"))
    st.caption(t("history.connections_help"))
    _connections()
    back_next("history")
