"""Numbers a clerk writes in text fields (``period: 1854``) are read as the text they wrote
(issue 10, item 9); true/false and mappings are still refused, with a located message."""

from __future__ import annotations

import pytest

from advisor.answers import dump_answers, parse_answers
from advisor.errors import InputError

TOWN = "municipality: {name: X, country: FR, population: 300}\n"


def problems_of(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_answers(text, "answers.yaml")
    return [str(p) for p in caught.value.problems]


def test_a_number_in_a_connection_period_is_its_text():
    text = TOWN + (
        "history:\n  connections:\n"
        "    - {place: Nagasaki, country: JP, kind: trade, period: 1854, description: 12.5}\n"
    )
    (conn,) = parse_answers(text, "a.yaml").history.connections
    assert (conn.period, conn.description) == ("1854", "12.5")


SHORT_TEXTS = {
    "sister-tie note": (
        "ties:\n  sister_towns:\n    - {place: Hirado, country: JP, notes: 1990}\n",
        lambda a: a.ties.sister_towns[0].notes,
    ),
    "partnership": ("ties:\n  partnerships: [1990]\n", lambda a: a.ties.partnerships[0]),
    "association": (
        "capacity:\n  citizen_associations: [1990]\n",
        lambda a: a.capacity.citizen_associations[0],
    ),
}


@pytest.mark.parametrize("name", sorted(SHORT_TEXTS))
def test_numbers_in_other_short_texts_are_their_text(name: str):
    section, read = SHORT_TEXTS[name]
    assert read(parse_answers(TOWN + section, "a.yaml")) == "1990"


def test_numbers_in_names_regions_and_notes_are_their_text():
    text = (
        "municipality: {name: 1854, country: FR, population: 300, region: 27}\n"
        "history: {notes: 1600}\nspecializations:\n  notes: 3.5\n"
        "  institutions: [{name: 42, kind: university}]\n"
    )
    a = parse_answers(text, "a.yaml")
    assert (a.municipality.name, a.municipality.region) == ("1854", "27")
    assert (a.history.notes, a.specializations.notes) == ("1600", "3.5")
    assert a.specializations.institutions[0].name == "42"


def test_numbers_in_text_survive_a_round_trip():
    text = TOWN + (
        "history:\n  notes: 1600\n  connections:\n"
        "    - {place: Nagasaki, country: JP, kind: trade, period: 1854}\n"
        "ties:\n  sister_towns:\n    - {place: Hirado, country: JP, notes: 1990}\n"
    )
    first = parse_answers(text, "a.yaml")
    again = parse_answers(dump_answers(first), "again.yaml")
    assert again == first
    assert dump_answers(again) == dump_answers(first)
    assert "period: '1854'" in dump_answers(first)


def test_true_or_false_in_a_text_field_is_refused_with_a_reason():
    text = TOWN + "ties:\n  sister_towns:\n    - {place: Hirado, country: JP, notes: true}\n"
    assert problems_of(text) == [
        "answers.yaml:4:43: ties.sister_towns[0].notes: expected text, got true; "
        'put the words in quotes ("true") if you mean them'
    ]


def test_a_mapping_in_a_text_field_is_still_refused_where_it_is():
    text = TOWN + (
        "history:\n  connections:\n"
        "    - place: Nagasaki\n      country: JP\n      kind: trade\n"
        "      period: {from: 1854}\n"
    )
    assert problems_of(text) == [
        "answers.yaml:7:15: history.connections[0].period: expected text, got {'from': 1854}"
    ]


def test_a_list_in_a_text_field_is_still_refused():
    (line,) = problems_of(TOWN + "history:\n  notes: [1854, 1860]\n")
    assert line.startswith("answers.yaml:3:10: history.notes: expected text")
