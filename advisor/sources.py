"""Turn a knowledge file's source keys into the titles and links a reader can follow."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from advisor.i18n import t, tr
from advisor.knowledge.models import KnowledgeFile, Source, Sourced
from advisor.model.result import SourceRef


class HasSources(Protocol):
    """A knowledge file with a sources table: an item file, or a file of places."""

    @property
    def sources(self) -> Mapping[str, Source]: ...


def refs(item: HasSources, keys: Iterable[str]) -> list[SourceRef]:
    """The sources behind ``keys`` of ``item``'s table, each once, in first-cited order."""
    ordered = dict.fromkeys(k for k in keys if k in item.sources)
    return [SourceRef(title=item.sources[k].title, url=item.sources[k].url) for k in ordered]


def cited(item: KnowledgeFile, facts: Iterable[Sourced | None]) -> list[SourceRef]:
    """The sources cited by the given facts of ``item``."""
    return refs(item, (k for f in facts if f is not None for k in f.source_keys))


def stated(fact: Sourced, text: str) -> str:
    """``text`` as the advice may state it: a fact the knowledge base marks ``unverified``
    says so (with its note), so an uncertain fee or procedure never prints as settled."""
    text = tr(text)
    if not fact.unverified:
        return text
    if fact.note:
        return t("fact.unverified_note", text=text.rstrip(), note=tr(fact.note))
    return t("fact.unverified", text=text.rstrip())


def own_answers() -> SourceRef:
    """The source of anything the town declared itself."""
    return SourceRef(title=t("source.own_answers"))
