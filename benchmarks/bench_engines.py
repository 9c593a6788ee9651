"""Both engines on the same inputs: time, and peak memory summed over every process of the run.

Run:  python benchmarks/bench_engines.py [--records 1000000] [--files 200] [--only csv|folder]
      python benchmarks/bench_engines.py --records 10000000 --only csv --engines dask

Inputs are generated once, deterministically, in benchmarks/_data/ (national
penalty layout, generate.py): one CSV of ``--records`` records, and a folder of
``--files`` workbooks holding as many records together. Each run is a whole
`compliance check … --as-of 2019-12-31 -q` process (no --json: a JSON of a million
records would be measured, not the check); its memory is the largest
sum, sampled every 0.2 s, of the resident memory of that process and all its
descendants (the supervisor, the check, the Dask scheduler and workers of the
LocalCluster, the read children). Printed per run: wall seconds, peak summed
MiB, records, and the share of records late or overdue.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import DATA_DIR, write_csv, write_xlsx  # noqa: E402

AS_OF = "2019-12-31"


def folder_of(files: int, records: int) -> Path:
    folder = DATA_DIR / f"folder_{files}x{records // files}"
    if not (folder / ".complete").exists():
        folder.mkdir(parents=True, exist_ok=True)
        each = records // files
        for i in range(files):
            write_xlsx(each, folder / f"单位{i:03d}_行政处罚.xlsx", seed=1000 + i, first=1 + i * each)
        (folder / ".complete").write_text("")
    return folder


def csv_of(records: int) -> Path:
    path = DATA_DIR / f"penalties_{records}.csv"
    if not path.exists():
        write_csv(records, path)
    return path


def tree_rss(process: psutil.Process) -> int:
    total = 0
    for member in [process] + process.children(recursive=True):
        try:
            total += member.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(target: Path, engine: str) -> dict:
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "r.xlsx"
        args = [sys.executable, "-m", "compliance", "check", str(target), "--as-of", AS_OF, "-q",
                "--out", str(out), "--engine", engine]
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=work)
        peak = [0]
        watched = psutil.Process(proc.pid)

        def sample():
            while proc.poll() is None:
                try:
                    peak[0] = max(peak[0], tree_rss(watched))
                except psutil.Error:
                    pass
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        stdout, err = proc.communicate()
        wall = time.perf_counter() - start
        sampler.join()
    # -q prints the report and the verdict: 未通过：共 N 条记录，逾期 M 条（late and overdue together）
    verdict = re.search(r"共 (\d+) 条记录，逾期 (\d+) 条", stdout.decode(errors="replace"))
    records, behind = (int(verdict.group(1)), int(verdict.group(2))) if verdict else (0, 0)
    return {"engine": engine, "input": target.name, "exit": proc.returncode, "seconds": round(wall, 1),
            "peak_mib_summed": round(peak[0] / 2**20), "records": records,
            "late_or_overdue_share": round(behind / records, 3) if records else None,
            "stderr_tail": err.decode(errors="replace")[-300:] if proc.returncode not in (0, 1) else ""}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--only", choices=["csv", "folder"])
    parser.add_argument("--engines", default="pandas,dask")
    options = parser.parse_args()
    targets = []
    if options.only in (None, "csv"):
        targets.append(csv_of(options.records))
    if options.only in (None, "folder"):
        targets.append(folder_of(options.files, options.records))
    print(f"load average at start: {psutil.getloadavg()}", flush=True)
    for target in targets:
        for engine in options.engines.split(","):
            print(json.dumps(measure(target, engine), ensure_ascii=False), flush=True)
    print(f"load average at end: {psutil.getloadavg()}", flush=True)


if __name__ == "__main__":
    main()
