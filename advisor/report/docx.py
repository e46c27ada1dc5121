"""The Word report, built with python-docx, for councils that edit what they are given.

Plain Word styles (Title, Heading 1-3, List Bullet, List Number) carry the structure, so a
council officer can restyle or paste parts into a council paper. Every style names IPAex
Gothic in all font slots, East-Asian included, so Japanese names never fall back to a
font without the glyphs where IPAex is installed. Charts are PNG images from matplotlib.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from typing import Any

from docx import Document as new_docx
from docx.document import Document as Docx
from docx.enum.section import WD_SECTION_START
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

from advisor.i18n import t
from advisor.report.charts import chart_png
from advisor.report.content import renderer
from advisor.report.document import (
    Bullets,
    Document,
    Facts,
    Heading,
    Links,
    MapChart,
    Paragraph,
    ProfileChart,
    Table,
)
from advisor.report.docx_xml import (
    add_hyperlink,
    add_page_field,
    repeat_header_row,
    restart_numbering,
    set_style_font,
    shade,
)
from advisor.report.fonts import CJK_FAMILY

TEXT_WIDTH_CM = 16.0
ACCENT, MUTED = RGBColor(0x1F, 0x3A, 0x5F), RGBColor(0x60, 0x68, 0x70)
STYLES: tuple[str, ...] = (
    "Normal",
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Caption",
)
STYLES += ("List Bullet", "List Number", "Footer")
_CONTROL = {code: None for code in range(32) if code not in (9, 10)}
_CONTROL |= {code: None for code in (*range(0xD800, 0xE000), 0xFFFE, 0xFFFF)}
_EPOCH = dt.date(1980, 1, 1)
"""The earliest date a zip entry can carry."""


def _clean(text: str) -> str:
    """Text without the characters XML 1.0 forbids (python-docx would raise). Answers never
    hold them (the model refuses them); this keeps answers built in code from breaking."""
    return text.translate(_CONTROL)


def document_docx(doc: Document) -> bytes:
    """The document as .docx bytes: cover page, then each section from a new page."""
    word = new_docx()
    _setup(word, doc)
    _cover(word, doc)
    for section in doc.sections:
        heading = _para(word, section.title, "Heading1")
        heading.paragraph_format.page_break_before = True
        for block in section.blocks:
            DRAW[type(block)](word, block)
    out = io.BytesIO()
    word.save(out)
    return _dated(out.getvalue(), doc.date)


def _dated(package: bytes, day: dt.date) -> bytes:
    """The same package with every part dated ``day`` at midnight: python-docx stamps each
    zip entry with the time of saving, so two renders of the same answers differed."""
    stamp = (*max(day, _EPOCH).timetuple()[:3], 0, 0, 0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = entry.external_attr
            target.writestr(fixed, source.read(entry))
    return out.getvalue()


def _setup(word: Docx, doc: Document) -> None:
    """Fonts, margins, metadata and the running footer with the page number."""
    language = {"en": "en-GB"}.get(doc.language, doc.language)
    for name in STYLES:
        set_style_font(word.styles[name], CJK_FAMILY, language)
    word.styles["Normal"].font.size = Pt(10)
    section = word.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.left_margin = section.right_margin = Cm(2.5)
    section.different_first_page_header_footer = True
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(_clean(f"{doc.footer}  ·  {t('report.page', page='')}"))
    add_page_field(footer)
    props = word.core_properties
    props.title, props.author, props.language = _clean(doc.title), "Look Within", language
    props.created = props.modified = dt.datetime.combine(doc.date, dt.time())
    props.last_modified_by = "Look Within"


def _cover(word: Docx, doc: Document) -> None:
    _para(word, doc.cover.title, "Title")
    _run(_para(word, style_id="Subtitle"), doc.town, size=24, color=ACCENT)
    _para(word, doc.cover.subtitle, "Subtitle")
    _facts(word, Facts(doc.cover.facts))
    note = word.add_paragraph()
    _run(note, doc.cover.note, size=9, color=MUTED)


def _para(word: Docx, text: str = "", style_id: str | None = None) -> Any:
    """A new paragraph in the style with id ``style_id``, set in the XML directly: setting
    it by name makes python-docx scan every style per paragraph (most of the render time)."""
    para = word.add_paragraph(_clean(text))
    if style_id:
        para._p.get_or_add_pPr().style = style_id
    return para


def _run(paragraph: Any, text: str, **look: Any) -> None:
    run = paragraph.add_run(_clean(text))
    run.bold = look.get("bold")
    run.italic = look.get("italic")
    if "size" in look:
        run.font.size = Pt(look["size"])
    if "color" in look:
        run.font.color.rgb = look["color"]


def _paragraph(word: Docx, block: Paragraph) -> None:
    para = word.add_paragraph()
    if block.style == "lead":
        _run(para, block.text, size=11)
    elif block.style == "note":
        _run(para, block.text, size=9, italic=True, color=MUTED)
    else:
        _run(para, block.text)


def _heading(word: Docx, block: Heading) -> None:
    _para(word, block.text, f"Heading{block.level + 1}")


def _bullets(word: Docx, block: Bullets) -> None:
    if block.title:
        _run(word.add_paragraph(), block.title, bold=True, color=ACCENT)
    style = "ListNumber" if block.numbered else "ListBullet"
    for number, item in enumerate(block.items):
        para = _para(word, item, style)
        if block.numbered and number == 0:
            restart_numbering(para)


def _facts(word: Docx, block: Facts) -> None:
    for fact in block.items:
        para = word.add_paragraph()
        para.paragraph_format.space_after = Pt(2)
        _run(para, f"{fact.label}: ", bold=True, color=MUTED)
        if fact.url:
            add_hyperlink(para, _clean(fact.value), fact.url)
        else:
            _run(para, fact.value)


def _table(word: Docx, block: Table) -> None:
    table = word.add_table(rows=1, cols=len(block.columns))
    table._tbl.tblPr.style = "TableGrid"
    total = sum(block.widths)
    widths = [Cm(TEXT_WIDTH_CM * w / total) for w in block.widths]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    _fill_row(table.rows[0].cells, block.columns, widths, header=True)
    for values in block.rows:
        _fill_row(table.add_row().cells, values, widths, header=False)
    repeat_header_row(table)
    word.add_paragraph()


def _fill_row(cells: Any, values: tuple[str, ...], widths: list[Any], header: bool) -> None:
    for cell, value, width in zip(cells, values, widths, strict=True):
        cell.width = width
        run = cell.paragraphs[0].add_run(_clean(value))
        run.font.size = Pt(8.5)
        if header:
            run.bold = True
            shade(cell._tc, "E4EAF1")


def _links(word: Docx, block: Links) -> None:
    if block.title:
        _run(word.add_paragraph(), block.title, bold=True, color=ACCENT)
    for link in block.items:
        para = _para(word, style_id="ListBullet")
        _run(para, link.text)
        if link.url:
            para.add_run(" ")
            add_hyperlink(para, _clean(link.url), link.url)


def _chart(word: Docx, block: ProfileChart | MapChart) -> None:
    _para(word, block.title, "Caption")
    word.add_picture(io.BytesIO(chart_png(block)), width=Cm(TEXT_WIDTH_CM))


DRAW: dict[type, Callable[[Docx, Any], None]] = {
    Paragraph: _paragraph,
    Heading: _heading,
    Bullets: _bullets,
    Facts: _facts,
    Table: _table,
    Links: _links,
    ProfileChart: _chart,
    MapChart: _chart,
}


render_docx = renderer(document_docx, "a .docx file")
