"""Renderers: pure functions from an assessment and its result to text or bytes.

The downloadable report comes in four formats that share one content model
(:mod:`advisor.report.content`); :data:`FORMATS` lists them for the CLI and the wizard,
and :func:`render` produces one::

    data = render("pdf", assessment, result)
    name = report_filename("pdf", result.meta.town)

Each format module is imported on first use, so the terminal summary and the CLI's other
commands do not pay for fpdf2, python-docx, matplotlib or plotly.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from advisor.knowledge.base import Knowledge
from advisor.model.assessment import Assessment
from advisor.model.result import Result
from advisor.report.document import Renderer

if TYPE_CHECKING:
    from advisor.workshop.record import HowMade


@dataclass(frozen=True)
class ReportFormat:
    """One downloadable format: what to call the file, what to tell the browser."""

    name: str
    label: str
    extension: str
    mime: str
    module: str
    function: str

    @property
    def render(self) -> Renderer:
        """The format's render function (its module is imported on first use)."""
        renderer: Renderer = getattr(importlib.import_module(self.module), self.function)
        return renderer


FORMATS: dict[str, ReportFormat] = {
    f.name: f
    for f in (
        ReportFormat("pdf", "PDF", "pdf", "application/pdf", "advisor.report.pdf", "render_pdf"),
        ReportFormat(
            "docx",
            "Word",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "advisor.report.docx",
            "render_docx",
        ),
        ReportFormat(
            "html", "HTML", "html", "text/html; charset=utf-8", "advisor.report.html", "render_html"
        ),
        ReportFormat(
            "md",
            "Markdown",
            "md",
            "text/markdown; charset=utf-8",
            "advisor.report.markdown",
            "render_markdown",
        ),
    )
}
"""The report formats by name, in the order the wizard offers them."""


def render(
    fmt: str,
    assessment: Assessment,
    result: Result,
    *,
    today: dt.date | None = None,
    knowledge: Knowledge | None = None,
    workshop: HowMade | None = None,
) -> bytes:
    """The report for ``assessment`` and its ``result`` in format ``fmt`` (a FORMATS key);
    ``workshop`` adds the section on how a workshop made the answers."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format '{fmt}'; expected one of {', '.join(FORMATS)}")
    render_format = FORMATS[fmt].render
    return render_format(assessment, result, today=today, knowledge=knowledge, workshop=workshop)


def slug(town: str) -> str:
    """The town's name as part of a file name: lower case, anything but letters, digits and
    ``_`` made one ``-``, at most 60 characters, ``town`` when nothing is left. Letters keep
    their accents and script (``évian``, ``平戸市``, kana with their voicing marks): unlike
    :func:`advisor.geo.names.fold`, which is for matching, this is read by people. The one
    slug of every download (the report here, the answers file in :mod:`advisor.ui.saveload`)."""
    folded = unicodedata.normalize("NFKC", town).casefold()
    return re.sub(r"[^\w]+", "-", folded).strip("-_")[:60] or "town"


def report_filename(fmt: str, town: str, today: dt.date | None = None) -> str:
    """A safe download name such as ``look-within-vaux-sur-aure-2026-11-28.pdf``; a name
    in another script keeps its letters (``look-within-平戸市-…``)."""
    day = (today or dt.date.today()).isoformat()
    return f"look-within-{slug(town)}-{day}.{FORMATS[fmt].extension}"
