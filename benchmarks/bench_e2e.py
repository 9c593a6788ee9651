"""End-to-end benchmark of `compliance check`: load, classify, write the report.

Run:  python benchmarks/bench_e2e.py [--sizes 20000,100000,1000000] [--repeat 3]

Inputs are generated once, deterministically, in benchmarks/_data/ (national
penalty layout; .xlsx for 20k and 100k, .csv for 1M). Each run happens in a
fresh child process, so its peak RSS is the run's own. Figures are medians.

In the same run the hand-written baseline a user would otherwise write is
timed on the 20,000-record workbook: pandas.read_excel(openpyxl), a per-row
day walk with chinese_calendar.is_workday, DataFrame.to_excel(openpyxl).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import ensure  # noqa: E402

AS_OF = dt.date(2019, 12, 31)
RUN_DATE = dt.date(2026, 11, 26)
TARGETS = {20_000: ("ratio", 15.0), 100_000: ("seconds", 10.0), 1_000_000: ("seconds", 60.0)}
RSS_LIMIT_MB = 2048
CLASSIFY_1M_LIMIT = 1.0


def child(path: str) -> None:
    """One timed run, stage by stage; prints JSON."""
    from compliance.classify import classify, summarise
    from compliance.config import Config
    from compliance.ingest.load import load
    from compliance.report.workbook import write_report
    from compliance.rules import PROFILES, single
    from compliance.api import CheckRun
    from compliance.workcalendar import WorkCalendar

    t0 = time.perf_counter()
    calendar, rules = WorkCalendar(), single(PROFILES["district"])
    loaded = load([path], Config())
    t1 = time.perf_counter()
    records = classify(loaded.records, calendar, rules, AS_OF, RUN_DATE)
    t2 = time.perf_counter()
    summary = summarise(records)
    summary["skipped_rows"] = loaded.skipped_rows
    run = CheckRun(AS_OF, RUN_DATE, dt.datetime.combine(RUN_DATE, dt.time()), rules, calendar, loaded, records,
                   None, summary)
    with tempfile.TemporaryDirectory() as folder:
        write_report(run, Path(folder) / "report.xlsx")
    t3 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"load": t1 - t0, "classify": t2 - t1, "report": t3 - t2, "total": t3 - t0,
                      "rss_mb": rss, "records": len(records), "backend": run.writer.name}))


def run_child(path: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True,
                          check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def baseline(path: Path, days: int = 20) -> dict:
    """What a user writes by hand: openpyxl in, a day walk per row, openpyxl out."""
    import chinese_calendar
    import pandas as pd

    t0 = time.perf_counter()
    frame = pd.read_excel(path, engine="openpyxl")
    t1 = time.perf_counter()
    decided = pd.to_datetime(frame["处罚决定日期"], errors="coerce")
    published = pd.to_datetime(frame["上网公开日期"], errors="coerce")
    deadlines, statuses = [], []
    for decision, publication in zip(decided, published):
        if pd.isna(decision):
            deadlines.append(None)
            statuses.append("数据有误")
            continue
        day, count = decision.date(), 0
        while count < days:
            day += dt.timedelta(days=1)
            if chinese_calendar.is_workday(day):
                count += 1
        deadlines.append(day)
        if pd.isna(publication):
            statuses.append("逾期未公开" if AS_OF > day else "未到期")
        else:
            statuses.append("按时公开" if publication.date() <= day else "逾期公开")
    frame["应公开截止日期"] = deadlines
    frame["状态"] = statuses
    t2 = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        frame.to_excel(Path(folder) / "baseline.xlsx", engine="openpyxl", index=False)
    t3 = time.perf_counter()
    return {"load": t1 - t0, "classify": t2 - t1, "report": t3 - t2, "total": t3 - t0}


def median_of(runs: list[dict]) -> dict:
    return {key: statistics.median(r[key] for r in runs) for key in ("load", "classify", "report", "total")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child")
    parser.add_argument("--sizes", default="20000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--repeat-1m", type=int, default=1, help="runs of the 1M input (each takes ~40 s)")
    parser.add_argument("--baseline-repeat", type=int, default=1)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"machine: {sys.platform}, python {sys.version.split()[0]}, "
          f"{__import__('os').cpu_count()} cores; medians; times in seconds")
    print(f"{'input':<26}{'load':>7}{'classify':>9}{'report':>8}{'total':>8}{'peak RSS':>10}  writer")
    ok = True
    results = {}
    for size in sizes:
        kind = "csv" if size >= 1_000_000 else "xlsx"
        path = ensure(size, kind)
        runs = [run_child(path) for _ in range(args.repeat_1m if size >= 1_000_000 else args.repeat)]
        med = median_of(runs)
        rss = max(r["rss_mb"] for r in runs)
        results[size] = (med, rss)
        print(f"{path.name:<26}{med['load']:7.2f}{med['classify']:9.2f}{med['report']:8.2f}{med['total']:8.2f}"
              f"{rss:8.0f} MB  {runs[0]['backend']}")
    if 20_000 in results:
        base = median_of([baseline(ensure(20_000, "xlsx")) for _ in range(args.baseline_repeat)])
        ours = results[20_000][0]
        print(f"{'baseline (20,000, openpyxl + day walk)':<40} load {base['load']:.2f}  classify {base['classify']:.2f}"
              f"  report {base['report']:.2f}  total {base['total']:.2f}")
        ratio = base["total"] / ours["total"]
        print(f"ratio, 20,000 end to end: {ratio:.1f}x (target >= 15x): {'met' if ratio >= 15 else 'NOT met'}")
        ok &= ratio >= 15
    for size, (kind, limit) in TARGETS.items():
        if size in results and kind == "seconds":
            total = results[size][0]["total"]
            met = total < limit
            print(f"{size:,} end to end: {total:.1f} s (target < {limit:.0f} s): {'met' if met else 'NOT met'}")
            ok &= met
    if 1_000_000 in results:
        med, rss = results[1_000_000]
        print(f"1,000,000 peak RSS: {rss:.0f} MB (target < {RSS_LIMIT_MB} MB): "
              f"{'met' if rss < RSS_LIMIT_MB else 'NOT met'}")
        print(f"1,000,000 classify: {med['classify']:.2f} s (target < {CLASSIFY_1M_LIMIT:.0f} s): "
              f"{'met' if med['classify'] < CLASSIFY_1M_LIMIT else 'NOT met'}")
        ok &= rss < RSS_LIMIT_MB and med["classify"] < CLASSIFY_1M_LIMIT
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
