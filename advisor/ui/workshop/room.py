"""What the room said, drawn: progress, shares against the threshold, places, capacity,
notes. The facilitator's dashboard shows it all; participants (when allowed) see it
without anyone's name.

The pooled answers are computed once per change of the room: a digest of every
participant's last save is compared with the one last drawn, so a refresh of an idle
room costs two small queries and no aggregation.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from advisor.geo.countries import country_name
from advisor.i18n import t
from advisor.i18n.formats import join as join_list
from advisor.model.assessment import BUDGET_SCALE, STAFF_TIME_SCALE
from advisor.ui import resources
from advisor.ui.resources import knowledge
from advisor.ui.text import md
from advisor.workshop.aggregate import (
    PLACE_FIELDS,
    Item,
    PlaceResolver,
    RoomAggregate,
    Spread,
    aggregate,
    gazetteer_resolver,
    item_label,
)
from advisor.workshop.agree import is_kept
from advisor.workshop.chart import Bar, share_spec
from advisor.workshop.flow import room_digest
from advisor.workshop.model import Participant, Workshop

_CACHE = "ws.room.cache"
FIELD_ORDER = (
    "history.themes",
    "specializations.themes",
    "assets",
    "ties.networks",
    "capacity.dedicated_unit",
    "capacity.international_coordinator",
    "capacity.written_strategy",
    "capacity.languages",
    "goals.aims",
    "goals.partner_countries",
    "constraints.items",
    "specializations.institutions",
    "ties.partnerships",
    "capacity.citizen_associations",
)
"""Fields charted as shares; the yes/no questions of one part sit together."""


@st.cache_resource(show_spinner=False)
def resolver() -> PlaceResolver:
    """Names typed differently meet as one place ("Ypres" and "Ieper")."""
    return gazetteer_resolver()


def pooled(workshop: Workshop, people: list[Participant]) -> tuple[str, RoomAggregate]:
    """The room's aggregate and its digest; recomputed only when the room changed."""
    digest = room_digest(workshop, people)
    cached = st.session_state.get(_CACHE)
    if cached is not None and cached[0] == digest:
        return cached
    fresh = (digest, aggregate(workshop, people, resolver()))
    st.session_state[_CACHE] = fresh
    return fresh


def label(item: Item) -> str:
    """The item as people read it (plain text: escape before Markdown)."""
    return item_label(item.field, item.value, item.country, knowledge())


def who(name: str, index: int) -> str:
    """A participant's name, or "Participant 3" when they gave none (escaped)."""
    return md(name) if name else t("ws.room.anonymous", number=index)


def _progress(room: RoomAggregate) -> None:
    st.subheader(t("ws.room.joined", count=room.participants))
    if not room.progress:
        st.info(t("ws.room.nobody"))
        return
    lines = [
        t("ws.room.progress_line", name=who(p.name, i), done=p.done, total=p.total)
        for i, p in enumerate(room.progress, 1)
    ]
    st.markdown("\n".join(f"- {line}" for line in lines))


def _shares(workshop: Workshop, room: RoomAggregate, key: str) -> None:
    """One chart per field: who chose what, against the threshold line."""
    st.subheader(t("ws.room.shares"))
    st.caption(t("ws.room.shares_help", threshold=f"{room.threshold:.0%}"))
    drawn = False
    for path in FIELD_ORDER:
        items = room.items_of(path)
        if not items:
            continue
        drawn = True
        bars = [
            Bar(
                label(i), i.share, i.count, room.answered.get(i.part, 0), is_kept(i, room, workshop)
            )
            for i in items
        ]
        spec = share_spec(bars, workshop.settings.threshold, t("ws.room.threshold_line"))
        st.markdown(f"**{t(f'report.answer.{path}')}**")
        st.plotly_chart(
            resources.figure(spec),
            config=spec["config"],
            width="stretch",
            key=f"{key}.chart.{path}",
        )
    if not drawn:
        st.info(t("ws.room.no_items"))


def _places(room: RoomAggregate, names: bool) -> None:
    """Places the room named, merged, with how many named each and every spelling."""
    for path in PLACE_FIELDS:
        items = room.items_of(path)
        if not items:
            continue
        st.markdown(f"**{t(f'report.answer.{path}')}**")
        lines = []
        for item in items:
            spellings = join_list(f"{md(s.name)} ({s.count})" for s in item.spellings)
            line = t(
                "ws.room.place_line",
                place=md(item.value),
                country=md(country_name(item.country or "")),
                count=item.count,
                answered=room.answered.get(item.part, 0),
                spellings=spellings,
            )
            if names:
                line += " · " + join_list(who(n, 0) for n in item.names if n)
            lines.append(f"- {line}")
        st.markdown("\n".join(lines))


def _spread(title: str, spread: Spread, scale: Sequence[str], family: str) -> None:
    rows = [
        f"| {t(f'scale.{family}.{value}')} | {spread.counts.get(value, 0)} |" for value in scale
    ]
    st.markdown(f"**{title}**\n\n| | |\n|---|---:|\n" + "\n".join(rows))
    if spread.median:
        st.caption(t("ws.room.median", value=t(f"scale.{family}.{spread.median}")))


def _capacity(room: RoomAggregate) -> None:
    if not room.answered.get("capacity"):
        return
    st.subheader(t("ws.room.capacity"))
    left, right = st.columns(2)
    with left:
        _spread(t("cap.staff_time"), room.staff_time, STAFF_TIME_SCALE, "staff_time")
    with right:
        _spread(t("cap.budget"), room.budget_band, BUDGET_SCALE, "budget_band")


def _notes(room: RoomAggregate, names: bool) -> None:
    if not room.notes:
        return
    st.subheader(t("ws.room.notes"))
    for note in room.notes:
        with st.container(border=True):
            heading = t(f"report.answer.{note.field}")
            if names and note.name:
                heading += f" · {md(note.name)}"
            st.caption(heading)
            st.markdown(md(note.text))


def room_view(workshop: Workshop, people: list[Participant], *, names: bool, key: str) -> None:
    """Everything the room said; ``names`` shows who said it (the facilitator only)."""
    _, room = pooled(workshop, people)
    if names:
        _progress(room)
    else:
        st.caption(t("ws.room.joined", count=room.participants))
    _shares(workshop, room, key)
    _places(room, names)
    _capacity(room)
    _notes(room, names)
