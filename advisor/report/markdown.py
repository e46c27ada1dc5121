"""The Markdown report: plain text that pastes into a wiki, an e-mail or a git repository.

Every piece of text is escaped so a town's own words cannot change the structure: ``|``
cannot split a table cell, ``*`` cannot start emphasis, a leading ``#`` or ``1.`` cannot
become a heading or a list, and ``<script>`` cannot become HTML in a Markdown viewer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from advisor.i18n import t
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
from advisor.report.fmt import one_line
from advisor.report.html import safe_url

_INLINE = re.compile(r"([\\`*_\[\]<>|~])|&(?=#?\w+;)")
_LINE_START = re.compile(r"^(#|=|>|[-+](?=\s|$))")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
MARK = "●"


def escape(text: str) -> str:
    """``text`` on one line, with every character Markdown would act on inside a line
    backslash-escaped (emphasis, code, links, HTML, table pipes, entities)."""
    flat = one_line(text)
    return _INLINE.sub(lambda m: "\\" + (m.group(1) or "&"), flat)


def escape_start(text: str) -> str:
    """``escape`` for text that begins a line or a list item, where ``#``, ``>``, ``-`` or
    ``1.`` would start a heading, quote or list; a trailing ``#`` would close a heading."""
    flat = _LINE_START.sub(r"\\\1", escape(text))
    flat = _ORDERED.sub(r"\1\\\2", flat)
    return flat[:-1] + "\\#" if flat.endswith("#") else flat


def link(text: str, url: str | None) -> str:
    """``[text](url)`` for web links; anything else stays escaped text."""
    href = safe_url(url)
    if href is None:
        return escape(text)
    for raw, coded in ((" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E")):
        href = href.replace(raw, coded)
    return f"[{escape(text)}]({href})"


def document_markdown(doc: Document) -> bytes:
    """Headings, lists and tables in CommonMark with GitHub tables; charts as data tables."""
    lines = [f"# {escape_start(doc.title)}", "", escape_start(doc.cover.subtitle), ""]
    lines += _facts(Facts(doc.cover.facts))
    lines += [f"_{escape(doc.cover.note)}_", ""]
    for section in doc.sections:
        lines += [f"## {escape_start(section.title)}", ""]
        for block in section.blocks:
            lines += DRAW[type(block)](block)
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


def _paragraph(block: Paragraph) -> list[str]:
    text = escape_start(block.text)
    return [f"_{text}_" if block.style == "note" else text, ""]


def _heading(block: Heading) -> list[str]:
    return [f"{'###' if block.level == 1 else '####'} {escape_start(block.text)}", ""]


def _bullets(block: Bullets) -> list[str]:
    head = [f"**{escape(block.title)}**", ""] if block.title else []
    marks = (f"{n}." if block.numbered else "-" for n in range(1, len(block.items) + 1))
    return [
        *head,
        *(f"{m} {escape_start(item)}" for m, item in zip(marks, block.items, strict=True)),
        "",
    ]


def _facts(block: Facts) -> list[str]:
    return [f"- **{escape(f.label)}:** {link(f.value, f.url)}" for f in block.items] + [""]


def _table(block: Table) -> list[str]:
    def row(values: tuple[str, ...]) -> str:
        return "| " + " | ".join(escape(v) or " " for v in values) + " |"

    return [row(block.columns), "|" + "---|" * len(block.columns), *map(row, block.rows), ""]


def _links(block: Links) -> list[str]:
    head = [f"**{escape(block.title)}**", ""] if block.title else []
    items = [
        f"- {escape_start(x.text)}: {link(x.url, x.url)}"
        if x.url is not None and safe_url(x.url)
        else f"- {escape_start(x.text)}"
        for x in block.items
    ]
    return [*head, *items, ""]


def _profile(block: ProfileChart) -> list[str]:
    """The chart's data as a table: a dot where the town or case has the theme."""
    rows = tuple(
        (theme, *(MARK if has else "" for has in marks))
        for theme, marks in zip(block.rows, block.marks, strict=True)
    )
    table = Table((t("report.cases.chart_theme"), *block.columns), rows, ())
    return [f"**{escape(block.title)}**", "", *_table(table)]


def _map(block: MapChart) -> list[str]:
    return [f"**{escape(block.title)}**", "", escape(t("report.chart.markdown_note")), ""]


DRAW: dict[type, Callable[[Any], list[str]]] = {
    Paragraph: _paragraph,
    Heading: _heading,
    Bullets: _bullets,
    Facts: _facts,
    Table: _table,
    Links: _links,
    ProfileChart: _profile,
    MapChart: _map,
}


render_markdown = renderer(document_markdown, "UTF-8 Markdown")
