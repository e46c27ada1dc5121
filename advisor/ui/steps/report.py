"""Step 8: take the work home: answers file and the report for the council."""

from __future__ import annotations

import streamlit as st

from advisor.i18n import t
from advisor.report.summary import summary_markdown
from advisor.ui import state
from advisor.ui.nav import back_next
from advisor.ui.saveload import download_answers, file_name
from advisor.ui.steps.results import current_result


def render() -> None:
    st.header(t("step.report.title"))
    st.markdown(t("step.report.intro"))
    answers = state.answers()
    if answers.missing():
        st.warning(t("results.incomplete"))
        back_next("report")
        return
    result = current_result()
    st.subheader(t("download.answers_title"))
    download_answers(key="report.answers")
    st.subheader(t("download.report_title"))
    base = file_name().removesuffix("-answers.yaml")
    st.download_button(
        t("download.format.md"),
        summary_markdown(result).encode("utf-8"),
        file_name=f"{base}-summary.md",
        mime="text/markdown",
        key="report.md",
    )
    with st.expander(t("download.preview")):
        st.markdown(summary_markdown(result))
    back_next("report", next_label=t("download.done"))
