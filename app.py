"""Look Within, the Streamlit app. Until the wizard lands, it shows an example's advice."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from advisor.answers import load_answers
from advisor.assess import assess
from advisor.knowledge.load import Knowledge, load_knowledge
from advisor.report.summary import summary_markdown

EXAMPLES = Path(__file__).parent / "examples"


@st.cache_resource
def knowledge() -> Knowledge:
    return load_knowledge()


st.set_page_config(page_title="Look Within", page_icon="🧭")
choice = st.selectbox("Example town", sorted(p.stem for p in EXAMPLES.glob("*.yaml")))
result = assess(load_answers(EXAMPLES / f"{choice}.yaml", knowledge()), knowledge())
st.markdown(summary_markdown(result))
