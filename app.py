"""Look Within: the self-assessment wizard. Page set-up and dispatch only.

The interface language comes from the address (``?lang=fr``), else the saved answers, else
the browser (``advisor/ui/language.py``); a switcher in the sidebar changes it. Workshop
addresses (``?ws=...``, ``?join=...``) open the workshop pages instead.
"""

from __future__ import annotations

import logging

import streamlit as st

from advisor.i18n import t, use_language
from advisor.ui import autosave, language, nav, saveload, state, workshop
from advisor.ui.resources import knowledge
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

LANGUAGE = language.chosen()

with use_language(LANGUAGE):
    st.set_page_config(page_title=t("app.title"), page_icon="🧭", layout="wide")
    language.mark_page(LANGUAGE)
    if workshop.show():
        with st.sidebar:
            if picked := language.switcher(LANGUAGE):
                language.keep_in_address(picked)
                st.rerun()
        st.stop()
    with state.page_run(knowledge().known):
        if language.reopen_in_saved(state.answers().language, LANGUAGE):
            st.rerun()
        autosave.notice()
        nav.jump_early()
        try:
            PAGES[state.step()].render()
        except Exception:  # show a plain message, keep the answers, log the details
            logging.getLogger("look_within").exception("page '%s' failed", state.step())
            st.error(t("app.error"))
        # The sidebar comes after the page, so its download holds what the page just stored.
        with st.sidebar:
            picked = language.switcher(LANGUAGE)
            if picked:
                language.keep_in_address(picked)
                state.save(state.answers().model_copy(update={"language": picked}))
                st.rerun()
            st.markdown(f"### {t('app.title')}")
            nav.sidebar_steps()
            st.divider()
            saveload.download_answers()
            saveload.upload_answers()
            nav.start_over()
            st.caption(t("store.link_help"))
