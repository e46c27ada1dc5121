"""Workshop benchmark: a room answering at once, and the facilitator's live dashboard on a
real server. Prints figures; asserts nothing.

Part A, saving: N participants (threads, as a server's sessions are) each save their
answers S times at once through WorkshopStore.save, on SQLite and on PostgreSQL; the
latency of every save (including waiting for a pooled connection and the GIL, as on a
server) and the throughput. Target: p95 save < 50 ms.

Part B, the dashboard: the real app server (``streamlit run app.py``) on each backend, a
workshop whose N participants have answered, and the facilitator's dashboard open in one
Chromium page for a window of R refreshes. The server's CPU (utime + stime from /proc,
as bench_load.py reads it) over the window is divided by the refreshes the page actually
drew (each run of the live panel rewrites its "Updated at HH:MM:SS" line, counted in the
page), first with a quiet room (nothing to recompute), then with every participant saving
every few seconds from threads (the room changes before every refresh). Target: server
CPU per dashboard refresh with 30 participants < 100 ms. The participants' saves run in
this process, not the server's, so they are not in the server's figure; PostgreSQL's own
processes are not counted either.

PostgreSQL comes from LOOK_WITHIN_TEST_POSTGRES_URL, else from scripts/postgres when run
as root; the benchmark works in a database of its own beside that one (its name with
``_bench``, created when missing, emptied before each part), so a test run at the same
time cannot drop its tables. Without it the PostgreSQL figures are reported missing, with
the reason.

    .venv/bin/python bench/bench_workshop.py [--participants 30] [--saves 20]
        [--backends sqlite,postgresql] [--refreshes 10] [--save-every 5] [--think 0.5]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from playwright.sync_api import Page, sync_playwright
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advisor.answers import example_names, load_example  # noqa: E402
from advisor.model.assessment import Assessment, Municipality  # noqa: E402
from advisor.store.database import forget, open_database  # noqa: E402
from advisor.ui.workshop.dashboard import REFRESH_SECONDS  # noqa: E402
from advisor.workshop.model import PARTS, WorkshopSettings  # noqa: E402
from advisor.workshop.store import WorkshopStore  # noqa: E402
from bench.bench_load import ARGS, CHROMIUM, IDLE, children_of, free_port, process_cpu  # noqa: E402

TARGET_SAVE_P95 = 0.050
TARGET_REFRESH = 0.100
TOWN = Municipality(name="Hirado", country="JP", population=29000)
PG_ENV = "LOOK_WITHIN_TEST_POSTGRES_URL"
RUNS_COUNTER = """() => {
    // Count the live panel's redraws: each run writes a new "Updated at HH:MM:SS" line.
    window.__runs = 0;
    let last = null;
    setInterval(() => {
        const line = [...document.querySelectorAll('[data-testid="stCaptionContainer"]')]
            .map((e) => e.textContent).find((text) => text.startsWith("Updated at"));
        if (line && line !== last) { window.__runs += 1; last = line; }
    }, 100);
}"""


class BenchError(Exception):
    """A step could not be done (the server did not start, the page did not show)."""


# --- backends -----------------------------------------------------------------------------


@dataclass
class Backend:
    name: str
    url: str | None
    missing: str = ""
    """Why there is no URL (printed instead of the figures)."""


def postgres_backend() -> Backend:
    """The tests' PostgreSQL: from the environment, or started by scripts/postgres (root)."""
    url = os.environ.get(PG_ENV, "").strip()
    if url:
        return Backend("postgresql", url)
    if os.geteuid() != 0:
        return Backend("postgresql", None, f"{PG_ENV} is not set and scripts/postgres needs root")
    done = subprocess.run(
        [str(ROOT / "scripts" / "postgres")], capture_output=True, text=True, check=False
    )
    if done.returncode != 0 or not done.stdout.strip():
        reason = (done.stderr.strip().splitlines() or ["no URL printed"])[-1]
        return Backend("postgresql", None, f"scripts/postgres failed: {reason}")
    return Backend("postgresql", done.stdout.strip().splitlines()[-1])


def backend(name: str) -> Backend:
    if name == "sqlite":
        return Backend("sqlite", "sqlite")  # a fresh file per part, see fresh_url()
    if name == "postgresql":
        return postgres_backend()
    raise BenchError(f"unknown backend {name!r}: sqlite or postgresql")


