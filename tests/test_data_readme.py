"""data/README.md documents every field of every knowledge model, and nothing else: a
field added to a model without a line in the README, or a line for a field that is gone,
fails here (issue 11, the policy officer's toolkit)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from advisor.knowledge import models

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
SOURCED = set(models.Sourced.model_fields)


def documented() -> dict[str, set[str]]:
    """Field names listed under each '### Model...' heading of the Fields section."""
    fields_part = README.split("\n## Fields\n", 1)[1]
    sections: dict[str, set[str]] = {}
    current = None
    for line in fields_part.splitlines():
        heading = re.match(r"^### (\w+)", line)
        if heading:
            current = heading.group(1)
            sections[current] = set()
        elif current and (row := re.match(r"^\| `(\w+)` \|", line)):
            sections[current].add(row.group(1))
    return sections


def knowledge_models() -> dict[str, type[BaseModel]]:
    return {
        name: cls
        for name, cls in inspect.getmembers(models, inspect.isclass)
        if issubclass(cls, BaseModel) and cls.__module__ == models.__name__
    }


@pytest.mark.parametrize("name", sorted(knowledge_models()))
def test_every_field_of_the_model_is_documented_and_no_other(name: str):
    sections = documented()
    assert name in sections, f"data/README.md has no '### {name}' section"
    cls = knowledge_models()[name]
    fields = set(cls.model_fields)
    if issubclass(cls, models.Sourced) and cls is not models.Sourced:
        fields -= SOURCED
    if issubclass(cls, models.KnowledgeFile):
        fields |= set(models.KnowledgeFile.model_fields)  # its sources table, not a fact's
    assert sections[name] == fields


def test_sourced_models_say_so():
    for name, cls in knowledge_models().items():
        if issubclass(cls, models.Sourced) and cls is not models.Sourced:
            heading = re.search(rf"^### {name}\b.*$", README, re.M)
            assert heading and "sourced" in heading.group(0), name
