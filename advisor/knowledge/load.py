"""Load and check everything in ``data/`` and ``rules/`` at once, reporting every problem.

Loading is all-or-nothing: one bad file stops the advisor, but the error lists every problem
in every file (``file:line:column: field: message``), so a policy officer fixes them in one
pass. Ids come from file names, cross-references are checked against those ids, and rule
ids must be unique across all rules files. What comes out is a
:class:`~advisor.knowledge.base.Knowledge`; code that only uses one imports it from there.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel

from advisor.errors import KnowledgeError, Problem
from advisor.geo.names import fold
from advisor.knowledge.base import VOCABULARY_OF_KIND, Knowledge, Rules
from advisor.knowledge.models import (
    CountryGroup,
    KnowledgeFile,
    Network,
    PlaceGroup,
    Programme,
    ReferenceCase,
    Term,
    Vocabulary,
)
from advisor.knowledge.rules_models import (
    BudgetRules,
    CapacityRules,
    MatchingRules,
    NetworkFitRules,
    PartnerRules,
    PlanRules,
    PlanStep,
)
from advisor.model.base import KnownIds
from advisor.paths import DATA_DIR, RULES_DIR
from advisor.yamlio import (
    Document,
    YamlProblems,
    line_column,
    locate,
    parse,
    read_text,
    validate,
)

VOCABULARY_ORDER = (
    "assets",
    "themes",
    "goals",
    "constraints",
    "connection_kinds",
    "institution_kinds",
    "languages",
)
"""Vocabulary files, assets first because institution kinds may imply an asset."""

M = TypeVar("M", bound=BaseModel)
F = TypeVar("F", bound=KnowledgeFile)


_KIND_OF_VOCAB = {v: k for k, v in VOCABULARY_OF_KIND.items()}


class _Collector:
    """Reads files and keeps every problem instead of stopping at the first."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.problems: list[Problem] = []
        self.docs: dict[Path, Document] = {}

    def name(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.base.parent))
        except ValueError:
            return str(path)

    def document(self, path: Path) -> Document | None:
        try:
            return parse(read_text(path), self.name(path))
        except YamlProblems as exc:
            self.problems.extend(p.in_file(self.name(path)) for p in exc.problems)
            return None

    def model(self, path: Path, model: type[M], context: dict[str, Any]) -> M | None:
        doc = self.document(path)
        if doc is None:
            return None
        self.docs[path] = doc
        sources = doc.data.get("sources") if isinstance(doc.data, dict) else None
        ctx = {**context, "source_keys": set(sources) if isinstance(sources, dict) else set()}
        try:
            return validate(model, doc, ctx)
        except YamlProblems as exc:
            self.problems.extend(exc.problems)
            return None

    def add(self, kind: Any, key: str, params: dict[str, Any], path: Path, **where: Any) -> None:
        """A problem of catalog message ``key`` (advisor/i18n/*/errors.yaml) in ``path``."""
        self.problems.append(Problem.of(kind, key, params, file=self.name(path), **where))


def _yaml_files(folder: Path) -> list[Path]:
    """Every ``*.yaml`` entry, regular file or not: reading refuses the others with a
    problem (a FIFO would block and a folder raise), so none is skipped in silence."""
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def _load_vocabularies(
    col: _Collector, folder: Path, known: KnownIds
) -> dict[str, dict[str, Term]]:
    vocabularies: dict[str, dict[str, Term]] = {}
    for stem in VOCABULARY_ORDER:
        path = folder / f"{stem}.yaml"
        if not path.exists():
            col.add("not_found", "error.missing_vocabulary_file", {"name": f"{stem}.yaml"}, folder)
            continue
        vocab = col.model(path, Vocabulary, {"known": known})
        if vocab is None:
            continue
        terms: dict[str, Term] = {}
        for term in vocab.terms:
            if term.id in terms:
                col.add("duplicate_id", "error.duplicate_term", {"id": term.id}, path)
            terms[term.id] = term
            known.add(_KIND_OF_VOCAB[stem], term.id, term.label, *term.synonyms)
        vocabularies[stem] = terms
    return vocabularies


def _load_items(col: _Collector, folder: Path, model: type[F], known: KnownIds) -> dict[str, F]:
    items: dict[str, F] = {}
    for path in _yaml_files(folder):
        item = col.model(path, model, {"known": known})
        if item is None:
            continue
        ident = item.id
        if ident != path.stem:
            node, _ = locate(col.docs[path].root, ["id"])
            line, column = line_column(node)
            col.add(
                "id_mismatch",
                "error.id_mismatch",
                {"id": ident, "name": path.stem},
                path,
                field="id",
                line=line,
                column=column,
            )
            continue
        items[path.stem] = item
    return items


