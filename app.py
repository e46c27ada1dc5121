"""Look Within: the self-assessment wizard. Page set-up and dispatch only."""

from __future__ import annotations

import streamlit as st

from advisor.i18n import t
from advisor.ui import nav, saveload, state
from advisor.ui.steps import (
    capacity,
    history,
    report,
    results,
    specializations,
    ties,
    town,
    welcome,
)

PAGES = {
    "welcome": welcome,
    "town": town,
    "history": history,
    "specializations": specializations,
    "ties": ties,
    "capacity": capacity,
    "results": results,
    "report": report,
}

st.set_page_config(page_title=t("app.title"), page_icon="🧭", layout="wide")
with st.sidebar:
    st.markdown(f"### {t('app.title')}")
    nav.sidebar_steps()
    st.divider()
    saveload.download_answers()
    saveload.upload_answers()
PAGES[state.step()].render()
