"""Every wizard step and the results, drawn in Japanese and in French, show no English
sentence of the catalog or the knowledge (issue 12): a text drawn without ``t()`` or a
knowledge text read without ``tr()`` fails here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from streamlit.testing.v1 import AppTest

from advisor.i18n import Localized, catalog, placeholders, t, use_language
from advisor.knowledge.load import default_knowledge

APP = str(Path(__file__).resolve().parents[1] / "app.py")
STEPS = ["welcome", "town", "history", "specializations", "ties", "capacity", "results", "report"]
TABS = ("plan", "networks", "partners", "cases")
MIN_LENGTH = 14
"""Shorter English texts ('Notes', 'Population') may be the same word in French."""
LABELLED = (
    "button",
    "checkbox",
    "text_input",
    "selectbox",
    "multiselect",
    "text_area",
    "radio",
    "number_input",
    "expander",
    "toggle",
    "download_button",
    "tabs",
)
"""The widgets whose label a reader sees."""


def _walk(value: Any) -> Iterator[Localized]:
    if isinstance(value, Localized):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _walk(item)


def localized_texts() -> list[Localized]:
    """Every translated text of the knowledge and the rules."""
    k = default_knowledge()
    parts: list[Any] = [k.vocabularies, k.cases, k.networks, k.programmes, k.country_groups]
    return [text for part in [*parts, list(k.rules.plan)] for text in _walk(part)]


def english_texts(language: str) -> set[str]:
    """English catalog sentences (without placeholders) and knowledge labels that the
    language translates differently: none of them may appear on its pages."""
    english, other = catalog("en"), catalog(language)
    texts = {
        text
        for key, text in english.items()
        if not placeholders(text) and len(text) >= MIN_LENGTH and other.get(key, text) != text
    }
    for text in localized_texts():
        translated = text.translations.get(language, str(text))
        if len(text) >= MIN_LENGTH and str(text).lower() not in translated.lower():
            texts.add(str(text))  # a proper name kept as it is may appear
    return texts


def shown(at: AppTest) -> Iterator[str]:
    """Every text the page draws: markdown, headings, captions, messages and labels."""
    for kind in (
        "markdown",
        "title",
        "header",
        "subheader",
        "caption",
        "info",
        "warning",
        "error",
        "success",
    ):
        for element in at.get(kind):
            yield str(getattr(element, "value", ""))
    for kind in LABELLED:
        for element in at.get(kind):
            yield str(getattr(element, "label", "") or "")
            proto: Any = getattr(element, "proto", None)
            yield str(getattr(proto, "help", "") or "")


def walk(language: str) -> Iterator[tuple[str, AppTest]]:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = language
    at.run()
    at.selectbox(key="welcome.example").select("hirado").run()
    at.button(key="welcome.example_load").click().run()
    for step in STEPS:
        at.session_state["step"] = step
        at.run()
        assert not at.exception, at.exception
        if step == "results":
            for tab in TABS:
                with use_language(language):  # the tab's key holds its label, as shown
                    at.session_state["results.tab"] = t(f"results.tab.{tab}")
                at.run()
                yield f"{step}/{tab}", at
        else:
            yield step, at


@pytest.mark.parametrize("language", ["ja", "fr"])
def test_no_english_sentence_on_any_page(language: str):
    forbidden = english_texts(language)
    assert len(forbidden) > 200
    found = []
    for page, at in walk(language):
        for text in shown(at):
            # Source titles are citations: they stay in the source's own language.
            text = "\n".join(line for line in text.splitlines() if "http" not in line)
            found += [(page, english) for english in forbidden if english in text]
    assert not found, found[:20]
