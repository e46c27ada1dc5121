"""The appendix: every answer of the assessment, in words a council member can check.

It walks the model's fields rather than a hand-made list, so a field added to the
assessment shows up here (and its missing label fails the catalog test) instead of being
silently left out of the record.
"""

from __future__ import annotations

import datetime as dt
import typing
from typing import Any

from pydantic import BaseModel

from advisor.geo.countries import country_name
from advisor.i18n import t
from advisor.knowledge.base import Knowledge
from advisor.model.assessment import Assessment
from advisor.report.document import Block, Fact, Facts, Heading, Paragraph, Table
from advisor.report.fmt import join, number, one_line

LABELLED = {
    "history.themes": "theme",
    "specializations.themes": "theme",
    "assets": "asset",
    "ties.networks": "network",
    "goals.aims": "goal",
    "constraints.items": "constraint",
    "history.connections.kind": "connection_kind",
    "specializations.institutions.kind": "institution_kind",
    "capacity.languages": "language",
}
"""Fields holding knowledge-base ids, shown by their labels."""

COUNTRIES = {
    "municipality.country",
    "history.connections.country",
    "ties.sister_towns.country",
    "goals.partner_countries",
}
SCALES = {"capacity.staff_time": "scale.staff_time", "capacity.budget_band": "scale.budget_band"}
STATUSES = {"ties.sister_towns.status": "report.tie_status"}
COORDINATES = {"municipality.latitude", "municipality.longitude"}
COUNTS = {"municipality.population"}
"""Numbers that get a thousands separator; years and ids do not."""


def appendix_blocks(a: Assessment, k: Knowledge) -> list[Block]:
    """One heading per part of the answers, the answers file's format version last."""
    blocks: list[Block] = [Paragraph(t("report.appendix.intro"), "lead")]
    names = [n for n in Assessment.model_fields if n != "schema_version"] + ["schema_version"]
    for name in names:
        value = getattr(a, name)
        blocks.append(Heading(field_label(name)))
        if isinstance(value, BaseModel):
            blocks += _model_blocks(name, value, k)
        else:
            blocks.append(Paragraph(show(name, value, k)))
    return blocks


def field_label(path: str) -> str:
    return t(f"report.answer.{path}")


def field_paths(model: type[BaseModel] = Assessment, prefix: str = "") -> list[str]:
    """Every field path the appendix labels (``history.connections.place`` ...)."""
    paths = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        paths.append(path)
        inner = _inner_model(info.annotation)
        if inner is not None:
            paths += field_paths(inner, f"{path}.")
    return paths


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, directly or as ``list[Model]``; None for plain values."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is list and args and isinstance(args[0], type):
        return args[0] if issubclass(args[0], BaseModel) else None
    return None


def _model_blocks(path: str, model: BaseModel, k: Knowledge) -> list[Block]:
    facts: list[Fact] = []
    tables: list[Block] = []
    for name, info in type(model).model_fields.items():
        value, sub = getattr(model, name), f"{path}.{name}"
        item_model = _inner_model(info.annotation)
        if item_model is None:
            facts.append(Fact(field_label(sub), show(sub, value, k)))
        else:
            tables += _table(sub, item_model, value, k)
    return [Facts(tuple(facts)), *tables]


def _table(path: str, model: type[BaseModel], items: list[BaseModel], k: Knowledge) -> list[Block]:
    heading = Heading(field_label(path), level=2)
    if not items:
        return [heading, Paragraph(t("value.none"))]
    names = list(model.model_fields)
    columns = tuple(field_label(f"{path}.{n}") for n in names)
    rows = tuple(tuple(show(f"{path}.{n}", getattr(i, n), k) for n in names) for i in items)
    widths = tuple(4 if n in ("description", "notes") else 2 for n in names)
    return [heading, Table(columns, rows, widths)]


def show(path: str, value: Any, k: Knowledge) -> str:
    """One answer as text: labels for ids, country names, scale words, yes and no."""
    if value is None or value == "":
        return t("report.not_given")
    if isinstance(value, bool):
        return t("report.yes") if value else t("report.no")
    if isinstance(value, list):
        return join(show(path, item, k) for item in value)
    if path in LABELLED:
        return k.label(LABELLED[path], value)
    if path in COUNTRIES:
        return country_name(value)
    if path in SCALES or path in STATUSES:
        return t(f"{SCALES.get(path) or STATUSES[path]}.{value}")
    return _plain(path, value)


def _plain(path: str, value: Any) -> str:
    if path in COORDINATES:
        return f"{value:.4f}"
    if path in COUNTS:
        return number(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return one_line(str(value))
