"""Benchmark of the wizard. Prints figures; asserts nothing.

Targets: server time per interaction with all data loaded under
150 ms (shown beside a trivial Streamlit app's rerun, since machines differ), and cold
start to the first page under 3 s.

    .venv/bin/python bench/bench_app.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from bench_load import ARGS, CHROMIUM  # beside this script
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
TRIVIAL = """import streamlit as st
st.title("Trivial")
if st.button("Go", key="go"):
    st.write("done")
"""


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def wizard_on(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.selectbox(key="welcome.example").select("hirado").run()
    at.button(key="welcome.example_load").click().run()
    if page != "results":
        at.button(key=f"nav.{page}").click().run()
    return at


def interactions(repeat: int) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(TRIVIAL)
    trivial = AppTest.from_file(handle.name).run()
    base = median_ms(lambda: trivial.button(key="go").click().run(), repeat)
    print(f"trivial app, button click rerun:       {base:6.1f} ms median")
    results = wizard_on("results")
    cases = {
        "results page rerun (assess + charts)": lambda: results.run(),
    }
    history = wizard_on("history")
    box = "history.themes.war_memory@1"
    cases["history page, tick a theme"] = lambda: history.checkbox(key=box).check().run()
    town = wizard_on("town")
    cases["town page, type a search"] = lambda: (
        town.text_input(key="town.query").input("Noordwijk").run()
    )
    for label, action in cases.items():
        ms = median_ms(action, repeat)
        print(f"{label:<38} {ms:6.1f} ms median, {ms / base:4.1f}x trivial (target < 150 ms)")
    os.unlink(handle.name)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cold_start() -> None:
    """Process start to health check, and to the welcome page drawn in Chromium."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        start = time.perf_counter()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(ROOT / "app.py"),
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                    break
                except OSError:
                    time.sleep(0.05)
            healthy = time.perf_counter() - start
            page.goto(f"http://127.0.0.1:{port}/")
            page.get_by_text("Look Within: find your town's way").wait_for(timeout=30_000)
            drawn = time.perf_counter() - start
        finally:
            server.terminate()
            browser.close()
    print(
        f"cold start: server healthy after {healthy:.2f} s, welcome page drawn after "
        f"{drawn:.2f} s (target < 3 s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    interactions(args.repeat)
    cold_start()


if __name__ == "__main__":
    main()
