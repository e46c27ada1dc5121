"""Safe YAML reading that remembers where every value came from.

PyYAML's ``safe_load`` silently keeps the second of two duplicate keys and forgets line
numbers. Here a document is composed once into a node tree (C parser when available),
checked for duplicate keys, aliases, nesting depth and size, then constructed; the tree
stays beside the data so that a pydantic error path can be turned into ``file:line:column``.

The tree is composed here, without recursion, rather than by PyYAML's composer: libyaml's
composer recurses once per level, so a 60 KB file of ``[`` crashes the whole process (and
the web server with it) before any check could run. Nesting is refused beyond
:data:`MAX_DEPTH` while the events stream in, and an alias never expands.

Every problem's sentence is a catalog key (advisor/i18n/*/errors.yaml), shown in the
reader's language: this module's own problems, PyYAML's syntax errors (their known phrases,
:data:`YAML_PHRASES`) and pydantic's errors (``error.<type>``, with the error's context as
the placeholders; pydantic's English text for a type the catalog does not list).
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

from advisor.errors import Choices, Count, Phrase, Problem, known_key
from advisor.i18n import DEFAULT_LANGUAGE, use_language
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
            raise _ValueProblem(
                "error.cannot_read_value", {"reason": _phrase(str(exc))}, node.start_mark
            ) from exc

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        """A whole number, refused beyond :data:`MAX_DIGITS` characters."""
        size = len(str(node.value))
        if size > MAX_DIGITS:
            raise _ValueProblem(
                "error.number_too_long",
                {"size": Count(size), "limit": Count(MAX_DIGITS)},
                node.start_mark,
            )
        number: int = super().construct_yaml_int(node)
        return number


class _ValueProblem(yaml.constructor.ConstructorError):
    """A value the loader refuses, with its catalog message (a plain ``ConstructorError``
    carries only English text)."""

    def __init__(self, key: str, params: dict[str, Any], mark: Any) -> None:
        self.key, self.params = key, params
        super().__init__(None, None, str(Phrase(key, tuple(params.items()))), mark)


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
        sizes = {"size": Count(size), "limit": Count(limit)}
        raise YamlProblems([Problem.of("too_large", "error.file_too_large", sizes, file=str(path))])
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        at = {"byte": exc.start}
        problem = Problem.of("syntax", "error.not_utf8_at", at, file=str(path))
        raise YamlProblems([problem]) from exc


def not_regular(file: str) -> Problem:
    """The problem of a path that is a folder, FIFO or device rather than a file."""
    return Problem.of("not_found", "error.not_regular", file=file)


def parse(text: str, file: str, limit: int = MAX_BYTES) -> Document:
    """Parse one YAML document; raise :class:`YamlProblems` on syntax, duplicates, aliases
    or nesting deeper than :data:`MAX_DEPTH`."""
    if len(text.encode("utf-8", "surrogatepass")) > limit:
        over = {"limit": Count(limit)}
        raise YamlProblems([Problem.of("too_large", "error.text_too_large", over, file=file)])
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
    where = {"line": line, "column": column, "file": file}
    return Problem.of("syntax", "error.unprintable_in_file", {"code": f"{code:04X}"}, **where)


YAML_PHRASES = {
    # contexts: where the parser was
    "while parsing a flow sequence": "error.yaml.in_flow_sequence",
    "while parsing a flow mapping": "error.yaml.in_flow_mapping",
    "while parsing a block collection": "error.yaml.in_block_collection",
    "while parsing a block mapping": "error.yaml.in_block_mapping",
    "while parsing a flow node": "error.yaml.in_flow_node",
    "while parsing a block node": "error.yaml.in_block_node",
    "while parsing a node": "error.yaml.in_node",
    "while parsing a quoted scalar": "error.yaml.in_quoted_scalar",
    "while scanning a quoted scalar": "error.yaml.scanning_quoted_scalar",
    "while scanning a plain scalar": "error.yaml.in_plain_scalar",
    "while scanning a block scalar": "error.yaml.in_block_scalar",
    "while scanning a simple key": "error.yaml.in_simple_key",
    "while scanning for the next token": "error.yaml.in_next_token",
    "while scanning an anchor": "error.yaml.in_anchor",
    "while scanning an alias": "error.yaml.in_alias",
    "while scanning a tag": "error.yaml.in_tag",
    "while scanning a directive": "error.yaml.in_directive",
    "while constructing a mapping": "error.yaml.in_mapping_construction",
    "expected a single document in the stream": "error.yaml.single_document",
    # problems: what it met
    "but found another document": "error.yaml.another_document",
    "did not find expected ',' or ']'": "error.yaml.expected_comma_or_bracket",
    "did not find expected ',' or '}'": "error.yaml.expected_comma_or_brace",
    "did not find expected '-' indicator": "error.yaml.expected_dash",
    "did not find expected key": "error.yaml.expected_key",
    "did not find expected node content": "error.yaml.expected_node_content",
    "did not find expected <document start>": "error.yaml.expected_document_start",
    "did not find expected comment or line break": "error.yaml.expected_line_break",
    "did not find expected alphabetic or numeric character": "error.yaml.expected_name",
    "did not find expected hexdecimal number": "error.yaml.expected_hex",
    "did not find the expected '>'": "error.yaml.expected_angle",
    "could not find expected ':'": "error.yaml.expected_colon",
    "mapping values are not allowed in this context": "error.yaml.mapping_value_here",
    "mapping keys are not allowed in this context": "error.yaml.mapping_key_here",
    "block sequence entries are not allowed in this context": "error.yaml.sequence_entry_here",
    "found unexpected end of stream": "error.yaml.unexpected_end",
    "found unexpected document indicator": "error.yaml.unexpected_document_indicator",
    "found unknown escape character": "error.yaml.unknown_escape",
    "found invalid Unicode character escape code": "error.yaml.bad_unicode_escape",
    "found character that cannot start any token": "error.yaml.bad_token_start",
    "found an indentation indicator equal to 0": "error.yaml.zero_indentation",
    "found a tab character that violates indentation": "error.yaml.tab_indentation",
    "found a tab character where an indentation space is expected": "error.yaml.tab_not_space",
    "found unknown directive name": "error.yaml.unknown_directive",
    "found duplicate %YAML directive": "error.yaml.duplicate_yaml_directive",
    "found duplicate %TAG directive": "error.yaml.duplicate_tag_directive",
    "found undefined tag handle": "error.yaml.undefined_tag_handle",
    "found unhashable key": "error.yaml.unhashable_key",
    # Python's reasons for a value it cannot build (a date that does not exist)
    "day is out of range for month": "error.yaml.day_out_of_range",
    "month must be in 1..12": "error.yaml.month_out_of_range",
}
"""PyYAML's (libyaml's) wording of a syntax error, part by part, and the catalog key of
each part. A part not listed here (a rarer error) is shown in PyYAML's English."""

