"""``advisor workshop``: run a workshop from the command line, on the same store.

A facilitator without a browser (or a script preparing a workshop) can create one, record
participants' answers files, read the room's agreement and write the agreed answers file
that ``advisor assess`` and ``advisor report`` take like any other. A wrong code or key
exits 2 with one clear line and changes nothing.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TypeGuard

from pydantic import ValidationError

from advisor.answers import load_answers
from advisor.errors import InputError, Problem
from advisor.knowledge.load import default_knowledge
from advisor.model.assessment import Municipality
from advisor.store.commands import days_argument
from advisor.store.config import settings
from advisor.store.database import open_database
from advisor.workshop.codes import shown_code
from advisor.workshop.model import PARTS, PartId, WorkshopSettings
from advisor.workshop.parts import parts_in
from advisor.workshop.report_commands import add_report_commands
from advisor.workshop.store import WorkshopStore, client_id

CLI_CLIENT = client_id("command line")


def _store(args: argparse.Namespace) -> WorkshopStore:
    config = settings()
    return WorkshopStore(open_database(args.database or config.url), config.workshop_days)


def _print(data: dict[str, Any], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        for key, value in data.items():
            print(f"{key}: {value}")


def _town(args: argparse.Namespace) -> tuple[Municipality, Any]:
    """The town (and the answers it came with) from --answers or --town/--country/--population."""
    if args.answers:
        base = load_answers(Path(args.answers), default_knowledge())
        return base.municipality, base
    missing = [f"--{n}" for n in ("town", "country", "population") if not getattr(args, n)]
    if missing:
        problem = Problem("invalid", "give --answers FILE, or " + ", ".join(missing))
        raise InputError([problem])
    given = {"name": args.town, "country": args.country.upper(), "population": args.population}
    try:
        return Municipality.model_validate(
            given, context={"known": default_knowledge().known}
        ), None
    except ValidationError as exc:
        problems = [
            Problem("invalid", err["msg"], field=f"--{err['loc'][0]}" if err["loc"] else None)
            for err in exc.errors(include_url=False)
        ]
        raise InputError(problems) from exc


def cmd_create(args: argparse.Namespace) -> int:
    town, base = _town(args)
    chosen = WorkshopSettings(
        town=town,
        parts=args.parts or list(PARTS),
        threshold=args.threshold,
        names_in_report=args.names_in_report,
        base=base,
    )
    made = _store(args).create(chosen)
    link = args.base_url.rstrip("/")
    _print(
        {
            "code": made.code,
            "shown_code": shown_code(made.code),
            "facilitator_key": made.facilitator_key,
            "participant_link": f"{link}/?join={made.code}",
            "facilitator_link": f"{link}/?ws={made.code}&key={made.facilitator_key}",
        },
        args.format,
    )
    return 0


def cmd_answer(args: argparse.Namespace) -> int:
    store = _store(args)
    workshop = store.find(args.code, CLI_CLIENT)
    path = Path(args.file)
    answers = load_answers(path, default_knowledge())
    given = parts_in(path.read_text(encoding="utf-8"))
    used = [p for p in given if p in workshop.settings.parts]
    for part in given:
        if part not in used:
            print(f"note: {path}: part '{part}' is not open in this workshop; ignored")
    person = store.join(workshop.code, args.name or "")
    store.save(workshop.code, person.id, answers, used)
    print(f"recorded {', '.join(used) or 'no open part'} for participant {person.id}")
    return 0


def cmd_close(args: argparse.Namespace) -> int:
    workshop = _store(args).close(args.code, args.key)
    print(f"workshop {shown_code(workshop.code)} is closed: answers can no longer change")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    _store(args).delete(args.code, args.key)
    print(f"workshop {shown_code(args.code)} and every participant's answers are deleted")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    store = _store(args)
    days = store.keep_days if args.older_than is None else args.older_than
    gone = store.purge(days)
    print(f"purged {gone} workshop(s) untouched for {days} day(s) or more")
    return 0


def _share(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"expected a share between 0 and 1, got '{text}'")
    return value


def _is_part(name: str) -> TypeGuard[PartId]:
    return name in PARTS


def _parts(text: str) -> list[PartId]:
    chosen = [p.strip() for p in text.split(",") if p.strip()]
    wrong = [p for p in chosen if not _is_part(p)]
    parts = [p for p in chosen if _is_part(p)]
    if wrong or not parts:
        raise argparse.ArgumentTypeError(
            f"unknown part(s) {', '.join(wrong) or '(none)'}; choose from {', '.join(PARTS)}"
        )
    return parts


def _common(parser: argparse.ArgumentParser, *, key: bool = False) -> None:
    parser.add_argument("--database", help="database URL (default: LOOK_WITHIN_DATABASE_URL)")
    if key:
        parser.add_argument("code", help="the workshop's join code")
        parser.add_argument("--key", required=True, help="the facilitator key")


def add_commands(sub: Any) -> None:
    """Add ``workshop create|answer|summary|agree|close|delete|purge``."""
    workshop = sub.add_parser("workshop", help="run a self-assessment workshop with a room")
    verbs = workshop.add_subparsers(dest="workshop_command", required=True)
    p = verbs.add_parser("create", help="create a workshop; prints its code and facilitator key")
    p.add_argument("--answers", help="start from an answers file (its town and answers)")
    p.add_argument("--town")
    p.add_argument("--country", help="ISO 3166-1 alpha-2 code")
    p.add_argument("--population", type=int)
    p.add_argument("--parts", type=_parts, help=f"comma-separated, from {','.join(PARTS)}")
    p.add_argument("--threshold", type=_share, default=0.5, help="share that agrees (0.5)")
    p.add_argument("--names-in-report", action="store_true", help="list names in the report")
    p.add_argument("--base-url", default="http://localhost:8501", help="the app's address")
    p.add_argument("--format", choices=("json", "text"), default="text")
    _common(p)
    p.set_defaults(run=cmd_create)
    p = verbs.add_parser("answer", help="record one participant's answers file")
    p.add_argument("code")
    p.add_argument("file", help="answers file (any of the open parts; the town may be left out)")
    p.add_argument("--name", help="the participant's display name (optional)")
    _common(p)
    p.set_defaults(run=cmd_answer)
    add_report_commands(verbs, _common, _share, _store)
    for verb, run, text in (
        ("close", cmd_close, "stop taking answers"),
        ("delete", cmd_delete, "delete the workshop and every answer"),
    ):
        p = verbs.add_parser(verb, help=text)
        _common(p, key=True)
        p.set_defaults(run=run)
    p = verbs.add_parser("purge", help="delete workshops nobody has touched for a while")
    p.add_argument("--older-than", type=days_argument, metavar="DAYS", help="default: 90")
    _common(p)
    p.set_defaults(run=cmd_purge)
