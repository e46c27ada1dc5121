"""A choice among namesakes for each declared place the gazetteer cannot settle alone.

A connection or sister town named 'Fairview' or 'Newport' may mean several places; the
advisor (``advisor.partners.places``) tries the clerk's hints first, and what stays open is
offered here, like the town search: the clerk picks the place meant, and its GeoNames id
is kept with the answer, so partners, the map and the report use it. The picker stays
on the page with the pick shown, so a wrong pick can be undone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

import streamlit as st

from advisor.geo.countries import country_name
from advisor.geo.declared import resolve_declared
from advisor.geo.gazetteer import Place
from advisor.i18n import t
from advisor.i18n.formats import number
from advisor.model.assessment import Connection, SisterTie
from advisor.partners.places import declared
from advisor.ui import state
from advisor.ui.resources import open_data_bundle
from advisor.ui.widgets import fixed_labels

Item = TypeVar("Item", Connection, SisterTie)


def _label(place: Place | None) -> str:
    if place is None:
        return t("places.not_sure")
    where = ", ".join(p for p in (place.region, country_name(place.country)) if p)
    return t("town.hit", name=place.name, where=where, population=number(place.population))


def _confirm(item: Item, key: str) -> Item:
    """The item, with the namesake the clerk picked (if any) as its place."""
    gazetteer = open_data_bundle().gazetteer
    hints = declared(item)
    found = resolve_declared(gazetteer, replace(hints, geonameid=None))
    ids = [p.geonameid for p in found.candidates]
    if found.status == "ambiguous" and (item.geonameid is None or item.geonameid in ids):
        return _pick(item, found.candidates, key)
    if item.geonameid is not None:
        found = resolve_declared(gazetteer, hints)
    if found.status == "resolved" and found.place is not None:
        st.caption(t("places.found", place=_label(found.place)))
    else:
        st.caption(t("places.not_found", name=item.place, country=country_name(item.country)))
    return item


def _pick(item: Item, candidates: Sequence[Place], key: str) -> Item:
    options: list[Place | None] = [None, *candidates]
    current = [o.geonameid if o else None for o in options].index(item.geonameid)
    pick = st.selectbox(
        t("places.which", name=item.place, country=country_name(item.country)),
        range(len(options)),
        index=current,
        format_func=fixed_labels(range(len(options)), lambda i: _label(options[i])),
        key=state.key(key),
        help=t("places.which_help"),
    )
    chosen = options[pick]
    return item.model_copy(update={"geonameid": chosen.geonameid if chosen else None})


def confirm_places(name: str, items: Sequence[Item]) -> list[Item]:
    """Each declared place, with a picker under the ones that could mean several places."""
    if not items:
        return []
    st.markdown(f"**{t('places.picker_title')}**")
    return [
        _confirm(item, f"confirm.{name}.{item.place}.{item.country}") if item.place else item
        for item in items
    ]
