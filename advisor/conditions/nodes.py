"""Condition nodes: each a pydantic model keyed by its operator, each explaining itself.

The node set is closed on purpose: a rules file can only combine these, so nothing in it
runs as code, and every evaluation yields sentences a council can read. Reasons always
state facts about the town ("population 29,000 is under 50,000"), so ``not`` only flips
the verdict and keeps the sentences.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, Union

from pydantic import BeforeValidator, Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from advisor.conditions.facts import FIELDS, Facts
from advisor.errors import Phrase
from advisor.geo.countries import CONTINENTS, CountryCode, country_name
from advisor.i18n import t
from advisor.i18n.formats import join as join_list
from advisor.model.base import (
    AssetId,
    ConnectionKindId,
    ConstraintId,
    CountryGroupId,
    GoalId,
    NetworkId,
    Strict,
    ThemeId,
)
from advisor.spelling import closest


@dataclass(frozen=True)
class Outcome:
    """Whether a condition holds, and the facts that decide it (the failing ones on a miss)."""

    matched: bool
    because: tuple[str, ...]


def _with_note(text: str, note: str | None) -> str:
    return f"{text} ({note})" if note else text


class Node(Strict):
    """Base of all nodes; ``TAG`` is the key that introduces the node in YAML."""

    TAG: ClassVar[str]

    def evaluate(self, facts: Facts) -> Outcome:  # pragma: no cover - abstract
        raise NotImplementedError


class AllOf(Node):
    TAG: ClassVar[str] = "all"
    all: list[Condition] = Field(min_length=1)

    def evaluate(self, facts: Facts) -> Outcome:
        outcomes = [c.evaluate(facts) for c in self.all]
        failed = [o for o in outcomes if not o.matched]
        chosen = failed or outcomes
        return Outcome(not failed, tuple(r for o in chosen for r in o.because))


class AnyOf(Node):
    TAG: ClassVar[str] = "any"
    any: list[Condition] = Field(min_length=1)

    def evaluate(self, facts: Facts) -> Outcome:
        outcomes = [c.evaluate(facts) for c in self.any]
        passed = [o for o in outcomes if o.matched]
        chosen = passed or outcomes
        return Outcome(bool(passed), tuple(r for o in chosen for r in o.because))


class NotOf(Node):
    TAG: ClassVar[str] = "not"
    not_: Condition = Field(alias="not")

    def evaluate(self, facts: Facts) -> Outcome:
        inner = self.not_.evaluate(facts)
        return Outcome(not inner.matched, inner.because)


_ORDER_OPS = ("below", "at_most", "above", "at_least")
_OPS = (*_ORDER_OPS, "equals", "one_of", "includes")
_OPS_FOR_KIND = {
    "number": (*_ORDER_OPS, "equals", "one_of"),
    "ordinal": (*_ORDER_OPS, "equals", "one_of"),
    "bool": ("equals",),
    "code": ("equals", "one_of"),
    "set": ("includes",),
}


class FieldTest(Node):
    """Compares one field of the facts with a value: ``{field: population, below: 50000}``."""

    TAG: ClassVar[str] = "field"
    # FIELDS' keys, made into a Literal at import for pydantic; mypy cannot read a Literal
    # built at run time
    field: Literal[tuple(FIELDS)]  # type: ignore[valid-type]
    below: float | str | None = None
    at_most: float | str | None = None
    above: float | str | None = None
    at_least: float | str | None = None
    equals: bool | float | str | None = None
    one_of: list[float | str] | None = None
    includes: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _one_fitting_operator(self) -> FieldTest:
        used = [op for op in _OPS if getattr(self, op) is not None]
        spec = FIELDS[self.field]
        allowed = _OPS_FOR_KIND[spec.kind]
        if len(used) != 1:
            raise PydanticCustomError(
                "operator_count",
                "a field test needs exactly one operator of: {allowed}; got {used}",
                {
                    "allowed": ", ".join(allowed),
                    "used": ", ".join(used) or Phrase("error.word.none"),
                },
            )
        op = used[0]
        if op not in allowed:
            raise PydanticCustomError(
                "operator_kind",
                "'{op}' does not apply to field '{field}'; use one of: {allowed}",
                {"op": op, "field": self.field, "allowed": ", ".join(allowed)},
            )
        for value in self._operands(op):
            _check_operand(self.field, value)
        return self

    @property
    def operator(self) -> str:
        return next(op for op in _OPS if getattr(self, op) is not None)

    def _operands(self, op: str) -> list[Any]:
        value = getattr(self, op)
        return list(value) if isinstance(value, list) else [value]

    def evaluate(self, facts: Facts) -> Outcome:
        op = self.operator
        actual = facts.values.get(self.field)
        expected = getattr(self, op)
        matched = _compare(self.field, op, actual, expected)
        kind = FIELDS[self.field].kind
        key = f"cond.{kind}.{op}.{'yes' if matched else 'no'}"
        if kind == "bool":
            key = f"fact.{self.field}.{'yes' if actual else 'no'}"
        text = t(
            key,
            field=t(f"field.{self.field}"),
            value=_show(self.field, actual),
            limit=_show(self.field, expected),
        )
        return Outcome(matched, (_with_note(text, self.note),))


def _check_operand(field: str, value: Any) -> None:
    spec = FIELDS[field]
    if spec.kind == "number" and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise PydanticCustomError(
            "operand_number",
            "field '{field}' compares with numbers, not '{value}'",
            {"field": field, "value": str(value)},
        )
    if spec.kind == "ordinal" and value not in spec.scale:
        raise PydanticCustomError(
            "operand_scale",
            "field '{field}' takes one of: {scale}; got '{value}'",
            {
                "field": field,
                "scale": ", ".join(spec.scale),
                "value": str(value),
                "suggestion": closest(str(value), spec.scale),
            },
        )
    if spec.kind == "bool" and not isinstance(value, bool):
        raise PydanticCustomError(
            "operand_bool",
            "field '{field}' is true or false, not '{value}'",
            {"field": field, "value": str(value)},
        )
    if spec.kind in ("code", "set") and not isinstance(value, str):
        raise PydanticCustomError(
            "operand_text",
            "field '{field}' compares with text, not '{value}'",
            {"field": field, "value": str(value)},
        )


def _rank(field: str, value: Any) -> float:
    scale = FIELDS[field].scale
    return float(scale.index(value)) if scale else float(value)


def _compare(field: str, op: str, actual: Any, expected: Any) -> bool:
    if actual is None:
        return False
    if op == "includes":
        return expected in actual
    if op == "equals":
        return bool(actual == expected)
    if op == "one_of":
        return actual in expected
    a, e = _rank(field, actual), _rank(field, expected)
    return {"below": a < e, "at_most": a <= e, "above": a > e, "at_least": a >= e}[op]


def _show(field: str, value: Any) -> str:
    """A value as a reader expects it: 29,000; hours per week; Japan; en, fr."""
    kind = FIELDS[field].kind
    if value is None:
        return t("value.unknown")
    if isinstance(value, list | tuple | set | frozenset):
        return join_list(_show(field, v) for v in sorted(value, key=str)) or t("value.none")
    if kind == "number":
        return f"{value:,.0f}"
    if kind == "ordinal":
        return t(f"scale.{field}.{value}")
    if field == "country":
        return country_name(str(value))
    return str(value)


class _VocabularyTest(Node):
    """Looks for ids in one set of the facts: ``{theme: x}`` for one id, ``{any_theme: [x,
    y]}`` for any of several. The kinds differ only in names, so each is made by
    :func:`_vocabulary_test` in one line rather than written out as a class of its own."""

    KIND: ClassVar[str]
    """The ids' label kind, also naming the reason's message (``cond.<KIND>.yes``)."""
    ATTRIBUTE: ClassVar[str]
    """The :class:`Facts` set the ids are looked for in."""
    note: str | None = None

    def _ids(self) -> list[str]:
        """The id or ids the node names, under its tag (its one field besides ``note``)."""
        value = getattr(self, self.TAG)
        return list(value) if isinstance(value, list) else [value]

    def evaluate(self, facts: Facts) -> Outcome:
        present = getattr(facts, self.ATTRIBUTE)
        wanted = self._ids()
        found = [i for i in wanted if i in present]
        shown = found or wanted
        labels = join_list(facts.label(self.KIND, i) for i in shown)
        text = t(f"cond.{self.KIND}.{'yes' if found else 'no'}", labels=labels)
        return Outcome(bool(found), (_with_note(text, self.note),))


def _vocabulary_test(
    tag: str, kind: str, attribute: str, ids: Any, *, many: bool = False
) -> type[_VocabularyTest]:
    """The node class for ``{tag: id}`` (``many``: ``{tag: [id, ...]}``, at least one),
    where ``ids`` is the checked id type (:data:`ThemeId` ...). The class is named after
    its tag (``any_theme`` makes ``AnyThemeTest``), as pydantic's errors and schemas show."""
    name = "".join(word.title() for word in tag.split("_")) + "Test"
    field = Annotated[list[ids], Field(min_length=1)] if many else ids
    body = {"__module__": __name__, "__annotations__": {tag: field}}
    body |= {"TAG": tag, "KIND": kind, "ATTRIBUTE": attribute}
    return types.new_class(name, (_VocabularyTest,), exec_body=lambda ns: ns.update(body))


