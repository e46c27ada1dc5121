"""The ``advisor`` command: assess an answers file, validate the knowledge, print the schema.

Exit status 0 means success, 2 means bad input (answers, rules or data) with one
``file:line:column: field: message`` line per problem on stderr, 1 an unexpected failure.
No traceback is shown unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from advisor.answers import load_answers
from advisor.assess import assess
from advisor.errors import AdvisorError
from advisor.knowledge.load import DATA_DIR, RULES_DIR, Knowledge, load_knowledge
from advisor.report.summary import summary_markdown
from advisor.schema import answers_schema

Command = Callable[[argparse.Namespace], int]


def _knowledge(args: argparse.Namespace) -> Knowledge:
    return load_knowledge(Path(args.data), Path(args.rules))


def cmd_assess(args: argparse.Namespace) -> int:
    knowledge = _knowledge(args)
    assessment = load_answers(Path(args.answers), knowledge)
    result = assess(assessment, knowledge)
    if args.format == "json":
        print(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        print(summary_markdown(result), end="")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    k = _knowledge(args)
    terms = sum(len(v) for v in k.vocabularies.values())
    print(
        f"ok: {terms} vocabulary terms, {len(k.cases)} reference cases, {len(k.networks)} "
        f"networks, {len(k.programmes)} programmes, {len(k.country_groups)} country groups, "
        f"{len(k.rules.plan)} plan steps, {len(k.rules.network_fit.adjustments)} fit adjustments"
    )
    print(f"data {k.data_version}, rules {k.rules_version}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(answers_schema(_knowledge(args)), indent=2))
    return 0


def _knowledge_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data", default=str(DATA_DIR), help="knowledge folder (default: %(default)s)"
    )
    parser.add_argument(
        "--rules", default=str(RULES_DIR), help="rules folder (default: %(default)s)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="advisor", description=("Look Within: advice for small towns going international.")
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("assess", help="advice for an answers file")
    p.add_argument("answers", help="answers YAML file (see examples/)")
    p.add_argument("--format", choices=("json", "markdown"), default="markdown")
    _knowledge_options(p)
    p.set_defaults(run=cmd_assess)
    p = sub.add_parser("validate", help="check every rules and data file")
    _knowledge_options(p)
    p.set_defaults(run=cmd_validate)
    p = sub.add_parser("schema", help="print the JSON Schema of answers files")
    _knowledge_options(p)
    p.set_defaults(run=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``advisor`` console script."""
    args = build_parser().parse_args(argv)
    run: Command = args.run
    try:
        return run(args)
    except AdvisorError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    except Exception as exc:
        if args.debug:
            raise
        print(
            f"internal error: {type(exc).__name__}: {exc} (rerun with --debug for details)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
