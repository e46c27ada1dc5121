"""Smoke test of the Streamlit app through AppTest."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def test_app_shows_the_advice_of_the_chosen_example():
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    at.selectbox[0].select("los_alamos").run()
    text = "\n".join(m.value for m in at.markdown)
    assert "Look Within: advice for Los Alamos" in text
