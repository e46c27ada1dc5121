"""Warnings for the policy officer who keeps ``data/`` current: what still loads but needs
looking at. Facts whose sources were last read long ago may have changed (a fee, a rule, a
member list), and a network without any eligibility rule is shown as open to every town.
``advisor validate`` prints them; they never stop the advisor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from advisor.i18n import INTERFACE_LANGUAGES
from advisor.knowledge.base import Knowledge
from advisor.knowledge.models import Source
from advisor.sources import HasSources
from advisor.yamlio import line_column, parse, read_text

DEFAULT_STALE_MONTHS = 24
"""Sources read more than two years ago are due for a second look: fees and member lists
of the networks in data/ change about that often."""


@dataclass(frozen=True)
class Finding:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def _months_ago(accessed: str, today: dt.date) -> int:
    year, month = (int(part) for part in accessed.split("-")[:2])
    return (today.year - year) * 12 + today.month - month


def _tables(knowledge: Knowledge) -> Iterator[tuple[str, Mapping[str, Source]]]:
    """Every sources table, named by the file it is in."""
    folders: dict[str, Mapping[str, HasSources]] = {
        "cases": knowledge.cases,
        "networks": knowledge.networks,
        "programmes": knowledge.programmes,
        "country_groups": knowledge.country_groups,
        "places": knowledge.places,
    }
    for folder, items in folders.items():
        for name, item in sorted(items.items()):
            yield f"data/{folder}/{name}.yaml", item.sources


def stale_sources(knowledge: Knowledge, today: dt.date, months: int) -> list[Finding]:
    """Sources last read more than ``months`` months before ``today``."""
    return [
        Finding(f"{path}: sources.{key}", f"read {source.accessed}, over {months} months ago")
        for path, table in _tables(knowledge)
        for key, source in table.items()
        if _months_ago(source.accessed, today) > months
    ]


def networks_without_eligibility(knowledge: Knowledge) -> list[Finding]:
    return [
        Finding(
            f"data/networks/{ident}.yaml",
            "no eligibility rule, so every town is shown as eligible: right for a network open "
            "to any local government; otherwise add its conditions (population, country, assets)",
        )
        for ident, net in sorted(knowledge.networks.items())
        if not net.eligibility
    ]


def _translation_maps(node: yaml.Node, path: str) -> Iterator[tuple[yaml.MappingNode, str]]:
    """Every mapping in the document whose keys are languages (a translated text)."""
    if isinstance(node, yaml.MappingNode):
        keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
        if keys and "en" in keys and set(keys) <= set(INTERFACE_LANGUAGES):
            yield node, path
            return
        for key, value in node.value:
            yield from _translation_maps(value, f"{path}.{key.value}".lstrip("."))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _translation_maps(item, f"{path}[{index}]")


def missing_translations(folders: Iterable[Path], root: Path) -> list[Finding]:
    """Translated texts that lack a language, at their file, line and column."""
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*.yaml")):
            doc = parse(read_text(path), str(path))
            if doc.root is None:
                continue
            shown = path.relative_to(root) if path.is_relative_to(root) else path
            for node, where in _translation_maps(doc.root, ""):
                have = {k.value for k, _ in node.value}
                for language in INTERFACE_LANGUAGES:
                    if language not in have:
                        line, column = line_column(node)
                        found.append(
                            Finding(f"{shown}:{line}:{column}: {where}", f"no '{language}' text")
                        )
    return found


def knowledge_warnings(
    knowledge: Knowledge,
    today: dt.date,
    months: int = DEFAULT_STALE_MONTHS,
    folders: Iterable[Path] = (),
) -> list[Finding]:
    folders = list(folders)
    root = folders[0].parent if folders else Path.cwd()
    return [
        *networks_without_eligibility(knowledge),
        *missing_translations(folders, root),
        *stale_sources(knowledge, today, months),
    ]