_UNKNOWN_TAG = re.compile(r"could not determine a constructor for the tag (?P<tag>.+)")


def _phrase(text: str) -> Phrase | str:
    """One part of a PyYAML error in the reader's language, when the catalog knows it."""
    key = YAML_PHRASES.get(text)
    if key:
        return Phrase(key, default=text)
    tag = _UNKNOWN_TAG.fullmatch(text)
    if tag:
        return Phrase("error.yaml.unknown_tag", (("tag", tag["tag"]),), default=text)
    return text


def _syntax_problem(exc: yaml.MarkedYAMLError, file: str) -> Problem:
    line, column = line_column(exc.problem_mark or exc.context_mark)
    where: dict[str, Any] = {"file": file, "line": line, "column": column}
    if isinstance(exc, _ValueProblem):
        return Problem.of("syntax", exc.key, exc.params, **where)
    parts = [_phrase(p) for p in (exc.context, exc.problem) if p]
    if len(parts) == 2:
        context, problem = parts
        return Problem.of(
            "syntax", "error.yaml_syntax", {"context": context, "problem": problem}, **where
        )
    if parts:
        return Problem.of("syntax", "error.yaml_syntax_part", {"problem": parts[0]}, **where)
    return Problem.of("syntax", "error.yaml_invalid", **where)


def capped(problems: list[Problem], file: str | None) -> list[Problem]:
    """At most :data:`MAX_PROBLEMS` problems, the last one counting those left out."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS + 1
    more = Problem.of("invalid", "error.more_problems", {"count": Count(rest)}, file=file)
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
    at = {"line": line_column(used)[0]}
    if len(aliases) > 1:
        return _at(anchor, file, "alias", "error.aliases", {**at, "count": Count(len(aliases) - 1)})
    return _at(anchor, file, "alias", "error.alias", at)


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
        limit = {"limit": MAX_DEPTH}
        raise YamlProblems([_at(event.start_mark, file, "too_deep", "error.too_deep", limit)])


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
            first = {"key": key.value, "line": first_line[key.value]}
            yield _at(key, file, "duplicate_key", "error.duplicate_key", first)
        else:
            first_line[key.value] = line_column(key)[0]


def _at(where: yaml.Node | Mark, file: str, kind: Any, key: str, params: dict[str, Any]) -> Problem:
    line, column = line_column(where)
    return Problem.of(kind, key, params, file=file, line=line, column=column)


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

_PLURAL_LIMITS = {
    "too_short": "min_length",
    "too_long": "max_length",
    "string_too_short": "min_length",
    "string_too_long": "max_length",
}
"""Types whose message counts items or characters: at a limit of 1 the catalog's
``error.<type>.one`` says it in the singular ('at least 1 item')."""

_CONTAINERS = {"List", "Dictionary", "Set", "Tuple", "Data"}
"""What pydantic names in ``field_type`` (too_short, too_long): shown in the reader's words."""

