"""Test set-up, and the plugin that turns ``tests/scenarios/*.yaml`` into test cases.

A scenario is an answers file (or an example plus changes) and what the advice must and
must not contain. A policy officer adds a case by writing one such file; no Python needed.
See tests/scenarios/README.md for the keys.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from advisor.errors import InputError
from advisor.yamlio import Document, YamlProblems
from tests.scenario_checks import Scenario, load_scenario, scenario_result, unmet
from tests.store_fixtures import database  # noqa: F401  (the store's fixture, for every test)

ROOT = Path(__file__).resolve().parents[1]

# Answers the wizard saves during the tests go to a throwaway SQLite file, never to the
# user's own store or to a database named in the environment.
os.environ["LOOK_WITHIN_DATABASE_URL"] = (
    f"sqlite:///{Path(tempfile.mkdtemp(prefix='look-within-tests-')) / 'answers.db'}"
)


class ScenarioItem(pytest.Item):
    """One scenario file; a file that cannot be read fails alone, with its located problems,
    and every other scenario still runs."""

    def __init__(
        self,
        *,
        scenario: Scenario | None,
        doc: Document | None = None,
        problems: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.scenario, self.doc, self.problems = scenario, doc, problems or []

    def runtest(self) -> None:
        if self.scenario is None:
            raise ScenarioFailure(self.problems)
        try:
            result = scenario_result(self.scenario, self.path.parent, self.doc)
        except InputError as exc:
            raise ScenarioFailure([str(p) for p in exc.problems]) from exc
        misses = unmet(self.scenario.expect, result)
        if misses:
            raise ScenarioFailure(misses)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ScenarioFailure):
            lines = "\n".join(f"  - {m}" for m in excinfo.value.misses)
            about = self.scenario.description if self.scenario else "cannot be read"
            return f"{self.path.name}: {about}\n{lines}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"scenario: {self.path.stem}"


class ScenarioFailure(Exception):
    def __init__(self, misses: list[str]) -> None:
        super().__init__("\n".join(misses))
        self.misses = misses


class ScenarioFile(pytest.File):
    def collect(self) -> Iterator[ScenarioItem]:
        shown = (
            str(self.path.relative_to(ROOT)) if self.path.is_relative_to(ROOT) else str(self.path)
        )
        try:
            scenario, doc = load_scenario(self.path, shown)
        except YamlProblems as exc:
            problems = [str(p) for p in exc.problems]
            yield ScenarioItem.from_parent(
                self, name=self.path.stem, scenario=None, problems=problems
            )
            return
        yield ScenarioItem.from_parent(self, name=self.path.stem, scenario=scenario, doc=doc)


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.File | None:
    if file_path.suffix == ".yaml" and file_path.parent.name == "scenarios":
        return ScenarioFile.from_parent(parent, path=file_path)
    return None
