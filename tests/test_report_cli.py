"""``advisor report``: writes each format, and fails with one clear line on bad input."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from advisor.cli import main

ROOT = Path(__file__).resolve().parents[1]
VAUX = str(ROOT / "examples/vaux_sur_aure.yaml")
MAGIC = {"pdf": b"%PDF-", "docx": b"PK", "html": b"<!DOCTYPE html>", "md": b"# Look Within"}


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md"])
def test_writes_each_format(fmt, tmp_path, capsys):
    out = tmp_path / f"vaux.{fmt}"
    assert main(["report", VAUX, "--format", fmt, "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(MAGIC[fmt])
    assert "wrote" in capsys.readouterr().err
    if fmt == "docx":
        assert "word/document.xml" in zipfile.ZipFile(out).namelist()


def test_default_name_is_built_from_town_and_date(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["report", VAUX, "--format", "md", "--no-open-data"]) == 0
    (written,) = tmp_path.glob("look-within-vaux-sur-aure-*.md")
    assert written.read_text(encoding="utf-8").startswith("# Look Within")


def test_bad_answers_exit_2_with_the_problem(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nmunicipality: {name: X, country: ZZ, population: 10}\n")
    assert main(["report", str(bad), "-o", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "bad.yaml" in err and "ZZ" in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_missing_answers_file_exits_2(tmp_path, capsys):
    assert main(["report", str(tmp_path / "none.yaml"), "-o", str(tmp_path / "x.md")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_unwritable_target_gives_a_clear_message(tmp_path, capsys):
    target = tmp_path / "missing-folder" / "x.md"
    assert main(["report", VAUX, "--format", "md", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "cannot write the report" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_unknown_format_is_refused_by_the_parser(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["report", VAUX, "--format", "odt"])
    assert exc.value.code == 2
