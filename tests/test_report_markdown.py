"""The Markdown report: every section, and user text that cannot break the structure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from advisor.answers import load_answers, parse_answers
from advisor.assess import assess
from advisor.i18n import t
from advisor.opendata.bundle import open_data
from advisor.report.content import SECTIONS
from advisor.report.markdown import escape, escape_start, link, render_markdown

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.date(2026, 11, 28)
TRICKY = "# Big | *Bold* _x_ [a](b) <b>"


@pytest.fixture(scope="module")
def vaux() -> str:
    a = load_answers(ROOT / "examples/vaux_sur_aure.yaml")
    return render_markdown(a, assess(a, open_data=open_data()), today=DAY).decode("utf-8")


@pytest.fixture(scope="module")
def tricky() -> str:
    data = yaml.safe_load((ROOT / "examples/vaux_sur_aure.yaml").read_text(encoding="utf-8"))
    data["municipality"]["name"] = TRICKY
    data["history"]["connections"][0]["description"] = "1. first | second\n# not a heading"
    data["capacity"]["citizen_associations"] = ["- dash", "2) two", "> quote"]
    a = parse_answers(yaml.safe_dump(data, allow_unicode=True), "tricky.yaml")
    return render_markdown(a, assess(a), today=DAY).decode("utf-8")


def test_every_section_is_a_second_level_heading(vaux):
    headings = [line[3:] for line in vaux.splitlines() if line.startswith("## ")]
    expected = [t(f"report.section.{key}", town="Vaux-sur-Aure") for key, _ in SECTIONS]
    assert headings == expected


def test_title_cover_and_tables(vaux):
    lines = vaux.splitlines()
    assert lines[0] == "# Look Within: recommendation report for Vaux-sur-Aure"
    assert "- **Report date:** 28 November 2026" in lines
    assert "| When | Step | Who | Effort | Cost |" in lines
    assert "[https://www.geonames.org/](https://www.geonames.org/)" in vaux


def test_user_text_cannot_add_headings_or_cells(tricky):
    lines = tricky.splitlines()
    headings = [line for line in lines if line.startswith("#")]
    assert len([h for h in headings if h.startswith("## ")]) == len(SECTIONS)
    assert not any(line.startswith("# Big") for line in lines)
    for table in tables(lines):
        widths = {row.replace("\\|", "").count("|") for row in table}
        assert len(widths) == 1, table
    assert "\\# Big \\| \\*Bold\\* \\_x\\_ \\[a\\](b) \\<b\\>" in tricky
    assert "| 1. first \\| second # not a heading |" in tricky
    assert not any(line.startswith(("1. first", "# not")) for line in lines)


def tables(lines: list[str]) -> list[list[str]]:
    """Runs of consecutive table lines."""
    runs: list[list[str]] = []
    for previous, line in zip(["", *lines], lines, strict=False):
        if line.startswith("|"):
            if previous.startswith("|"):
                runs[-1].append(line)
            else:
                runs.append([line])
    return runs


def test_list_markers_in_answers_stay_text(tricky):
    assert "- \\- dash" in tricky and "- 2\\) two" in tricky and "- \\> quote" in tricky


@pytest.mark.parametrize(
    ("raw", "inline", "start"),
    [
        ("a | b", "a \\| b", "a \\| b"),
        ("*x*", "\\*x\\*", "\\*x\\*"),
        ("# h", "# h", "\\# h"),
        ("1. one", "1. one", "1\\. one"),
        ("2026.11+ab", "2026.11+ab", "2026.11+ab"),
        ("line\nbreak", "line break", "line break"),
        ("&amp;", "\\&amp;", "\\&amp;"),
        ("closing #", "closing #", "closing \\#"),
    ],
)
def test_escaping(raw, inline, start):
    assert escape(raw) == inline
    assert escape_start(raw) == start


def test_links_only_for_web_addresses():
    assert link("x", "https://a.org/p (1)") == "[x](https://a.org/p%20%281%29)"
    assert link("x", "javascript:alert(1)") == "x"
