"""Reports made from hostile or unusual names: charts show names as typed (escaped once),
formula signs do not stop matplotlib, and the Word file is the same bytes every time."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from advisor.answers import load_answers
from advisor.assess import assess
from advisor.model.assessment import Assessment
from advisor.report import render
from advisor.report.charts import chart_png
from advisor.report.document import MapChart, Point, ProfileChart
from advisor.report.interactive import chart_spec

ROOT = Path(__file__).resolve().parents[1]
NAME = 'Ville "A" <b>&</b>'
DAY = dt.date(2026, 3, 14)


def _named(name: str) -> Assessment:
    answers = load_answers(ROOT / "examples" / "vaux_sur_aure.yaml")
    town = answers.municipality.model_copy(update={"name": name})
    return answers.model_copy(update={"municipality": town})


def _profile(name: str) -> ProfileChart:
    return ProfileChart(
        title="themes",
        columns=(name, "Hirado"),
        rows=(name, "trade"),
        marks=((True, False), (False, True)),
        legend_has="has",
        legend_lacks="lacks",
    )


def _map(name: str) -> MapChart:
    points = (Point(name, 0.7, 49.3, "town", name), Point("Porto", -8.6, 41.1, "new", "Porto"))
    return MapChart(title="map", points=points, legend={"town": name, "new": "new"})


def test_interactive_chart_text_is_escaped_once():
    drawn = json.dumps([chart_spec(_profile(NAME)), chart_spec(_map(NAME))])
    once = 'Ville \\"A\\" &lt;b&gt;&amp;&lt;/b&gt;'
    assert drawn.count(once) >= 6
    assert "&quot;" not in drawn and "&amp;lt;" not in drawn and "<b>" not in drawn


def test_html_report_charts_carry_the_name_escaped_once():
    assessment = _named(NAME)
    page = render("html", assessment, assess(assessment), today=DAY).decode()
    charts = json.loads(re.search(r"var CHARTS = (.*);\n", page).group(1))
    ticks = [t for c in charts for t in c["layout"].get("xaxis", {}).get("ticktext", [])]
    assert 'Ville "A" &lt;b&gt;&amp;&lt;/b&gt; (your answers)' in ticks
    assert "&quot;" not in json.dumps(charts)


@pytest.mark.parametrize("name", ["Town $\\frac$", "$$", "a $x^ b", "100$ town"])
def test_dollar_signs_print_as_dollars_not_formulas(name: str):
    for chart in (_profile(name), _map(name)):
        assert chart_png(chart).startswith(b"\x89PNG")


def test_word_report_is_the_same_bytes_every_time():
    assessment = load_answers(ROOT / "examples" / "hirado.yaml")
    result = assess(assessment)
    first = render("docx", assessment, result, today=DAY)
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        dates = {entry.date_time for entry in package.infolist()}
        core = package.read("docProps/core.xml").decode()
    assert dates == {(2026, 3, 14, 0, 0, 0)}
    assert "2026-03-14T00:00:00Z" in core
    assert render("docx", assessment, result, today=DAY) == first


def test_word_report_drops_characters_xml_refuses_from_answers_built_in_code():
    assessment = _named("Hi\x00ra\x1bdo\ufffe")
    data = render("docx", assessment, assess(assessment), today=DAY)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "<dc:title>Look Within: recommendation report for Hirado</dc:title>" in (
            package.read("docProps/core.xml").decode()
        )
