"""Safe YAML reading that remembers where every value came from.

PyYAML's ``safe_load`` silently keeps the second of two duplicate keys and forgets line
numbers. Here a document is composed once into a node tree (C parser when available),
checked for duplicate keys, aliases, nesting depth and size, then constructed; the tree
stays beside the data so that a pydantic error path can be turned into ``file:line:column``.

The tree is composed here, without recursion, rather than by PyYAML's composer: libyaml's
composer recurses once per level, so a 60 KB file of ``[`` crashes the whole process (and
the web server with it) before any check could run. Nesting is refused beyond
:data:`MAX_DEPTH` while the events stream in, and an alias never expands.
"""

from __future__ import annotations

import re
import reprlib
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, overload

import yaml
from pydantic import BaseModel, ValidationError

from advisor.errors import Problem
from advisor.spelling import closest

MAX_BYTES = 512 * 1024
"""Largest YAML file the advisor reads; knowledge files and answers are far smaller."""

MAX_DEPTH = 50
"""Deepest nesting of lists and mappings accepted. The advisor's own files nest 8 deep and
answers files 4; past about 1,000 levels Python's recursion fails, past 22,000 libyaml's."""

MAX_DIGITS = 100
"""Longest whole number read. Python refuses to convert more than 4,300 digits (a
``ValueError`` that no YAML error handler expects); no answer or rule needs over 20."""

MAX_PROBLEMS = 20
"""Problems reported per file; the rest are counted, so a hostile file cannot print
thousands of lines (the wizard shows fewer still)."""

if TYPE_CHECKING:  # the checker sees the pure-Python loader, which has the same API
    _Base = yaml.SafeLoader
else:  # libyaml's loader when PyYAML was built with it (much faster)
    _Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """Safe loader with YAML 1.2 booleans: only true/false, so the country code NO
    (Norway) and the answer 'no' stay text instead of turning into False."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """PyYAML's construction, with a value Python cannot build (the 31st of February,
        a number too long) reported at its line instead of escaping as a bare error."""
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read this value ({exc})", node.start_mark
            ) from exc

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        """A whole number, refused beyond :data:`MAX_DIGITS` characters."""
        size = len(str(node.value))
        if size > MAX_DIGITS:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"a number {size:,} digits long is too long (at most {MAX_DIGITS})",
                node.start_mark,
            )
        number: int = super().construct_yaml_int(node)
        return number


_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)

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


class Mark(Protocol):
    """Where PyYAML puts something: a 0-based line and column. The pure-Python and the
    libyaml parsers build different mark classes; both have these two."""

    line: int
    column: int


@overload
def line_column(at: yaml.Node | Mark) -> tuple[int, int]: ...
@overload
def line_column(at: None) -> tuple[None, None]: ...
@overload
def line_column(at: yaml.Node | Mark | None) -> tuple[int, int] | tuple[None, None]: ...
def line_column(at: yaml.Node | Mark | None) -> tuple[int, int] | tuple[None, None]:
    """The 1-based line and column of a mark, or of where a node starts, as editors and
    people count them (PyYAML counts from 0); ``(None, None)`` when there is nothing to
    point at. Every problem the advisor places in a YAML file is placed through this."""
    if at is None:
        return None, None
    mark = at.start_mark if isinstance(at, yaml.Node) else at
    return mark.line + 1, mark.column + 1


def read_text(path: Path, limit: int = MAX_BYTES) -> str:
    """File text, refusing files over ``limit`` bytes and bytes that are not UTF-8.

    Only regular files are read: opening a FIFO named ``x.yaml`` would wait for a writer
    for ever, and a folder named so would raise."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise YamlProblems([not_regular(str(path))])
    size = info.st_size
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


def not_regular(file: str) -> Problem:
    """The problem of a path that is a folder, FIFO or device rather than a file."""
    return Problem("not_found", "not a regular file (a folder, pipe or device?)", file=file)


