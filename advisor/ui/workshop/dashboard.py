"""The facilitator's dashboard, for the projector: invite, watch the room, settle the
agreed answers, then the advice and the report.

The room panel is a fragment that reloads the participants every few seconds; the pooled
answers are recomputed only when someone saved (:func:`advisor.ui.workshop.room.pooled`).
Each agreed item is a switch pre-set by the rule; switching it stores an override.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from advisor.answers import dump_answers
from advisor.errors import AdvisorError
from advisor.i18n import t
from advisor.i18n.formats import plural
from advisor.model.assessment import Assessment
from advisor.model.result import Result
from advisor.report import FORMATS
from advisor.ui import resources
from advisor.ui.downloads import report_buttons
from advisor.ui.steps import results
from advisor.ui.text import md, town_md
from advisor.ui.workshop.common import base_url, invite, problem, set_address, workshop_store
from advisor.ui.workshop.create import CREATED
from advisor.ui.workshop.room import label, pooled, room_view
from advisor.workshop.aggregate import RoomAggregate
from advisor.workshop.agree import agreed_answers, is_kept, rule_keeps
from advisor.workshop.flow import facilitator_link
from advisor.workshop.model import Overrides, Workshop
from advisor.workshop.record import HowMade, how_made
from advisor.workshop.store import WorkshopStore

REFRESH_SECONDS = 3
_ADVICE = "ws.dash.advice"
DELETED = "ws.deleted"


def _secret_link(code: str, key: str) -> None:
    """Right after creating: the facilitator's own link, with the warning to keep it."""
    if st.session_state.get(CREATED) != code:
        return
    st.warning(t("ws.dash.keep_link"), icon="🔑")
    st.code(facilitator_link(base_url(), code, key), language=None)
    if st.button(t("ws.dash.kept"), key="ws.dash.kept"):
        st.session_state.pop(CREATED, None)
        st.rerun()


def _switch(store: WorkshopStore, code: str, key: str, item_key: str, widget: str) -> None:
    """Store the facilitator's choice for one item; a choice equal to the rule's is no
    override (so a later change of the room or threshold still counts)."""
    workshop = store.facilitate(code, key)
    _, room = pooled(workshop, store.participants(code, key))
    item = room.item(item_key)
    if item is None:
        return
    wanted = bool(st.session_state[widget])
    switches = {
        k: v for k, v in workshop.overrides.items.items() if k not in {item.key, *item.aliases}
    }
    if wanted != rule_keeps(item, room, workshop):
        switches[item.key] = wanted
    store.set_overrides(code, key, Overrides(items=switches))


def _agreed(store: WorkshopStore, workshop: Workshop, room: RoomAggregate, key: str) -> None:
    """Every item the room named, part by part, with its switch."""
    st.subheader(t("ws.dash.agreed"))
    st.caption(t("ws.dash.agreed_help", threshold=f"{workshop.settings.threshold:.0%}"))
    for part in workshop.settings.parts:
        items = [i for i in room.items if i.part == part]
        if not items:
            continue
        with st.expander(plural("ws.dash.part_items", len(items), part=t(f"ws.parts.{part}"))):
            for item in items:
                kept = is_kept(item, room, workshop)
                widget = f"ws.agree.{item.key}.{int(kept)}"
                by_hand = kept != rule_keeps(item, room, workshop)
                st.checkbox(
                    t(
                        "ws.dash.item",
                        item=md(label(item)),
                        count=item.count,
                        answered=room.answered.get(part, 0),
                    )
                    + (f" · {t('ws.dash.by_hand')}" if by_hand else ""),
                    value=kept,
                    key=widget,
                    on_change=_switch,
                    args=(store, workshop.code, key, item.key, widget),
                )


@st.fragment(run_every=REFRESH_SECONDS)
def _live(code: str, key: str) -> None:
    """The room, reloaded every few seconds from the store (any server's participants)."""
    store = workshop_store()
    if store is None:
        return
    try:
        workshop = store.facilitate(code, key)
        people = store.participants(code, key)
    except AdvisorError as exc:
        st.error(problem(exc))
        return
    room_view(workshop, people, names=True, key="ws.dash")
    _, room = pooled(workshop, people)
    _agreed(store, workshop, room, key)
    st.caption(t("ws.dash.updated", time=dt.datetime.now().strftime("%H:%M:%S")))


