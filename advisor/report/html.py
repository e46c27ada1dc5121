"""The HTML report: one self-contained file with interactive charts that works offline.

Everything is inline: the stylesheet, plotly.js (read from the plotly package) and the
chart data. A Content-Security-Policy forbids loading anything from the network, so the
file behaves the same on a laptop without internet as in a browser that blocks trackers.
Every piece of text goes through ``html.escape``; chart data is JSON with ``<``, ``>`` and
``&`` written as ``\\u`` escapes, so no text can close the script that carries it.
"""

from __future__ import annotations

import html
import importlib.util
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

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
from advisor.report.html_style import CSS
from advisor.report.interactive import chart_spec

CSP = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'unsafe-inline'; img-src data: blob:; font-src data:"
)
"""Inline code only; no request may leave the page (plotly.js needs eval for some traces)."""
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028"}
_JSON_ESCAPES["\u2029"] = "\\u2029"


def esc(text: str) -> str:
    """Text for HTML content and attribute values."""
    return html.escape(text, quote=True)


def safe_url(url: str | None) -> str | None:
    """Only web links become links: a ``javascript:`` or ``file:`` address stays text."""
    if url and url.strip().lower().startswith(("https://", "http://")):
        return url.strip()
    return None


def script_json(value: object) -> str:
    """JSON safe inside a <script> element: no ``</script>``, ``<!--`` or line separators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return "".join(_JSON_ESCAPES.get(ch, ch) for ch in text)


@cache
def plotly_js() -> str:
    """plotly.min.js from the installed plotly package (located without importing it)."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or spec.origin is None:
        raise RuntimeError("the Python package 'plotly' is needed for the HTML report")
    source = Path(spec.origin).parent / "package_data" / "plotly.min.js"
    return source.read_text(encoding="utf-8").replace("</script", "<\\/script")


def document_html(doc: Document) -> bytes:
    """Cover, contents, sections, then plotly.js and the chart data at the end of <body>."""
    charts: list[dict[str, Any]] = []
    body = [_cover(doc), _contents(doc), "<main>"]
    for section in doc.sections:
        body.append(f'<section id="section-{section.key}">\n<h2>{esc(section.title)}</h2>')
        body += [DRAW[type(block)](block, charts) for block in section.blocks]
        body.append("</section>")
    body += ["</main>", f"<footer><p>{esc(doc.footer)}</p></footer>", _scripts(charts)]
    page = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(doc.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>{esc(doc.title)}</title>",
        f"<style>\n{CSS}</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
    ]
    return ("\n".join(page) + "\n").encode("utf-8")


def _cover(doc: Document) -> str:
    cover = doc.cover
    return (
        f'<header class="cover">\n<h1>{esc(cover.title)}</h1>\n'
        f'<p class="town">{esc(doc.town)}</p>\n<p class="subtitle">{esc(cover.subtitle)}</p>\n'
        f'{_facts(Facts(cover.facts), [])}\n<p class="note">{esc(cover.note)}</p>\n</header>'
    )


def _contents(doc: Document) -> str:
    items = "".join(f'<li><a href="#section-{s.key}">{esc(s.title)}</a></li>' for s in doc.sections)
    return f'<nav class="contents">\n<h2>{esc(doc.contents_title)}</h2>\n<ol>{items}</ol>\n</nav>'


def _scripts(charts: list[dict[str, Any]]) -> str:
    if not charts:
        return ""
    draw = (
        "document.querySelectorAll('.chart').forEach(function (el, i) {"
        " var c = CHARTS[i]; Plotly.newPlot(el, c.data, c.layout, c.config); });"
    )
    return (
        f"<script>\n{plotly_js()}\n</script>\n"
        f"<script>\nvar CHARTS = {script_json(charts)};\n{draw}\n</script>"
    )


def _link(text: str, url: str | None) -> str:
    href = safe_url(url)
    return f'<a href="{esc(href)}">{esc(text)}</a>' if href else esc(text)


def _paragraph(block: Paragraph, charts: list[dict[str, Any]]) -> str:
    css = f' class="{block.style}"' if block.style != "body" else ""
    return f"<p{css}>{esc(block.text)}</p>"


def _heading(block: Heading, charts: list[dict[str, Any]]) -> str:
    tag = "h3" if block.level == 1 else "h4"
    return f"<{tag}>{esc(block.text)}</{tag}>"


def _bullets(block: Bullets, charts: list[dict[str, Any]]) -> str:
    tag = "ol" if block.numbered else "ul"
    caption = f'<p class="caption">{esc(block.title)}</p>' if block.title else ""
    items = "".join(f"<li>{esc(item)}</li>" for item in block.items)
    return f"{caption}<{tag}>{items}</{tag}>"


def _facts(block: Facts, charts: list[dict[str, Any]]) -> str:
    rows = "".join(f"<dt>{esc(f.label)}</dt><dd>{_link(f.value, f.url)}</dd>" for f in block.items)
    return f'<dl class="facts">{rows}</dl>'


def _table(block: Table, charts: list[dict[str, Any]]) -> str:
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in block.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{esc(v)}</td>" for v in values) + "</tr>" for values in block.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _links(block: Links, charts: list[dict[str, Any]]) -> str:
    caption = f'<p class="caption">{esc(block.title)}</p>' if block.title else ""
    items = "".join(
        f"<li>{esc(link.text)}"
        + (
            f"<br>{_link(link.url, link.url)}"
            if link.url is not None and safe_url(link.url)
            else ""
        )
        + "</li>"
        for link in block.items
    )
    return f"{caption}<ul>{items}</ul>"


def _chart(block: ProfileChart | MapChart, charts: list[dict[str, Any]]) -> str:
    charts.append(chart_spec(block))
    title = esc(block.title)
    return (
        f"<figure><figcaption>{title}</figcaption>"
        f'<div class="chart" role="img" aria-label="{title}"></div></figure>'
    )


DRAW: dict[type, Callable[[Any, list[dict[str, Any]]], str]] = {
    Paragraph: _paragraph,
    Heading: _heading,
    Bullets: _bullets,
    Facts: _facts,
    Table: _table,
    Links: _links,
    ProfileChart: _chart,
    MapChart: _chart,
}


render_html = renderer(document_html, "one UTF-8 HTML file")
