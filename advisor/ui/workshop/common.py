"""What the workshop pages share: the store, links, the QR code, problem messages."""

from __future__ import annotations

import io
import logging

import segno
import streamlit as st

from advisor.errors import AdvisorError
from advisor.i18n import t
from advisor.store import open_database, settings
from advisor.ui.problems import inert
from advisor.workshop.codes import shown_code
from advisor.workshop.flow import participant_link
from advisor.workshop.store import WorkshopStore, client_id

log = logging.getLogger("look_within.workshop")


@st.cache_resource(show_spinner=False)
def _open_store() -> WorkshopStore | None:
    """The process's workshop store, opened once; None (logged) when it cannot be."""
    try:
        config = settings()
        return WorkshopStore(open_database(config.url), config.workshop_days)
    except AdvisorError:
        log.exception("the workshop store cannot be opened")
        return None


def workshop_store() -> WorkshopStore | None:
    """The store, or None after telling the visitor that workshops are unavailable now."""
    found = _open_store()
    if found is None:
        st.error(t("ws.store_down"), icon="💾")
    return found


def set_address(params: dict[str, str]) -> None:
    """Open another page by its address, keeping the interface language."""
    language = st.query_params.get("lang")
    st.query_params.clear()
    st.query_params.update({**params, **({"lang": language} if language else {})})


def base_url() -> str:
    """The app's own address as the browser sees it (links and QR codes point there)."""
    url = st.context.url
    return url if isinstance(url, str) and url else "http://localhost:8501/"


def visitor() -> str:
    """Who is knocking, as the rate limit counts it (a keyed hash of the address)."""
    address = st.context.ip_address
    return client_id(address if isinstance(address, str) else None)


def problem(exc: AdvisorError) -> str:
    """A store refusal as safe Markdown (its text may echo what a visitor typed)."""
    return inert(str(exc.problems[0].text if exc.problems else exc))


def qr_png(link: str) -> bytes:
    """A QR code of ``link`` as a PNG image that a phone camera reads from a projector."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()


def invite(code: str) -> None:
    """The join code in large type, the QR code and the link for participants."""
    link = participant_link(base_url(), code)
    left, right = st.columns([3, 2])
    with left:
        st.caption(t("ws.invite_code"))
        st.markdown(f"# `{shown_code(code)}`")
        st.caption(t("ws.invite_link"))
        st.code(link, language=None)
    right.image(qr_png(link), caption=t("ws.invite_qr"), width=220)