def _status(store: WorkshopStore, workshop: Workshop, key: str) -> None:
    """Close or reopen the workshop, change the rule, or delete it all (confirmed)."""
    closed = workshop.status != "open"
    left, middle, right = st.columns(3)
    if closed:
        if left.button(t("ws.dash.reopen"), key="ws.dash.reopen", width="stretch"):
            store.close(workshop.code, key, reopen=True)
            st.rerun()
    elif left.button(t("ws.dash.close"), key="ws.dash.close", width="stretch"):
        store.close(workshop.code, key)
        st.rerun()
    with middle.popover(t("ws.dash.settings"), width="stretch"):
        _settings(store, workshop, key)
    with right.popover(t("ws.dash.delete"), width="stretch"):
        st.markdown(t("ws.dash.delete_confirm"))
        if st.button(t("ws.dash.delete_yes"), key="ws.dash.delete_yes", type="primary"):
            store.delete(workshop.code, key)
            set_address({})
            st.session_state[DELETED] = True
            st.rerun()


def _settings(store: WorkshopStore, workshop: Workshop, key: str) -> None:
    """The rule and what participants may see, changeable during the workshop."""
    chosen = workshop.settings
    threshold = st.slider(
        t("ws.new.threshold"), 0.3, 1.0, chosen.threshold, 0.05, key="ws.dash.threshold"
    )
    show_room = st.checkbox(t("ws.new.show_room"), chosen.show_room, key="ws.dash.show_room")
    names = st.checkbox(t("ws.new.names_in_report"), chosen.names_in_report, key="ws.dash.names")
    wanted = chosen.model_copy(
        update={"threshold": threshold, "show_room": show_room, "names_in_report": names}
    )
    if wanted != chosen:
        store.update_settings(workshop.code, key, wanted)
        st.rerun()


def _downloads(answers: Assessment, result: Result, record: HowMade) -> None:
    st.subheader(t("download.report_title"))
    columns = st.columns(len(FORMATS) + 1)
    report_buttons(columns, answers, result, key="ws.report", workshop=record)
    columns[-1].download_button(
        t("ws.dash.agreed_file"),
        dump_answers(answers).encode("utf-8"),
        file_name="agreed-answers.yaml",
        mime="application/x-yaml",
        key="ws.report.answers",
        on_click="ignore",
        width="stretch",
    )


def _advice(store: WorkshopStore, workshop: Workshop, key: str) -> None:
    """The advice for the agreed answers as they stand now, and the downloads."""
    st.divider()
    if st.button(t("ws.dash.see_advice"), key="ws.dash.see_advice", type="primary"):
        st.session_state[_ADVICE] = True
    if not st.session_state.get(_ADVICE):
        return
    _, room = pooled(workshop, store.participants(workshop.code, key))
    answers = agreed_answers(workshop, room)
    missing = answers.missing()
    if missing:
        st.warning(t("ws.dash.incomplete"))
        return
    result = resources.result_for(answers)
    st.header(t("results.title", town=town_md(answers.municipality)))
    st.caption(t("ws.dash.advice_time", time=dt.datetime.now().strftime("%H:%M")))
    results.advice(answers, result)
    _downloads(answers, result, how_made(workshop, room, dt.date.today()))


def render(code: str, key: str) -> None:
    store = workshop_store()
    if store is None:
        return
    try:
        workshop = store.facilitate(code, key)
    except AdvisorError:
        st.title(t("ws.dash.title_plain"))
        st.error(t("ws.dash.wrong_key"), icon="🔑")
        return
    st.title(t("ws.dash.title", town=town_md(workshop.settings.town)))
    if workshop.status != "open":
        st.warning(t("ws.dash.closed"), icon="🔒")
    _secret_link(workshop.code, key)
    with st.expander(t("ws.dash.invite"), expanded=workshop.status == "open"):
        invite(workshop.code)
    _status(store, workshop, key)
    _live(workshop.code, key)
    _advice(store, workshop, key)
