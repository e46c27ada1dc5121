"""Each hostile or broken answers file in tests/invalid_answers (and the few written here)
gets one clear, located message: from the loader, and from ``advisor assess`` in a real
process, which must exit with status 2, never crash (a segfault is status -11) or hang."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from advisor.answers import load_answers
from advisor.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "tests" / "invalid_answers"
TOWN = "schema_version: 1\nmunicipality:\n  name: Hirado\n  country: JP\n"

GENERATED: dict[str, tuple[str, str]] = {
    "deep_flow_30000.yaml": ("a: " + "[" * 30_000 + "\n", "1:53: nesting deeper than 50 levels"),
    "deep_flow_2000.yaml": (
        TOWN + "history: " + "[" * 2_000 + "]" * 2_000 + "\n",
        "5:59: nesting deeper than 50 levels",
    ),
    "big_int.yaml": (
        TOWN + "  population: " + "9" * 5_001 + "\n",
        "5:15: a number 5,001 digits long is too long (at most 100)",
    ),
    "raw_bell.yaml": (
        TOWN + 'history:\n  notes: "a \a bell"\n',
        "6:13: the unprintable character U+0007 is not allowed in the file",
    ),
}
"""Files awkward to keep in the folder: name -> (text, what the first problem says after
``file:``)."""


def _expected(path: Path) -> str:
    found = re.search(r"^# expect: (.+)$", path.read_text(encoding="utf-8"), re.M)
    assert found, f"{path.name} lacks an '# expect:' line"
    return found.group(1).strip()


def _cases(folder: Path) -> dict[str, tuple[Path, str]]:
    """Every case: the static files, and the generated ones written into ``folder``."""
    cases = {p.name: (p, _expected(p)) for p in sorted(FOLDER.glob("*.yaml"))}
    for name, (text, expect) in GENERATED.items():
        (folder / name).write_text(text, encoding="utf-8")
        cases[name] = (folder / name, expect)
    return cases


NAMES = sorted(p.name for p in FOLDER.glob("*.yaml")) + sorted(GENERATED)


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    return _cases(tmp_path_factory.mktemp("generated"))


def _cli(*args: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "advisor.cli", *args]
    env = {**os.environ, "PYTHONFAULTHANDLER": ""}
    return subprocess.Popen(
        command, cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


@pytest.fixture(scope="module")
def cli_runs(cases: dict[str, tuple[Path, str]]) -> Iterator[dict[str, tuple[int, str]]]:
    """``advisor assess`` on every case, all started at once (each pays the start-up)."""
    started = {
        name: _cli("assess", str(path), "--no-open-data") for name, (path, _) in cases.items()
    }
    runs = {}
    for name, process in started.items():
        _, err = process.communicate(timeout=120)
        runs[name] = (process.returncode, err)
    yield runs


def test_there_is_a_file_per_kind_of_hostile_input():
    assert len(NAMES) >= 15
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    missing = [name for name in NAMES if f"`{name}`" not in readme]
    assert not missing, f"not described in tests/invalid_answers/README.md: {missing}"


@pytest.mark.parametrize("name", NAMES)
def test_loader_reports_the_problem_at_its_place(
    name: str, cases: dict[str, tuple[Path, str]]
) -> None:
    path, expect = cases[name]
    with pytest.raises(InputError) as caught:
        load_answers(path, complete=True)
    first = str(caught.value.problems[0])
    assert first.startswith(f"{path}:{expect}"), first


@pytest.mark.parametrize("name", NAMES)
def test_cli_exits_2_with_one_located_line_per_problem(
    name: str,
    cases: dict[str, tuple[Path, str]],
    cli_runs: dict[str, tuple[int, str]],
) -> None:
    path, expect = cases[name]
    status, err = cli_runs[name]
    assert status == 2, err
    assert "Traceback" not in err and "internal error" not in err
    lines = err.splitlines()
    assert lines[0] == f"error: {path}:{expect}" or lines[0].startswith(f"error: {path}:{expect}")
    assert all(re.match(rf"error: {re.escape(str(path))}:\d+:\d+: ", line) for line in lines)


def test_alias_bomb_prints_one_line(cli_runs: dict[str, tuple[int, str]]) -> None:
    _, err = cli_runs["alias_bomb.yaml"]
    assert len(err.splitlines()) == 1


def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        load_answers(fifo)
    process = _cli("assess", str(fifo), "--no-open-data")
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert err.strip() == f"error: {fifo}: not a regular file (a folder, pipe or device?)"
