"""The ``advisor`` command as a user runs it: output, exit status, messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from advisor.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_assess_json_has_the_documented_keys(capsys):
    code, out, _ = run(capsys, "assess", str(ROOT / "examples/hirado.yaml"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {"matches", "networks", "not_eligible", "partners", "plan"} <= set(data)
    for key in ("matches", "networks", "not_eligible", "partners", "plan"):
        for item in data[key]:
            assert ("id" in item) or ("name" in item)
            assert item["reasons"] and all(isinstance(r, str) for r in item["reasons"])
    for key in ("matches", "networks", "partners"):
        assert all("score" in item for item in data[key])


def test_assess_markdown_reads_as_a_summary(capsys):
    code, out, _ = run(capsys, "assess", str(ROOT / "examples/vaux_sur_aure.yaml"))
    assert code == 0
    assert out.startswith("# Look Within: advice for Vaux-sur-Aure")
    assert "## Networks you cannot join, and why" in out and "C40" in out


def test_validate_passes_on_the_shipped_knowledge(capsys):
    code, out, _ = run(capsys, "validate")
    assert code == 0 and out.startswith("ok: ")


def test_validate_fails_with_file_and_line(capsys, tmp_path):
    import shutil

    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    (tmp_path / "rules" / "matching.yaml").write_text("description: x\nweights: 3\n")
    code, _, err = run(capsys, "validate", "--rules", str(tmp_path / "rules"))
    assert code == 2
    assert "rules/matching.yaml:2:10: weights: expected a mapping" in err


def test_schema_lists_vocabulary_ids(capsys):
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0
    themes = schema["$defs"]["History"]["properties"]["themes"]["items"]["enum"]
    assert "missionary_faith" in themes
    assert "JP" in schema["$defs"]["Municipality"]["properties"]["country"]["anyOf"][0]["enum"]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "municipality: {name: X, country: FR, population: 3}\nhistory: {themes: [warr]}\n",
            ":2:20: history.themes[0]: unknown theme 'warr'",
        ),
        ("municipality: [\n", ":2:1: "),
        (
            "municipality: {name: X, country: FR, population: three}\n",
            ":1:50: municipality.population: expected a whole number",
        ),
    ],
)
def test_bad_answers_exit_2_with_place_and_no_traceback(capsys, tmp_path, text, fragment):
    path = tmp_path / "answers.yaml"
    path.write_text(text)
    code, out, err = run(capsys, "assess", str(path))
    assert code == 2 and out == ""
    assert f"{path}{fragment}" in err
    assert "Traceback" not in err


def test_console_script_runs_in_a_subprocess():
    done = subprocess.run(
        [sys.executable, "-m", "advisor.cli", "assess", "nope.yaml"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 2
    assert "nope.yaml: no such file" in done.stderr and "Traceback" not in done.stderr


def test_find_town_json_has_the_documented_fields(capsys):
    code, out, _ = run(capsys, "find-town", "Sarov", "--format", "json", "--limit", "3")
    hit = json.loads(out)[0]
    assert code == 0
    assert {k: hit[k] for k in ("name", "country", "region")} == {
        "name": "Sarov",
        "country": "RU",
        "region": "Nizhegorodskaya oblast'",
    }
    assert hit["geonameid"] == 498525 and hit["population"] > 50000
    assert {"name": "Los Alamos", "country": "US", "geonameid": 5476825} in hit["sister_towns"]
    assert hit["lat"] and hit["lon"]


def test_find_town_points_to_the_manual_path(capsys):
    code, out, _ = run(capsys, "find-town", "Vaux-sur-Aure", "--country", "fr")
    assert code == 0 and "enter name, country and population by hand" in out


def test_find_town_rejects_a_bad_country(capsys):
    code, _, err = run(capsys, "find-town", "Paris", "--country", "FRA")
    assert code == 2 and "did you mean 'FR'" in err


def test_partners_command_lists_sourced_suggestions(capsys):
    code, out, _ = run(
        capsys, "partners", str(ROOT / "examples/los_alamos.yaml"), "--format", "json"
    )
    items = json.loads(out)
    assert code == 0 and items[0]["name"] == "Sarov" and items[0]["kind"] == "revive"
    keys = {
        "name",
        "country",
        "geonameid",
        "population",
        "lat",
        "lon",
        "score",
        "kind",
        "reasons",
        "sources",
    }
    assert all(keys <= set(item) for item in items)
