"""Heavy data, loaded once per server process and shared by every session."""

from __future__ import annotations

import streamlit as st

from advisor.knowledge.load import Knowledge, load_knowledge
from advisor.opendata.bundle import OpenData, open_data


@st.cache_resource(show_spinner=False)
def knowledge() -> Knowledge:
    return load_knowledge()


@st.cache_resource(show_spinner=False)
def places() -> OpenData:
    return open_data()
