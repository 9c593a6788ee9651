"""What the history store costs (issue 23): recording a 100,000-record run, and the `history` commands
on a store of 12 periods of 100,000 records each.

Run:  python benchmarks/bench_history.py [--repeat 5] [--postgres]

With --postgres both stores are databases on a throwaway PostgreSQL server started for the run
(tests/postgres_server.py: initdb + pg_ctl, as the tests do) instead of SQLite files.

Timed as whole processes (wall clock from spawn to exit), the way a user meets the tool:
- without: `compliance check FILE --as-of 2019-12-31 --out X.xlsx -q --no-history`;
- with:    the same with `--record --db STORE`, on a store that already holds the previous period
           (2019-11, recorded from the same file) and this period (so each timed run also replaces
           a period: the delete, the insert and the follow-up of the open items, in one transaction).
The two are run alternately, paired, so that a busy machine slows both alike; the overhead is
median(with) / median(without) - 1 (target: at most 15%).
Then a store with 12 periods of 100,000 records each is filled directly (HistoryStore.record) and
`history list`, `history open` and `history trend` are timed (target: under a second each).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import ensure  # noqa: E402

from compliance.history.queries import open_items, trend  # noqa: E402
from compliance.history.store import FOLLOWUP_COLUMNS, RECORD_COLUMNS, HistoryStore  # noqa: E402

RECORDING_TARGET = 0.15
COMMAND_TARGET_SECONDS = 1.0


CPU = {}  # wall -> CPU seconds of that process and the reader processes it waited for (os.wait4)


def timed(args: list[str]) -> float:
    """Wall seconds of one whole process; its CPU seconds (user + system, with its reaped children) go to CPU."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            err.seek(0)
            raise SystemExit(f"{' '.join(args)} failed ({code}):\n{err.read().decode()}")
    CPU[wall] = usage.ru_utime + usage.ru_stime
    return wall


def check_args(ledger: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "compliance", "check", str(ledger), "--as-of", "2019-12-31", "--out", str(out), "-q",
            *extra]


def recording(repeat: int, folder: Path, store) -> tuple[list[float], list[float]]:
    ledger = ensure(100_000, "xlsx")
    # the previous period and a first run of this one: each timed run carries over and replaces
    timed([sys.executable, "-m", "compliance", "check", str(ledger), "--as-of", "2019-11-30", "--out",
           str(folder / "nov.xlsx"), "-q", "--record", "--db", str(store)])
    timed(check_args(ledger, folder / "dec.xlsx", "--record", "--db", str(store)))
    without, with_store = [], []
    for _ in range(repeat):
        without.append(timed(check_args(ledger, folder / "plain.xlsx", "--no-history")))
        with_store.append(timed(check_args(ledger, folder / "dec.xlsx", "--record", "--db", str(store))))
    return without, with_store


def big_store(target, periods: int = 12, n: int = 100_000) -> HistoryStore:
    store = HistoryStore(target)
    rng = np.random.default_rng(23)
    units = np.array([f"单位{i:02d}" for i in range(40)], dtype=object)
    for k in range(periods):
        period = f"2019-{k + 1:02d}"
        unit = units[rng.integers(0, len(units), n)]
        records = pd.DataFrame({c: None for c in RECORD_COLUMNS}, index=range(n)).assign(
            unit=unit, category="penalty", number_key=[f"西罚〔2019〕{k}-{i}号" for i in range(n)],
            status=np.where(rng.random(n) < 0.9, "on_time", "overdue"), row=np.arange(n) + 2)
        rates = pd.DataFrame({"unit": units, "category": "all", "rate": rng.random(len(units))})
        open_n = int((records["status"] == "overdue").sum())
        follow = pd.DataFrame({c: None for c in FOLLOWUP_COLUMNS}, index=range(open_n)).assign(
            unit=records.loc[records["status"] == "overdue", "unit"].to_numpy(object), category="penalty",
            number_key=records.loc[records["status"] == "overdue", "number_key"].to_numpy(object),
            first_period=period, periods_open=1, problem="overdue", state="open", carried=0, status="overdue",
            still_open=1)
        counts = pd.DataFrame({"unit": units, "category": "penalty", "status": "on_time", "count": 1})
        store.record({"period": period, "run_time": "2020-01-01T00:00:00", "as_of": f"{period}-28", "inputs": [],
                      "previous_period": f"2019-{k:02d}" if k else None}, records, counts, rates, follow)
    return store


