"""Each broken file in tests/invalid_rules is reported at its file, line and field."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from advisor.errors import KnowledgeError
from advisor.knowledge.load import load_knowledge

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted((ROOT / "tests" / "invalid_rules").glob("*.yaml"))


def _header(text: str, key: str) -> str | None:
    found = re.search(rf"^# {key}: (.+)$", text, re.M)
    return found.group(1).strip() if found else None


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    return tmp_path


def test_there_is_a_broken_file_per_error_kind():
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_broken_file_is_reported_with_place_and_message(case: Path, project_copy: Path):
    text = case.read_text(encoding="utf-8")
    target, expect = _header(text, "target"), _header(text, "expect")
    assert target and expect, f"{case.name} lacks '# target:' or '# expect:'"
    (project_copy / target).parent.mkdir(parents=True, exist_ok=True)
    (project_copy / target).write_text(text, encoding="utf-8")

    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(project_copy / "data", project_copy / "rules")

    lines = [str(p) for p in caught.value.problems]
    wanted = f"{target}:{expect}"
    hits = [line for line in lines if line.startswith(wanted)]
    assert hits, f"expected a line starting with {wanted!r}; got:\n" + "\n".join(lines)
    suggestion = _header(text, "suggestion")
    if suggestion:
        assert f"(did you mean '{suggestion}'?)" in hits[0]


def test_every_problem_is_reported_not_only_the_first(project_copy: Path):
    plan = project_copy / "rules" / "plan" / "99_two_errors.yaml"
    plan.write_text(
        "description: two broken steps\nsteps:\n"
        "  - {id: a, horizon: first_yaer, title: T, why: W, who: X, effort: low, cost_band: none}\n"
        "  - {id: b, horizon: first_year, title: T, why: W, who: X, effort: lo, cost_band: none}\n",
        encoding="utf-8",
    )
    (project_copy / "data" / "networks" / "c40.yaml").write_text("id: [\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(project_copy / "data", project_copy / "rules")
    text = str(caught.value)
    assert "99_two_errors.yaml:3:" in text and "99_two_errors.yaml:4:" in text
    assert "data/networks/c40.yaml:" in text


def test_oversized_file_is_refused(project_copy: Path):
    big = project_copy / "data" / "networks" / "huge.yaml"
    big.write_text("# padding\n" * 60_000, encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(project_copy / "data", project_copy / "rules")
    assert any(
        p.kind == "too_large" and p.file is not None and p.file.endswith("huge.yaml")
        for p in caught.value.problems
    )


def test_missing_rules_file_is_named(project_copy: Path):
    (project_copy / "rules" / "matching.yaml").unlink()
    with pytest.raises(KnowledgeError, match=r"missing rules file matching\.yaml"):
        load_knowledge(project_copy / "data", project_copy / "rules")
