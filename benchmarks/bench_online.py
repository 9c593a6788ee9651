"""Benchmark of --online: a 1,000,000-record ledger against a 1,000,000-entry online list (CSV).

Run:  python benchmarks/bench_online.py [--size 1000000] [--report]

Inputs are generated once, deterministically, in benchmarks/_data/: the
ledger is generate.py's national penalty CSV; the online list is derived from
the same decisions (credit-site 双公示 export shape): 95% of the published
records, a few with another date, every 7th number in [] brackets, 2% without
a number (matched by party + decision date), and online-only entries to make
up the size. Each measurement runs in a fresh child process, so its peak RSS
is its own. Targets (issue 12): matching < 30 s and < 2 GB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import DATA_DIR, UNITS, columns, ensure  # noqa: E402

AS_OF = dt.date(2019, 12, 31)
RUN_DATE = dt.date(2026, 11, 28)
LIMIT_SECONDS, LIMIT_MB = 30.0, 2048


def write_online_list(n: int, path: Path) -> Path:
    """Column-wise, like the code under test: no per-row Python."""
    data = columns(n)
    i = np.arange(n)
    year = data["decision"].astype("datetime64[Y]").astype(int) + 1970
    number = pd.Series("西罚〔" + year.astype(str).astype(object) + "〕" + (i + 1).astype(str).astype(object) + "号")
    bracket = (i % 7) == 3
    number[bracket] = number[bracket].str.replace("〔", "[").str.replace("〕", "]")
    number[(i % 50) == 7] = ""  # no number: party + decision date decide
    shown = data["published"] + np.where((i % 40) == 11, 5, 0).astype("timedelta64[D]")
    online = ~data["unpublished"] & ((i % 20) != 13)  # ~5% of the published ones never went online
    frame = pd.DataFrame({
        "行政处罚决定书文号": number, "行政相对人名称": "某某公司" + pd.Series(i % 5000).astype(str),
        "处罚决定日期": data["decision"].astype(str), "公示日期": shown.astype(str),
        "更新时间": (shown + np.timedelta64(30, "D")).astype(str) + " 10:00:00",
        "处罚机关": np.array(UNITS, dtype=object)[data["unit"]],
    })[online]
    extra = n - len(frame)  # published, but in no ledger: 台账未登记
    k = np.arange(extra)
    frame = pd.concat([frame, pd.DataFrame({
        "行政处罚决定书文号": "西罚〔2018〕" + pd.Series(n + 10 + k).astype(str) + "号",
        "行政相对人名称": "另一公司" + pd.Series(k).astype(str), "处罚决定日期": "2018-06-01",
        "公示日期": "2018-06-08", "更新时间": "2018-07-01 10:00:00", "处罚机关": UNITS[0]})], ignore_index=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, encoding="utf-8-sig")
    return path


def ensure_online(n: int) -> Path:
    path = DATA_DIR / f"online_{n}.csv"
    return path if path.exists() else write_online_list(n, path)


def child(stage: str, ledger: str, online: str, report: str | None) -> None:
    from compliance.api import check
    from compliance.classify import add_deadlines
    from compliance.config import Config
    from compliance.ingest.load import load
    from compliance.online.read import read_online_lists
    from compliance.online.verify import verify
    from compliance.rules import PROFILES, single
    from compliance.workcalendar import WorkCalendar

    calendar, rules, figures = WorkCalendar(), single(PROFILES["district"]), {}
    if stage == "match":  # the online part alone: read the list, match, apply
        records = load([ledger], Config()).records
        started = time.perf_counter()
        entries, lists = read_online_lists([online])
        figures["read_list"] = time.perf_counter() - started
        started = time.perf_counter()
        _, run = verify(add_deadlines(records, calendar, rules), entries, lists)  # the span test needs them
        figures["match"] = time.perf_counter() - started
        figures["counts"] = run.counts
        figures["online_only"] = len(run.online_only)
    else:  # the whole check run: load, online, classify (and the report with --report)
        started = time.perf_counter()
        run = check([ledger], as_of=AS_OF, run_date=RUN_DATE, calendar=calendar, rules=rules, online=[online])
        figures["check"] = time.perf_counter() - started
        if report:
            from compliance.report.workbook import write_report

            started = time.perf_counter()
            write_report(run, report)
            figures["report"] = time.perf_counter() - started
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures, ensure_ascii=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--report", action="store_true", help="also write the Excel report in the whole run")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        stage, ledger, online, report = args.child
        child(stage, ledger, online, None if report == "-" else report)
        return
    ledger, online = ensure(args.size, "csv"), ensure_online(args.size)
    report = str(DATA_DIR / "online_report.xlsx") if args.report else "-"
    for stage in ("match", "whole"):
        out = subprocess.run([sys.executable, __file__, "--child", stage, str(ledger), str(online), report],
                             capture_output=True, text=True, check=True)
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        print(stage, json.dumps(figures, ensure_ascii=False))
        if stage == "match":
            seconds = figures["read_list"] + figures["match"]
            verdict = "OK" if seconds < LIMIT_SECONDS and figures["peak_rss_mb"] < LIMIT_MB else "OVER TARGET"
            print(f"  read list + match: {seconds:.2f} s, peak RSS {figures['peak_rss_mb']:.0f} MB "
                  f"(target < {LIMIT_SECONDS:.0f} s, < {LIMIT_MB} MB): {verdict}")


if __name__ == "__main__":
    main()
