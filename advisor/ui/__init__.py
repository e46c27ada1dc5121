"""The Streamlit wizard: pages that draw and collect. Decisions live in advisor.wizard and
advisor.assess; nothing here is imported by the rest of the package."""
