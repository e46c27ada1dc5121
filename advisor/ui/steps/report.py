"""Step 8: take the work home: the answers file and the report for the council."""

from __future__ import annotations

import streamlit as st

from advisor.i18n import t
from advisor.report import FORMATS
from advisor.ui import state
from advisor.ui.downloads import deferred, report_buttons
from advisor.ui.nav import back_next
from advisor.ui.resources import current_result
from advisor.ui.saveload import download_answers
from advisor.wizard import previous_step


def render_page() -> None:
    answers = state.answers()
    result = current_result()
    st.subheader(t("download.answers_title"))
    st.caption(t("download.answers_help"))
    download_answers(key="report.answers")
    st.subheader(t("download.report_title"))
    st.caption(t("download.report_help"))
    report_buttons(st.columns(len(FORMATS)), answers, result, key="report")
    with st.expander(t("download.preview")):
        st.markdown(deferred("md", answers, result)().decode("utf-8"))


DONE_FLAG = "report.done"


def _finish() -> None:
    """Back, and Done; Done marks the wizard finished and says, right under the button,
    what to do with the files (the last step has no next page to open)."""
    left, _, right = st.columns([1, 3, 1])
    if left.button(t("nav.back"), key="back.report", width="stretch"):
        state.go(previous_step("report"))
        st.rerun()
    if right.button(t("download.done"), key="next.report", type="primary", width="stretch"):
        state.go("report", complete="report")
        state.flag(DONE_FLAG, True)
        st.toast(t("report_page.done_toast"), icon="✅")
    if state.flag(DONE_FLAG):
        st.success(t("report_page.done"), icon="✅")


def render() -> None:
    st.header(t("step.report.title"))
    st.markdown(t("step.report.intro"))
    if state.answers().missing():
        st.warning(t("results.incomplete"))
        back_next("report")
        return
    render_page()
    _finish()
