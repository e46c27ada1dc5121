"""The command line speaks the reader's language: ``--lang``, else the locale (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.cli import locale_language, main

ROOT = Path(__file__).resolve().parents[1]
HIRADO = str(ROOT / "examples" / "hirado.yaml")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "ja_JP.UTF-8"}, "fr"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({}, "en"),
    ],
)
def test_the_locale_decides_when_no_language_is_given(environ, expected):
    assert locale_language(environ) == expected


def test_assess_partners_and_find_town_in_japanese_and_french(capsys):
    assert main(["assess", HIRADO, "--lang", "ja", "--no-open-data"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ルック・ウィズイン") and "参考事例" in out
    assert main(["partners", HIRADO, "--lang", "fr"]) == 0
    assert "Japon" in capsys.readouterr().out
    assert main(["find-town", "Hirado", "--country", "JP", "--lang", "fr"]) == 0
    assert "| Japon |" in capsys.readouterr().out


def test_the_report_is_written_in_the_chosen_language(tmp_path, capsys):
    target = tmp_path / "report.md"
    assert main(["report", HIRADO, "--format", "md", "-o", str(target), "--lang", "fr"]) == 0
    text = target.read_text(encoding="utf-8")
    assert "regarder en soi" in text.lower() or "Premiers pas" in text


def test_the_locale_is_used_without_lang(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert main(["assess", HIRADO, "--no-open-data"]) == 0
    assert capsys.readouterr().out.startswith("# Look Within\u00a0: conseils pour Hirado")
