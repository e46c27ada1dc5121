"""Inputs the wizard pages share: vocabulary checklists, country pickers, row editors."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, TypeVar

import streamlit as st
from pydantic import BaseModel

from advisor.geo.countries import countries, country_name
from advisor.i18n import current_language, t, tr, use_language
from advisor.i18n.formats import join, number, plural
from advisor.i18n.formats import join as join_list
from advisor.knowledge.base import Knowledge
from advisor.model.assessment import MAX_ITEMS
from advisor.opendata.find_town import TownHit, find_town
from advisor.report.fmt import local_name_of
from advisor.ui import state
from advisor.ui.resources import open_data_bundle
from advisor.wizard import CutText, FieldProblem, cut_lines, cut_text, rows_to_models, text_limit

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T", bound=Hashable)


def fixed_labels(options: Iterable[T], label: Callable[[T], str]) -> Callable[[T], str]:
    """A widget's ``format_func`` whose labels are worked out now, in the page's language:
    Streamlit may call it again later, outside the page run (a test harness does), where a
    lazy translation would fall back to English and no longer match the options."""
    labels = {option: label(option) for option in options}
    return labels.__getitem__


def country_codes() -> list[str]:
    """ISO codes sorted by country name in the page's language, as people look for them."""
    return list(_country_codes(current_language()))


@cache
def _country_codes(language: str) -> tuple[str, ...]:
    """Sorted once per language and process, not on every rerun of every country field."""
    with use_language(language):
        return tuple(sorted(countries(), key=country_name))


def country_select(label: str, value: str | None, key: str, help: str | None = None) -> str | None:
    options = ["", *country_codes()]
    index = options.index(value) if value in options else 0
    choice = st.selectbox(
        label,
        options,
        index=index,
        key=state.key(key),
        help=help,
        format_func=fixed_labels(options, lambda c: country_name(c) if c else t("ui.choose")),
    )
    return choice or None


def countries_multiselect(label: str, values: Sequence[str], key: str) -> list[str]:
    codes = country_codes()
    names = fixed_labels(codes, country_name)
    return st.multiselect(label, codes, default=list(values), key=state.key(key), format_func=names)


def vocab_multiselect(
    knowledge: Knowledge,
    kind: str,
    label: str,
    values: Sequence[str],
    key: str,
    help: str | None = None,
) -> list[str]:
    terms = knowledge.terms(kind)
    kept = [v for v in values if v in terms]
    return st.multiselect(
        label,
        list(terms),
        default=kept,
        key=state.key(key),
        help=help,
        format_func=fixed_labels(terms, lambda i: tr(terms[i].label)),
    )


def theme_checklist(
    knowledge: Knowledge, kinds: tuple[str, ...], values: Sequence[str], key: str
) -> list[str]:
    """Checkboxes for the themes of ``kinds``, each with its description and examples."""
    terms = [term for term in knowledge.terms("themes").values() if term.kind in kinds]
    columns = st.columns(2)
    chosen = []
    for i, term in enumerate(terms):
        examples = knowledge.cases_with_theme(term.id)[:3]
        help_text = tr(term.description) + (
            f" {t('ui.examples', names=join(examples))}" if examples else ""
        )
        if columns[i % 2].checkbox(
            tr(term.label),
            value=term.id in values,
            key=state.key(f"{key}.{term.id}"),
            help=help_text,
        ):
            chosen.append(term.id)
    return chosen


def long_text(label: str, value: str, key: str, limit: int | None, help: str | None = None) -> str:
    """A notes field that takes any paste and keeps up to ``limit`` characters, saying so
    when it cut (a browser field with a hard limit drops an over-long paste silently)."""
    typed = st.text_area(label, value=value, key=state.key(key), help=help)
    return _kept(cut_text(typed, limit), limit)


def _kept(cut: CutText, limit: int | None) -> str:
    """The text to keep, with a note under the field for what did not fit or was removed."""
    if cut.dropped:
        st.warning(
            t("ui.text_cut", limit=number(limit or 0), dropped=number(cut.dropped)), icon="✂️"
        )
    if cut.unprintable:
        st.warning(plural("ui.unprintable_removed", cut.unprintable), icon="✂️")
    return cut.text


def lines_input(label: str, values: Sequence[str], key: str, help: str | None = None) -> list[str]:
    """One answer per line, each cut to 200 characters, at most as many as the model takes."""
    text = st.text_area(label, value="\n".join(values), key=state.key(key), help=help, height=90)
    lines = _kept(cut_text(text, None), None).splitlines()
    cut = cut_lines([line.strip()[:200] for line in lines], MAX_ITEMS)
    if cut.dropped:
        st.warning(t("ui.lines_cut", limit=MAX_ITEMS, dropped=cut.dropped), icon="✂️")
    return cut.text.splitlines()


def show_problems(found: Sequence[FieldProblem], prefix: str) -> None:
    """Errors for fields under ``prefix``, drawn right where the field is."""
    for problem in found:
        if problem.field.startswith(prefix):
            st.error(t(problem.message, **dict(problem.params)), icon="⚠️")


@dataclass(frozen=True)
class Column:
    """One input of a row editor."""

    name: str
    label: str
    kind: str = "text"  # text | country | choice | year | status
    options: tuple[str, ...] = ()
    format: Callable[[str], str] | None = None
    width: float = 1.0
    limit: int = 200


