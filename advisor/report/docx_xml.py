"""The few Word features python-docx has no API for, written as WordprocessingML.

Each helper does one thing Word users expect from a report: the East-Asian font slot (or
Japanese prints in a fallback font), links that click, numbered lists that restart at 1,
table headers repeated on every page, and a page number in the footer.
"""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tc
from docx.parts.document import DocumentPart
from docx.styles.style import BaseStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

LINK_COLOR = "1F5F99"


def set_style_font(style: BaseStyle, family: str, language: str) -> None:
    """Name ``family`` in all four font slots of ``style`` (Latin, East-Asian, complex,
    high-ANSI) and drop the theme fonts, which would otherwise win over the names."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), family)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), "ja-JP")


def add_hyperlink(paragraph: Paragraph, text: str, url: str) -> None:
    """A clickable external link with the usual blue underlined look."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), LINK_COLOR)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.extend([color, underline])
    text_el = OxmlElement("w:t")
    text_el.text = text
    text_el.set(qn("xml:space"), "preserve")
    run.extend([rpr, text_el])
    link.append(run)
    paragraph._p.append(link)


def restart_numbering(paragraph: Paragraph) -> None:
    """Make a "List Number" list start again at 1 (Word otherwise continues the last list)."""
    part, style = paragraph.part, paragraph.style
    if not isinstance(part, DocumentPart) or style is None:
        raise TypeError("only a styled paragraph in a document's body can restart its list")
    numbering = part.numbering_part.numbering_definitions._numbering
    style_num = style.element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    override = num.add_lvlOverride(ilvl=0)
    override.add_startOverride(1)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num.numId


def repeat_header_row(table: Table) -> None:
    """Repeat the first row at the top of every page the table runs over."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def shade(cell_element: CT_Tc, fill: str) -> None:
    """Fill a table cell with ``fill`` (hex RGB), for the header row."""
    tc_pr = cell_element.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.append(shading)


def add_page_field(paragraph: Paragraph) -> None:
    """The current page number, as a field Word and LibreOffice fill in."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
