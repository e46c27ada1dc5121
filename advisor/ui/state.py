"""The wizard's session state: one Assessment, the current step, and widget generations.

Widgets never hold the answers: each page reads its defaults from the Assessment and
writes the values back on every run, so answers survive page changes and reruns (a widget
that is not drawn loses its own state in Streamlit). After the answers change by other
means (an upload, a gazetteer pick, a restored draft), :func:`refresh` gives every widget
a new key so it starts again from the Assessment. Every change is also saved to the
store at once (:mod:`advisor.ui.autosave`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st

from advisor.model.assessment import Assessment
from advisor.model.base import KnownIds
from advisor.ui import autosave
from advisor.ui.live import LiveAnswers
from advisor.wizard import STEP_IDS, completed_for, resume_step

_ANSWERS, _STEP, _GENERATION, _COMPLETED = "answers", "step", "generation", "completed"
_LIVE = "answers.live"


def answers() -> Assessment:
    if _ANSWERS not in st.session_state:
        st.session_state[_ANSWERS] = Assessment()
    return st.session_state[_ANSWERS]


def live() -> LiveAnswers:
    """The session's answers as seen from other threads (the sidebar download)."""
    if _LIVE not in st.session_state:
        st.session_state[_LIVE] = LiveAnswers(answers())
    return st.session_state[_LIVE]


def save(assessment: Assessment) -> None:
    """Keep ``assessment`` as the answers, and write it to the store when it changed."""
    st.session_state[_ANSWERS] = assessment
    live().set(assessment)
    autosave.persist(assessment)


def update(section: str, **values: Any) -> None:
    """Store new values for fields of one section of the answers (``municipality`` ...)."""
    current = answers()
    part = getattr(current, section).model_copy(update=values)
    save(current.model_copy(update={section: part}))


@contextmanager
def page_run(known: KnownIds) -> Iterator[None]:
    """Around one run of the page: restore saved answers on a session's first run, and
    tell waiting downloads when the run is over (however it ends)."""
    found = autosave.restore(known)
    if found is not None:
        load(found, resume_step(found))
    live().run_started()
    try:
        yield
    finally:
        live().run_ended()


def step() -> str:
    value = st.session_state.get(_STEP, STEP_IDS[0])
    return value if value in STEP_IDS else STEP_IDS[0]


def completed() -> list[str]:
    return list(st.session_state.get(_COMPLETED, []))


def go(target: str, *, complete: str | None = None) -> None:
    """Open ``target``; mark ``complete`` as done; remember both in the answers file."""
    done = completed()
    if complete and complete not in done:
        done.append(complete)
    st.session_state[_COMPLETED] = done
    st.session_state[_STEP] = target
    current = answers()
    progress = current.progress.model_copy(
        update={
            "last_step": target,
            "completed_steps": done,
            "saved_at": dt.datetime.now(dt.UTC).replace(microsecond=0),
        }
    )
    save(current.model_copy(update={"progress": progress}))


def load(assessment: Assessment, target: str) -> None:
    """Replace every answer (an upload, an example) and reopen the wizard at ``target``."""
    st.session_state[_COMPLETED] = completed_for(assessment)
    st.session_state[_STEP] = target
    for key in [k for k in st.session_state if str(k).startswith(("rows.", "flag."))]:
        del st.session_state[key]
    refresh()
    save(assessment)


def start_over() -> None:
    """Clear every answer and the saved draft; the session continues under a new link."""
    autosave.forget()
    load(Assessment(), STEP_IDS[0])


def generation() -> int:
    return int(st.session_state.get(_GENERATION, 0))


def refresh() -> None:
    """Give every widget a fresh key, so all start again from the answers."""
    st.session_state[_GENERATION] = generation() + 1


def key(name: str) -> str:
    """A widget key that changes when the answers are replaced."""
    return f"{name}@{generation()}"


def flag(name: str, value: bool | None = None) -> bool:
    """A per-session switch (for example: show this step's errors after 'Next')."""
    if value is not None:
        st.session_state[f"flag.{name}"] = value
    return bool(st.session_state.get(f"flag.{name}", False))
