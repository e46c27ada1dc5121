"""Step 4: what the town is good at: themes, institutions, distinctive assets."""

from __future__ import annotations

from typing import Any

import streamlit as st

from advisor.i18n import t, tr
from advisor.model.assessment import Institution, Specializations
from advisor.ui import state
from advisor.ui.nav import back_next
from advisor.ui.resources import knowledge
from advisor.ui.widgets import Column, edit_answers, long_text, theme_checklist, vocab_multiselect
from advisor.wizard import text_limit


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
            format=lambda i: tr(kinds[i].label),
        ),
        Column("description", t("special.description"), width=2),
    ]
    blank: dict[str, Any] = {"name": "", "kind": next(iter(kinds)), "description": ""}
    kept = edit_answers(
        "institutions",
        Institution,
        state.answers().specializations.institutions,
        columns,
        t("special.add"),
        blank,
        {"known": k.known},
    )
    state.update("specializations", institutions=kept)


def fields() -> None:
    """The step's inputs, without title or buttons: the wizard page and a workshop
    participant's page draw the same fields."""
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
    notes = long_text(
        t("special.notes"),
        special.notes,
        "special.notes",
        text_limit(Specializations, "notes"),
    )
    state.update("specializations", themes=themes, notes=notes.strip())
    state.save(state.answers().model_copy(update={"assets": assets}))


def render() -> None:
    st.header(t("step.specializations.title"))
    st.markdown(t("step.specializations.intro"))
    fields()
    back_next("specializations")
