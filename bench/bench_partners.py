"""Benchmark of the partner finder on the real data. Prints figures; asserts nothing.

Targets: find-town p95 under 30 ms over the whole gazetteer,
partner suggestions under 150 ms, index load under 1 s, resident memory of the loaded data
under 150 MB.

    .venv/bin/python bench/bench_partners.py [--queries N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advisor.answers import load_answers  # noqa: E402
from advisor.knowledge.load import default_knowledge  # noqa: E402
from advisor.matching import match_cases  # noqa: E402
from advisor.opendata.bundle import open_data  # noqa: E402
from advisor.partners import PartnerContext, suggest_partners  # noqa: E402
from advisor.partners.opendata_finders import OPEN_DATA_FINDERS  # noqa: E402
from advisor.town_facts import facts_for  # noqa: E402

PROBE = """
import time
def rss():
    return int(open('/proc/self/statm').read().split()[1]) * 4096 / 1e6
import advisor.assess, advisor.opendata.bundle as b
from advisor.geo.index import index_path, load
before = rss()
t = time.perf_counter(); load(index_path()); index_s = time.perf_counter() - t
t = time.perf_counter(); b.open_data(); all_s = time.perf_counter() - t
print(index_s, all_s, rss() - before)
"""


def fresh_process_figures() -> tuple[float, float, float]:
    """Index load, all open data load and resident memory added, in a new process."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    index_s, all_s, rss_mb = (float(x) for x in out)
    return index_s, all_s, rss_mb


def queries(n: int) -> list[str]:
    """Real names, names with two letters swapped, and prefixes, drawn from the gazetteer."""
    gaz = open_data().gazetteer
    rng = random.Random(7)
    rows = [rng.randrange(len(gaz)) for _ in range(n)]
    names = [gaz.data.names[r] for r in rows]
    out = []
    for i, name in enumerate(names):
        if i % 4 == 1 and len(name) > 4:
            j = rng.randrange(len(name) - 1)
            name = name[:j] + name[j + 1] + name[j] + name[j + 2 :]
        elif i % 4 == 2:
            name = name[:5]
        out.append(name)
    return out


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=1000)
    args = parser.parse_args()
    index_s, all_s, rss_mb = fresh_process_figures()
    print(f"index load (fresh process): {index_s * 1000:7.1f} ms (target < 1 s)")
    print(f"all open data load:         {all_s * 1000:7.1f} ms (gazetteer, twins, Covenant)")
    print(f"resident memory added:      {rss_mb:7.1f} MB (target < 150 MB)")
    data = open_data()
    times = []
    for text in queries(args.queries):
        start = time.perf_counter()
        data.gazetteer.search(text, limit=10)
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"find-town over {len(data.gazetteer):,} places, {len(times)} queries: "
        f"p50 {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms "
        f"(target < 30 ms), max {max(times):.1f} ms"
    )
    knowledge = default_knowledge()
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        answers = load_answers(path, knowledge)
        facts = facts_for(answers, knowledge)
        context = PartnerContext(
            answers, facts, knowledge, match_cases(answers, facts, knowledge), data
        )
        runs = []
        for _ in range(20):
            start = time.perf_counter()
            suggest_partners(context, OPEN_DATA_FINDERS)
            runs.append((time.perf_counter() - start) * 1000)
        print(
            f"partner suggestions {path.stem:<14} {statistics.median(runs):6.1f} ms median "
            "(target < 150 ms)"
        )


if __name__ == "__main__":
    main()