ThemeTest = _vocabulary_test("theme", "theme", "themes", ThemeId)
AnyThemeTest = _vocabulary_test("any_theme", "theme", "themes", ThemeId, many=True)
AssetTest = _vocabulary_test("asset", "asset", "assets", AssetId)
AnyAssetTest = _vocabulary_test("any_asset", "asset", "assets", AssetId, many=True)
GoalTest = _vocabulary_test("goal", "goal", "goals", GoalId)
AnyGoalTest = _vocabulary_test("any_goal", "goal", "goals", GoalId, many=True)
ConnectionKindTest = _vocabulary_test(
    "connection_kind", "connection_kind", "connection_kinds", ConnectionKindId
)
ConstraintTest = _vocabulary_test("constraint", "constraint", "constraints", ConstraintId)
MemberOfTest = _vocabulary_test("member_of", "network", "memberships", NetworkId)


class CountryTest(Node):
    TAG: ClassVar[str] = "country"
    country: list[CountryCode] = Field(min_length=1)
    note: str | None = None

    def evaluate(self, facts: Facts) -> Outcome:
        matched = facts.country in self.country
        text = t(
            f"cond.country.{'yes' if matched else 'no'}",
            country=country_name(facts.country),
            options=join_list((country_name(c) for c in self.country), "or"),
        )
        return Outcome(matched, (_with_note(text, self.note),))


