"""The HTML report parsed back: user text stays text, nothing loads from the network."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from advisor.answers import parse_answers
from advisor.assess import assess
from advisor.i18n import t
from advisor.opendata.bundle import open_data
from advisor.report.content import SECTIONS
from advisor.report.html import render_html, safe_url, script_json

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.date(2026, 11, 28)
EVIL = "<script>alert(1)</script>"
RESOURCE_ATTRS = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src"}


class Page(HTMLParser):
    """Collects the text, the elements and what each <script> holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def evil_answers():
    data = yaml.safe_load((ROOT / "examples/hirado.yaml").read_text(encoding="utf-8"))
    data["municipality"]["name"] = EVIL
    data["history"]["notes"] = "Trade & <b>bold</b> claims; javascript:alert(2)"
    data["history"]["connections"][0]["description"] = '"><img src=x onerror=alert(3)>'
    return parse_answers(yaml.safe_dump(data, allow_unicode=True), "evil.yaml")


@pytest.fixture(scope="module")
def html_text() -> str:
    a = evil_answers()
    return render_html(a, assess(a, open_data=open_data()), today=DAY).decode("utf-8")


@pytest.fixture(scope="module")
def page(html_text) -> Page:
    parser = Page()
    parser.feed(html_text)
    parser.close()
    return parser


def test_the_script_named_town_is_escaped_text(html_text, page):
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text
    visible = "".join(page.text)
    assert visible.count(EVIL) >= 5
    assert "<img src=x" in visible
    assert not any(tag == "img" for tag, _ in page.tags)


def test_no_script_element_contains_user_text(page):
    assert len(page.scripts) == 2
    for body in page.scripts:
        assert EVIL not in body and "<img src=x" not in body
        assert "<script" not in body.lower() and "</script" not in body.lower()
    charts = page.scripts[1]
    assert "\\u0026lt;script\\u0026gt;alert(1)" in charts


def test_the_only_scripts_are_inline_plotly_and_the_chart_data(page):
    library, charts = page.scripts
    assert "plotly.js v" in library[:200]
    assert charts.lstrip().startswith("var CHARTS = ")
    specs = json.loads(charts.split("var CHARTS = ", 1)[1].split(";\n", 1)[0])
    assert len(specs) == 2 and {"data", "layout", "config"} <= set(specs[0])
    ticks = specs[0]["layout"]["xaxis"]["ticktext"]
    assert ticks[0].startswith("&lt;script&gt;")


def test_nothing_is_loaded_from_the_network(page):
    for tag, attrs in page.tags:
        attr = RESOURCE_ATTRS.get(tag)
        if attr and attrs.get(attr):
            assert not re.match(r"^(https?:)?//", attrs[attr] or ""), (tag, attrs)
        if tag == "link":
            pytest.fail(f"unexpected <link>: {attrs}")
        if tag == "script":
            assert "src" not in attrs
    csp = next(
        a["content"] for _, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in csp


def test_styles_are_inline_with_print_rules(html_text):
    style = html_text.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "@media print" in style and "@import" not in style and "url(" not in style


def test_every_section_is_there_in_order(page):
    ids = [a["id"] for tag, a in page.tags if tag == "section"]
    assert ids == [f"section-{key}" for key, _ in SECTIONS]
    visible = "".join(page.text)
    for key, _ in SECTIONS:
        assert t(f"report.section.{key}", town=EVIL) in visible


def test_links_only_point_to_web_pages(page):
    hrefs = [a["href"] for tag, a in page.tags if tag == "a"]
    assert hrefs and all(h.startswith(("#section-", "http://", "https://")) for h in hrefs)
    assert safe_url("javascript:alert(1)") is None and safe_url("https://x.org") == "https://x.org"


def test_script_json_cannot_close_its_script():
    text = script_json({"name": "</script><script>alert(1)</script>", "amp": "&", "ls": "\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script>"
