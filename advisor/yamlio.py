"""Safe YAML reading that remembers where every value came from.

PyYAML's ``safe_load`` silently keeps the second of two duplicate keys and forgets line
numbers. Here a document is composed once into a node tree (C loader when available),
checked for duplicate keys, anchors and size, then constructed; the tree stays beside the
data so that a pydantic error path can be turned into ``file:line:column``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from advisor.errors import Problem
from advisor.suggest import closest

MAX_BYTES = 512 * 1024
"""Largest YAML file the advisor reads; knowledge files and answers are far smaller."""

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # type: ignore[assignment]


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader with YAML 1.2 booleans: only true/false, so the country code NO
    (Norway) and the answer 'no' stay text instead of turning into False."""


_BOOL_TAG = "tag:yaml.org,2002:bool"
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL_TAG]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass(frozen=True)
class Document:
    """Parsed YAML: the plain data plus the node tree it was built from."""

    data: Any
    root: yaml.Node | None
    file: str


class YamlProblems(Exception):
    """Raised by :func:`parse` with every problem found before construction."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def read_text(path: Path, limit: int = MAX_BYTES) -> str:
    """File text, refusing files over ``limit`` bytes and bytes that are not UTF-8."""
    size = path.stat().st_size
    if size > limit:
        raise YamlProblems(
            [
                Problem(
                    "too_large", f"file is {size:,} bytes; the limit is {limit:,}", file=str(path)
                )
            ]
        )
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlProblems(
            [Problem("syntax", f"file is not UTF-8 text (byte {exc.start})", file=str(path))]
        ) from exc


def parse(text: str, file: str, limit: int = MAX_BYTES) -> Document:
    """Parse one YAML document; raise :class:`YamlProblems` on syntax, duplicates or aliases."""
    if len(text.encode("utf-8")) > limit:
        raise YamlProblems(
            [Problem("too_large", f"text is over the {limit:,}-byte limit", file=file)]
        )
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return Document(None, None, file)
        problems = list(_structure_problems(root, file))
        if problems:
            raise YamlProblems(problems)
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        raise YamlProblems([_syntax_problem(exc, file)]) from exc
    except yaml.YAMLError as exc:
        raise YamlProblems([Problem("syntax", str(exc), file=file)]) from exc
    finally:
        loader.dispose()
    return Document(data, root, file)


def _syntax_problem(exc: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    message = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
    if mark is None:
        return Problem("syntax", message, file=file)
    return Problem("syntax", message, file=file, line=mark.line + 1, column=mark.column + 1)


def _structure_problems(root: yaml.Node, file: str) -> Iterator[Problem]:
    """Duplicate keys and anchors/aliases anywhere in the tree."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            yield _at(
                node,
                file,
                "alias",
                "anchors and aliases (&name, *name) are not allowed; write the value out",
            )
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            yield from _duplicate_keys(node, file)
            for key, value in node.value:
                stack.extend((value, key))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _duplicate_keys(node: yaml.MappingNode, file: str) -> Iterator[Problem]:
    first_line: dict[str, int] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        if key.value in first_line:
            yield _at(
                key,
                file,
                "duplicate_key",
                f"duplicate key '{key.value}' (first at line {first_line[key.value]})",
            )
        else:
            first_line[key.value] = key.start_mark.line + 1


def _at(node: yaml.Node, file: str, kind: Any, message: str) -> Problem:
    mark = node.start_mark
    return Problem(kind, message, file=file, line=mark.line + 1, column=mark.column + 1)


def locate(root: yaml.Node | None, loc: Sequence[str | int]) -> tuple[yaml.Node | None, str]:
    """The node a pydantic error path points at, and the path as the user wrote it.

    Parts of ``loc`` that are not in the document (union tags, model names) are skipped;
    the walk stops at a scalar, so the line is never beyond the real value.
    """
    node, shown = root, []
    parts = list(loc)
    for i, part in enumerate(parts):
        following = parts[i + 1] if i + 1 < len(parts) else None
        if _is_union_tag(node, part, following):
            continue
        nxt = _child(node, part)
        if nxt is None:
            continue
        node = nxt
        shown.append(f"[{part}]" if isinstance(part, int) else f".{part}")
    return node, "".join(shown).lstrip(".")


def _is_union_tag(node: yaml.Node | None, part: str | int, following: str | int | None) -> bool:
    """True when ``part`` names a union member (a condition operator), not a key to enter.

    A tag is followed by a field of the same mapping, as in ``('field', 'below')`` for
    ``{field: population, below: x}``; a real key is followed by a key of its own value.
    """
    if not isinstance(part, str) or not isinstance(following, str):
        return False
    return _child(node, part) is not None and _key_node(node, following) is not None


def _child(node: yaml.Node | None, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == part:
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None


def _key_node(mapping: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(mapping, yaml.MappingNode):
        for k, _ in mapping.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k
    return None


_QUOTED = re.compile(r"'([^']*)'")

_PLAIN_MESSAGES = {
    "int_parsing": "expected a whole number, got {input}",
    "int_type": "expected a whole number, got {input}",
    "int_from_float": "expected a whole number, got {input}",
    "float_parsing": "expected a number, got {input}",
    "float_type": "expected a number, got {input}",
    "bool_parsing": "expected true or false, got {input}",
    "bool_type": "expected true or false, got {input}",
    "string_type": "expected text, got {input}",
    "list_type": "expected a list ('- item' lines or [a, b]), got {input}",
    "dict_type": "expected a mapping of 'key: value' lines, got {input}",
    "model_type": "expected a mapping of 'key: value' lines, got {input}",
    "model_attributes_type": "expected a mapping of 'key: value' lines, got {input}",
    "missing": "this required field is missing",
}
"""Plain wording for pydantic's most common errors; the rest keep pydantic's text."""


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _message(err: Any) -> str:
    template = _PLAIN_MESSAGES.get(err["type"])
    return template.format(input=_shown(err.get("input"))) if template else err["msg"]


def validation_problems(error: ValidationError, doc: Document) -> list[Problem]:
    """Each pydantic error as a problem with the line, column and field it concerns."""
    return [_one_problem(err, doc) for err in error.errors(include_url=False)]


def _one_problem(err: Any, doc: Document) -> Problem:
    node, field = locate(doc.root, err["loc"])
    ctx = err.get("ctx") or {}
    suggestion = ctx.get("suggestion")
    message = _message(err)
    if err["type"] == "literal_error":
        allowed = _QUOTED.findall(str(ctx.get("expected", "")))
        suggestion = closest(str(err.get("input")), allowed) if allowed else None
    if err["type"] == "missing" and err["loc"]:
        field = f"{field}.{err['loc'][-1]}".lstrip(".")
    if err["type"] == "unknown_key":
        node = _key_node(node, ctx["key"]) or node
        field = f"{field}.{ctx['key']}".lstrip(".")
    mark = node.start_mark if node is not None else None
    return Problem(
        "unknown_reference" if err["type"] == "unknown_reference" else "invalid",
        message,
        file=doc.file,
        line=mark.line + 1 if mark else None,
        column=mark.column + 1 if mark else None,
        field=field or None,
        suggestion=suggestion,
    )


def validate(model: type[BaseModel], doc: Document, context: dict[str, Any] | None = None) -> Any:
    """Validate ``doc`` as ``model``; raise :class:`YamlProblems` with located problems."""
    try:
        return model.model_validate(doc.data, context=context)
    except ValidationError as exc:
        raise YamlProblems(validation_problems(exc, doc)) from exc
