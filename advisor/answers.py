"""Read and write answers files: the town's assessment as YAML that round-trips without loss.

Reading checks everything the knowledge base defines (theme, goal and network ids) and
reports each problem with the line, column and field, so the wizard's upload and the CLI
give the same specific message. Writing keeps every field, defaults included, so a file
saved today opens unchanged tomorrow, whatever characters the answers hold.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from advisor.errors import Count, InputError, Problem
from advisor.knowledge.base import Knowledge
from advisor.knowledge.load import default_knowledge
from advisor.model.assessment import SCHEMA_VERSION, Assessment, strip_control
from advisor.paths import EXAMPLES_DIR
from advisor.yamlio import (
    MAX_BYTES,
    Document,
    YamlProblems,
    line_column,
    locate,
    not_regular,
    parse,
    validate,
)

ANSWERS_LIMIT = 256 * 1024
"""Largest answers file accepted; a real one is a few kilobytes."""


def parse_answers(text: str, name: str, knowledge: Knowledge | None = None) -> Assessment:
    """The assessment in ``text``; raise :class:`InputError` naming each problem."""
    return _parsed(text, name, knowledge)[1]


def _parsed(text: str, name: str, knowledge: Knowledge | None) -> tuple[Document, Assessment]:
    knowledge = knowledge or default_knowledge()
    try:
        doc = parse(text, name, limit=min(ANSWERS_LIMIT, MAX_BYTES))
        _check_top_level(doc)
        return doc, validate(Assessment, doc, {"known": knowledge.known})
    except YamlProblems as exc:
        raise InputError(exc.problems) from exc


def _require_complete(doc: Document, assessment: Assessment) -> None:
    """Each answer ``assess`` needs and the file lacks, at the line of its section."""
    problems = []
    for field in assessment.missing():
        node, _ = locate(doc.root, field.split("."))
        line, column = line_column(node)
        problems.append(
            Problem.of(
                "invalid",
                "error.answer_needed",
                file=doc.file,
                line=line or 1,
                column=column or 1,
                field=field,
            )
        )
    if problems:
        raise InputError(problems)


def _check_top_level(doc: Document) -> None:
    if not isinstance(doc.data, dict):
        raise YamlProblems([Problem.of("invalid", "error.not_answers_file", file=doc.file, line=1)])
    version = doc.data.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise YamlProblems(
            [
                Problem.of(
                    "invalid",
                    "error.newer_schema",
                    {"version": version, "supported": SCHEMA_VERSION},
                    file=doc.file,
                    line=1,
                    field="schema_version",
                )
            ]
        )


def load_answers(
    path: Path, knowledge: Knowledge | None = None, *, complete: bool = False
) -> Assessment:
    """Read an answers file from disk (size-limited, UTF-8, a regular file only: a FIFO
    would wait for ever). With ``complete``, also require every answer ``assess`` needs,
    each missing one reported at its place in the file."""
    doc, assessment = _parsed(_read(path), str(path), knowledge)
    if complete:
        _require_complete(doc, assessment)
    return assessment


def _read(path: Path) -> str:
    try:
        if path.exists() and not path.is_file():
            raise InputError([not_regular(str(path))])
        if not path.is_file():
            raise InputError([Problem.of("not_found", "error.no_such_file", file=str(path))])
        size = path.stat().st_size
        if size > ANSWERS_LIMIT:
            sizes = {"size": Count(size), "limit": Count(ANSWERS_LIMIT)}
            raise InputError(
                [Problem.of("too_large", "error.answers_too_large", sizes, file=str(path))]
            )
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError([Problem.of("syntax", "error.not_utf8", file=str(path))]) from exc


_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")


class _Dumper(yaml.SafeDumper):
    """Writes text holding next line (U+0085) or the Unicode line and paragraph separators
    double-quoted, where they are escaped: in any other style YAML reads them back as line
    breaks and folds them into a space."""


def _represent_str(dumper: yaml.SafeDumper, text: str) -> Any:
    """Text as YAML. Characters the model refuses are left out: answers changed in code
    without validation (``model_copy``) may hold them, and a saved file must always reopen."""
    text = strip_control(text)
    style = '"' if _ODD_BREAKS.search(text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_answers(assessment: Assessment) -> str:
    """YAML text of every answer, in the model's field order, readable by :func:`parse_answers`."""
    data = assessment.model_dump(mode="json", by_alias=True)
    header = "# Look Within answers file. Keep it to resume the self-assessment later.\n"
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return header + body


def example_names() -> list[str]:
    """The example answers files shipped with the project (for demos and workshops)."""
    return sorted(p.stem for p in EXAMPLES_DIR.glob("*.yaml"))


def load_example(name: str, knowledge: Knowledge | None = None) -> Assessment:
    if name not in example_names():
        raise InputError([Problem.of("not_found", "error.no_example", {"name": name})])
    return load_answers(EXAMPLES_DIR / f"{name}.yaml", knowledge)
