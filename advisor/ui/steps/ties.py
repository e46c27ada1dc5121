"""Step 5: existing ties: sister towns (active or dormant), networks, other partnerships."""

from __future__ import annotations

from typing import Any

import streamlit as st

from advisor.i18n import t, tr
from advisor.model.assessment import SisterTie
from advisor.ui import state
from advisor.ui.nav import back_next, errors_shown
from advisor.ui.place_picker import confirm_places
from advisor.ui.resources import knowledge
from advisor.ui.widgets import Column, edit_answers, fixed_labels, lines_input, show_problems
from advisor.wizard import problems


def _sister_towns() -> None:
    columns = [
        Column("place", t("ties.place"), width=1.5),
        Column("country", t("ties.country"), kind="country"),
        Column("since", t("ties.since"), kind="year", width=0.7),
        Column(
            "status",
            t("ties.status"),
            kind="choice",
            options=("active", "dormant"),
            format=lambda s: t(f"ties.status.{s}"),
            width=0.8,
        ),
        Column("notes", t("ties.notes"), width=1.5),
    ]
    blank: dict[str, Any] = {
        "place": "",
        "country": None,
        "since": None,
        "status": "active",
        "notes": "",
    }
    kept = edit_answers(
        "sister_towns", SisterTie, state.answers().ties.sister_towns, columns, t("ties.add"), blank
    )
    state.update("ties", sister_towns=confirm_places("sister_towns", kept))


def _networks() -> None:
    networks = knowledge().networks
    chosen = st.multiselect(
        t("ties.networks"),
        sorted(networks, key=lambda n: networks[n].name),
        default=[n for n in state.answers().ties.networks if n in networks],
        format_func=fixed_labels(networks, lambda n: tr(networks[n].name)),
        key=state.key("ties.networks"),
        help=t("ties.networks_help"),
    )
    others = lines_input(
        t("ties.partnerships"),
        state.answers().ties.partnerships,
        "ties.partnerships",
        help=t("ties.partnerships_help"),
    )
    state.update("ties", networks=chosen, partnerships=others)


def fields(*, checked: bool = False) -> None:
    """The step's inputs, without title or buttons (shared with a workshop participant's
    page); ``checked`` shows the problems under the sister towns."""
    st.subheader(t("ties.sister_towns"))
    _sister_towns()
    if checked:
        show_problems(problems(state.answers(), "ties"), "ties.")
    st.subheader(t("ties.networks_title"))
    _networks()


def render() -> None:
    st.header(t("step.ties.title"))
    st.markdown(t("step.ties.intro"))
    fields(checked=errors_shown("ties"))
    back_next("ties")
