"""Fuzz: mutated example answers files go through everything a user's file goes through.

Each example is cut, doubled, spliced and salted with brackets, control characters, long
numbers, deep nesting and swapped values. Whatever comes out must either be refused with
an :class:`InputError` (the one acceptable failure) or load, survive save and reload
unchanged, be assessed (with the open data) and render in every report format. The budget
is small so the suite stays fast; PDF and Word, the slow formats, get fewer examples.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.answers import dump_answers, parse_answers
from advisor.assess import assess
from advisor.errors import InputError
from advisor.knowledge.load import default_knowledge
from advisor.model.assessment import FORBIDDEN_CHARACTERS, Assessment
from advisor.opendata.bundle import OpenData, open_data
from advisor.report import render

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.yaml"))]
K = default_knowledge()

NASTY = st.sampled_from(
    ["[", "]", "{", "}", ":", "- ", "#", "&a ", "*a", "!!", "'", '"', "\\", "\t", "\n", "  "]
)
CONTROL = st.sampled_from(["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b", "\u2028", "\ufffe"])
ESCAPED = st.sampled_from(['"\\0"', '"\\a"', '"\\e"', '"\\x9b"', '"\\N"', '"\\L"', '"\\uFFFE"'])
DIGITS = st.integers(1, 6_000).map(lambda n: "9" * n)
NESTING = st.integers(1, 3_000).flatmap(
    lambda n: st.sampled_from(["[" * n, "[" * n + "]" * n, "{a: " * n + "1" + "}" * n])
)
INSERT = st.one_of(NASTY, CONTROL, ESCAPED, DIGITS, NESTING, st.text(max_size=8))


@st.composite
def mutation(draw: st.DrawFn, text: str) -> str:
    """``text`` with one change: a character or line deleted, doubled, swapped or replaced,
    something nasty inserted, or one value put in place of another."""
    lines = text.split("\n")
    at = draw(st.integers(0, max(len(text) - 1, 0)))
    row, other = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    kind = draw(st.sampled_from(["delete", "insert", "replace", "line", "swap", "value"]))
    if kind == "delete":
        return text[:at] + text[at + draw(st.integers(1, 40)) :]
    if kind == "insert":
        return text[:at] + draw(INSERT) + text[at:]
    if kind == "replace":
        return text[:at] + draw(INSERT) + text[at + 1 :]
    if kind == "line":
        action = draw(st.sampled_from(["drop", "double"]))
        lines[row : row + 1] = [] if action == "drop" else [lines[row]] * draw(st.integers(2, 60))
    elif kind == "swap":
        lines[row], lines[other] = lines[other], lines[row]
    elif ": " in lines[row] and ": " in lines[other]:
        key = lines[row].split(": ", 1)[0]
        lines[row] = f"{key}: {lines[other].split(': ', 1)[1]}"
    return "\n".join(lines)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(EXAMPLES))
    for _ in range(draw(st.integers(1, 4))):
        text = draw(mutation(text))
    return text


@cache
def _open_data() -> OpenData:
    return open_data()


def _loaded(text: str) -> Assessment | None:
    """The assessment if the file loads; save and reload must give it back unchanged."""
    try:
        assessment = parse_answers(text, "fuzz.yaml", K)
    except InputError:
        return None
    assert parse_answers(dump_answers(assessment), "again.yaml", K) == assessment
    return assessment


def _reports(text: str, formats: tuple[str, ...]) -> None:
    assessment = _loaded(text)
    if assessment is None:
        return
    try:
        result = assess(assessment, K, _open_data())
    except InputError:  # incomplete answers: name, country or population missing
        return
    for fmt in formats:
        assert render(fmt, assessment, result, knowledge=K)


FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(mutated())
def test_mutated_files_load_round_trip_assess_and_render_or_are_refused(text: str):
    _reports(text, ("md", "html"))


TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"]).filter(
        lambda c: not FORBIDDEN_CHARACTERS.match(c)
    ),
    max_size=40,
)
ODD = st.sampled_from(
    ["$\\frac$", "<b>x</b> & co", 'say "hi"', "平戸", "a\x85b\u2028c", "[x](http://e)"]
)
NAMES = st.one_of(ODD, TEXT).map(str.strip).filter(bool)


@st.composite
def odd_answers(draw: st.DrawFn) -> str:
    """An example's answers file with its free texts replaced by odd but allowed text (the
    slow formats get valid files only: most mutated files never reach them)."""
    data = parse_answers(draw(st.sampled_from(EXAMPLES)), "example.yaml", K).model_dump()
    data["municipality"]["name"] = draw(NAMES)
    data["history"]["notes"] = draw(st.one_of(ODD, TEXT))
    for connection in data["history"]["connections"]:
        connection["place"], connection["description"] = draw(NAMES), draw(TEXT)
    for tie in data["ties"]["sister_towns"]:
        tie["place"] = draw(NAMES)
    return dump_answers(Assessment.model_validate(data, context={"known": K.known}))


@SLOW
@given(odd_answers())
def test_files_with_odd_text_render_as_word_and_pdf(text: str):
    _reports(text, ("docx", "pdf"))


def test_the_mutations_reach_every_stage():
    """The fuzzer is only worth its time if mutated files both fail and pass: check a few
    known mutations land on each side."""
    hirado = EXAMPLES[0]
    assert _loaded(hirado.replace("population:", "population: [[[")) is None
    assert _loaded(hirado + "\n" + "# a comment\n") is not None
