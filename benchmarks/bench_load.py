"""Benchmark: loading a 100,000-record .xlsx with compliance.ingest.load vs openpyxl.

Run:  python benchmarks/bench_load.py [--records 100000] [--repeat 3]

Baseline: pandas.read_excel(engine="openpyxl"), what a user would write.
Target: compliance.ingest.load under 4 s for 100,000 records on this machine.
Also printed: what reading in a process of its own costs (ingest/isolate.py: the fork and moving the
records back), as load() against the same reading done in this process (guarded_load).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from generate import ensure  # noqa: E402

from compliance.ingest.load import load  # noqa: E402

TARGET_SECONDS = 4.0


def median_time(func, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = ensure(args.records, "xlsx")
    ours, result = median_time(lambda: load([path]), args.repeat)
    from compliance.config import Config
    from compliance.ingest.load import guarded_load

    inside, _ = median_time(lambda: guarded_load(path, Config()), args.repeat)
    base, frame = median_time(lambda: pd.read_excel(path, engine="openpyxl"), max(1, args.repeat - 2))
    assert len(result.records) == len(frame) == args.records, (len(result.records), len(frame))
    print(f"input: {path.name} ({path.stat().st_size / 1e6:.1f} MB, {args.records:,} records)")
    print(f"compliance.ingest.load:                 {ours:6.2f} s (median of {args.repeat})")
    print(f"pandas.read_excel(openpyxl):     {base:6.2f} s")
    print(f"ratio:                           {base / ours:6.1f}x")
    print(f"the same read in this process:   {inside:6.2f} s; a process of its own costs {ours - inside:+.2f} s")
    met = ours < TARGET_SECONDS
    print(f"target (< {TARGET_SECONDS:.0f} s): {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
