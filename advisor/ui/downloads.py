"""Report download buttons, shared by the wizard's last step and the workshop dashboard."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from advisor.i18n import current_language, t, use_language
from advisor.model.assessment import Assessment
from advisor.model.result import Result
from advisor.report import FORMATS, report_filename
from advisor.report import render as render_report
from advisor.ui.resources import knowledge
from advisor.workshop.record import HowMade


def deferred(
    fmt: str, assessment: Assessment, result: Result, workshop: HowMade | None = None
) -> Callable[[], bytes]:
    """The report in ``fmt``, made only when its button is clicked (a PDF takes about a
    second), in the language the page is shown in."""
    language = current_language()

    def make() -> bytes:
        with use_language(language):
            return render_report(fmt, assessment, result, knowledge=knowledge(), workshop=workshop)

    return make


def report_buttons(
    columns: Sequence[st.delta_generator.DeltaGenerator],
    assessment: Assessment,
    result: Result,
    key: str,
    workshop: HowMade | None = None,
) -> None:
    """One button per report format, one per column, the PDF first and highlighted."""
    for column, (fmt, spec) in zip(columns, FORMATS.items(), strict=False):
        column.download_button(
            t(f"download.format.{fmt}"),
            deferred(fmt, assessment, result, workshop),
            file_name=report_filename(fmt, assessment.municipality.name),
            mime=spec.mime,
            key=f"{key}.{fmt}",
            on_click="ignore",
            width="stretch",
            type="primary" if fmt == "pdf" else "secondary",
        )
