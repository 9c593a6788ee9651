"""Benchmark: vectorised add_working_days vs the per-row day walk.

Run:  python benchmarks/bench_calendar.py [--dates 1000000] [--walk-sample 100000]

The walk is what a user would write by hand with chinese_calendar.is_workday.
It is linear in the number of dates, so it is timed on a sample and scaled;
the sample size is printed beside the figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

import chinese_calendar
import numpy as np

from compliance import WorkCalendar

TARGET_SECONDS = 1.0
TARGET_RATIO = 1000


def walk(start: dt.date, n: int) -> dt.date:
    day, count = start, 0
    while count < n:
        day += dt.timedelta(days=1)
        if chinese_calendar.is_workday(day):
            count += 1
    return day


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dates", type=int, default=1_000_000)
    parser.add_argument("--walk-sample", type=int, default=20_000)
    parser.add_argument("--days", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    rng = np.random.default_rng(20161108)
    lo = np.datetime64("2004-01-01").astype(np.int64)
    hi = np.datetime64("2025-12-01").astype(np.int64)
    dates = rng.integers(lo, hi, args.dates).astype("datetime64[D]")

    started = time.perf_counter()
    calendar = WorkCalendar()
    build = time.perf_counter() - started

    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        result = calendar.add_working_days(dates, args.days)
        times.append(time.perf_counter() - t0)
    fast = statistics.median(times)

    sample = dates[: args.walk_sample]
    sample_py = sample.astype(dt.date)
    t0 = time.perf_counter()
    walked = [walk(d, args.days) for d in sample_py]
    walk_sample = time.perf_counter() - t0
    walk_full = walk_sample * len(dates) / len(sample)
    agree = bool((np.array(walked, dtype="datetime64[D]") == result[: len(sample)]).all())

    ratio = walk_full / fast
    print(f"calendar build (once):             {build * 1000:8.1f} ms")
    print(f"add_working_days, {len(dates):,} dates:   {fast:8.3f} s  (median of {args.repeat})")
    print(f"day walk, {len(sample):,} dates:          {walk_sample:8.2f} s"
          f"  -> {walk_full:.1f} s scaled to {len(dates):,}")
    print(f"ratio:                             {ratio:8.0f}x")
    print(f"results agree with the walk:       {agree}")
    ok = fast < TARGET_SECONDS and ratio >= TARGET_RATIO and agree
    print(f"target (< {TARGET_SECONDS:.0f} s and >= {TARGET_RATIO}x): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
