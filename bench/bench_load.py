"""Load benchmark: the real server driven by real browsers. Prints figures; asserts nothing.

What a room of people meets: N Chromium sessions at once open the welcome page, load an
example town, wait for the results, then switch K times between "Capacity and goals" and
"Results". The server's CPU is read from the operating system (/proc/<pid>/stat: the
process, its finished and its live children), never the browsers', so the figures hold
even when the browsers share the machine with the server. A trivial Streamlit app runs
beside it in the same run: what a new browser session costs it (Streamlit's own assets and
websocket) is subtracted to give what a session costs *us*.

Targets: server CPU per interaction on the results page < 50 ms; per full example session
beyond the trivial app < 150 ms; time to results p95 < 5 s with 10 sessions at once and
< 10 s with 30.

    .venv/bin/python bench/bench_load.py [--sessions 1,10,30] [--interactions 6]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from playwright.async_api import Browser, BrowserContext, Page, async_playwright
from playwright.async_api import TimeoutError as PlaywrightTimeout

from advisor.examples import example_labels

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: bench/ as a package
from bench.chromium import ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parents[1]
TRIVIAL = """import streamlit as st
st.title("Trivial")
if st.button("Go", key="go"):
    st.session_state.clicks = st.session_state.get("clicks", 0) + 1
st.write(f"clicks: {st.session_state.get('clicks', 0)}")
"""
TICK = os.sysconf("SC_CLK_TCK")
T = TypeVar("T")
# Stable attributes: Streamlit gives a keyed element the class st-key-<key> ("." -> "-").
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
PICKER = ".st-key-welcome-example"
LOAD = ".st-key-welcome-example_load button"
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
TARGETS = {
    "interaction": 0.050,
    "session": 0.150,
    10: 5.0,
    30: 10.0,
}


class BenchError(Exception):
    """A step of the scenario could not be done (a selector missing, a timeout)."""


def nav(step: str) -> str:
    return f".st-key-nav-{step} button"


def current(step: str) -> str:
    """The sidebar button of the step that is open (drawn as the primary button)."""
    return f'.st-key-nav-{step} [data-testid="stBaseButton-primary"]'


# --- the server, seen from the operating system -------------------------------------------


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def cpu(self) -> float:
        """CPU seconds (user + system) of the server, its reaped and its live children."""
        return process_cpu(self.process.pid, children=True) + sum(
            process_cpu(pid, children=True) for pid in children_of(self.process.pid)
        )

    def memory(self) -> tuple[float, float]:
        """Peak and current resident memory in MB (VmHWM, VmRSS)."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        values = dict(re.findall(r"^(VmHWM|VmRSS):\s+(\d+) kB", status, re.M))
        return int(values["VmHWM"]) / 1024, int(values["VmRSS"]) / 1024

    def tracebacks(self) -> int:
        return self.log.read_text(errors="replace").count("Traceback")


def process_cpu(pid: int, *, children: bool) -> float:
    """utime + stime (+ cutime + cstime) of ``pid`` in seconds; 0 once it has gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()  # the name may hold spaces; fields from 3 on
    ticks = int(fields[11]) + int(fields[12])
    if children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / TICK


def children_of(pid: int) -> list[int]:
    """Live child processes (a Streamlit server normally has none; count them if it does)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(name: str, script: Path, port: int, workdir: Path) -> Server:
    """``streamlit run`` as users get it, with a fresh database for the answers."""
    env = dict(os.environ, LOOK_WITHIN_DATABASE_URL=f"sqlite:///{workdir / 'bench.db'}")
    log = workdir / f"{name}.log"
    command = [sys.executable, "-m", "streamlit", "run", str(script)]
    command += ["--server.headless", "true", "--server.address", "127.0.0.1"]
    command += ["--server.port", str(port), "--browser.gatherUsageStats", "false"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT
    )
    return Server(name, process, f"http://127.0.0.1:{port}", log)


