"""The PDF report, drawn with fpdf2 (pure Python: no browser, no system fonts).

IPAex Gothic from matplotlib-fontja is embedded (subset) so 平戸 and Vaux-sur-Aure print
on any machine; it has no bold face, so the same file is registered as bold for fpdf2's
tables, and headings stand out by size and colour instead. Text is never parsed as
markup (``markdown=False``), so ``**`` in a town's notes stays as typed.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Callable
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace
from fpdf.outline import OutlineSection

from advisor.i18n import t
from advisor.report.charts import chart_png, png_size
from advisor.report.content import renderer
from advisor.report.document import (
    Bullets,
    Document,
    Fact,
    Facts,
    Heading,
    Links,
    MapChart,
    Paragraph,
    ProfileChart,
    Table,
)
from advisor.report.fonts import cjk_font, fallback_font
from advisor.report.line_breaks import break_japanese

FONT = "lw"
FALLBACK = "lw-fallback"
INK, MUTED, ACCENT = (33, 37, 41), (96, 104, 112), (31, 58, 95)
HEAD_FILL = (228, 234, 241)
LINE = 5.0
TABLE_SIZE, TABLE_LINE = 8.5, 4.2
TABLE_PADDING = 1.2
SIZES = {"body": 10.0, "lead": 11.0, "note": 9.0}
_CONTROL = {code: " " if code == 9 else None for code in range(32) if code != 10}


def _clean(text: str) -> str:
    """Text without control characters (a tab becomes a space), which fpdf2 would print as
    boxes or reject."""
    return text.translate(_CONTROL)


class ReportPdf(FPDF):
    """A4 pages with the report's footer; page 1 (the cover) has none."""

    def __init__(self, doc: Document) -> None:
        super().__init__(format="A4")
        self.doc = doc
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(True, margin=18)
        for style in ("", "B"):
            self.add_font(FONT, style, str(cjk_font()))
        extra = fallback_font()
        if extra is not None:
            self.add_font(FALLBACK, "", str(extra))
            self.set_fallback_fonts([FALLBACK], exact_match=False)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-12)
        self.style(8, MUTED)
        page = t("report.page", page=self.page_no())
        footer = fit_width(self, _clean(self.doc.footer), self.epw - 30)
        self.cell(0, 5, f"{footer}  ·  {page}", align="C")

    def style(self, size: float, color: tuple[int, int, int] = INK) -> None:
        self.set_font(FONT, "", size)
        self.set_text_color(*color)

    def text_block(self, text: str, size: float, color: tuple[int, int, int] = INK) -> None:
        """A left-aligned paragraph (justified text would stretch around long CJK runs)."""
        self.style(size, color)
        height = LINE * size / 10
        shown = self.broken(_clean(text), self.epw)
        self.multi_cell(0, height, shown, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def broken(self, text: str, width: float) -> str:
        """``text`` with its line breaks chosen by the language's rules: Japanese by width
        and kinsoku (no line opens with 。 or a closing bracket); other languages at spaces,
        as fpdf2 does by itself."""
        if self.doc.language != "ja":
            return text
        # room for a closing mark hanging at a line's end, so fpdf2 never wraps it alone
        room = width - 2 * self.c_margin - 0.5 - self.get_string_width("。")
        return "\n".join(break_japanese(text, room, self.get_string_width))

    def keep_room(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit (keeps headings with their text)."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()


def document_pdf(doc: Document) -> bytes:
    """The document as PDF bytes: cover, contents, then each section from a new page."""
    pdf = ReportPdf(doc)
    pdf.set_title(doc.title)
    pdf.set_lang(doc.language)
    pdf.set_creator("Look Within")
    pdf.set_creation_date(dt.datetime.combine(doc.date, dt.time(), dt.UTC))
    _cover(pdf, doc)
    pdf.add_page()
    pdf.insert_toc_placeholder(_contents, pages=1, allow_extra_pages=True)
    for number, section in enumerate(doc.sections):
        if number:  # the contents placeholder already opened the first section's page
            pdf.add_page()
        pdf.start_section(_clean(section.title), level=0)
        pdf.text_block(section.title, 18, ACCENT)
        pdf.ln(3)
        for block in section.blocks:
            DRAW[type(block)](pdf, block)
    return bytes(pdf.output())


def _cover(pdf: ReportPdf, doc: Document) -> None:
    pdf.add_page()
    pdf.set_y(60)
    pdf.text_block(doc.cover.title, 30, ACCENT)
    pdf.ln(2)
    pdf.text_block(doc.town, 24)
    pdf.ln(3)
    pdf.text_block(doc.cover.subtitle, 13, MUTED)
    pdf.ln(12)
    _facts(pdf, Facts(doc.cover.facts))
    if pdf.get_y() < pdf.h - 60:
        pdf.set_y(-60)
    pdf.ln(8)
    pdf.text_block(doc.cover.note, 9, MUTED)


def _contents(pdf: FPDF, outline: list[OutlineSection]) -> None:
    """The contents page: each section with its page number, linked."""
    assert isinstance(pdf, ReportPdf)
    pdf.set_xy(pdf.l_margin, pdf.t_margin)
    pdf.text_block(pdf.doc.contents_title, 18, ACCENT)
    pdf.ln(4)
    for entry in outline:
        if entry.level > 0:
            continue
        pdf.style(11)
        page = str(entry.page_number)
        name = fit_width(pdf, entry.name, pdf.epw - 18)
        pdf.cell(pdf.epw - 15, 8, name, link=pdf.add_link(page=entry.page_number))
        pdf.cell(15, 8, page, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def fit_width(pdf: FPDF, text: str, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` mm in the current font (one line)."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _paragraph(pdf: ReportPdf, block: Paragraph) -> None:
    color = MUTED if block.style == "note" else INK
    pdf.text_block(block.text, SIZES[block.style], color)
    pdf.ln(2.5)


def _heading(pdf: ReportPdf, block: Heading) -> None:
    size = 13.0 if block.level == 1 else 11.0
    pdf.keep_room(30)
    pdf.ln(2 if block.level == 1 else 1)
    if block.level == 1:
        pdf.start_section(_clean(block.text), level=1)
    pdf.text_block(block.text, size, ACCENT)
    pdf.ln(1.5)


def _bullets(pdf: ReportPdf, block: Bullets) -> None:
    if block.title:
        pdf.keep_room(15)
        pdf.text_block(block.title, 10, ACCENT)
    for number, item in enumerate(block.items, start=1):
        pdf.style(SIZES["body"])
        pdf.set_x(pdf.l_margin + 2)
        pdf.cell(6, LINE, f"{number}." if block.numbered else "•")
        shown = pdf.broken(_clean(item), pdf.epw - 8)
        pdf.multi_cell(0, LINE, shown, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(0.8)
    pdf.ln(2)


def _facts(pdf: ReportPdf, block: Facts) -> None:
    if pdf.doc.language == "ja":  # one paragraph per fact, broken by the Japanese rules
        for fact in block.items:
            pdf.style(SIZES["body"])
            text = pdf.broken(_clean(f"{fact.label}：{fact.value}"), pdf.epw)
            pdf.multi_cell(0, LINE, text, link=fact.url or "", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
        pdf.ln(2)
        return
    for fact in block.items:
        pdf.style(SIZES["body"], MUTED)
        pdf.write(LINE, _clean(f"{fact.label}: "))
        pdf.style(SIZES["body"])
        pdf.write(LINE, _clean(fact.value), link=fact.url or "")
        pdf.ln(LINE + 1)
    pdf.ln(2)


def _table(pdf: ReportPdf, block: Table) -> None:
    """A table with a shaded, repeated header row; as label-value records instead when a
    row would be taller than a page (fpdf2 cannot split a row across pages)."""
    if not _rows_fit(pdf, block):
        _records(pdf, block)
        return
    pdf.style(TABLE_SIZE)
    pdf.keep_room(20)
    heads = FontFace(emphasis="BOLD", color=ACCENT, fill_color=HEAD_FILL)
    options: dict[str, Any] = {"col_widths": block.widths, "headings_style": heads}
    pdf.set_draw_color(190, 198, 206)
    widths = list(block.widths or [1] * len(block.columns))
    room = [pdf.epw * w / sum(widths) - 2 * TABLE_PADDING for w in widths]
    with pdf.table(
        text_align="LEFT",
        v_align="TOP",
        line_height=TABLE_LINE,
        padding=TABLE_PADDING,
        borders_layout="HORIZONTAL_LINES",
        **options,
    ) as table:
        for values in (block.columns, *block.rows):
            row = table.row()
            for value, width in zip(values, room, strict=False):
                row.cell(pdf.broken(_clean(value), width))
    pdf.ln(4)


def _rows_fit(pdf: ReportPdf, block: Table) -> bool:
    """A cautious estimate (CJK characters count one em, others half) of whether every row
    fits on a page; only long cells are measured, so ordinary tables cost nothing extra."""
    total, room = sum(block.widths), pdf.eph - 40
    em = TABLE_SIZE * 0.3528
    for row in block.rows:
        for text, weight in zip(row, block.widths, strict=True):
            if len(text) < 300:
                continue
            ems = sum(1.0 if ord(ch) >= 0x2E80 else 0.6 for ch in text)
            width = max(pdf.epw * weight / total - 3, 1)
            if math.ceil(ems * em * 1.15 / width) * TABLE_LINE > room:
                return False
    return True


def _records(pdf: ReportPdf, block: Table) -> None:
    """Each row as "column: value" lines, which flow over as many pages as they need."""
    for row in block.rows:
        _facts(pdf, Facts(tuple(Fact(c, v) for c, v in zip(block.columns, row, strict=True))))
        pdf.set_draw_color(190, 198, 206)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.epw, pdf.get_y())
        pdf.ln(2)


def _links(pdf: ReportPdf, block: Links) -> None:
    if block.title:
        pdf.keep_room(15)
        pdf.text_block(block.title, 10, ACCENT)
    for link in block.items:
        pdf.text_block(link.text, 9)
        if link.url:
            pdf.style(8, (31, 95, 153))
            pdf.multi_cell(
                0, 4, _clean(link.url), link=link.url, new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
        pdf.ln(1.2)
    pdf.ln(2)


def _chart(pdf: ReportPdf, block: ProfileChart | MapChart) -> None:
    png = chart_png(block)
    width, height = png_size(png)
    drawn = pdf.epw * height / width
    pdf.keep_room(drawn + 10)
    pdf.text_block(block.title, 9.5, MUTED)
    pdf.image(io.BytesIO(png), w=pdf.epw, alt_text=block.title)
    pdf.ln(4)


DRAW: dict[type, Callable[[ReportPdf, Any], None]] = {
    Paragraph: _paragraph,
    Heading: _heading,
    Bullets: _bullets,
    Facts: _facts,
    Table: _table,
    Links: _links,
    ProfileChart: _chart,
    MapChart: _chart,
}


render_pdf = renderer(document_pdf, "PDF bytes")
