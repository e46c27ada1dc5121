"""The answers caches of the served app: one assessment per distinct answers, shared.

Called outside a Streamlit run (``st.cache_resource`` works there, with a warning), as the
results page calls them on every rerun.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from advisor.answers import load_answers
from advisor.i18n import use_language
from advisor.model.assessment import Assessment
from advisor.ui import resources
from advisor.ui.resources import answers_key, chart_spec_for, result_for

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def hirado() -> Assessment:
    return load_answers(ROOT / "examples" / "hirado.yaml")


@pytest.fixture(autouse=True)
def empty_caches() -> Iterator[None]:
    resources.clear_caches()
    yield
    resources.clear_caches()


@pytest.fixture
def assessed(monkeypatch: pytest.MonkeyPatch) -> list[Assessment]:
    """Every answers object actually assessed (the cache's misses), in order."""
    calls: list[Assessment] = []
    real = resources.assess

    def counting(answers: Assessment, *args: Any) -> object:
        calls.append(answers)
        return real(answers, *args)

    monkeypatch.setattr(resources, "assess", counting)
    return calls


def with_progress(answers: Assessment, step: str) -> Assessment:
    progress = answers.progress.model_copy(
        update={"last_step": step, "saved_at": dt.datetime(2026, 1, 2, tzinfo=dt.UTC)}
    )
    return answers.model_copy(update={"progress": progress})


def test_same_answers_give_the_same_result_without_assessing_again(hirado, assessed):
    first = result_for(hirado)
    again = result_for(hirado.model_copy(deep=True))  # equal answers, another object
    assert again is first
    assert len(assessed) == 1
    assert first.matches and first.networks


def test_changed_answers_give_a_new_result(hirado, assessed):
    first = result_for(hirado)
    town = hirado.municipality.model_copy(update={"name": "Hirado-shi"})
    changed = result_for(hirado.model_copy(update={"municipality": town}))
    assert changed is not first
    assert changed.meta.town == "Hirado-shi" and first.meta.town != "Hirado-shi"
    assert len(assessed) == 2


def test_progress_through_the_wizard_does_not_invalidate(hirado, assessed):
    first = result_for(hirado)
    assert result_for(with_progress(hirado, "capacity")) is first
    assert answers_key(with_progress(hirado, "report")) == answers_key(hirado)
    assert len(assessed) == 1


def test_the_language_is_part_of_the_key(hirado):
    with use_language("xx"):  # no such catalog: English texts, but another key
        other = answers_key(hirado)
    assert other != answers_key(hirado)


def test_chart_specs_are_built_once_per_answers(hirado, assessed):
    profile = chart_spec_for("profile", hirado)
    assert chart_spec_for("profile", with_progress(hirado, "results")) is profile
    assert {"data", "layout", "config", "title"} <= set(profile)
    world = chart_spec_for("map", hirado)
    assert world is not profile and world["data"]
    assert len(assessed) == 1  # both charts reuse the cached result


def test_chart_specs_follow_changed_answers(hirado):
    profile = chart_spec_for("profile", hirado)
    history = hirado.history.model_copy(update={"themes": hirado.history.themes[:1]})
    fewer = chart_spec_for("profile", hirado.model_copy(update={"history": history}))
    assert fewer is not profile
    assert len(fewer["layout"]["yaxis"]["ticktext"]) <= len(profile["layout"]["yaxis"]["ticktext"])


def test_the_cache_is_bounded(hirado, assessed):
    first = result_for(hirado)
    for n in range(resources.CACHE_SIZE):
        town = hirado.municipality.model_copy(update={"population": 1000 + n})
        result_for(hirado.model_copy(update={"municipality": town}))
    assert result_for(hirado) is not first  # pushed out by newer answers, assessed again
    assert len(assessed) == resources.CACHE_SIZE + 2
