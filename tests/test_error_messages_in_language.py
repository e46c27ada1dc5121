"""Problems with an input file in the reader's language (issue 12): the place
(``file:line:column: field:``) stays as it is, the sentence and the "did you mean" come from
the catalog (advisor/i18n/*/errors.yaml), rendered when the problem is shown."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from advisor import yamlio
from advisor.answers import load_answers, parse_answers
from advisor.errors import InputError, KnowledgeError, Problem
from advisor.i18n import INTERFACE_LANGUAGES, catalog, placeholders, t, use_language
from advisor.knowledge.load import load_knowledge
from advisor.yamlio import YAML_PHRASES, YamlProblems, parse

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = sorted((ROOT / "tests" / "invalid_answers").glob("*.yaml"))
RULES = sorted((ROOT / "tests" / "invalid_rules").glob("*.yaml"))
TOWN = "schema_version: 1\nmunicipality:\n  name: Hirado\n  country: JP\n"


def _problems(text: str, name: str = "bad.yaml") -> list[Problem]:
    with pytest.raises(InputError) as caught:
        parse_answers(text, name)
    return caught.value.problems


def _file_problems(path: Path) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        load_answers(path, complete=True)
    return caught.value.problems


def _header(path: Path, key: str) -> str | None:
    found = re.search(rf"^# {key}: (.+)$", path.read_text(encoding="utf-8"), re.M)
    return found.group(1).strip() if found else None


# --- every message the fixtures produce has its key, in every language


@pytest.fixture(scope="module")
def from_fixtures(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Every problem, pydantic error type and catalog key that the broken files of
    tests/invalid_answers and tests/invalid_rules produce (one copy of the project, each
    rules case written in and taken out again)."""
    seen: dict[str, Any] = {"problems": [], "types": set(), "keys": set()}
    real = yamlio.pydantic_message

    def recording(err: Any) -> tuple[str, dict[str, Any]]:
        key, params = real(err)
        seen["types"].add(str(err["type"]))
        seen["keys"].add(key)
        return key, params

    patch = pytest.MonkeyPatch()
    patch.setattr(yamlio, "pydantic_message", recording)
    for path in ANSWERS:
        seen["problems"] += _file_problems(path)
    project = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copytree(ROOT / "rules", project / "rules")
    for case in RULES:
        target = project / str(_header(case, "target"))
        before = target.read_bytes() if target.exists() else None
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(case.read_bytes())
        try:
            load_knowledge(project / "data", project / "rules")
        except KnowledgeError as exc:
            seen["problems"] += exc.problems
        if before is None:
            target.unlink()
        else:
            target.write_bytes(before)
    yield seen
    patch.undo()


PYDANTIC_TYPES = {
    # pydantic's own
    "missing",
    "literal_error",
    "string_type",
    "too_long",
    "too_short",
    # the project's (PydanticCustomError)
    "unknown_key",
    "unknown_reference",
    "unknown_source",
    "control_character",
    "invalid_country",
    "operator_kind",
    "operand_number",
    "condition_operators",
    "condition_unknown",
    "incomplete_table",
    "unknown_placeholder",
    "missing_source",
}
"""The error types the broken files in tests/invalid_answers and tests/invalid_rules make
the models raise (found when they are read, below)."""


def test_the_fixtures_raise_the_listed_error_types(from_fixtures: dict[str, Any]) -> None:
    assert from_fixtures["types"] == PYDANTIC_TYPES


def test_every_error_type_the_models_raise_has_a_catalog_key(
    from_fixtures: dict[str, Any],
) -> None:
    english = catalog("en")
    missing = sorted(t for t in from_fixtures["types"] if f"error.{t}" not in english)
    assert missing == []
    assert sorted(k for k in from_fixtures["keys"] if k not in english) == []


def test_every_problem_of_the_fixtures_has_a_catalog_key(from_fixtures: dict[str, Any]) -> None:
    problems = from_fixtures["problems"]
    assert len(problems) >= len(ANSWERS) + len(RULES)
    unkeyed = [str(p) for p in problems if p.key is None or p.key not in catalog("en")]
    assert unkeyed == []


