"""A participant's pages: one per open part, with the wizard's own fields.

The answers live in the session as the wizard's do (:mod:`advisor.ui.state`), so the
step modules draw them unchanged; every change goes to the participant's row in the
workshop instead of a draft (:func:`advisor.ui.autosave.divert`). The same link brings
the answers back on any device; once the workshop is closed they are shown, not edited.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import sqlalchemy as sa
import streamlit as st

from advisor.answers import dump_answers
from advisor.errors import AdvisorError
from advisor.i18n import t
from advisor.model.assessment import Assessment
from advisor.ui import autosave, state
from advisor.ui.steps import capacity, history, specializations, ties
from advisor.ui.text import md, town_md
from advisor.ui.workshop.common import log, problem, workshop_store
from advisor.ui.workshop.room import room_view
from advisor.workshop.codes import normalise_code
from advisor.workshop.flow import open_parts, part_at, step_to, with_done
from advisor.workshop.model import Participant, PartId, Workshop
from advisor.workshop.store import WorkshopError, WorkshopStore

_ME, _INDEX, _DONE, _SAVED = "ws.me", "ws.part", "ws.done", "ws.saved"
_ANSWERED = "ws.answered"
"""Session key: a digest of the answers as last stored (a part counts as worked on once
something in it changed, or once the participant moved on from it)."""
_CLOSED, _FINISHED = "ws.closed", "ws.finished"

FIELDS: dict[PartId, Callable[[], None]] = {
    "history": history.fields,
    "specializations": specializations.fields,
    "ties": lambda: ties.fields(checked=True),
    "capacity": capacity.capacity_fields,
    "goals": capacity.goals_fields,
}
TITLES: dict[PartId, str] = {
    "history": "step.history.intro",
    "specializations": "step.specializations.intro",
    "ties": "step.ties.intro",
    "capacity": "step.capacity.intro",
    "goals": "ws.parts.goals_intro",
}


def _digest(answers: Assessment, done: list[PartId]) -> str:
    text = answers.model_dump_json() + "|" + ",".join(done)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


class Saver:
    """Writes a participant's answers to their row, with the parts they have worked on;
    kept in the session and called by :func:`advisor.ui.autosave.persist`."""

    def __init__(self, store: WorkshopStore, workshop: Workshop, pid: str) -> None:
        self.store, self.code, self.pid = store, workshop.code, pid
        self.parts = open_parts(workshop)
        self.current: PartId = self.parts[0]

    def __call__(self, answers: Assessment) -> None:
        if _digest(answers, []) == st.session_state.get(_ANSWERED):
            return  # drawing a part is not answering it
        self.write(answers, with_done(st.session_state.get(_DONE, []), self.current, self.parts))

    def write(self, answers: Assessment, done: list[PartId]) -> None:
        """Store the answers and the done parts unless they are what was stored last."""
        digest = _digest(answers, done)
        if st.session_state.get(_SAVED) == digest or st.session_state.get(_CLOSED):
            return
        try:
            self.store.save(self.code, self.pid, answers, done)
        except WorkshopError:
            st.session_state[_CLOSED] = True
            return
        except sa.exc.SQLAlchemyError:
            log.exception("saving a participant's answers failed")
            st.toast(t("store.unavailable"), icon="💾")
            return
        st.session_state[_DONE] = done
        st.session_state[_SAVED] = digest
        st.session_state[_ANSWERED] = _digest(answers, [])


def _take_over(person: Participant) -> None:
    """Put a participant's stored answers into the session (first run on this link)."""
    for key in [k for k in st.session_state if str(k).startswith(("rows.", "flag."))]:
        del st.session_state[key]
    st.session_state["answers"] = person.answers
    state.live().set(person.answers)
    state.refresh()
    st.session_state[_ME] = person.id
    st.session_state[_DONE] = list(person.parts_done)
    st.session_state[_SAVED] = _digest(person.answers, list(person.parts_done))
    st.session_state[_ANSWERED] = _digest(person.answers, [])
    st.session_state[_INDEX] = 0
    st.session_state.pop(_CLOSED, None)
    st.session_state.pop(_FINISHED, None)