class CountryGroupTest(Node):
    TAG: ClassVar[str] = "country_group"
    country_group: CountryGroupId
    note: str | None = None

    def evaluate(self, facts: Facts) -> Outcome:
        matched = self.country_group in facts.country_groups
        text = t(
            f"cond.country_group.{'yes' if matched else 'no'}",
            country=country_name(facts.country),
            group=facts.label("country_group", self.country_group),
        )
        return Outcome(matched, (_with_note(text, self.note),))


class ContinentTest(Node):
    TAG: ClassVar[str] = "continent"
    # CONTINENTS' codes, made into a Literal at import for pydantic; mypy cannot read a
    # Literal built at run time
    continent: Literal[tuple(CONTINENTS)]  # type: ignore[valid-type]
    note: str | None = None

    def evaluate(self, facts: Facts) -> Outcome:
        matched = facts.continent == self.continent
        text = t(
            f"cond.continent.{'yes' if matched else 'no'}",
            country=country_name(facts.country),
            continent=CONTINENTS[self.continent],
        )
        return Outcome(matched, (_with_note(text, self.note),))


NODE_TYPES: tuple[type[Node], ...] = (
    AllOf,
    AnyOf,
    NotOf,
    FieldTest,
    ThemeTest,
    AnyThemeTest,
    AssetTest,
    AnyAssetTest,
    GoalTest,
    AnyGoalTest,
    CountryTest,
    CountryGroupTest,
    ContinentTest,
    MemberOfTest,
    ConnectionKindTest,
    ConstraintTest,
)
"""Every node, in the order error messages list the operators; :data:`Condition` is built
from this list, so a new node is added here and nowhere else."""
OPERATORS = tuple(n.TAG for n in NODE_TYPES)


def _tag_of(value: Any) -> str | None:
    if isinstance(value, Node):
        return value.TAG
    if isinstance(value, Mapping):
        return next((k for k in OPERATORS if k in value), None)
    return None


def _check_shape(value: Any) -> Any:
    """One clear message for a mapping that is not a condition, with a suggestion."""
    if isinstance(value, Node):
        return value
    if not isinstance(value, Mapping):
        raise PydanticCustomError(
            "condition_not_mapping",
            "a condition is a mapping such as {{field: population, below: 50000}}; got {value}",
            {"value": repr(value)[:60]},
        )
    tags = [k for k in OPERATORS if k in value]
    if len(tags) == 1:
        return value
    if tags:
        raise PydanticCustomError(
            "condition_operators",
            "a condition has one operator; this one has {tags}: wrap several in 'all' or 'any'",
            {"tags": ", ".join(tags)},
        )
    keys = [str(k) for k in value if k != "note"]
    guess = next((s for s in (closest(k, OPERATORS) for k in keys) if s), None)
    raise PydanticCustomError(
        "condition_unknown",
        "unknown condition '{keys}'; a condition starts with one of: {ops}",
        {
            "keys": ", ".join(keys) or Phrase("error.word.empty"),
            "ops": ", ".join(OPERATORS),
            "suggestion": guess,
        },
    )


if TYPE_CHECKING:
    # mypy cannot read a union built at run time; to it a condition is any node
    Condition = Node
else:
    # Union[...] because the members are a run-time tuple: there is no X | Y to write
    Condition = Annotated[
        Union[tuple(Annotated[node, Tag(node.TAG)] for node in NODE_TYPES)],  # noqa: UP007
        Discriminator(_tag_of),
        BeforeValidator(_check_shape),
    ]
    """One of :data:`NODE_TYPES`, chosen by its operator key (a tagged union, so an error
    names the fields of that node only)."""

for _node in (AllOf, AnyOf, NotOf):
    _node.model_rebuild()