def _cell(column: Column, value: Any, key: str) -> Any:
    if column.kind == "country":
        return country_select(column.label, value, key)
    if column.kind == "choice":
        options = list(column.options)
        index = options.index(value) if value in options else 0
        return st.selectbox(
            column.label,
            options,
            index=index,
            key=state.key(key),
            format_func=fixed_labels(options, column.format or str),
        )
    if column.kind == "year":
        return (
            st.number_input(
                column.label,
                min_value=0,
                max_value=2100,
                step=1,
                value=int(value or 0),
                key=state.key(key),
                help=t("ui.year_help"),
            )
            or None
        )
    typed = st.text_input(column.label, value=value or "", key=state.key(key))
    return _kept(cut_text(typed, column.limit), column.limit)


def edit_rows(
    name: str,
    rows: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    add_label: str,
    blank: dict[str, Any],
    check: Callable[[dict[str, Any]], str | None] | None = None,
) -> list[dict[str, Any]]:
    """Add, edit and remove rows. Drafts live in the session until the answers are replaced,
    so an unfinished row survives moving between steps; ``check`` gives the message to
    show under a row that cannot be kept yet."""
    store = f"rows.{name}"
    if store not in st.session_state:
        st.session_state[store] = [{**row, "_id": i} for i, row in enumerate(rows)]
    drafts: list[dict[str, Any]] = st.session_state[store]
    for draft in list(drafts):
        with st.container(border=True):
            cells = st.columns([c.width for c in columns] + [0.8], vertical_alignment="bottom")
            for cell, column in zip(cells, columns, strict=False):
                with cell:
                    draft[column.name] = _cell(
                        column, draft.get(column.name), f"{name}.{draft['_id']}.{column.name}"
                    )
            if cells[-1].button(t("ui.remove"), key=state.key(f"{name}.{draft['_id']}.remove")):
                drafts.remove(draft)
                st.rerun()
            message = check(_without_id(draft)) if check else None
            if message:
                st.warning(message, icon="✏️")
    if len(drafts) >= MAX_ITEMS:
        st.caption(t("ui.rows_full", limit=MAX_ITEMS))
    elif st.button(add_label, key=state.key(f"{name}.add")):
        next_id = max((d["_id"] for d in drafts), default=-1) + 1
        drafts.append({**blank, "_id": next_id})
        st.rerun()
    return [_without_id(d) for d in drafts]


def _without_id(draft: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in draft.items() if k != "_id"}


def missing_message(fields: list[str]) -> str | None:
    """'Not kept yet, still needed: place, country' for a row that cannot be kept yet."""
    if not fields:
        return None
    return t("ui.row_missing", fields=join_list(t(f"field_name.{f}") for f in fields))


def _with_model_limit(model: type[BaseModel], column: Column) -> Column:
    """A text column limited as the model limits that field (200 for names, 4,000 for a
    description)."""
    limit = text_limit(model, column.name) if column.kind == "text" else None
    return replace(column, limit=limit) if limit else column


def _identity(row: dict[str, Any], columns: Sequence[Column]) -> tuple[Any, ...]:
    return tuple(row.get(c.name) for c in columns[:2])


def edit_answers(
    name: str,
    model: type[M],
    current: Sequence[M],
    columns: Sequence[Column],
    add_label: str,
    blank: dict[str, Any],
    context: dict[str, Any] | None = None,
) -> list[M]:
    """A row editor bound to a list of answers: answers in, checked answers out. Fields the
    editor does not show (a GeoNames id) stay with their row while its first two columns
    (place and country, say) are unchanged."""
    columns = [_with_model_limit(model, c) for c in columns]
    shown = {c.name for c in columns}
    hidden = {_identity(a.model_dump(), columns): a.model_dump(exclude=shown) for a in current}

    def check(row: dict[str, Any]) -> str | None:
        return missing_message(
            rows_to_models(model, [row], blank=blank, context=context).missing[0]
        )

    rows = edit_rows(
        name, [a.model_dump(include=shown) for a in current], columns, add_label, blank, check=check
    )
    merged = [{**hidden.get(_identity(row, columns), {}), **row} for row in rows]
    return rows_to_models(model, merged, blank=blank, context=context).kept


def town_search(key: str, no_hit: str) -> TownHit | None:
    """Search the gazetteer (name, optional country) and pick one hit; None until there is
    a hit to pick. ``no_hit`` is said when the search finds nothing."""
    left, right = st.columns([3, 2])
    query = left.text_input(t("town.search"), key=key, placeholder=t("town.search_ph"))
    country = right.selectbox(
        t("town.search_country"),
        ["", *country_codes()],
        key=f"{key}_country",
        format_func=fixed_labels(
            ["", *country_codes()], lambda c: country_name(c) if c else t("town.any_country")
        ),
    )
    if not query.strip():
        return None
    hits = find_town(open_data_bundle(), query, country or None, limit=8)
    if not hits:
        st.info(no_hit)
        return None
    pick = st.radio(
        t("town.pick"),
        range(len(hits)),
        key=f"{key}.pick",
        format_func=fixed_labels(range(len(hits)), lambda i: hit_label(hits[i])),
    )
    if hits[pick].match not in ("exact", "alternate"):
        st.caption(t("town.fuzzy_hint"))
    return hits[pick]


def hit_label(hit: TownHit) -> str:
    """``Hirado 平戸市 (Nagasaki, Japan), 29,000 inhabitants``: a hit as a clerk recognises
    it, with its name in its own script when the gazetteer knows it."""
    where = ", ".join(p for p in (hit.region, country_name(hit.country)) if p)
    population = number(hit.population)
    local = local_name_of(hit.name, hit.local_name)
    if local:
        return t("town.hit_local", name=hit.name, local=local, where=where, population=population)
    return t("town.hit", name=hit.name, where=where, population=population)
