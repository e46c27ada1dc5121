"""Heavy data, loaded once per server process and shared by every session; and what
depends only on the answers (the result, the chart specs), computed once per answers.

A page run of the served app pays for more than our code: Streamlit forces a full garbage
collection after every run, and a full collection walks every live object, among them the
hundreds of thousands the knowledge and open data hold (about 0.2 s a run on the
development machine). Those objects live as long as the process, so once loaded they are
moved out of the collector's sight with :func:`gc.freeze`.

The result of an assessment depends only on the answers (and the language its reasons are
written in), not on the progress through the wizard: a rerun of the results page, a
switch back from another step, or a second session with the same answers reuses it.
Streamlit's resource cache keeps the most recent ones, shared by every session and keyed
by a hash of the answers; it returns the same object (nothing is copied), so callers must
not change what they get.
"""

from __future__ import annotations

import gc
import hashlib
import json
from typing import Literal

import plotly.graph_objects as go
import streamlit as st

from advisor.assess import assess
from advisor.chart_content import partner_map, profile_chart
from advisor.examples import example_labels
from advisor.i18n import current_language
from advisor.knowledge.base import Knowledge
from advisor.knowledge.load import load_knowledge
from advisor.model.assessment import Assessment
from advisor.model.result import Result
from advisor.opendata.bundle import OpenData, open_data
from advisor.report.document import Chart
from advisor.report.interactive import Spec, chart_spec
from advisor.ui import state

ChartKind = Literal["profile", "map"]
CACHE_SIZE = 64
"""Answers kept per cache: a full room (30 people) twice over, a few MB at most."""


@st.cache_resource(show_spinner=False)
def knowledge() -> Knowledge:
    """The curated knowledge (networks, cases, programmes, curated places) and the rules."""
    loaded = load_knowledge()
    _keep_out_of_gc()
    return loaded


@st.cache_resource(show_spinner=False)
def open_data_bundle() -> OpenData:
    """The open-data bundle (gazetteer, twinning graph, Covenant signatories), shared by
    every session. Not ``places``, which :attr:`Knowledge.places` means (curated places),
    nor ``open_data``, the uncached loader it calls."""
    loaded = open_data()
    _keep_out_of_gc()
    return loaded


def _keep_out_of_gc() -> None:
    """Spare every object alive now (the data just loaded, the modules imported) from the
    full collections Streamlit runs after each page run (``runner.postScriptGC``)."""
    gc.collect()  # what is garbage now is freed, not frozen
    gc.freeze()


def answers_key(answers: Assessment) -> str:
    """A digest of everything the advice depends on: the answers without the progress
    through the wizard (the step and the time it was saved), and the language."""
    data = answers.model_dump_json(exclude={"progress"}).encode()
    digest = hashlib.blake2b(data, digest_size=16)
    digest.update(current_language().encode())
    return digest.hexdigest()


def result_for(answers: Assessment) -> Result:
    """The assessment of ``answers``, computed once per distinct answers (and language)."""
    return _assessed(answers_key(answers), answers)


def current_result() -> Result:
    """The advice for this session's answers, assessed once per distinct answers: what the
    results and report pages show. Here, beside :func:`result_for`, so neither page has to
    import the other to get it."""
    return result_for(state.answers())


@st.cache_resource(max_entries=CACHE_SIZE, show_spinner=False)
def _assessed(key: str, _answers: Assessment) -> Result:
    """Cached by ``key`` (the answers' digest) alone: Streamlit does not hash ``_answers``."""
    return assess(_answers, knowledge(), open_data_bundle())


def chart_spec_for(kind: ChartKind, answers: Assessment) -> Spec:
    """The plotly spec of the results page's ``kind`` chart for ``answers``, built once.
    ``{"data", "layout", "config"}`` as :func:`advisor.report.interactive.chart_spec`, and
    ``"title"`` (plain text: escape it for Markdown)."""
    return _chart(kind, answers_key(answers), answers)


@st.cache_resource(max_entries=2 * CACHE_SIZE, show_spinner=False)
def _chart(kind: ChartKind, key: str, _answers: Assessment) -> Spec:
    result = result_for(_answers)
    chart: Chart
    if kind == "profile":
        chart = profile_chart(_answers, result, knowledge())
    else:
        chart = partner_map(_answers, result)
    return {**chart_spec(chart), "title": chart.title}


def clear_caches() -> None:
    """Forget every cached result and chart (tests; the knowledge never changes in a run)."""
    _assessed.clear()
    _chart.clear()


def examples() -> dict[str, str]:
    """The example towns' labels for the welcome page's picker, read once per language
    (reading them means loading and checking every example file)."""
    return _examples(current_language())


@st.cache_resource(show_spinner=False)
def _examples(language: str) -> dict[str, str]:
    return example_labels(knowledge())


def figure(spec: Spec) -> go.Figure:
    """A plotly figure for a chart spec, built (and so validated) once per distinct spec.

    ``st.plotly_chart`` validates a plain dict on every run by building a figure from it
    (about 4 ms for a small chart, 11 ms for the map); a figure it is given is only copied.
    """
    return _figure(json.dumps({"data": spec["data"], "layout": spec["layout"]}, sort_keys=True))


@st.cache_resource(max_entries=4 * CACHE_SIZE, show_spinner=False)
def _figure(spec_json: str) -> go.Figure:
    return go.Figure(**json.loads(spec_json))
