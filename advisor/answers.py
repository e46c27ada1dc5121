"""Read and write answers files: the town's assessment as YAML that round-trips without loss.

Reading checks everything the knowledge base defines (theme, goal and network ids) and
reports each problem with the line, column and field, so the wizard's upload and the CLI
give the same specific message. Writing keeps every field, defaults included, so a file
saved today opens unchanged tomorrow.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from advisor.errors import InputError, Problem
from advisor.knowledge.load import Knowledge, default_knowledge
from advisor.model.assessment import SCHEMA_VERSION, Assessment
from advisor.yamlio import MAX_BYTES, Document, YamlProblems, parse, validate

ANSWERS_LIMIT = 256 * 1024
"""Largest answers file accepted; a real one is a few kilobytes."""


def parse_answers(text: str, name: str, knowledge: Knowledge | None = None) -> Assessment:
    """The assessment in ``text``; raise :class:`InputError` naming each problem."""
    knowledge = knowledge or default_knowledge()
    try:
        doc = parse(text, name, limit=min(ANSWERS_LIMIT, MAX_BYTES))
        _check_top_level(doc)
        return validate(Assessment, doc, {"known": knowledge.known})
    except YamlProblems as exc:
        raise InputError(exc.problems) from exc


def _check_top_level(doc: Document) -> None:
    if not isinstance(doc.data, dict):
        raise YamlProblems(
            [
                Problem(
                    "invalid",
                    "an answers file is a YAML mapping starting with 'schema_version: 1' "
                    "and 'municipality:'; this file holds something else",
                    file=doc.file,
                    line=1,
                )
            ]
        )
    version = doc.data.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise YamlProblems(
            [
                Problem(
                    "invalid",
                    f"this file was written by a newer Look Within (schema {version}); "
                    f"this version reads schema {SCHEMA_VERSION}",
                    file=doc.file,
                    line=1,
                    field="schema_version",
                )
            ]
        )


def load_answers(path: Path, knowledge: Knowledge | None = None) -> Assessment:
    """Read an answers file from disk (size-limited, UTF-8)."""
    try:
        if not path.is_file():
            raise InputError([Problem("not_found", "no such file", file=str(path))])
        size = path.stat().st_size
        if size > ANSWERS_LIMIT:
            raise InputError(
                [
                    Problem(
                        "too_large",
                        f"file is {size:,} bytes; answers files are at most {ANSWERS_LIMIT:,}",
                        file=str(path),
                    )
                ]
            )
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError([Problem("syntax", "file is not UTF-8 text", file=str(path))]) from exc
    return parse_answers(text, str(path), knowledge)


def dump_answers(assessment: Assessment) -> str:
    """YAML text of every answer, in the model's field order, readable by :func:`parse_answers`."""
    data = assessment.model_dump(mode="json", by_alias=True)
    header = "# Look Within answers file. Keep it to resume the self-assessment later.\n"
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"


def example_names() -> list[str]:
    """The example answers files shipped with the project (for demos and workshops)."""
    return sorted(p.stem for p in EXAMPLES_DIR.glob("*.yaml"))


def load_example(name: str, knowledge: Knowledge | None = None) -> Assessment:
    if name not in example_names():
        raise InputError([Problem("not_found", f"no example named '{name}'")])
    return load_answers(EXAMPLES_DIR / f"{name}.yaml", knowledge)