def _read_only() -> None:
    """A closed workshop: say so, and show the participant what they answered."""
    st.warning(t("ws.closed"), icon="🔒")
    st.caption(t("ws.part.your_answers"))
    st.code(dump_answers(state.answers()), language="yaml")


def _move(saver: Saver, move: int) -> None:
    """Back or Next: the part just left counts as done, then the page changes."""
    done = with_done(st.session_state.get(_DONE, []), saver.current, saver.parts)
    saver.write(state.answers(), done)
    index = st.session_state.get(_INDEX, 0)
    if move > 0 and index >= len(saver.parts) - 1:
        st.session_state[_FINISHED] = True
    st.session_state[_INDEX] = step_to(saver.parts, index, move)
    st.rerun()


def _buttons(saver: Saver, index: int) -> None:
    last = index >= len(saver.parts) - 1
    left, _, right = st.columns([1, 2, 1])
    if index > 0 and left.button(t("nav.back"), key="ws.part.back", width="stretch"):
        _move(saver, -1)
    label = t("ws.part.finish") if last else t("nav.next")
    if right.button(label, key="ws.part.next", type="primary", width="stretch"):
        _move(saver, +1)


def _part_page(saver: Saver, workshop: Workshop) -> None:
    """The current part: its title and intro, the wizard's fields, Back and Next."""
    index = min(st.session_state.get(_INDEX, 0), len(saver.parts) - 1)
    part = part_at(saver.parts, index)
    saver.current = part
    st.progress(
        index / max(len(saver.parts) - 1, 1),
        text=t("ws.part.progress", number=index + 1, total=len(saver.parts)),
    )
    st.header(t(f"ws.parts.{part}"))
    st.markdown(t(TITLES[part]))
    FIELDS[part]()
    if st.session_state.get(_CLOSED):
        st.error(t("ws.part.refused"), icon="🔒")
        return
    if st.session_state.get(_FINISHED):
        st.success(t("ws.part.thanks"), icon="✅")
    _buttons(saver, index)


def _extras(store: WorkshopStore, workshop: Workshop) -> None:
    """The participant's own answers file and, if allowed, what the room said."""
    st.download_button(
        t("ws.part.download"),
        data=dump_answers(state.answers()).encode("utf-8"),
        file_name="workshop-answers.yaml",
        mime="application/x-yaml",
        key="ws.part.download",
        on_click="ignore",
    )
    if workshop.settings.show_room:
        with st.expander(t("ws.part.room")):
            room_view(workshop, store.room(workshop.code), names=False, key="ws.part.room")


def _load(store: WorkshopStore, code: str, pid: str) -> tuple[Workshop, Participant] | None:
    """The workshop (as it is now: open or closed) and the participant the link names, or
    None after saying why not. The participant's own link needs no code check."""
    try:
        found = store.rejoin(normalise_code(code) or code, pid)
    except sa.exc.SQLAlchemyError:
        log.exception("loading a participant failed")
        st.error(t("ws.store_down"), icon="💾")
        return None
    if found is None:
        st.error(t("ws.part.unknown"), icon="🔑")
    return found


def render(code: str, pid: str) -> None:
    store = workshop_store()
    if store is None:
        return
    loaded = _load(store, code, pid)
    if loaded is None:
        return
    workshop, person = loaded
    if st.session_state.get(_ME) != person.id:
        _take_over(person)
    saver = Saver(store, workshop, person.id)
    autosave.divert(saver)
    st.caption(t("ws.part.town", town=town_md(workshop.settings.town)))
    if person.name:
        st.caption(t("ws.part.you", name=md(person.name)))
    if workshop.status != "open" or st.session_state.get(_CLOSED):
        _read_only()
        return
    try:
        _part_page(saver, workshop)
    except AdvisorError as exc:
        st.error(problem(exc))
    _extras(store, workshop)
