"""Benchmark of the advisor core: load and validate everything, then assess each example.

Prints medians (and the machine-independent ratio of assessing to loading). Targets:
loading everything under 500 ms, assessing one town under 5 ms.

    .venv/bin/python bench/bench_core.py [--repeat N]
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
from advisor.knowledge.load import load_knowledge  # noqa: E402


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    load_ms = median_ms(load_knowledge, max(5, args.repeat // 20))
    knowledge = load_knowledge()
    print(f"load + validate all rules and data: {load_ms:7.1f} ms median (target < 500 ms)")
    worst = 0.0
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        assessment = load_answers(path, knowledge)
        ms = median_ms(lambda a=assessment: assess(a, knowledge), args.repeat)
        worst = max(worst, ms)
        print(f"assess {path.stem:<16} {ms:7.2f} ms median over {args.repeat} runs (target < 5 ms)")
    print(f"slowest assessment / load ratio: {worst / load_ms:.4f}")


if __name__ == "__main__":
    main()
