"""Workshop mode's pages: create, the facilitator's dashboard, joining and answering.

:func:`show` draws the workshop page the address asks for (``?ws=new``, ``?ws=CODE&key=KEY``,
``?join=CODE``, ``?join=CODE&p=ID``) and says whether it did; without those parameters the
wizard runs as before.
"""

from __future__ import annotations

import logging

import streamlit as st

from advisor.i18n import t
from advisor.ui import autosave
from advisor.workshop.flow import Route, route


def current() -> Route:
    """The page the address asks for."""
    return route(st.query_params.to_dict())


def show() -> bool:
    """Draw the workshop page the address names; False when it names none (the wizard).

    A page that fails shows a plain message (the details go to the log), as the wizard's do.
    """
    asked = current()
    if asked.page == "wizard":
        autosave.divert(None)  # a participant who left for the wizard saves drafts again
        if st.session_state.pop("ws.deleted", False):
            st.toast(t("ws.dash.deleted"), icon="🗑️")
        return False
    from advisor.ui.workshop import create, dashboard, join, participate

    try:
        if asked.page == "create":
            create.render()
        elif asked.page == "dashboard":
            dashboard.render(asked.code, asked.key)
        elif asked.page == "join":
            join.render(asked.code)
        else:
            participate.render(asked.code, asked.participant)
    except Exception:  # keep the visitor's answers, log the details
        logging.getLogger("look_within").exception("workshop page '%s' failed", asked.page)
        st.error(t("app.error"))
    return True
