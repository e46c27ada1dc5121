"""Progress, step navigation and the Back / Next buttons."""

from __future__ import annotations

import streamlit as st

from advisor.i18n import t
from advisor.ui import scroll, state
from advisor.wizard import (
    STEP_BY_ID,
    STEPS,
    next_step,
    previous_step,
    problems,
    progress_share,
    reachable,
)


def jump_early() -> None:
    """Follow a click on a step in the sidebar before the page is drawn, when the page
    being left holds no answers (welcome, results, report): nothing there needs collecting,
    so drawing it only to leave it at once would double the cost of the click."""
    clicked = next((s.id for s in STEPS if st.session_state.get(f"nav.{s.id}") is True), None)
    leaving = state.step()
    if clicked and clicked != leaving and not STEP_BY_ID[leaving].answers:
        state.go(clicked)


def sidebar_steps() -> None:
    """The progress bar and one button per step; steps not yet reachable are disabled.
    A step page with answers is drawn first (its values collected), then left here."""
    current, done = state.step(), state.completed()
    scroll.follow_step(current)
    st.progress(progress_share(current), text=t("nav.progress", step=t(f"step.{current}.title")))
    for i, step in enumerate(STEPS, start=1):
        label = f"{i}. {t(f'step.{step.id}.title')}" + (" ✓" if step.id in done else "")
        if (
            st.button(
                label,
                key=f"nav.{step.id}",
                width="stretch",
                type="primary" if step.id == current else "secondary",
                disabled=not reachable(step.id, done),
            )
            and step.id != current
        ):
            state.go(step.id)
            st.rerun()


def back_next(step: str, next_label: str | None = None) -> None:
    """Back and Next. Next checks the step's answers first and shows what is missing."""
    left, _, right = st.columns([1, 3, 1])
    if step != STEPS[0].id and left.button(t("nav.back"), key=f"back.{step}", width="stretch"):
        state.go(previous_step(step))
        st.rerun()
    if right.button(
        next_label or t("nav.next"), key=f"next.{step}", type="primary", width="stretch"
    ):
        if problems(state.answers(), step):
            state.flag(f"errors.{step}", True)
            st.rerun()
        state.flag(f"errors.{step}", False)
        state.go(next_step(step), complete=step)
        st.rerun()


def errors_shown(step: str) -> bool:
    return state.flag(f"errors.{step}")


def start_over() -> None:
    """Clear everything, after a confirmation (the answers can be downloaded first)."""
    with st.popover(t("store.start_over"), width="stretch"):
        st.markdown(t("store.start_over_confirm"))
        st.button(
            t("store.start_over_yes"), key="start_over.yes", type="primary", on_click=_cleared
        )


def _cleared() -> None:
    state.start_over()
    st.toast(t("store.cleared"))