def test_a_type_without_a_key_keeps_pydantics_english() -> None:
    problem = Problem.of("invalid", "error.no_such_type", {"x": 1}, default="Input is odd")
    assert (problem.key, problem.message) == (None, "Input is odd")
    with use_language("ja"):
        assert str(problem) == "Input is odd"


def test_custom_error_messages_match_their_english_key() -> None:
    """A PydanticCustomError's own template (pydantic's English) and the catalog's English
    say the same, so the fixtures' English headers hold whichever is shown."""
    problems = _problems(TOWN + "history:\n  themes: [war_memroy]\n  notes: true\n")
    for problem in problems:
        assert problem.key is not None
        assert problem.message == t(problem.key, **dict(problem.params))


def test_every_yaml_phrase_is_pyyamls_english_in_the_catalog() -> None:
    with use_language("en"):
        assert {text: t(key) for text, key in YAML_PHRASES.items()} == {
            text: text for text in YAML_PHRASES
        }


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_every_error_message_renders(language: str) -> None:
    messages = {k: v for k, v in catalog(language).items() if k.startswith("error.")}
    assert len(messages) > 150
    with use_language(language):
        for key, text in messages.items():
            names = placeholders(text)
            rendered = t(key, **{name: f"<{name}>" for name in names})
            assert all(f"<{name}>" in rendered for name in names), key


def test_french_error_typography() -> None:
    """No-break spaces before ':' and inside « », narrow ones before ';', '?' and '!';
    typographic apostrophes (a ' left is a technical token's quote: 'en', 'source')."""
    for key, text in catalog("fr").items():
        if key.startswith("error."):
            assert not re.search(r" [;:?!]|[^\u202f(][;?!]|« | »|\w'\w", text), (key, text)


def test_japanese_error_punctuation() -> None:
    for key, text in catalog("ja").items():
        if key.startswith("error."):
            assert not re.search(r"[()?]", text), (key, text)


# --- a broken answers file read in Japanese and in French


def _split(line: str, place: str) -> str:
    assert line.startswith(place), line
    return line[len(place) :]


def test_an_incomplete_file_in_japanese_and_french() -> None:
    path = ROOT / "tests" / "invalid_answers" / "incomplete.yaml"
    problem = _file_problems(path)[0]
    place = f"{path}:5:3: municipality.country: "
    assert _split(str(problem), place) == "this answer is needed before results"
    with use_language("ja"):
        assert _split(str(problem), place) == "結果を出すには、この回答が必要です"
    with use_language("fr"):
        assert _split(str(problem), place) == (
            "cette réponse est nécessaire pour obtenir les résultats"
        )


def test_a_control_character_in_japanese_and_french() -> None:
    path = ROOT / "tests" / "invalid_answers" / "control_nul.yaml"
    place = f"{path}:5:9: municipality.name: "
    with use_language("ja"):
        (problem,) = _file_problems(path)
        assert _split(str(problem), place) == (
            "印刷できない文字 U+0000 が3文字目にあります。削除してください（タブと改行は使えます）"
        )
    with use_language("fr"):
        assert _split(str(problem), place) == (
            "contient le caractère non imprimable U+0000 en position 3\u202f; supprimez-le "
            "(les tabulations et les sauts de ligne sont acceptés)"
        )


def test_a_yaml_syntax_error_in_japanese_and_french() -> None:
    path = ROOT / "tests" / "invalid_answers" / "two_documents.yaml"
    (problem,) = _file_problems(path)
    place = f"{path}:8:1: "
    with use_language("ja"):
        assert _split(str(problem), place) == (
            "1つのファイルに書けるドキュメントは1つだけです：2つ目のドキュメント（---）があります"
        )
    with use_language("fr"):
        assert _split(str(problem), place) == (
            "un fichier ne doit contenir qu’un seul document\u00a0: "
            "celui-ci en contient un deuxième (---)"
        )


