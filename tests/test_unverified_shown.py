"""A fact the knowledge base marks ``unverified`` says so wherever the advice states it:
in the result, on the network's lists, and in the report (issue 11, provenance)."""

from __future__ import annotations

from pathlib import Path

from advisor.answers import load_answers
from advisor.assess import assess
from advisor.knowledge.load import default_knowledge
from advisor.knowledge.models import SourcedText
from advisor.report import render
from advisor.sources import stated

ROOT = Path(__file__).resolve().parents[1]


def hirado():
    answers = load_answers(ROOT / "examples" / "hirado.yaml")
    return answers, assess(answers, default_knowledge())


def test_a_settled_fact_is_stated_as_is_and_an_uncertain_one_says_so():
    settled = SourcedText(text="Pay 100 EUR a year.", source="a")
    doubtful = SourcedText(text="Pay 100 EUR a year.", source="a", unverified=True)
    noted = SourcedText(text="Pay 100 EUR a year.", source="a", unverified=True, note="2019 page")
    assert stated(settled, settled.text) == "Pay 100 EUR a year."
    assert stated(doubtful, doubtful.text) == "Pay 100 EUR a year. (not confirmed)"
    assert stated(noted, noted.text) == "Pay 100 EUR a year. (not confirmed: 2019 page)"


def test_every_unverified_fee_and_step_of_a_network_is_marked_in_the_advice():
    knowledge = default_knowledge()
    _, result = hirado()
    for advice in [*result.networks, *result.other_networks]:
        net = knowledge.networks[advice.id]
        assert ("(not confirmed" in advice.fees) == net.fees.unverified, advice.id
        for step, text in zip(net.how_to_join, advice.how_to_join, strict=True):
            assert ("(not confirmed" in text) == step.unverified, (advice.id, text)


def test_the_report_carries_the_mark():
    answers, result = hirado()
    marked = [
        text
        for n in [*result.networks, *result.other_networks]
        for text in [n.fees, *n.how_to_join]
        if "(not confirmed" in text
    ]
    assert marked, "the example should meet at least one unverified fact"
    markdown = render("md", answers, result).decode("utf-8")
    assert "(not confirmed" in markdown
