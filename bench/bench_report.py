"""Benchmark of the downloadable report: median time to render each format for a town.

Targets: PDF under 1.5 s, DOCX under 0.5 s, HTML under 0.5 s. The
first render of each format is a warm-up (imports, font loading, the land outline) and
is reported separately; the wizard pays it once per server process.

    .venv/bin/python bench/bench_report.py [--town hirado] [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advisor.answers import load_answers  # noqa: E402
from advisor.assess import assess  # noqa: E402
from advisor.opendata.bundle import open_data  # noqa: E402
from advisor.report import FORMATS, render  # noqa: E402

TARGETS_S = {"pdf": 1.5, "docx": 0.5, "html": 0.5}


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--town", default="hirado", help="example name (see examples/)")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    assessment = load_answers(ROOT / "examples" / f"{args.town}.yaml")
    result = assess(assessment, open_data=open_data())
    print(
        f"report for {result.meta.town}: {len(result.partners)} partners, {len(result.plan)} steps"
    )
    for name in FORMATS:
        size = 0

        def once(fmt: str = name) -> None:
            nonlocal size
            size = len(render(fmt, assessment, result))

        first = timed(once)
        median = statistics.median(timed(once) for _ in range(args.repeat))
        target = TARGETS_S.get(name)
        verdict = (
            ""
            if target is None
            else f" (target < {target} s: {'ok' if median < target else 'MISSED'})"
        )
        print(
            f"{name:<5} {median:6.3f} s median over {args.repeat} runs, first {first:6.3f} s, "
            f"{size / 1024:8.0f} KiB{verdict}"
        )


if __name__ == "__main__":
    main()