def test_a_literal_error_and_its_suggestion_in_japanese_and_french() -> None:
    (problem,) = _problems(TOWN + "capacity:\n  staff_time: part_tim\n")
    place = "bad.yaml:6:15: capacity.staff_time: "
    assert _split(str(problem), place) == (
        "Input should be 'none', 'hours_per_month', 'hours_per_week', 'part_time' or "
        "'full_time' (did you mean 'part_time'?)"
    )
    with use_language("ja"):
        assert _split(str(problem), place) == (
            "次の値を書いてください：「none」、「hours_per_month」、「hours_per_week」、"
            "「part_time」、または「full_time」（「part_time」のことですか？）"
        )
    with use_language("fr"):
        assert _split(str(problem), place) == (
            "valeur attendue\u00a0: «\u00a0none\u00a0», «\u00a0hours_per_month\u00a0», "
            "«\u00a0hours_per_week\u00a0», «\u00a0part_time\u00a0» ou «\u00a0full_time\u00a0» "
            "(vouliez-vous dire «\u00a0part_time\u00a0»\u202f?)"
        )


def test_an_unknown_theme_names_its_kind_in_the_readers_language() -> None:
    (problem,) = _problems(TOWN + "history:\n  themes: [war_memroy]\n")
    place = "bad.yaml:6:12: history.themes[0]: "
    with use_language("ja"):
        assert _split(str(problem), place) == (
            "テーマ「war_memroy」は登録されていません（「war_memory」のことですか？）"
        )
    with use_language("fr"):
        assert _split(str(problem), place) == (
            "thème «\u00a0war_memroy\u00a0» introuvable "
            "(vouliez-vous dire «\u00a0war_memory\u00a0»\u202f?)"
        )


def test_numbers_in_a_message_are_grouped_as_the_reader_writes_them() -> None:
    text = TOWN + "  population: " + "9" * 5_001 + "\n"
    (problem,) = _problems(text)
    assert str(problem) == "bad.yaml:5:15: a number 5,001 digits long is too long (at most 100)"
    with use_language("fr"):
        assert str(problem) == (
            "bad.yaml:5:15: un nombre de 5\u202f001 chiffres est trop long (au plus 100)"
        )


def test_the_message_follows_the_language_when_shown_not_when_made() -> None:
    """Made under Japanese, shown in French, then in English: each time in the language of
    the moment (the wizard keeps an upload's problems while the reader switches language)."""
    with use_language("ja"):
        (problem,) = _problems(TOWN + "municipality_x: 1\n")
    with use_language("fr"):
        shown_fr = str(problem)
    assert shown_fr.startswith("bad.yaml:5:1: municipality_x: clé inconnue «\u00a0municipality_x")
    assert str(problem).startswith("bad.yaml:5:1: municipality_x: unknown key 'municipality_x'")
    assert problem.message.startswith("unknown key 'municipality_x'")


def test_yamlio_problems_in_japanese() -> None:
    with pytest.raises(YamlProblems) as caught, use_language("ja"):
        parse("a: 1\nb: 2\na: 3\n", "f.yaml")
    (problem,) = caught.value.problems
    with use_language("ja"):
        assert str(problem) == "f.yaml:3:1: キー「a」が重複しています（最初は1行目）"
    assert str(problem) == "f.yaml:3:1: duplicate key 'a' (first at line 1)"


@pytest.mark.parametrize("language", ["ja", "fr"])
def test_assess_on_a_bad_file_prints_located_lines_in_the_language(language: str) -> None:
    """What ``advisor assess BAD.yaml`` prints with LANGUAGE=ja / fr: the CLI renders each
    problem as ``error: {problem}`` inside the command's language (advisor/cli.py)."""
    path = ROOT / "tests" / "invalid_answers" / "too_many_connections.yaml"
    with use_language(language):
        lines = [f"error: {p}" for p in _file_problems(path)]
    place = f"error: {path}:10:3: history.connections: "
    expected = {
        "ja": "ここに書ける項目は50個までです（51個あります）",
        "fr": "50 éléments au plus sont autorisés ici (51 trouvés)",
    }
    assert lines[0] == place + expected[language]


# --- the wizard shows an upload's problems in the page's language


def test_the_wizard_shows_upload_problems_in_the_pages_language() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "ja"
    at.run()
    content = (TOWN + "history:\n  themes: [war_memroy]\n").encode()
    at.file_uploader[0].upload("town.yaml", content, "application/x-yaml").run()
    assert not at.exception, at.exception
    (box,) = at.error
    shown = box.value.replace("\\", "")
    assert "town.yaml:6:12: history.themes[0]: テーマ「war_memroy」は登録されていません" in shown
    assert "（「war_memory」のことですか？）" in shown