def wait_healthy(server: Server, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise BenchError(f"{server.name} server exited; see {server.log}")
        try:
            urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise BenchError(f"{server.name} server not healthy within {timeout:.0f} s")


async def settle(servers: list[Server], quiet: float = 0.004, limit: float = 15.0) -> None:
    """Wait until the servers have been idle for a second (under ``quiet`` CPU seconds in
    each 0.25 s slice): a browser busy drawing may ask for more a moment later."""
    deadline = time.monotonic() + limit
    last, calm = sum(s.cpu() for s in servers), 0
    while time.monotonic() < deadline and calm < 4:
        await asyncio.sleep(0.25)
        now = sum(s.cpu() for s in servers)
        calm = calm + 1 if now - last < quiet else 0
        last = now


async def measured(
    server: Server, work: Callable[[], Awaitable[T]], others: list[Server]
) -> tuple[float, T]:
    """Server CPU seconds spent on ``work``, between two idle points. ``work`` is called
    only after the first reading (asyncio.gather starts its tasks at once)."""
    await settle([server, *others])
    before = server.cpu()
    result = await work()
    await settle([server, *others])
    return server.cpu() - before, result


# --- one browser session ------------------------------------------------------------------


@dataclass
class Session:
    page: Page
    example: str = ""
    welcome_s: float | None = None
    results_s: float | None = None
    switches: dict[str, list[float]] = field(
        default_factory=lambda: {"capacity": [], "results": []}
    )
    error: str | None = None


async def need(page: Page, selector: str, what: str, timeout: float) -> None:
    """Wait for ``selector``; fail with a message that names the step and the selector."""
    try:
        await page.locator(selector).first.wait_for(state="attached", timeout=timeout * 1000)
    except PlaywrightTimeout:
        raise BenchError(f"{what}: '{selector}' not on the page after {timeout:.0f} s") from None


async def press(page: Page, selector: str, what: str, timeout: float) -> None:
    """Click ``selector`` (three tries: a redraw can swap the element under the mouse);
    fail with a message that names the step and the selector."""
    for _ in range(3):
        try:
            await page.locator(selector).first.click(timeout=timeout * 1000 / 3)
            return
        except PlaywrightTimeout:
            continue
    raise BenchError(f"{what}: could not click '{selector}' within {timeout:.0f} s")


async def idle(page: Page, what: str, timeout: float) -> None:
    """The script run that the last action started has finished; no error is shown."""
    await need(page, IDLE, what, timeout)
    if await page.locator(ERRORS).count():
        text = (await page.locator(ERRORS).first.inner_text())[:200]
        raise BenchError(f"{what}: the page shows an error: {text!r}")


async def open_welcome(page: Page, url: str, timeout: float) -> None:
    await page.goto(url, timeout=timeout * 1000)
    await need(page, PICKER, "welcome page (example picker)", timeout)
    await idle(page, "welcome page", timeout)


async def open_picker(page: Page, timeout: float) -> None:
    """Open the example expander, once its animation has ended."""
    if not await page.locator(PICKER).first.is_visible():
        expander = page.locator(f'[data-testid="stExpander"]:has({PICKER}) summary').first
        await expander.click(timeout=timeout * 1000)
    ready = f'[data-testid="stExpanderDetails"]:not([inert]) {PICKER}'
    await need(page, ready, "example expander open", timeout)


async def load_example(page: Page, example: str, timeout: float) -> None:
    """Pick ``example`` (its label, as the picker shows it) by typing it into the picker's
    search box, as a keyboard user would, then load it; results follow."""
    await open_picker(page, timeout)
    box = page.locator(f"{PICKER} input").first
    await box.click(timeout=timeout * 1000)
    await box.fill(example)
    await page.keyboard.press("Enter")
    await idle(page, "example picked", timeout)
    picked = await box.input_value()
    if picked != example:
        raise BenchError(f"example picker: picked {picked!r}, not {example!r}")
    await press(page, LOAD, "load the example", timeout)
    await need(page, current("results"), "results step open after loading", timeout)
    await idle(page, "results page", timeout)


async def full_session(session: Session, url: str, timeout: float) -> None:
    """Welcome, load the example, results: the times a user waits."""
    start = time.perf_counter()
    try:
        await open_welcome(session.page, url, timeout)
        session.welcome_s = time.perf_counter() - start
        await load_example(session.page, session.example, timeout)
        session.results_s = time.perf_counter() - start
    except (BenchError, PlaywrightTimeout) as exc:
        session.error = str(exc).splitlines()[0]


async def switch(session: Session, step: str, timeout: float) -> None:
    if session.error:
        return
    start = time.perf_counter()
    try:
        await press(session.page, nav(step), f"sidebar button to {step}", timeout)
        await need(session.page, current(step), f"sidebar switch to {step}", timeout)
        await idle(session.page, f"{step} page", timeout)
        session.switches[step].append(time.perf_counter() - start)
    except (BenchError, PlaywrightTimeout) as exc:
        session.error = str(exc).splitlines()[0]


# --- phases -------------------------------------------------------------------------------


@dataclass
class Bench:
    browser: Browser
    ours: Server
    trivial: Server
    timeout: float
    contexts: list[BrowserContext] = field(default_factory=list)

    shared: bool = False
    """Sessions as tabs of one browser context: they share the browser's caches (compiled
    scripts, assets), so the browsers take less of the machine from the server."""

    async def page(self) -> Page:
        if not self.shared or not self.contexts:
            context = await self.browser.new_context(viewport={"width": 1280, "height": 720})
            context.set_default_timeout(self.timeout * 1000)
            self.contexts.append(context)
        return await self.contexts[-1].new_page()

    async def close_all(self) -> None:
        for context in self.contexts:
            await context.close()
        self.contexts.clear()

    async def cpu(self, server: Server, work: Callable[[], Awaitable[object]]) -> float:
        other = self.trivial if server is self.ours else self.ours
        spent, _ = await measured(server, work, [other])
        return spent


async def trivial_session(bench: Bench) -> Page:
    page = await bench.page()
    await page.goto(bench.trivial.url)
    await need(page, "h1:has-text('Trivial')", "trivial app title", bench.timeout)
    await idle(page, "trivial app", bench.timeout)
    return page


async def trivial_clicks(bench: Bench, clicks: int) -> float:
    """Server CPU of one rerun of the trivial app (a button click), for scale."""
    page = await trivial_session(bench)

    async def work() -> None:
        for i in range(1, clicks + 1):
            await page.locator(".st-key-go button").click()
            await need(page, f"p:text-is('clicks: {i}')", "trivial app rerun", bench.timeout)
            await idle(page, "trivial app rerun", bench.timeout)

    spent = await bench.cpu(bench.trivial, work) / clicks
    await bench.close_all()
    return spent


async def welcome_only(bench: Bench) -> None:
    await open_welcome(await bench.page(), bench.ours.url, bench.timeout)


async def per_new_session(bench: Bench, probes: int) -> tuple[float, float]:
    """Server CPU of a new browser session: trivial app, and our welcome page (one by one)."""

    async def repeat(work: Callable[[Bench], Awaitable[None]]) -> None:
        for _ in range(probes):
            await work(bench)

    trivial = await bench.cpu(bench.trivial, lambda: repeat(trivial_session)) / probes
    welcome = await bench.cpu(bench.ours, lambda: repeat(welcome_only)) / probes
    await bench.close_all()
    return trivial, welcome


async def warm_up(bench: Bench, examples: list[str]) -> tuple[float, Session]:
    """One full session and a switch each way, not counted: one-off loading happens here."""
    await trivial_session(bench)
    session = Session(await bench.page(), examples[0])

    async def work() -> None:
        await full_session(session, bench.ours.url, bench.timeout)
        await switch(session, "capacity", bench.timeout)
        await switch(session, "results", bench.timeout)

    spent = await bench.cpu(bench.ours, work)
    await bench.close_all()
    return spent, session


def discover_examples(wanted: str) -> list[str]:
    """The example labels the welcome page offers (read as the page reads them)."""
    names = list(example_labels().values())
    if wanted == "all":
        return names
    chosen = [n for n in names if wanted.lower() in n.lower().replace(" ", "_")]
    if not chosen:
        raise BenchError(f"no example matches {wanted!r}; the picker offers {names}")
    return chosen[:1]


@dataclass
class Batch:
    sessions: list[Session]
    session_cpu: float
    switch_cpu: dict[str, float]
    switches: dict[str, int]
    wall_s: float
    memory: tuple[float, float]
    machine_busy: float
    """Share of all the machine's cores busy (anyone: server, browsers) in the session phase."""


def machine_ticks() -> tuple[int, int]:
    """Busy and total CPU ticks of the whole machine so far (/proc/stat, all cores)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields) - idle, sum(fields)


async def run_batch(bench: Bench, count: int, examples: list[str], rounds: int) -> Batch:
    """``count`` sessions at once to the results, then ``rounds`` switches, all at once."""
    pages = [await bench.page() for _ in range(count)]
    sessions = [Session(p, examples[(i + 1) % len(examples)]) for i, p in enumerate(pages)]
    start, machine = time.perf_counter(), machine_ticks()
    session_cpu = await bench.cpu(
        bench.ours,
        lambda: asyncio.gather(*(full_session(s, bench.ours.url, bench.timeout) for s in sessions)),
    )
    wall = time.perf_counter() - start
    busy, total = (now - then for now, then in zip(machine_ticks(), machine, strict=True))
    machine_busy = busy / total if total else 0.0
    switch_cpu = {"capacity": 0.0, "results": 0.0}
    switches = {"capacity": 0, "results": 0}
    for r in range(rounds):
        step = "capacity" if r % 2 == 0 else "results"
        live = [s for s in sessions if not s.error]
        switch_cpu[step] += await bench.cpu(
            bench.ours,
            lambda step=step, live=live: asyncio.gather(
                *(switch(s, step, bench.timeout) for s in live)
            ),
        )
        switches[step] += sum(1 for s in live if not s.error)
    memory = bench.ours.memory()
    await bench.close_all()
    await settle([bench.ours])
    return Batch(sessions, session_cpu, switch_cpu, switches, wall, memory, machine_busy)


# --- report -------------------------------------------------------------------------------


def pct(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def verdict(value: float, target: float) -> str:
    return "ok" if value < target else "OVER"


def print_batch(batch: Batch, count: int, trivial: float) -> None:
    reached = [s for s in batch.sessions if s.results_s is not None]
    per_session = batch.session_cpu / max(1, len(reached))
    ours = per_session - trivial
    print(f"\n== {count} session(s) at once ({len(reached)} reached the results) ==")
    print(f"  examples loaded: {sorted({s.example for s in batch.sessions})}")
    print(f"  server CPU per session (welcome + load example + results): {ms(per_session)}")
    print(
        f"  ... beyond the trivial app's new session ('ours'):          {ms(ours)}"
        f"   target < 150 ms: {verdict(ours, TARGETS['session'])}"
    )
    for step in ("results", "capacity"):
        n = batch.switches[step]
        if n:
            each = batch.switch_cpu[step] / n
            waits = [w for s in reached for w in s.switches[step]]
            target = f"   target < 50 ms: {verdict(each, TARGETS['interaction'])}"
            print(
                f"  server CPU per switch to {step:<8} ({n:3d} switches):   {ms(each)}"
                f"{target if step == 'results' else ''}"
                f"   (wait p50 {statistics.median(waits):.2f} s)"
            )
    if reached:
        times = [s.results_s for s in reached]
        target = TARGETS.get(count)
        goal = (
            ""
            if target is None
            else f"   target p95 < {target:.0f} s: " + verdict(pct(times, 0.95), target)
        )
        print(
            f"  time to results: p50 {pct(times, 0.5):5.2f} s, p95 {pct(times, 0.95):5.2f} s,"
            f" max {max(times):5.2f} s{goal}"
        )
        welcome = [s.welcome_s for s in reached if s.welcome_s is not None]
        print(f"  time to the welcome page: p50 {pct(welcome, 0.5):5.2f} s")
    print(f"  wall time of the session phase: {batch.wall_s:.1f} s")
    cores = os.cpu_count() or 1
    print(
        f"  during it the server used {batch.session_cpu / batch.wall_s:.0%} of one core;"
        f" the whole machine ({cores} cores: server and browsers) was"
        f" {batch.machine_busy:.0%} busy"
    )
    print(f"  server memory: peak {batch.memory[0]:.0f} MB, now {batch.memory[1]:.0f} MB")
    failed = [s for s in batch.sessions if s.error]
    print(f"  errors/timeouts: {len(failed)}")
    for s in failed[:5]:
        print(f"    - {s.error}")


async def run(args: argparse.Namespace) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench_load_"))
    script = workdir / "trivial.py"
    script.write_text(TRIVIAL)
    ours = start_server("ours", ROOT / "app.py", args.port or free_port(), workdir)
    trivial = start_server("trivial", script, free_port(), workdir)
    try:
        wait_healthy(ours)
        wait_healthy(trivial)
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            bench = Bench(browser, ours, trivial, args.timeout, shared=args.tabs)
            await scenario(bench, args)
            await browser.close()
        print(f"\nserver tracebacks in the log: {ours.tracebacks()} ({ours.log})")
    finally:
        for server in (ours, trivial):
            server.process.terminate()
            server.process.wait(timeout=10)


async def scenario(bench: Bench, args: argparse.Namespace) -> None:
    examples = discover_examples(args.example)
    cold, first = await warm_up(bench, examples)
    if first.error:
        raise BenchError(f"warm-up session failed: {first.error}")
    print(
        f"first session, cold (not counted): server CPU {ms(cold)}, "
        f"time to results {first.results_s:.2f} s"
    )
    trivial, welcome = await per_new_session(bench, args.probes)
    print(f"new browser session, trivial app:  server CPU {ms(trivial)} (mean of {args.probes})")
    print(
        f"new browser session, our welcome:  server CPU {ms(welcome)} "
        f"({ms(welcome - trivial).strip()} beyond trivial)"
    )
    rerun = await trivial_clicks(bench, max(args.interactions, 4))
    print(f"rerun of the trivial app (button click): server CPU {ms(rerun)}")
    for count in args.sessions:
        batch = await run_batch(bench, count, examples, args.interactions)
        print_batch(batch, count, trivial)


def counts(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=counts, default=[10], help="N or a list: 1,10,30")
    parser.add_argument("--port", type=int, default=0, help="port of our server (default free)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per step of a session")
    parser.add_argument(
        "--tabs",
        action="store_true",
        help="sessions as tabs of one browser context (less browser CPU on this machine)",
    )
    parser.add_argument("--interactions", type=int, default=6, help="switches per session")
    parser.add_argument("--probes", type=int, default=5, help="new sessions for the baselines")
    parser.add_argument("--example", default="all", help="example to load, or 'all' in turn")
    args = parser.parse_args()
    # Stopped from outside: still stop both servers (the finally blocks run on SystemExit).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("bench_load: stopped"))
    try:
        asyncio.run(run(args))
    except BenchError as exc:
        sys.exit(f"bench_load: {exc}")


if __name__ == "__main__":
    main()
