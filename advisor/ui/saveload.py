"""Save the answers at any step, and resume from a saved file."""

from __future__ import annotations

import streamlit as st

from advisor.answers import ANSWERS_LIMIT, dump_answers, parse_answers
from advisor.errors import InputError
from advisor.i18n import t
from advisor.report import slug
from advisor.ui import state
from advisor.ui.problems import inert, problems_markdown
from advisor.ui.resources import knowledge
from advisor.wizard import resume_step


def file_name() -> str:
    """The answers file's download name, its town written as in the report's name."""
    return f"{slug(state.answers().municipality.name)}-look-within-answers.yaml"


def download_answers(key: str = "save.download") -> None:
    """The answers file, built when clicked from the answers as the page run that the
    click may have triggered leaves them (not as they were when the button was drawn)."""
    live = state.live()
    st.download_button(
        t("save.download"),
        data=lambda: dump_answers(live.settled()).encode("utf-8"),
        file_name=file_name(),
        mime="application/x-yaml",
        width="stretch",
        key=key,
        on_click="ignore",
    )


_HIDE_SERVER_LIMIT = """<style>
[class*="st-key-save-upload"] [data-testid="stFileUploaderDropzoneInstructions"] {
  display: none;
}
</style>"""
"""Streamlit's own line under the box states the server's limit in whole megabytes (1 MB);
the label states the real one (256 KB), so that line is hidden. Fixed CSS, no user text."""


def upload_answers() -> None:
    """Resume from a file; a bad or foreign file is explained and changes nothing."""
    st.html(_HIDE_SERVER_LIMIT)
    uploaded = st.file_uploader(
        t("save.upload"),
        type=["yaml", "yml"],
        help=t("save.upload_help"),
        key=state.key("save.upload"),
    )
    if uploaded is None:
        return
    if uploaded.size > ANSWERS_LIMIT:
        st.error(t("save.too_large", limit=f"{ANSWERS_LIMIT // 1024}"))
        return
    try:
        text = uploaded.getvalue().decode("utf-8")
        assessment = parse_answers(text, uploaded.name, knowledge())
    except UnicodeDecodeError:
        st.error(t("save.not_text", name=inert(uploaded.name)))
        return
    except InputError as exc:
        st.error(problems_markdown(t("save.bad_file", name=inert(uploaded.name)), exc.problems))
        return
    state.load(assessment, resume_step(assessment))
    st.toast(t("save.loaded", town=inert(assessment.municipality.name or uploaded.name)))
    st.rerun()
