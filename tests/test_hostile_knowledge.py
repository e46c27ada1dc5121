"""Rules and data folders holding something other than YAML files, or hostile YAML: each is
one clear problem from ``load_knowledge`` and ``advisor validate``, never a hang or crash."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from advisor.errors import KnowledgeError
from advisor.knowledge.load import load_knowledge

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    return tmp_path


def _problems(project: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(project / "data", project / "rules")
    return [str(p) for p in caught.value.problems]


def test_a_named_pipe_and_a_folder_named_yaml_are_refused_not_read(project: Path):
    os.mkfifo(project / "rules" / "plan" / "zz_pipe.yaml")
    (project / "data" / "networks" / "folder.yaml").mkdir()
    problems = _problems(project)
    assert sorted(problems) == [
        f"{project / 'data' / 'networks' / 'folder.yaml'}: not a regular file "
        "(a folder, pipe or device?)",
        f"{project / 'rules' / 'plan' / 'zz_pipe.yaml'}: not a regular file "
        "(a folder, pipe or device?)",
    ]


def test_validate_on_a_named_pipe_ends_with_status_2(project: Path):
    os.mkfifo(project / "rules" / "matching.yaml.new")
    os.mkfifo(project / "rules" / "plan" / "zz_pipe.yaml")
    command = [sys.executable, "-m", "advisor.cli", "validate"]
    command += ["--data", str(project / "data"), "--rules", str(project / "rules")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr.strip().endswith(
        "zz_pipe.yaml: not a regular file (a folder, pipe or device?)"
    )


def test_deep_nesting_in_a_rules_file_is_located(project: Path):
    (project / "rules" / "plan" / "zz_deep.yaml").write_text(
        "steps: " + "[" * 30_000 + "\n", encoding="utf-8"
    )
    assert "rules/plan/zz_deep.yaml:1:57: nesting deeper than 50 levels of lists and mappings" in (
        _problems(project)
    )
