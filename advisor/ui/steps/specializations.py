"""Step 4: what the town is good at: themes, institutions, distinctive assets."""

from __future__ import annotations

from typing import Any

import streamlit as st

from advisor.i18n import t
from advisor.model.assessment import Institution
from advisor.ui import state
from advisor.ui.nav import back_next
from advisor.ui.resources import knowledge
from advisor.ui.steps.history import missing_message
from advisor.ui.widgets import Column, edit_rows, theme_checklist, vocab_multiselect
from advisor.wizard import rows_to_models


def _institutions() -> None:
    k = knowledge()
    kinds = k.terms("institution_kinds")
    columns = [
        Column("name", t("special.institution"), width=2),
        Column(
            "kind",
            t("special.kind"),
            kind="choice",
            options=tuple(kinds),
            format=lambda i: kinds[i].label,
        ),
        Column("description", t("special.description"), width=2),
    ]
    current = [i.model_dump() for i in state.answers().specializations.institutions]
    blank: dict[str, Any] = {"name": "", "kind": next(iter(kinds)), "description": ""}
    context = {"known": k.known}
    rows = edit_rows(
        "institutions",
        current,
        columns,
        t("special.add"),
        blank,
        check=lambda row: missing_message(
            rows_to_models(Institution, [row], blank=blank, context=context).missing[0]
        ),
    )
    state.update(
        "specializations",
        institutions=rows_to_models(Institution, rows, blank=blank, context=context).kept,
    )


def render() -> None:
    st.header(t("step.specializations.title"))
    st.markdown(t("step.specializations.intro"))
    special = state.answers().specializations
    st.subheader(t("special.themes"))
    themes = theme_checklist(
        knowledge(), ("specialization", "both"), special.themes, "special.themes"
    )
    st.subheader(t("special.institutions"))
    st.caption(t("special.institutions_help"))
    _institutions()
    st.subheader(t("special.assets"))
    assets = vocab_multiselect(
        knowledge(),
        "assets",
        t("special.assets_label"),
        state.answers().assets,
        "special.assets",
        help=t("special.assets_help"),
    )
    notes = st.text_area(
        t("special.notes"), value=special.notes, max_chars=4000, key=state.key("special.notes")
    )
    state.update("specializations", themes=themes, notes=notes.strip())
    state.save(state.answers().model_copy(update={"assets": assets}))
    back_next("specializations")
