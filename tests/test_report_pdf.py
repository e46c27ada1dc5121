"""The PDF report read back: headings, names in Latin and Japanese script, embedded font."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from advisor.answers import load_answers, parse_answers
from advisor.assess import assess
from advisor.i18n import t
from advisor.opendata.bundle import open_data
from advisor.report.content import SECTIONS
from advisor.report.pdf import render_pdf

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.date(2026, 11, 28)


def japanese_hirado():
    """Hirado's answers with the town written as the council writes it: 平戸市."""
    data = yaml.safe_load((ROOT / "examples/hirado.yaml").read_text(encoding="utf-8"))
    data["municipality"]["name"] = "平戸市"
    return parse_answers(yaml.safe_dump(data, allow_unicode=True), "hirado-ja.yaml")


@pytest.fixture(scope="module")
def hirado_pdf() -> bytes:
    a = japanese_hirado()
    return render_pdf(a, assess(a, open_data=open_data()), today=DAY)


@pytest.fixture(scope="module")
def vaux_pdf() -> bytes:
    a = load_answers(ROOT / "examples/vaux_sur_aure.yaml")
    return render_pdf(a, assess(a, open_data=open_data()), today=DAY)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def squeeze(text: str) -> str:
    """Text without whitespace: extractors may break a heading or a name across lines."""
    return "".join(text.split())


def test_is_a_pdf_with_cover_contents_and_sections(hirado_pdf):
    assert hirado_pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(hirado_pdf))
    assert len(reader.pages) > 10
    assert reader.metadata.title == "Look Within: recommendation report for 平戸市"


def test_every_section_heading_is_in_the_text(hirado_pdf):
    text = squeeze(pdf_text(hirado_pdf))
    for key, _ in SECTIONS:
        heading = t(f"report.section.{key}", town="平戸市")
        assert squeeze(heading) in text, heading


def test_japanese_town_name_is_real_text(hirado_pdf):
    text = pdf_text(hirado_pdf)
    assert text.count("平戸市") >= 5
    assert "28 November 2026" in text


def test_french_names_and_accents_survive(vaux_pdf):
    text = squeeze(pdf_text(vaux_pdf))
    assert "Vaux-sur-Aure" in text
    assert squeeze("What makes Vaux-sur-Aure special") in text
    assert "Nagasaki" in text


def test_font_is_ipaex_embedded_from_the_pip_package(hirado_pdf):
    reader = PdfReader(io.BytesIO(hirado_pdf))
    fonts = set()
    for page in reader.pages[:3]:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor, "font not embedded"
            fonts.add(str(font["/BaseFont"]))
    assert any(name.endswith("IPAexGothic") for name in fonts)


def test_sources_have_clickable_links(vaux_pdf):
    reader = PdfReader(io.BytesIO(vaux_pdf))
    uris = {
        annot.get_object()["/A"].get("/URI")
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if "/A" in annot.get_object()
    }
    assert any(uri and "geonames.org" in uri for uri in uris)


def test_pdftotext_reads_the_japanese_name_too(hirado_pdf, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(hirado_pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    assert "平戸市" in out.stdout.decode("utf-8")


def test_text_too_long_for_one_table_row_still_renders():
    """A cell taller than a page would stop fpdf2's table; the row becomes records."""
    data = yaml.safe_load((ROOT / "examples/hirado.yaml").read_text(encoding="utf-8"))
    data["municipality"]["name"] = "平戸" * 60
    data["history"]["connections"][0]["description"] = "平戸市は長崎県の北西部に位置し、" * 250
    a = parse_answers(yaml.safe_dump(data, allow_unicode=True), "long.yaml")
    text = squeeze(pdf_text(render_pdf(a, assess(a), today=DAY)))
    assert "平戸市は長崎県の北西部に位置し、" * 20 in text
    assert squeeze("Kind of link: trade") in text
