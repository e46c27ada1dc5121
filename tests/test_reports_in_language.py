"""The report in Japanese and in French, in every format, read back (issue 12): headings
and reasons in the language, Japanese glyphs in the PDF, Japanese lines broken by the
kinsoku rules, French with its no-break spaces."""

from __future__ import annotations

import io
import subprocess
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest

from advisor.answers import load_example
from advisor.assess import assess
from advisor.i18n import t, use_language
from advisor.report import render
from advisor.report.line_breaks import NO_LINE_END, NO_LINE_START, break_japanese


@cache
def report(language: str, fmt: str) -> bytes:
    with use_language(language):
        answers = load_example("hirado")
        return render(fmt, answers, assess(answers))


def text_of(language: str, fmt: str, tmp: Path) -> str:
    data = report(language, fmt)
    if fmt == "md":
        return data.decode("utf-8")
    if fmt == "html":
        parser = _Text()
        parser.feed(data.decode("utf-8"))
        return "\n".join(parser.parts)
    if fmt == "docx":
        document = docx.Document(io.BytesIO(data))
        return "\n".join(p.text for p in document.paragraphs)
    path = tmp / f"report-{language}.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def phrases(language: str) -> tuple[str, str]:
    """A heading and a reason sentence as the catalog writes them in ``language``."""
    with use_language(language):
        return t("report.summary.first_steps"), t("network.national_body.own", country="X")[:6]


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
@pytest.mark.parametrize("language", ["ja", "fr"])
def test_each_format_reads_in_the_language(language: str, fmt: str, tmp_path: Path):
    text = " ".join(text_of(language, fmt, tmp_path).split())
    heading, _ = phrases(language)
    english, _ = phrases("en")
    assert " ".join(heading.split()) in text
    assert english not in text
    if language == "ja":
        assert "参考事例" in text and "姉妹都市" in text
    else:
        assert "Cas de référence" in text or "cas de référence" in text


def test_the_japanese_pdf_embeds_japanese_glyphs_and_breaks_lines_by_kinsoku(tmp_path: Path):
    path = tmp_path / "ja.pdf"
    path.write_bytes(report("ja", "pdf"))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True).stdout
    assert b"IPAex" in fonts
    layout = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True)
    lines = [line.strip() for line in layout.stdout.decode("utf-8").splitlines() if line.strip()]
    assert not [line for line in lines if line[0] in "、。）」』"], (
        "a line opens with a closing mark"
    )


def test_the_french_report_keeps_french_spacing():
    text = report("fr", "md").decode("utf-8")
    assert "\u00a0:" in text and "Look Within\u00a0:" in text


def measure(text: str) -> float:
    return float(len(text))


def test_japanese_lines_never_open_with_a_closing_mark_nor_end_with_an_opening_one():
    text = "平戸は、オランダ商館（1609年）の町です。「人物」のつながりがあります。" * 3
    for width in range(6, 30):
        lines = break_japanese(text, width, measure)
        assert "".join(lines) == text
        assert not [line for line in lines[1:] if line[0] in NO_LINE_START]
        assert not [line for line in lines[:-1] if line[-1] in NO_LINE_END]


def test_latin_words_and_numbers_stay_whole():
    lines = break_japanese("人口は29,000人で、Koxingaの生地です。", 8, measure)
    assert not [line for line in lines if line.endswith("29,0")]
    assert any("Koxinga" in line for line in lines)
