"""The ``advisor`` command: assess an answers file, validate the knowledge, print the schema.

Exit status 0 means success, 2 means bad input (answers, rules or data) with one
``file:line:column: field: message`` line per problem on stderr, 1 an unexpected failure.
No traceback is shown unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from advisor.answers import load_answers
from advisor.assess import assess
from advisor.cli_text import partners_markdown, summary_markdown, towns_markdown
from advisor.errors import AdvisorError, InputError, Problem
from advisor.geo.countries import countries, suggest_code
from advisor.geo.index import index_path
from advisor.i18n import DEFAULT_LANGUAGE, INTERFACE_LANGUAGES, use_language
from advisor.knowledge.base import Knowledge
from advisor.knowledge.checks import DEFAULT_STALE_MONTHS, knowledge_warnings
from advisor.knowledge.load import load_knowledge
from advisor.opendata.bundle import OpenData, open_data
from advisor.opendata.find_town import find_town
from advisor.paths import DATA_DIR, RULES_DIR
from advisor.report import FORMATS, render, report_filename
from advisor.schema import answers_schema
from advisor.scores import SCALE_FILE, load_scale
from advisor.store.commands import add_commands as add_store_commands
from advisor.workshop.commands import add_commands as add_workshop_commands

Command = Callable[[argparse.Namespace], int]


def _knowledge(args: argparse.Namespace) -> Knowledge:
    return load_knowledge(Path(args.data), Path(args.rules))


def cmd_assess(args: argparse.Namespace) -> int:
    knowledge = _knowledge(args)
    assessment = load_answers(Path(args.answers), knowledge, complete=True)
    result = assess(assessment, knowledge, _open_data(args))
    if args.format == "json":
        _print_json(result.model_dump(mode="json"))
    else:
        print(summary_markdown(result), end="")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    knowledge = _knowledge(args)
    assessment = load_answers(Path(args.answers), knowledge, complete=True)
    result = assess(assessment, knowledge, _open_data(args))
    data = render(args.format, assessment, result, knowledge=knowledge)
    if args.output == "-":
        sys.stdout.buffer.write(data)
        return 0
    target = Path(args.output or report_filename(args.format, result.meta.town))
    _write_report(target, data)
    print(f"wrote {target} ({len(data):,} bytes)", file=sys.stderr)
    return 0


def _write_report(target: Path, data: bytes) -> None:
    """Write the file, turning a missing folder or a locked file into one clear line."""
    try:
        target.write_bytes(data)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        problem = Problem.of("invalid", "error.cannot_write", {"reason": reason}, file=str(target))
        raise InputError([problem]) from exc


def _open_data(args: argparse.Namespace) -> OpenData | None:
    return None if getattr(args, "no_open_data", False) else open_data()


def cmd_partners(args: argparse.Namespace) -> int:
    knowledge = _knowledge(args)
    assessment = load_answers(Path(args.answers), knowledge, complete=True)
    result = assess(assessment, knowledge, open_data())
    if args.format == "json":
        _print_json([p.model_dump(mode="json") for p in result.partners])
    else:
        print(partners_markdown(result), end="")
    return 0


def cmd_find_town(args: argparse.Namespace) -> int:
    country = args.country.upper() if args.country else None
    if country and country not in countries():
        raise InputError(
            [
                Problem(
                    "invalid",
                    f"'{args.country}' is not a country code",
                    field="--country",
                    suggestion=suggest_code(args.country),
                )
            ]
        )
    hits = find_town(open_data(), args.name, country, args.limit)
    if args.format == "json":
        _print_json([h.model_dump(mode="json") for h in hits])
    else:
        print(towns_markdown(args.name, hits), end="")
    return 0


def cmd_build_index(args: argparse.Namespace) -> int:
    data = open_data()
    print(f"gazetteer: {len(data.gazetteer):,} places, index at {index_path()}")
    return 0


def _print_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def cmd_validate(args: argparse.Namespace) -> int:
    k = _knowledge(args)
    load_scale(Path(args.rules) / SCALE_FILE)  # the score scale is a rules file too
    terms = sum(len(v) for v in k.vocabularies.values())
    print(
        f"ok: {terms} vocabulary terms, {len(k.cases)} reference cases, {len(k.networks)} "
        f"networks, {len(k.programmes)} programmes, {len(k.country_groups)} country groups, "
        f"{sum(len(g.places) for g in k.places.values())} curated places, "
        f"{len(k.rules.plan)} plan steps, {len(k.rules.network_fit.adjustments)} fit adjustments"
    )
    print(f"data {k.data_version}, rules {k.rules_version}")
    folders = [Path(args.data), Path(args.rules)]
    warnings = knowledge_warnings(k, dt.date.today(), args.stale_months, folders)
    if warnings:
        print(f"{len(warnings)} warnings (the advisor still runs):")
        print("\n".join(f"  {w}" for w in warnings))
    return 1 if warnings and args.strict else 0


def cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(answers_schema(_knowledge(args)), indent=2))
    return 0


def _open_data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-open-data",
        action="store_true",
        help="use the knowledge base only (no gazetteer or twinning data)",
    )


def _knowledge_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data", default=str(DATA_DIR), help="knowledge folder (default: %(default)s)"
    )
    parser.add_argument(
        "--rules", default=str(RULES_DIR), help="rules folder (default: %(default)s)"
    )


def locale_language(environ: Mapping[str, str] | None = None) -> str:
    """The interface language the environment's locale asks for (``LC_ALL``, then
    ``LC_MESSAGES``, then ``LANG``: ``ja_JP.UTF-8`` is Japanese), English otherwise."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            code = value.split(".")[0].split("_")[0].lower()
            return code if code in INTERFACE_LANGUAGES else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def _language_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=INTERFACE_LANGUAGES,
        help="language of the output (default: from the locale, LANG or LC_ALL; else en)",
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
    _open_data_option(p)
    _knowledge_options(p)
    _language_option(p)
    p.set_defaults(run=cmd_assess)
    p = sub.add_parser("report", help="the full report as PDF, Word, HTML or Markdown")
    p.add_argument("answers", help="answers YAML file (see examples/)")
    p.add_argument("--format", choices=tuple(FORMATS), default="pdf")
    p.add_argument(
        "-o",
        "--output",
        help="file to write ('-' for standard output; default: look-within-<town>-<date>.<ext>)",
    )
    _open_data_option(p)
    _knowledge_options(p)
    _language_option(p)
    p.set_defaults(run=cmd_report)
    p = sub.add_parser("partners", help="partner-town suggestions for an answers file")
    p.add_argument("answers", help="answers YAML file")
    p.add_argument("--format", choices=("json", "markdown"), default="markdown")
    _knowledge_options(p)
    _language_option(p)
    p.set_defaults(run=cmd_partners)
    p = sub.add_parser("find-town", help="look a town up in the gazetteer")
    p.add_argument("name", help="town name, in any script; accents and case do not matter")
    p.add_argument("--country", help="ISO 3166-1 alpha-2 code to search in")
    p.add_argument("--limit", type=int, default=10, help="most hits to show (default 10)")
    p.add_argument("--format", choices=("json", "markdown"), default="markdown")
    _language_option(p)
    p.set_defaults(run=cmd_find_town)
    p = sub.add_parser("build-index", help="build the gazetteer index now (else on first use)")
    p.set_defaults(run=cmd_build_index)
    p = sub.add_parser("validate", help="check every rules and data file")
    p.add_argument(
        "--stale-months",
        type=int,
        default=DEFAULT_STALE_MONTHS,
        help="warn about sources last read more than this many months ago (default %(default)s)",
    )
    p.add_argument("--strict", action="store_true", help="exit with 1 when there are warnings")
    _knowledge_options(p)
    p.set_defaults(run=cmd_validate)
    p = sub.add_parser("schema", help="print the JSON Schema of answers files")
    _knowledge_options(p)
    p.set_defaults(run=cmd_schema)
    add_store_commands(sub)
    add_workshop_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``advisor`` console script."""
    args = build_parser().parse_args(argv)
    with use_language(getattr(args, "lang", None) or locale_language()):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    """The command, with errors reported in the output's language."""
    run: Command = args.run
    try:
        return run(args)
    except BrokenPipeError:  # output piped into a reader that stopped early (head, less)
        sys.stderr.close()
        return 0
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
