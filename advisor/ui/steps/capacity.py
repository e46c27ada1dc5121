"""Step 6: capacity, goals and constraints: what the town can put in and wants out."""

from __future__ import annotations

import streamlit as st

from advisor.i18n import t
from advisor.model.assessment import BUDGET_SCALE, STAFF_TIME_SCALE, Goals
from advisor.ui import state
from advisor.ui.nav import back_next
from advisor.ui.resources import knowledge
from advisor.ui.widgets import (
    countries_multiselect,
    fixed_labels,
    lines_input,
    long_text,
    vocab_multiselect,
)
from advisor.wizard import text_limit


def capacity_fields() -> None:
    """What the town can put in (shared with a workshop's capacity part)."""
    cap = state.answers().capacity
    left, right = st.columns(2)
    with left:
        staff = st.select_slider(
            t("cap.staff_time"),
            STAFF_TIME_SCALE,
            value=cap.staff_time,
            format_func=fixed_labels(STAFF_TIME_SCALE, lambda v: t(f"scale.staff_time.{v}")),
            key=state.key("cap.staff_time"),
        )
        budget = st.select_slider(
            t("cap.budget"),
            BUDGET_SCALE,
            value=cap.budget_band,
            format_func=fixed_labels(BUDGET_SCALE, lambda v: t(f"scale.budget_band.{v}")),
            key=state.key("cap.budget"),
        )
        languages = vocab_multiselect(
            knowledge(), "languages", t("cap.languages"), cap.languages, "cap.languages"
        )
    with right:
        unit = st.checkbox(t("cap.unit"), value=cap.dedicated_unit, key=state.key("cap.unit"))
        coordinator = st.checkbox(
            t("cap.coordinator"),
            value=cap.international_coordinator,
            key=state.key("cap.coordinator"),
            help=t("cap.coordinator_help"),
        )
        strategy = st.checkbox(
            t("cap.strategy"), value=cap.written_strategy, key=state.key("cap.strategy")
        )
        associations = lines_input(
            t("cap.associations"),
            cap.citizen_associations,
            "cap.associations",
            help=t("cap.associations_help"),
        )
    state.update(
        "capacity",
        staff_time=staff,
        budget_band=budget,
        languages=languages,
        dedicated_unit=unit,
        international_coordinator=coordinator,
        written_strategy=strategy,
        citizen_associations=associations,
    )


def goals_fields() -> None:
    """What the town wants out and what holds it back (a workshop's goals part)."""
    answers = state.answers()
    aims = vocab_multiselect(
        knowledge(), "goals", t("goals.aims"), answers.goals.aims, "goals.aims"
    )
    partners = countries_multiselect(
        t("goals.countries"), answers.goals.partner_countries, "goals.countries"
    )
    constraints = vocab_multiselect(
        knowledge(),
        "constraints",
        t("goals.constraints"),
        answers.constraints.items,
        "goals.constraints",
    )
    notes = long_text(
        t("goals.notes"), answers.goals.notes, "goals.notes", text_limit(Goals, "notes")
    )
    state.update("goals", aims=aims, partner_countries=partners, notes=notes.strip())
    state.update("constraints", items=constraints)


def render() -> None:
    st.header(t("step.capacity.title"))
    st.markdown(t("step.capacity.intro"))
    st.subheader(t("cap.title"))
    capacity_fields()
    st.subheader(t("goals.title"))
    goals_fields()
    back_next("capacity", next_label=t("cap.see_results"))