def bench_database(url: str) -> str:
    """A database of the benchmark's own beside the tests' one (``lw_test`` ->
    ``lw_test_bench``), created when missing: a test run emptying the tests' database at
    the same time would otherwise drop the tables under the benchmark (and the other way)."""
    parsed = make_url(url)
    name = f"{parsed.database}_bench"
    engine = sa.create_engine(parsed, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            found = conn.execute(
                sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            ).first()
            if found is None:
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return parsed.set(database=name).render_as_string(hide_password=False)


def fresh_url(chosen: Backend, workdir: Path, part: str) -> str:
    """An empty store: a new SQLite file, or the benchmark's PostgreSQL database with its
    schema dropped."""
    assert chosen.url is not None
    if chosen.name == "sqlite":
        return f"sqlite:///{workdir / f'{part}.db'}"
    url = bench_database(chosen.url)
    forget(url)
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()
    return url


# --- answers ------------------------------------------------------------------------------


def room_answers(count: int, seed: int = 9) -> list[Assessment]:
    """``count`` people's answers: the examples in turn, each with some choices dropped,
    so the room agrees on some items and diverges on others."""
    rng = random.Random(seed)
    examples = [load_example(name) for name in example_names()]
    people = []
    for i in range(count):
        base = examples[i % len(examples)]

        def some(values: list[str]) -> list[str]:
            kept = [v for v in values if rng.random() < 0.7]
            return kept or values[:1]

        people.append(
            base.model_copy(
                update={
                    "history": base.history.model_copy(
                        update={"themes": some(base.history.themes)}
                    ),
                    "specializations": base.specializations.model_copy(
                        update={"themes": some(base.specializations.themes)}
                    ),
                    "assets": some(base.assets),
                    "goals": base.goals.model_copy(update={"aims": some(base.goals.aims)}),
                }
            )
        )
    return people


def changed(answers: Assessment, note: str, flip: str | None = None) -> Assessment:
    """``answers`` with a new history note and, if given, one history theme switched, as a
    participant's click or keystroke changes them."""
    themes = list(answers.history.themes)
    if flip is not None:
        themes = [t for t in themes if t != flip] if flip in themes else [*themes, flip]
    history = answers.history.model_copy(update={"notes": note, "themes": themes})
    return answers.model_copy(update={"history": history})


def filled_workshop(url: str, answers: list[Assessment]) -> tuple[WorkshopStore, str, str, list]:
    """A workshop whose participants have all answered every part."""
    store = WorkshopStore(open_database(url))
    made = store.create(WorkshopSettings(town=TOWN))
    people = []
    for i, mine in enumerate(answers, 1):
        person = store.join(made.code, f"Participant {i:02d}")
        store.save(made.code, person.id, mine, list(PARTS))
        people.append(person)
    return store, made.code, made.facilitator_key, people


# --- part A: saving -----------------------------------------------------------------------


@dataclass
class Saving:
    latencies: list[float]
    wall_s: float
    mismatched: int
    errors: list[str] = field(default_factory=list)


def saving(url: str, participants: int, saves: int, think: float) -> Saving:
    """``participants`` threads at once, each saving ``saves`` times (after one untimed
    save each, so connections are open as on a running server), ``think`` seconds apart
    (0: back to back, the store's saturation)."""
    store, code, _, people = filled_workshop(url, room_answers(participants))
    bases = room_answers(participants, seed=11)
    latencies: list[list[float]] = [[] for _ in people]
    errors: list[str] = []
    start_line = threading.Barrier(participants + 1)

    def one(i: int) -> None:
        pid = people[i].id
        try:
            store.save(code, pid, changed(bases[i], f"{i} warm-up"), list(PARTS))
            start_line.wait()
            for n in range(saves):
                answers = changed(bases[i], f"participant {i} save {n}")
                began = time.perf_counter()
                store.save(code, pid, answers, list(PARTS))
                latencies[i].append(time.perf_counter() - began)
                time.sleep(think * random.uniform(0.5, 1.5))
        except Exception as exc:  # report every failure, never hide one
            errors.append(f"participant {i}: {type(exc).__name__}: {exc}")
            start_line.abort()

    threads = [threading.Thread(target=one, args=(i,)) for i in range(participants)]
    for thread in threads:
        thread.start()
    with contextlib.suppress(threading.BrokenBarrierError):  # a failure is reported below
        start_line.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    # Nothing lost or mixed up: everyone's row holds their own last save.
    mismatched = sum(
        1
        for i, person in enumerate(people)
        if (found := store.participant(code, person.id)) is None
        or found.answers.history.notes != f"participant {i} save {saves - 1}"
    )
    return Saving([x for row in latencies for x in row], wall, mismatched, errors)


def pct(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def print_saving(result: Saving, participants: int, saves: int, think: float) -> None:
    done = result.latencies
    pace = f"one every {think:.1f} s each" if think else "back to back: the store's saturation"
    print(f"  Part A: {participants} participants x {saves} saves at once, {pace}")
    if done:
        p95 = pct(done, 0.95)
        verdict = "ok" if p95 < TARGET_SAVE_P95 else "OVER"
        print(
            f"    save latency: p50 {pct(done, 0.5) * 1000:6.1f} ms, p95 {p95 * 1000:6.1f} ms,"
            f" max {max(done) * 1000:6.1f} ms"
            + (f"   target p95 < 50 ms: {verdict}" if think else "   (no target)")
        )
        print(
            f"    throughput: {len(done) / result.wall_s:6.0f} saves/s"
            f" ({result.wall_s:.2f} s for all)"
        )
    print(f"    rows not holding their own last save: {result.mismatched}")
    print(f"    errors: {len(result.errors)}")
    for line in result.errors[:5]:
        print(f"      - {line}")


# --- part B: the dashboard on a real server -------------------------------------------------


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def cpu(self) -> float:
        """CPU seconds of the server, its reaped and its live children (as bench_load)."""
        pid = self.process.pid
        return process_cpu(pid, children=True) + sum(
            process_cpu(child, children=True) for child in children_of(pid)
        )

    def tracebacks(self) -> int:
        return self.log.read_text(errors="replace").count("Traceback")


def start_server(database_url: str, workdir: Path, name: str) -> Server:
    """``streamlit run app.py`` as users get it, on the store under test."""
    port = free_port()
    env = dict(os.environ, LOOK_WITHIN_DATABASE_URL=database_url)
    log = workdir / f"{name}.log"
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py")]
    command += ["--server.headless", "true", "--server.address", "127.0.0.1"]
    command += ["--server.port", str(port), "--browser.gatherUsageStats", "false"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT
    )
    server = Server(process, f"http://127.0.0.1:{port}", log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"the server exited; see {log}")
        try:
            urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=1)
            return server
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise BenchError(f"the server was not healthy within 60 s; see {log}")


@dataclass
class Window:
    label: str
    seconds: float
    cpu_s: float
    refreshes: int
    saves: int = 0
    save_latencies: list[float] = field(default_factory=list)

    @property
    def per_refresh(self) -> float | None:
        return self.cpu_s / self.refreshes if self.refreshes else None


def runs(page: Page) -> int:
    return int(page.evaluate("window.__runs"))


def window(page: Page, server: Server, seconds: float, label: str) -> Window:
    """Server CPU and the page's redraws over ``seconds`` (Playwright keeps serving the
    page while it waits)."""
    runs_before, cpu_before, began = runs(page), server.cpu(), time.perf_counter()
    page.wait_for_timeout(seconds * 1000)
    cpu, drawn = server.cpu() - cpu_before, runs(page) - runs_before
    return Window(label, time.perf_counter() - began, cpu, drawn)


class Room:
    """Every participant saving once every ``every`` seconds (a random start, so the
    saves spread over the interval), from threads, until stopped."""

    def __init__(self, store: WorkshopStore, code: str, people: list, every: float) -> None:
        self.store, self.code, self.people, self.every = store, code, people, every
        self.stop = threading.Event()
        self.saves = 0
        self.latencies: list[float] = []
        """Of the saves at this realistic pace (part A's are back to back: a stress test)."""
        self.errors: list[str] = []
        self._lock = threading.Lock()
        self._answers = room_answers(len(people), seed=13)
        self._threads = [threading.Thread(target=self._run, args=(i,)) for i in range(len(people))]

    def _run(self, i: int) -> None:
        rng = random.Random(i)
        flips = ["war_memory", "trade_port_heritage", "missionary_faith", "nuclear_memory"]
        if self.stop.wait(rng.uniform(0, self.every)):
            return
        n = 0
        while not self.stop.is_set():
            answers = changed(self._answers[i], f"{i} live {n}", flip=rng.choice(flips))
            try:
                began = time.perf_counter()
                self.store.save(self.code, self.people[i].id, answers, list(PARTS))
                with self._lock:
                    self.saves += 1
                    self.latencies.append(time.perf_counter() - began)
            except Exception as exc:  # report every failure, never hide one
                self.errors.append(f"{type(exc).__name__}: {exc}")
            n += 1
            self.stop.wait(self.every)

    def __enter__(self) -> Room:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        for thread in self._threads:
            thread.join()


def dashboard(
    url: str, participants: int, refreshes: int, every: float, workdir: Path, name: str
) -> tuple[list[Window], Server, list[str]]:
    """The dashboard of a filled workshop, open in one Chromium page: a quiet window, then
    one with the room saving."""
    store, code, key, people = filled_workshop(url, room_answers(participants))
    seconds = refreshes * REFRESH_SECONDS
    server = start_server(url, workdir, name)
    errors: list[str] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            page.goto(f"{server.url}/?ws={code}&key={key}", timeout=60_000)
            page.get_by_text(f"{participants} joined", exact=True).wait_for(timeout=60_000)
            page.locator(IDLE).wait_for(timeout=60_000)
            page.evaluate(RUNS_COUNTER)
            # Warm-up, not counted: the first refreshes load what a first look loads.
            page.wait_for_function("window.__runs >= 3", timeout=60_000)
            windows = [window(page, server, seconds, "quiet room (nothing changed)")]
            with Room(store, code, people, every) as room:
                page.wait_for_timeout(every * 1000)  # every participant has started
                before = len(room.latencies)  # one entry per save, appended with the count
                busy = window(page, server, seconds, f"room saving (each every {every:g} s)")
                busy.save_latencies = room.latencies[before:]
                busy.saves = len(busy.save_latencies)
            errors += room.errors
            windows.append(busy)
            browser.close()
    finally:
        server.process.terminate()
        server.process.wait(timeout=10)
    return windows, server, errors


def print_dashboard(windows: list[Window], server: Server, errors: list[str], n: int) -> None:
    print(f"  Part B: the facilitator's dashboard on a real server, {n} participants")
    for w in windows:
        expected = w.seconds / REFRESH_SECONDS
        print(
            f"    {w.label}: {w.seconds:.0f} s, {w.refreshes} refreshes drawn"
            f" ({expected:.0f} at one per {REFRESH_SECONDS} s)"
            + (f", {w.saves} saves by the room" if w.saves else "")
        )
        if w.save_latencies:
            done = w.save_latencies
            print(
                f"      the room's saves at this pace: p50 {pct(done, 0.5) * 1000:.1f} ms,"
                f" p95 {pct(done, 0.95) * 1000:.1f} ms, max {max(done) * 1000:.1f} ms"
            )
        each = w.per_refresh
        if each is None:
            print("      no refresh was drawn: no figure (see the server log)")
            continue
        print(
            f"      server CPU {w.cpu_s * 1000:6.0f} ms in all ({w.cpu_s / w.seconds:.0%} of a"
            f" core); server CPU per dashboard refresh with {n} participants:"
            f" {each * 1000:5.1f} ms   target < 100 ms: "
            + ("ok" if each < TARGET_REFRESH else "OVER")
        )
    print(f"    server tracebacks in the log: {server.tracebacks()} ({server.log})")
    print(f"    errors while the room saved: {len(errors)}")
    for line in errors[:5]:
        print(f"      - {line}")


# --- main ---------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench_workshop_"))
    print(
        f"{args.participants} participants; {args.saves} saves each; dashboard windows of"
        f" {args.refreshes} refreshes; {os.cpu_count()} cores; scratch files in {workdir}"
    )
    for name in args.backends:
        chosen = backend(name)
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"\n== {chosen.name} ==  (machine load average before: {load}; figures from a")
        print("   busy machine are high: the server shares the cores with Chromium and the rest)")
        if chosen.url is None:
            print(f"  PostgreSQL figures missing: {chosen.missing}")
            continue
        for think in (args.think, 0.0):
            url = fresh_url(chosen, workdir, f"saving-{think}")
            result = saving(url, args.participants, args.saves, think)
            print_saving(result, args.participants, args.saves, think)
            forget(url)
        url = fresh_url(chosen, workdir, "dashboard")
        windows, server, errors = dashboard(
            url, args.participants, args.refreshes, args.save_every, workdir, chosen.name
        )
        print_dashboard(windows, server, errors, args.participants)
        forget(url)


def names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=30, help="people in the room")
    parser.add_argument("--saves", type=int, default=20, help="saves per participant (part A)")
    parser.add_argument(
        "--backends", type=names, default=["sqlite", "postgresql"], help="sqlite,postgresql"
    )
    parser.add_argument(
        "--refreshes", type=int, default=10, help=f"window length in {REFRESH_SECONDS} s refreshes"
    )
    parser.add_argument(
        "--think",
        type=float,
        default=0.5,
        help="seconds between a participant's saves in part A (faster than people answer)",
    )
    parser.add_argument(
        "--save-every", type=float, default=5.0, help="seconds between a participant's saves (B)"
    )
    args = parser.parse_args()
    # Stopped from outside: still stop the server (the finally blocks run on SystemExit).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("bench_workshop: stopped"))
    try:
        run(args)
    except BenchError as exc:
        sys.exit(f"bench_workshop: {exc}")


if __name__ == "__main__":
    main()
