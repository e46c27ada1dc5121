"""Step 1: what the tool does, how long it takes, and where the answers stay."""

from __future__ import annotations

import streamlit as st

from advisor.answers import load_example
from advisor.i18n import t
from advisor.ui import resources, state
from advisor.ui.nav import back_next
from advisor.ui.resources import knowledge
from advisor.ui.workshop.common import set_address
from advisor.wizard import resume_step
from advisor.workshop.flow import CREATE, JOIN, NEW


def render() -> None:
    st.title(t("welcome.title"))
    st.markdown(t("welcome.intro"))
    left, right = st.columns(2)
    left.info(t("welcome.time"), icon="⏱️")
    right.info(t("welcome.privacy"), icon="🔒")
    st.markdown(t("welcome.steps"))
    back_next("welcome", next_label=t("welcome.start"))
    with st.expander(t("welcome.example_title")):
        st.caption(t("welcome.example_help"))
        shown = resources.examples()
        name = st.selectbox(
            t("welcome.example_pick"),
            list(shown),
            key="welcome.example",
            format_func=shown.__getitem__,
        )
        if st.button(t("welcome.example_load"), key="welcome.example_load"):
            example = load_example(name, knowledge())
            state.load(example, resume_step(example))
            st.rerun()
    _workshops()


def _workshops() -> None:
    """Run a workshop (a facilitator) or join one (a participant with the code)."""
    with st.expander(t("ws.welcome.title")):
        st.caption(t("ws.welcome.help"))
        left, right = st.columns(2)
        if left.button(t("ws.welcome.run"), key="welcome.ws_run", width="stretch"):
            set_address({CREATE: NEW})
            st.rerun()
        if right.button(t("ws.welcome.join"), key="welcome.ws_join", width="stretch"):
            set_address({JOIN: ""})
            st.rerun()