_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxdict, _REPR.maxlist = 2, 3, 3
_REPR.maxstring = _REPR.maxother = _REPR.maxlong = 40


def _shown(value: Any) -> str:
    """A short picture of any value for a message: nesting, length and huge numbers are
    cut before ``repr`` runs, so no input can make the message itself fail."""
    shown = _input(value)
    with use_language(DEFAULT_LANGUAGE):
        return str(shown)


def _input(value: Any) -> Phrase | str:
    """:func:`_shown`, with the words for a huge number or an unprintable value left to
    render in the reader's language."""
    if isinstance(value, int) and value.bit_length() > 64:
        digits = Count(int(value.bit_length() * 0.30103))
        return Phrase("error.huge_number", (("digits", digits),))
    try:
        text = _REPR.repr(value)
    except (ValueError, RecursionError):
        return Phrase("error.value_of_type", (("type", type(value).__name__),))
    return text if len(text) <= 40 else text[:37] + "..."


def _choices(expected: Any) -> Choices | Any:
    """pydantic's "'a', 'b' or 'c'" as :class:`Choices` (each quoted, 'or' in the reader's
    language), when the text is exactly such a list; anything else as it is."""
    values = tuple(_QUOTED.findall(str(expected)))
    with use_language(DEFAULT_LANGUAGE):
        same = bool(values) and str(Choices(values)) == str(expected)
    return Choices(values) if same else expected


def pydantic_message(err: Any) -> tuple[str, dict[str, Any]]:
    """The catalog key of one pydantic error (``error.<type>``, or ``error.<type>.one`` at a
    limit of 1) and its placeholder values: the error's context, its input shown short,
    the allowed values and container names in the reader's language."""
    kind = str(err["type"])
    params: dict[str, Any] = {**(err.get("ctx") or {}), "input": _input(err.get("input"))}
    key = f"error.{kind}"
    limit = _PLURAL_LIMITS.get(kind)
    if limit and params.get(limit) == 1 and known_key(f"{key}.one"):
        key += ".one"
    if kind in ("literal_error", "enum") and "expected" in params:
        params["expected"] = _choices(params["expected"])
    if params.get("field_type") in _CONTAINERS:
        field_type = str(params["field_type"])
        params["field_type"] = Phrase(f"error.container.{field_type.lower()}", default=field_type)
    return key, params


def pydantic_phrase(err: Any) -> Phrase:
    """One pydantic error's message, to render in the reader's language (pydantic's
    English text for a type the catalog does not list)."""
    key, params = pydantic_message(err)
    return Phrase(key, tuple(params.items()), default=str(err["msg"]))


def validation_problems(error: ValidationError, doc: Document) -> list[Problem]:
    """Each pydantic error as a problem with the line, column and field it concerns."""
    errors = error.errors(include_url=False)
    return capped([_one_problem(err, doc) for err in errors], doc.file)


_REFERENCE_TYPES = {"unknown_reference", "unknown_source"}


def _one_problem(err: Any, doc: Document) -> Problem:
    node, field = locate(doc.root, err["loc"])
    ctx = err.get("ctx") or {}
    suggestion = ctx.get("suggestion")
    key, params = pydantic_message(err)
    if err["type"] == "literal_error":
        allowed = _QUOTED.findall(str(ctx.get("expected", "")))
        suggestion = closest(str(err.get("input")), allowed) if allowed else None
    if err["type"] == "missing" and err["loc"]:
        field = f"{field}.{err['loc'][-1]}".lstrip(".")
    if err["type"] == "unknown_key":
        node = _key_node(node, ctx["key"]) or node
        field = f"{field}.{ctx['key']}".lstrip(".")
    line, column = line_column(node)
    return Problem.of(
        "unknown_reference" if err["type"] in _REFERENCE_TYPES else "invalid",
        key,
        params,
        default=str(err["msg"]),
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
