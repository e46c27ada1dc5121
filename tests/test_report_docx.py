"""The Word report read back with python-docx: sections, names, fonts, tables, links."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn

from advisor.answers import parse_answers
from advisor.assess import assess
from advisor.i18n import t
from advisor.opendata.bundle import open_data
from advisor.report.content import SECTIONS
from advisor.report.docx import render_docx

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def word():
    data = yaml.safe_load((ROOT / "examples/hirado.yaml").read_text(encoding="utf-8"))
    data["municipality"]["name"] = "平戸市"
    a = parse_answers(yaml.safe_dump(data, allow_unicode=True), "hirado-ja.yaml")
    r = assess(a, open_data=open_data())
    return Document(io.BytesIO(render_docx(a, r, today=DAY))), r


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_every_section_is_a_level_one_heading(word):
    doc, _ = word
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == [t(f"report.section.{key}", town="平戸市") for key, _ in SECTIONS]


def test_sections_start_on_a_new_page(word):
    doc, _ = word
    heads = [p for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert all(p.paragraph_format.page_break_before for p in heads)


def test_japanese_name_and_dates_are_in_the_text(word):
    doc, r = word
    text = all_text(doc)
    assert text.count("平戸市") >= 5
    assert "28 November 2026" in text and r.meta.rules_version in text
    assert doc.core_properties.title == "Look Within: recommendation report for 平戸市"


def test_east_asian_font_slot_names_ipaex(word):
    doc, _ = word
    for name in ("Normal", "Heading 1", "Heading 2", "Title", "List Bullet"):
        fonts = doc.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == "IPAexGothic", name
        assert fonts.get(qn("w:ascii")) == "IPAexGothic", name
        assert fonts.get(qn("w:eastAsiaTheme")) is None, name


def test_plan_table_has_one_row_per_step_and_a_repeating_header(word):
    doc, r = word
    plan = next(tb for tb in doc.tables if tb.rows[0].cells[0].text == "When")
    assert len(plan.rows) == len(r.plan) + 1
    assert [c.text for c in plan.rows[0].cells] == ["When", "Step", "Who", "Effort", "Cost"]
    assert plan.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_charts_are_embedded_images(word):
    doc, _ = word
    assert len(doc.inline_shapes) == 2


def test_network_links_are_hyperlinks(word):
    doc, r = word
    targets = {rel.target_ref for rel in doc.part.rels.values() if rel.is_external}
    assert r.networks[0].url in targets
    assert any("geonames.org" in target for target in targets)


def test_numbered_lists_restart_at_one(word):
    doc, _ = word
    numbered = [p for p in doc.paragraphs if p.style.name == "List Number"]
    firsts = [p for p in numbered if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert len(firsts) >= 2
    assert len({p._p.pPr.numPr.numId.val for p in firsts}) == len(firsts)
