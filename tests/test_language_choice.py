"""The page's language: from the address, the saved answers or the browser, changed by a
switcher on every page and kept in the address and the answers (issue 12)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def opened(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def title(at: AppTest) -> str:
    return " ".join(e.value for e in [*at.title, *at.header])


def test_the_address_names_the_language():
    assert "足元を見つめる" in title(opened(lang="ja"))
    assert "regarder en soi" in title(opened(lang="fr"))
    assert "Look Within" in title(opened(lang="xx"))  # unknown: English


def test_the_switcher_changes_the_page_the_address_and_the_answers():
    at = opened(lang="ja")
    box = at.sidebar.selectbox(key="ui.language")
    assert box.label == "言語" and box.value == "ja"
    box.select("fr").run()
    assert at.query_params["lang"] == "fr"
    assert at.session_state["answers"].language == "fr"
    assert "regarder en soi" in title(at)


def test_reopened_answers_come_back_in_their_language():
    first = opened(lang="fr")
    first.sidebar.selectbox(key="ui.language").select("ja").run()
    draft = first.query_params["draft"]
    again = opened(draft=draft)  # the link without ?lang
    assert again.query_params.get("lang") == "ja"
    assert again.sidebar.selectbox(key="ui.language").value == "ja"
    assert "自治体" in title(again)  # the step it resumes at, in Japanese


def test_workshop_pages_have_the_switcher_too():
    at = opened(ws="new", lang="fr")
    assert at.sidebar.selectbox(key="ui.language").value == "fr"
