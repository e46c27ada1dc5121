"""Safe YAML reading: positions, duplicates, aliases, size and YAML 1.2 booleans."""

from __future__ import annotations

import pytest

from advisor.yamlio import YamlProblems, locate, parse


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