def _load_place_groups(col: _Collector, folder: Path, known: KnownIds) -> dict[str, PlaceGroup]:
    """Topic files of curated places; a place listed twice is reported at its second entry."""
    groups: dict[str, PlaceGroup] = {}
    first: dict[tuple[str, str], str] = {}
    for path in _yaml_files(folder):
        group = col.model(path, PlaceGroup, {"known": known})
        if group is None:
            continue
        groups[path.stem] = group
        for i, place in enumerate(group.places):
            key = (fold(place.name), place.country)
            if key in first:
                node, _ = locate(col.docs[path].root, ["places", i, "name"])
                line, column = line_column(node)
                col.add(
                    "duplicate_id",
                    "error.duplicate_place",
                    {"place": place.name, "country": place.country, "file": first[key]},
                    path,
                    field=f"places[{i}].name",
                    line=line,
                    column=column,
                )
            first.setdefault(key, col.name(path))
    return groups


def _register_stems(known: KnownIds, kind: str, folder: Path) -> None:
    known.ids.setdefault(kind, set())
    for path in _yaml_files(folder):
        known.add(kind, path.stem)


def _load_rules(col: _Collector, folder: Path, known: KnownIds) -> Rules | None:
    ctx = {"known": known}
    single: list[tuple[str, type[BaseModel]]] = [
        ("matching", MatchingRules),
        ("network_fit", NetworkFitRules),
        ("partners", PartnerRules),
        ("budget", BudgetRules),
        ("capacity", CapacityRules),
    ]
    loaded: dict[str, Any] = {}
    for stem, model in single:
        path = folder / f"{stem}.yaml"
        if not path.exists():
            col.add("not_found", "error.missing_rules_file", {"name": f"{stem}.yaml"}, folder)
            continue
        loaded[stem] = col.model(path, model, ctx)
    steps: list[PlanStep] = []
    plan_files = _yaml_files(folder / "plan")
    if not plan_files:
        col.add("not_found", "error.no_plan_files", {}, folder)
    for path in plan_files:
        plan = col.model(path, PlanRules, ctx)
        steps.extend(plan.steps if plan else [])
    _check_rule_ids(col)
    if any(v is None for v in loaded.values()) or len(loaded) < len(single):
        return None
    return Rules(
        loaded["matching"],
        loaded["network_fit"],
        loaded["partners"],
        tuple(steps),
        loaded["budget"],
        loaded["capacity"],
    )


def _check_rule_ids(col: _Collector) -> None:
    """Rule ids (fit adjustments, plan steps) must be unique across all rules files."""
    first: dict[str, str] = {}
    for path, doc in col.docs.items():
        for ident, line, column in _rule_ids(doc):
            where = f"{col.name(path)}:{line}"
            if ident in first:
                col.add(
                    "duplicate_id",
                    "error.duplicate_rule_id",
                    {"id": ident, "where": first[ident]},
                    path,
                    line=line,
                    column=column,
                )
            else:
                first[ident] = where


def _rule_ids(doc: Document) -> Iterable[tuple[str, int, int]]:
    """``(id, line, column)`` of each item under ``steps`` or ``adjustments``."""
    root = doc.root
    if not isinstance(root, yaml.MappingNode):
        return
    for key, value in root.value:
        if key.value not in ("steps", "adjustments") or not isinstance(value, yaml.SequenceNode):
            continue
        for item in value.value:
            if not isinstance(item, yaml.MappingNode):
                continue
            for k, v in item.value:
                if k.value == "id" and isinstance(v, yaml.ScalarNode):
                    yield (v.value, *line_column(v))


def _version(folder: Path) -> str:
    """``<VERSION file>+<hash of the YAML files>``: changes whenever any rule or fact does."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*.yaml") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    stated = (folder / "VERSION").read_text().strip() if (folder / "VERSION").is_file() else "0"
    return f"{stated}+{digest.hexdigest()[:8]}"


def load_knowledge(data_dir: Path = DATA_DIR, rules_dir: Path = RULES_DIR) -> Knowledge:
    """Load, validate and cross-check everything; raise :class:`KnowledgeError` listing all
    problems if anything is wrong."""
    col = _Collector(data_dir)
    known = KnownIds()
    vocabularies = _load_vocabularies(col, data_dir / "vocabulary", known)
    for kind, sub in (
        ("network", "networks"),
        ("programme", "programmes"),
        ("country_group", "country_groups"),
        ("case", "cases"),
    ):
        _register_stems(known, kind, data_dir / sub)
    groups = _load_items(col, data_dir / "country_groups", CountryGroup, known)
    cases = _load_items(col, data_dir / "cases", ReferenceCase, known)
    networks = _load_items(col, data_dir / "networks", Network, known)
    programmes = _load_items(col, data_dir / "programmes", Programme, known)
    places = _load_place_groups(col, data_dir / "places", known)
    rules_col = _Collector(rules_dir)
    rules = _load_rules(rules_col, rules_dir, known)
    problems = col.problems + rules_col.problems
    if problems or rules is None:
        raise KnowledgeError(problems or [Problem.of("invalid", "error.rules_not_loaded")])
    return Knowledge(
        vocabularies,
        groups,
        cases,
        networks,
        programmes,
        places,
        rules,
        known,
        _version(data_dir),
        _version(rules_dir),
    )


@cache
def default_knowledge() -> Knowledge:
    """The knowledge shipped with the project, loaded once per process."""
    return load_knowledge()