def parse(text: str, file: str, limit: int = MAX_BYTES) -> Document:
    """Parse one YAML document; raise :class:`YamlProblems` on syntax, duplicates, aliases
    or nesting deeper than :data:`MAX_DEPTH`."""
    if len(text.encode("utf-8", "surrogatepass")) > limit:
        raise YamlProblems(
            [Problem("too_large", f"text is over the {limit:,}-byte limit", file=file)]
        )
    loader = _Loader(text)
    try:
        root, aliases = _compose(loader, file)
        if root is None:
            return Document(None, None, file)
        problems = aliases + list(_duplicate_problems(root, file))
        if problems:
            raise YamlProblems(capped(problems, file))
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        raise YamlProblems([_syntax_problem(exc, file)]) from exc
    except yaml.reader.ReaderError as exc:
        raise YamlProblems([_reader_problem(exc, text, file)]) from exc
    except yaml.YAMLError as exc:
        raise YamlProblems([Problem("syntax", str(exc), file=file)]) from exc
    finally:
        loader.dispose()
    return Document(data, root, file)


def _reader_problem(exc: yaml.reader.ReaderError, text: str, file: str) -> Problem:
    """A character YAML does not allow in a file (a raw control character), at its place."""
    before = text[: exc.position]
    line, column = before.count("\n") + 1, exc.position - before.rfind("\n")
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    message = f"the unprintable character U+{code:04X} is not allowed in the file; remove it"
    return Problem("syntax", message, file=file, line=line, column=column)


def _syntax_problem(exc: yaml.MarkedYAMLError, file: str) -> Problem:
    line, column = line_column(exc.problem_mark or exc.context_mark)
    message = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
    return Problem("syntax", message, file=file, line=line, column=column)


def capped(problems: list[Problem], file: str | None) -> list[Problem]:
    """At most :data:`MAX_PROBLEMS` problems, the last one counting those left out."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS + 1
    more = Problem("invalid", f"... and {rest:,} more problems in this file", file=file)
    return [*problems[: MAX_PROBLEMS - 1], more]


def _compose(loader: Any, file: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The single document's node tree and the alias problem (aliases become nulls).

    Raises :class:`YamlProblems` at the first collection nested deeper than
    :data:`MAX_DEPTH`, and PyYAML's errors on syntax or a second document.
    """
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        return None, []
    start = loader.get_event()  # document start
    root, aliases = _compose_node(loader, file)
    loader.get_event()  # document end
    if not loader.check_event(yaml.StreamEndEvent):
        extra = loader.get_event()
        raise yaml.composer.ComposerError(
            "expected a single document in the stream",
            start.start_mark,
            "but found another document",
            extra.start_mark,
        )
    return root, [_alias_problem(aliases, file)] if aliases else []


def _alias_problem(aliases: list[tuple[Any, Any]], file: str) -> Problem:
    """One problem for every alias: at the first anchor used, saying where it is used."""
    anchor, used = aliases[0]
    where = f"used at line {line_column(used)[0]}"
    if len(aliases) > 1:
        where += f", and {len(aliases) - 1:,} more aliases"
    message = f"anchors and aliases (&name, *name) are not allowed; write the value out ({where})"
    return _at(anchor, file, "alias", message)


class _Open:
    """A list or mapping whose end event has not come yet, and its pending mapping key."""

    def __init__(self, node: yaml.CollectionNode) -> None:
        self.node = node
        self.key: yaml.Node | None = None

    def add(self, child: yaml.Node) -> None:
        if isinstance(self.node, yaml.SequenceNode):
            self.node.value.append(child)
        elif self.key is None:
            self.key = child
        else:
            self.node.value.append((self.key, child))
            self.key = None