def stores(folder: Path, postgres: bool):
    """(recording store, big store) targets: SQLite files, or two databases on a throwaway server."""
    if not postgres:
        yield folder / "h.sqlite", folder / "big.sqlite"
        return
    sys.path.insert(0, str(HERE.parent))
    from tests.postgres_server import start_cluster

    for cluster in start_cluster():
        yield cluster.new_database(), cluster.new_database()


def size_of(store: HistoryStore) -> str:
    if store.path is not None:
        return f"{store.path.stat().st_size / 2**20:.0f} MiB"
    with store._db._backend.engine.connect() as conn:
        return f"{conn.exec_driver_sql('SELECT pg_database_size(current_database())').scalar() / 2**20:.0f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", action="store_true", help="a throwaway PostgreSQL server instead of SQLite")
    args = parser.parse_args()
    print(f"机器：{os.cpu_count()} 核；负载（1/5/15 分钟）：{os.getloadavg()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for recorded, big in stores(folder, args.postgres):
            measure(args.repeat, folder, recorded, big)
            print(f"负载（结束时）：{os.getloadavg()}")


def measure(repeat: int, folder: Path, recorded, big) -> None:
    print(f"历史库：{HistoryStore(recorded).label}")
    without, with_store = recording(repeat, folder, recorded)
    a, b = statistics.median(without), statistics.median(with_store)
    print(f"100,000 条记录的检查（{repeat} 次，交替运行）：")
    print(f"  不记录  min {min(without):.2f} s  median {a:.2f} s  max {max(without):.2f} s")
    print(f"  记录    min {min(with_store):.2f} s  median {b:.2f} s  max {max(with_store):.2f} s")
    cpu_a = statistics.median(CPU[w] for w in without)
    cpu_b = statistics.median(CPU[w] for w in with_store)
    print(f"  CPU 时间（中位数，含读取进程）：不记录 {cpu_a:.2f} s，记录 {cpu_b:.2f} s，多 {cpu_b / cpu_a - 1:+.1%}"
          "（负载高时比墙钟时间可靠）")
    overhead = b / a - 1
    print(f"  记录的额外耗时：{overhead:+.1%}（目标 ≤ {RECORDING_TARGET:.0%}）"
          f"{'' if overhead <= RECORDING_TARGET else '  未达标'}")
    t0 = time.perf_counter()
    store = big_store(big)
    print(f"12 期 × 100,000 条的历史库：建立 {time.perf_counter() - t0:.1f} s，{size_of(store)}")
    for name, call in (("list", store.periods), ("open", lambda: open_items(store)), ("trend", lambda: trend(store))):
        t0 = time.perf_counter()
        call()
        print(f"  history {name:<18} 查询本身 {time.perf_counter() - t0:.2f} s（进程内，不含启动）")
    t0 = time.perf_counter()
    timed([sys.executable, "-m", "compliance", "--version"])
    print(f"  compliance --version（只是启动）：{time.perf_counter() - t0:.2f} s")
    for command in (["list"], ["open"], ["trend"], ["open", "--unit", "单位07"]):
        walls = [timed([sys.executable, "-m", "compliance", "history", *command, "--db", str(big),
                        "--json", str(folder / "out.json")]) for _ in range(3)]
        median = statistics.median(walls)
        print(f"  history {' '.join(command):<18} median {median:.2f} s（3 次，含启动 Python）"
              f"{'' if median < COMMAND_TARGET_SECONDS else '  未达标'}")


if __name__ == "__main__":
    main()
