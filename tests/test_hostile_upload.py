"""Hostile files through the wizard's resume uploader: each is explained in the error box,
changes nothing, and nothing in it comes alive as Markdown (issue 8: a key holding a link
and an image rendered both inside the app's own error box, and the browser fetched it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
TOWN = "schema_version: 1\nmunicipality:\n  name: Hirado\n  country: JP\n  population: 29000\n"
INJECTION = "`![t](https://evil.example/p.png) [click](http://x)"
ESCAPED = re.compile(r"\\[!-/:-@\[-`{-~]")
LIVE = re.compile(r"[`\[\]()<>!]|://|&|@|:[a-z_/]+:")
"""What Markdown could bring to life once escapes are taken out: code spans, links and
images, HTML, autolinks, entities, emoji or icon short codes."""


def _upload(name: str, content: bytes) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.file_uploader[0].upload(name, content, "application/x-yaml").run()
    assert not at.exception, at.exception
    return at


def _live_markup(markdown: str) -> list[str]:
    """Markup left in ``markdown`` outside backslash escapes."""
    return LIVE.findall(ESCAPED.sub("", markdown))


def test_a_key_with_a_link_and_an_image_is_shown_as_text():
    content = (TOWN + f'  "{INJECTION}": 1\n').encode()
    at = _upload("town.yaml", content)
    (box,) = at.error
    assert "unknown key" in box.value
    assert not _live_markup(box.value), box.value
    assert ESCAPED.sub(lambda m: m.group()[1], box.value).count(INJECTION) == 2
    assert at.session_state["answers"].municipality.name == ""


def test_the_file_name_is_shown_as_text():
    name = "![n](https://evil.example/n.png)<b>.yaml"
    at = _upload(name, b"municipality: [\n")
    (box,) = at.error
    assert not _live_markup(box.value), box.value
    assert "n\\]\\(https\\://evil\\.example/n\\.png\\)" in box.value


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"a: " + b"[" * 30_000 + b"\n", "nesting deeper than 50 levels"),
        (b"a: " + b"[" * 2_000 + b"]" * 2_000 + b"\n", "nesting deeper than 50 levels"),
        (TOWN.replace("29000", "9" * 5_001).encode(), "5,001 digits long is too long"),
        (TOWN.replace("Hirado", '"Hi\\0rado"').encode(), "unprintable character U+0000"),
    ],
    ids=["30000_brackets", "2000_levels", "5001_digits", "nul"],
)
def test_a_hostile_file_is_explained_and_the_app_keeps_running(content: bytes, fragment: str):
    at = _upload("hostile.yaml", content)
    (box,) = at.error
    assert fragment in box.value.replace("\\", "")
    at.run()
    assert not at.exception
    assert at.session_state["answers"].municipality.name == ""


def test_many_problems_are_listed_up_to_eight_then_counted():
    content = b"schema_version: 1\nmunicipality: {name: [1]}\nassets: [" + b"x, " * 11 + b"x]\n"
    at = _upload("many.yaml", content)
    (box,) = at.error
    bullets = [line for line in box.value.splitlines() if line.startswith("- ")]
    assert len(bullets) == 9
    assert bullets[-1] == "- … and 5 more problems."
