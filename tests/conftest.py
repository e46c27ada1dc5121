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
import yaml

from tests.scenario_checks import Scenario, scenario_result, unmet
from tests.store_fixtures import database  # noqa: F401  (the store's fixture, for every test)

ROOT = Path(__file__).resolve().parents[1]

# Answers the wizard saves during the tests go to a throwaway SQLite file, never to the
# user's own store or to a database named in the environment.
os.environ["LOOK_WITHIN_DATABASE_URL"] = (
    f"sqlite:///{Path(tempfile.mkdtemp(prefix='look-within-tests-')) / 'answers.db'}"
)


class ScenarioItem(pytest.Item):
    def __init__(self, *, scenario: Scenario, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario

    def runtest(self) -> None:
        result = scenario_result(self.scenario, self.path.parent)
        misses = unmet(self.scenario.expect, result)
        if misses:
            raise ScenarioFailure(misses)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ScenarioFailure):
            lines = "\n".join(f"  - {m}" for m in excinfo.value.misses)
            return f"{self.path.name}: {self.scenario.description}\n{lines}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"scenario: {self.path.stem}"


class ScenarioFailure(Exception):
    def __init__(self, misses: list[str]) -> None:
        super().__init__("\n".join(misses))
        self.misses = misses


class ScenarioFile(pytest.File):
    def collect(self) -> Iterator[ScenarioItem]:
        data = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        yield ScenarioItem.from_parent(
            self, name=self.path.stem, scenario=Scenario.model_validate(data)
        )


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.File | None:
    if file_path.suffix == ".yaml" and file_path.parent.name == "scenarios":
        return ScenarioFile.from_parent(parent, path=file_path)
    return None
