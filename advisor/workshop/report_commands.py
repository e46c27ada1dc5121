"""``advisor workshop summary`` and ``agree``: the room's agreement, from the command line.

Both need the facilitator key. ``summary`` prints participation and agreement (never a
participant's secret link); ``agree`` writes the agreed answers file, which ``advisor
assess`` and ``advisor report`` read like any other.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from advisor.answers import dump_answers
from advisor.errors import InputError, Problem
from advisor.knowledge.load import default_knowledge
from advisor.workshop.aggregate import RoomAggregate, aggregate, gazetteer_resolver, item_label
from advisor.workshop.agree import agreed_answers
from advisor.workshop.model import Workshop
from advisor.workshop.store import WorkshopStore

StoreOf = Callable[[argparse.Namespace], WorkshopStore]


def _room(args: argparse.Namespace, store_of: StoreOf) -> tuple[Workshop, RoomAggregate]:
    store = store_of(args)
    workshop = store.facilitate(args.code, args.key)
    if getattr(args, "threshold", None) is not None:
        changed = workshop.settings.model_copy(update={"threshold": args.threshold})
        workshop = workshop.model_copy(update={"settings": changed})
    people = store.participants(args.code, args.key)
    return workshop, aggregate(workshop, people, gazetteer_resolver())


def summary_data(workshop: Workshop, room: RoomAggregate) -> dict[str, Any]:
    """Participation and agreement, labelled for people; no participant ids."""
    knowledge = default_knowledge()

    def label(item: Any) -> str:
        return item_label(item.field, item.value, item.country, knowledge)

    return {
        "code": workshop.code,
        "status": workshop.status,
        "town": workshop.settings.town.name,
        "threshold": workshop.settings.threshold,
        "participants": room.participants,
        "answered": room.answered,
        "progress": [
            {"name": p.name, "done": p.done, "of": p.total, "parts": p.parts_done}
            for p in room.progress
        ],
        "items": [
            {
                "key": i.key,
                "part": i.part,
                "label": label(i),
                "count": i.count,
                "share": round(i.share, 3),
                "consensus": i.consensus,
            }
            for i in room.items
        ],
        "capacity": {
            "staff_time": room.staff_time.model_dump(mode="json"),
            "budget_band": room.budget_band.model_dump(mode="json"),
        },
    }


def _summary_text(data: dict[str, Any]) -> str:
    lines = [
        f"workshop {data['code']} ({data['status']}) for {data['town']}: "
        f"{data['participants']} participant(s), threshold {data['threshold']:.0%}",
        "answered: " + ", ".join(f"{part} {n}" for part, n in data["answered"].items()),
    ]
    for item in data["items"]:
        lines.append(
            f"  [{item['consensus']}] {item['part']}: {item['label']} "
            f"({item['count']}, {item['share']:.0%})"
        )
    return "\n".join(lines)


def cmd_summary(args: argparse.Namespace, store_of: StoreOf) -> int:
    data = summary_data(*_room(args, store_of))
    if args.format == "json":
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(_summary_text(data))
    return 0


def cmd_agree(args: argparse.Namespace, store_of: StoreOf) -> int:
    workshop, room = _room(args, store_of)
    text = dump_answers(agreed_answers(workshop, room))
    if args.output == "-":
        print(text, end="")
        return 0
    target = Path(args.output)
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        problem = Problem("invalid", f"cannot write here ({reason})", file=str(target))
        raise InputError([problem]) from exc
    print(f"wrote the agreed answers of {room.participants} participant(s) to {target}")
    return 0


def add_report_commands(
    verbs: Any,
    common: Callable[..., None],
    share: Callable[[str], float],
    store_of: StoreOf,
) -> None:
    """Add ``summary`` and ``agree`` to the ``workshop`` verbs."""
    p = verbs.add_parser("summary", help="participation and agreement (facilitator)")
    p.add_argument("--format", choices=("json", "text"), default="text")
    common(p, key=True)
    p.set_defaults(run=lambda args: cmd_summary(args, store_of))
    p = verbs.add_parser("agree", help="write the agreed answers file (facilitator)")
    p.add_argument("-o", "--output", required=True, help="answers file to write ('-': stdout)")
    p.add_argument("--threshold", type=share, help="share that agrees (default: the workshop's)")
    common(p, key=True)
    p.set_defaults(run=lambda args: cmd_agree(args, store_of))
