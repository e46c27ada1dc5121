"""Every change saved at once under the token in the page address.

On the first run of a browser session the answers saved under ``?draft=`` are restored;
without one (or when it expired) a new token is put in the address. After that, each
change of the answers is written to the store, so a reload, Back and Forward, a closed
tab or a second device with the same link find the answers where they were. When the
store cannot be reached the wizard keeps working and says so once.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

import sqlalchemy as sa
import streamlit as st

from advisor.errors import AdvisorError, InputError
from advisor.i18n import t
from advisor.model.assessment import Assessment
from advisor.model.base import KnownIds
from advisor.store import DraftStore, new_token, open_database, settings, valid_token

PARAM = "draft"
_TOKEN, _SAVED, _NOTICE, _DOWN = "draft.token", "draft.saved", "draft.notice", "draft.down"
_DIVERT = "draft.divert"
log = logging.getLogger("look_within.store")


@st.cache_resource(show_spinner=False)
def _store() -> DraftStore | None:
    """The process's draft store; None (logged) when it cannot be opened."""
    try:
        config = settings()
        return DraftStore(open_database(config.url), config.draft_days)
    except AdvisorError:
        log.exception("the answers store cannot be opened")
        return None


def _digest(answers: Assessment) -> str:
    return hashlib.blake2b(answers.model_dump_json().encode(), digest_size=16).hexdigest()


def token() -> str | None:
    return st.session_state.get(_TOKEN)


def restore(known: KnownIds) -> Assessment | None:
    """Once per browser session: the answers saved under the address's token, if any.

    Afterwards the session has a token (the same, or a new one when nothing was found) and
    the address shows it.
    """
    if _TOKEN in st.session_state:
        _show_in_address()
        return None
    asked = st.query_params.get(PARAM)
    found = _load(asked, known) if valid_token(asked) else None
    st.session_state[_TOKEN] = asked if found is not None else new_token()
    _show_in_address()
    if found is not None:
        st.session_state[_SAVED] = _digest(found)
        st.session_state[_NOTICE] = ("info", t("store.restored"))
    return found


def _load(asked: str, known: KnownIds) -> Assessment | None:
    store = _store()
    if store is None:
        _unavailable()
        return None
    try:
        draft = store.load(asked, known)
    except InputError as exc:
        st.session_state[_NOTICE] = ("warning", t("store.unreadable", problem=exc.problems[0]))
        return None
    except sa.exc.SQLAlchemyError:
        log.exception("restoring a draft failed")
        _unavailable()
        return None
    if draft is None:
        st.session_state[_NOTICE] = ("warning", t("store.not_found", days=store.keep_days))
        return None
    return draft.answers


def _show_in_address() -> None:
    if st.query_params.get(PARAM) != st.session_state[_TOKEN]:
        st.query_params[PARAM] = st.session_state[_TOKEN]


def divert(save: Callable[[Assessment], None] | None) -> None:
    """Send every change to ``save`` instead of a draft (a workshop participant's answers
    belong to their row in the workshop); None sends them to drafts again."""
    if save is None:
        st.session_state.pop(_DIVERT, None)
    else:
        st.session_state[_DIVERT] = save


def persist(answers: Assessment) -> None:
    """Write the answers when they differ from what was last written. A session that has
    entered nothing yet writes nothing (visitors leave no rows behind)."""
    diverted = st.session_state.get(_DIVERT)
    if diverted is not None:
        diverted(answers)
        return
    current = token()
    if current is None:
        return
    digest = _digest(answers)
    if st.session_state.get(_SAVED) == digest:
        return
    if _SAVED not in st.session_state and answers == Assessment():
        return
    store = _store()
    if store is None:
        _unavailable()
        return
    try:
        store.save(current, answers)
    except sa.exc.SQLAlchemyError:
        log.exception("saving a draft failed")
        _unavailable()
        return
    st.session_state[_SAVED] = digest
    st.session_state.pop(_DOWN, None)


def _unavailable() -> None:
    if not st.session_state.get(_DOWN):
        st.session_state[_DOWN] = True
        st.session_state[_NOTICE] = ("warning", t("store.unavailable"))


def forget() -> None:
    """Delete the session's draft and give it a new token (Start over)."""
    store, current = _store(), token()
    if store is not None and current is not None:
        try:
            store.delete(current)
        except sa.exc.SQLAlchemyError:
            log.exception("deleting a draft failed")
    st.session_state[_TOKEN] = new_token()
    st.session_state.pop(_SAVED, None)
    _show_in_address()


def notice() -> None:
    """Show, once, what happened to the saved answers (restored, expired, store down)."""
    shown = st.session_state.pop(_NOTICE, None)
    if shown is None:
        return
    kind, text = shown
    (st.info if kind == "info" else st.warning)(text, icon="💾")
