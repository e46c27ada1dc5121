"""Safe YAML reading: positions, duplicates, aliases, size, nesting depth, hostile values
and YAML 1.2 booleans."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, Field

from advisor.errors import Problem
from advisor.yamlio import (
    MAX_DEPTH,
    MAX_DIGITS,
    MAX_PROBLEMS,
    YamlProblems,
    _shown,
    locate,
    parse,
    read_text,
    validate,
)

ROOT = Path(__file__).resolve().parents[1]


def test_duplicate_keys_are_reported_with_both_lines():
    with pytest.raises(YamlProblems) as caught:
        parse("a: 1\nb: 2\na: 3\n", "f.yaml")
    (problem,) = caught.value.problems
    assert str(problem) == "f.yaml:3:1: duplicate key 'a' (first at line 1)"


def test_nested_duplicate_keys_are_found():
    with pytest.raises(YamlProblems, match=r"f\.yaml:4:5: duplicate key 'x'"):
        parse("top:\n  - item:\n    x: 1\n    x: 2\n", "f.yaml")


def test_aliases_are_refused():
    with pytest.raises(YamlProblems, match="anchors and aliases"):
        parse("a: &x [1, 2]\nb: *x\n", "f.yaml")


def test_oversized_text_is_refused():
    with pytest.raises(YamlProblems, match="over the 100-byte limit"):
        parse("a: " + "x" * 200, "f.yaml", limit=100)


def test_syntax_error_has_line_and_column():
    with pytest.raises(YamlProblems) as caught:
        parse("a: [1, 2\nb: 3\n", "f.yaml")
    problem = caught.value.problems[0]
    assert (problem.file, problem.kind) == ("f.yaml", "syntax") and problem.line


def test_norway_stays_a_country_code():
    data = parse("countries: [NO, SE]\nanswer: yes\nflag: true\n", "f.yaml").data
    assert data == {"countries": ["NO", "SE"], "answer": "yes", "flag": True}


def test_python_tags_are_not_constructed():
    with pytest.raises(YamlProblems):
        parse("a: !!python/object/apply:os.system ['true']\n", "f.yaml")


def test_locate_skips_union_tags_and_stops_at_scalars():
    doc = parse("steps:\n  - when: {field: population, below: many}\n", "f.yaml")
    node, shown = locate(doc.root, ["steps", 0, "when", "field", "below"])
    assert shown == "steps[0].when.below"
    assert node.value == "many" and node.start_mark.line == 1
    node, shown = locate(doc.root, ["steps", 0, "when", "field", "field", "extra"])
    assert shown == "steps[0].when.field"


# Hostile input (issue 8): nothing may crash the process or escape as a bare Python error.


def _problem(text: str) -> Problem:
    with pytest.raises(YamlProblems) as caught:
        parse(text, "f.yaml")
    (problem,) = caught.value.problems
    return problem


def test_thirty_thousand_brackets_are_refused_without_crashing():
    problem = _problem("a: " + "[" * 30_000 + "\n")
    assert (problem.kind, problem.line, problem.column) == ("too_deep", 1, 3 + MAX_DEPTH)
    assert problem.message == f"nesting deeper than {MAX_DEPTH} levels of lists and mappings"


def test_balanced_deep_nesting_is_refused_before_any_recursion():
    problem = _problem("a: " + "{b: " * 2_000 + "1" + "}" * 2_000 + "\n")
    assert problem.kind == "too_deep" and problem.line == 1


def test_nesting_by_indentation_is_counted_too():
    text = "".join("  " * depth + "-\n" for depth in range(MAX_DEPTH + 5))
    problem = _problem(text)
    assert (problem.kind, problem.line) == ("too_deep", MAX_DEPTH + 1)


def test_nesting_up_to_the_limit_is_read():
    data = parse("[" * MAX_DEPTH + "1" + "]" * MAX_DEPTH, "f.yaml").data
    for _ in range(MAX_DEPTH):
        (data,) = data
    assert data == 1
    assert _problem("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)).kind == "too_deep"


def _depth(node: yaml.Node) -> int:
    children = [] if isinstance(node, yaml.ScalarNode) else node.value
    flat = [c for child in children for c in (child if isinstance(child, tuple) else (child,))]
    return 1 + max((_depth(c) for c in flat if not isinstance(c, yaml.ScalarNode)), default=0)


def test_the_limit_is_far_above_every_shipped_file():
    files = [*(ROOT / "data").rglob("*.yaml"), *(ROOT / "rules").rglob("*.yaml")]
    files += [*(ROOT / "examples").glob("*.yaml")]
    deepest = max(_depth(parse(p.read_text(encoding="utf-8"), str(p)).root) for p in files)
    assert 3 <= deepest <= MAX_DEPTH // 4


def test_a_number_of_five_thousand_digits_is_located():
    problem = _problem("a: 1\nb: " + "9" * 5_001 + "\n")
    assert (problem.kind, problem.line, problem.column) == ("syntax", 2, 4)
    assert "a number 5,001 digits long is too long" in problem.message
    assert parse("b: " + "9" * MAX_DIGITS, "f.yaml").data == {"b": int("9" * MAX_DIGITS)}


def test_an_impossible_date_is_located():
    problem = _problem("saved:\n  at: 2024-02-31\n")
    assert (problem.line, problem.column) == (2, 7)
    assert "cannot read this value (day is out of range for month)" in problem.message


def test_a_raw_control_character_is_located():
    problem = _problem('a: 1\nb: "x\x1by"\n')
    assert (problem.line, problem.column) == (2, 6)
    assert "U+001B" in problem.message


def test_an_alias_bomb_gives_one_problem_with_a_count():
    text = "a: &a [x, x]\n" + "".join(f"b{i}: [*a, *a, *a]\n" for i in range(20))
    problem = _problem(text)
    assert (problem.kind, problem.line, problem.column) == ("alias", 1, 4)
    assert problem.message.endswith("(used at line 2, and 59 more aliases)")


def test_second_document_is_refused():
    assert "expected a single document" in _problem("a: 1\n---\nb: 2\n").message


@pytest.mark.parametrize(
    "value",
    [
        functools.reduce(lambda inner, _: [inner], range(100_000), list[object]()),
        10**6000,
        {"k" * 10_000: ["v"] * 10_000},
        "x" * 1_000_000,
    ],
    ids=["deep", "huge_int", "wide", "long"],
)
def test_shown_values_are_short_for_any_value(value: object):
    assert 0 < len(_shown(value)) <= 40


def test_shown_survives_a_list_that_holds_itself() -> None:
    loop: list[object] = []
    loop.append(loop)
    assert _shown(loop).startswith("[")


class _Items(BaseModel):
    items: list[int] = Field(max_length=3)


def test_too_many_items_says_the_limit_and_the_count():
    doc = parse("items: [1, 2, 3, 4, 5]\n", "f.yaml")
    with pytest.raises(YamlProblems) as caught:
        validate(_Items, doc)
    assert str(caught.value.problems[0]) == (
        "f.yaml:1:8: items: at most 3 items are allowed here (found 5)"
    )


class _Numbers(BaseModel):
    numbers: list[int]


def test_thousands_of_problems_are_cut_to_a_count():
    doc = parse("numbers: [" + ", ".join(["x"] * 1_000) + "]\n", "f.yaml")
    with pytest.raises(YamlProblems) as caught:
        validate(_Numbers, doc)
    problems = caught.value.problems
    assert len(problems) == MAX_PROBLEMS
    assert (
        problems[-1].message == f"... and {1_000 - MAX_PROBLEMS + 1:,} more problems in this file"
    )


def test_only_regular_files_are_read(tmp_path: Path):
    fifo, folder = tmp_path / "pipe.yaml", tmp_path / "folder.yaml"
    os.mkfifo(fifo)
    folder.mkdir()
    for path in (fifo, folder):
        with pytest.raises(YamlProblems, match="not a regular file"):
            read_text(path)