def _compose_node(loader: Any, file: str) -> tuple[yaml.Node, list[tuple[Any, Any]]]:
    """One node and everything inside it, from the parser's events, with a stack of open
    collections instead of recursion; also each alias met, as (anchor mark, alias mark)."""
    stack: list[_Open] = []
    anchors: dict[str | None, Any] = {}
    aliases: list[tuple[Any, Any]] = []
    while True:
        event = loader.get_event()
        if isinstance(event, yaml.AliasEvent):
            aliases.append((anchors.get(event.anchor, event.start_mark), event.start_mark))
            node: yaml.Node = _null(event)
        elif isinstance(event, yaml.CollectionEndEvent):
            node = stack.pop().node
            node.end_mark = event.end_mark
        else:
            if event.anchor:
                anchors.setdefault(event.anchor, event.start_mark)
            if isinstance(event, yaml.CollectionStartEvent):
                _check_depth(len(stack), event, file)
                stack.append(_Open(_collection(loader, event)))
                continue
            node = _scalar(loader, event)
        if not stack:
            return node, aliases
        stack[-1].add(node)


def _check_depth(depth: int, event: Any, file: str) -> None:
    if depth >= MAX_DEPTH:
        message = f"nesting deeper than {MAX_DEPTH} levels of lists and mappings"
        raise YamlProblems([_at(event.start_mark, file, "too_deep", message)])


def _collection(loader: Any, event: Any) -> yaml.CollectionNode:
    kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(kind, None, event.implicit)
    return kind(tag, [], event.start_mark, None, flow_style=event.flow_style)


def _scalar(loader: Any, event: Any) -> yaml.ScalarNode:
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    return yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)


def _null(event: Any) -> yaml.ScalarNode:
    """What an alias stands for here: nothing (it is reported, never expanded)."""
    return yaml.ScalarNode("tag:yaml.org,2002:null", "", event.start_mark, event.end_mark)


def _duplicate_problems(root: yaml.Node, file: str) -> Iterator[Problem]:
    """Duplicate keys anywhere in the tree."""
    stack = [root]
    while stack:
        node = stack.pop()
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
            first_line[key.value] = line_column(key)[0]


def _at(where: yaml.Node | Mark, file: str, kind: Any, message: str) -> Problem:
    line, column = line_column(where)
    return Problem(kind, message, file=file, line=line, column=column)


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
    "too_long": "at most {max_length} items are allowed here (found {actual_length})",
}
"""Plain wording for pydantic's most common errors; the rest keep pydantic's text."""


_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxdict, _REPR.maxlist = 2, 3, 3
_REPR.maxstring = _REPR.maxother = _REPR.maxlong = 40


def _shown(value: Any) -> str:
    """A short picture of any value for a message: nesting, length and huge numbers are
    cut before ``repr`` runs, so no input can make the message itself fail."""
    if isinstance(value, int) and value.bit_length() > 64:
        return f"a number of about {int(value.bit_length() * 0.30103):,} digits"
    try:
        text = _REPR.repr(value)
    except (ValueError, RecursionError):
        return f"a {type(value).__name__}"
    return text if len(text) <= 40 else text[:37] + "..."


def _message(err: Any) -> str:
    template = _PLAIN_MESSAGES.get(err["type"])
    if not template:
        return str(err["msg"])
    return template.format_map({**(err.get("ctx") or {}), "input": _shown(err.get("input"))})


def validation_problems(error: ValidationError, doc: Document) -> list[Problem]:
    """Each pydantic error as a problem with the line, column and field it concerns."""
    errors = error.errors(include_url=False)
    return capped([_one_problem(err, doc) for err in errors], doc.file)


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
    line, column = line_column(node)
    return Problem(
        "unknown_reference" if err["type"] == "unknown_reference" else "invalid",
        message,
        file=doc.file,
        line=line,
        column=column,
        field=field or None,
        suggestion=suggestion,
    )


def validate(model: type[BaseModel], doc: Document, context: dict[str, Any] | None = None) -> Any:
    """Validate ``doc`` as ``model``; raise :class:`YamlProblems` with located problems."""
    try:
        return model.model_validate(doc.data, context=context)
    except ValidationError as exc:
        raise YamlProblems(validation_problems(exc, doc)) from exc
