"""End-to-end benchmark of `compliance check`, timed as whole processes, against its floor.

Run:  python benchmarks/bench_e2e.py [--sizes 20000,100000,1000000] [--repeat 5] [--repeat-1m 2]
      python benchmarks/bench_e2e.py --folder   # a 20-file monthly folder, 2 reader processes vs 1

Inputs are generated once, deterministically, in benchmarks/_data/ (national
penalty layout; .xlsx for 20k and 100k, .csv for 1M).

What is timed, each as a whole process started with subprocess, the way a user
meets the tool (wall clock from spawn to exit; peak RSS of that process from
os.wait4):
- tool:     `compliance check FILE --as-of 2019-12-31 --out X.xlsx -q`;
- floor:    the sum of three whole processes, measured in the same run, paired
            with each tool run (as issue 14 defines it):
            import = `python -c "import compliance.cli, compliance.api"` (interpreter + the
                     imports a check needs: the CLI loads the check's modules only when a
                     check starts, so that other commands start fast),
            parse  = the raw reader on the same file (calamine's `to_python()`
                     for .xlsx, pandas' C `read_csv` for .csv),
            write  = a plain rustpy-xlsxwriter write of the same cells the
                     report holds (the report's sheets, without formats; the
                     cells are prepared once, untimed, and unpickled);
            a stricter floor is printed too: the import process plus the
            parse and write calls alone, timed inside their processes;
- baseline: what a user writes by hand (pandas.read_excel(openpyxl), a per-row
            day walk with chinese_calendar.is_workday, DataFrame.to_excel),
            on the 20,000-record workbook, as a whole process.
Printed: min / median / max of each, tool / floor and baseline / tool (medians).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import DATA_DIR, ensure, write_xlsx  # noqa: E402

AS_OF = "2019-12-31"
TARGETS = {20_000: 1.15, 100_000: 1.25}  # tool / floor
TARGET_1M_SECONDS = 20.0
TARGET_1M_RSS_MB = 1024


def run_process(args: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """(wall seconds, peak RSS MiB, stdout) of one whole process, reaped with wait4 for its own rusage."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode not in (0, 1):  # 1 = problems found in the data, as expected here
            raise RuntimeError(f"{args} exited {proc.returncode}: {err.read().decode(errors='replace')[-2000:]}")
        return wall, usage.ru_maxrss / 1024, out.read().decode()


def tool(path: Path, out: Path, env: dict | None = None) -> tuple[float, float]:
    wall, rss, _ = run_process([sys.executable, "-m", "compliance", "check", str(path), "--as-of", AS_OF,
                                "--out", str(out), "-q"], env)
    return wall, rss


def floor_import() -> float:
    return run_process([sys.executable, "-c", "import compliance.cli, compliance.api"])[0]


def floor_parse(path: Path) -> tuple[float, float]:
    """(whole process, the call alone)."""
    wall, _, out = run_process([sys.executable, __file__, "--parse", str(path)])
    return wall, json.loads(out)["seconds"]


def floor_write(cells: Path) -> tuple[float, float]:
    """(whole process, the call alone)."""
    wall, _, out = run_process([sys.executable, __file__, "--write", str(cells)])
    return wall, json.loads(out)["seconds"]


def child_parse(path: str) -> None:
    """The raw reader on the file, and nothing else."""
    t0 = time.perf_counter()
    if path.endswith(".csv"):
        import pandas as pd

        t0 = time.perf_counter()
        pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    else:
        import python_calamine

        t0 = time.perf_counter()
        book = python_calamine.CalamineWorkbook.from_path(path)
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()
    print(json.dumps({"seconds": time.perf_counter() - t0}))


def prepare_cells(path: Path, folder: Path) -> Path:
    """The report's own cells, sheet by sheet, pickled once (untimed) for the write floor."""
    cells = folder / f"cells_{path.stem}.pickle"
    if not cells.exists():
        subprocess.run([sys.executable, __file__, "--prepare", str(path), str(cells)], check=True)
    return cells


def child_prepare(path: str, cells: str) -> None:
    import pickle

    from compliance.api import check
    from compliance.report.sheets import build_specs

    run = check([path], as_of=dt.date.fromisoformat(AS_OF), run_date=dt.date.fromisoformat(AS_OF))
    with open(cells, "wb") as handle:
        pickle.dump([(spec.name, spec.frame) for spec in build_specs(run, "rustpy-xlsxwriter")], handle,
                    protocol=pickle.HIGHEST_PROTOCOL)


def child_write(cells: str) -> None:
    """A plain rustpy-xlsxwriter write of the report's own cells: no formats, no repair."""
    import pickle

    import pandas  # noqa: F401 - the cells are DataFrames
    from rustpy_xlsxwriter import FastExcel

    with open(cells, "rb") as handle:
        sheets = pickle.load(handle)
    with tempfile.TemporaryDirectory() as folder:
        t0 = time.perf_counter()
        book = FastExcel(str(Path(folder) / "floor.xlsx"))
        for name, frame in sheets:
            book.sheet(name, frame)
        book.save()
        seconds = time.perf_counter() - t0
    print(json.dumps({"seconds": seconds}))


def child_baseline(path: str, days: int = 20) -> None:
    """What a user writes by hand: openpyxl in, a day walk per row, openpyxl out."""
    import chinese_calendar
    import pandas as pd

    as_of = dt.date.fromisoformat(AS_OF)
    frame = pd.read_excel(path, engine="openpyxl")
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
            statuses.append("逾期未公开" if as_of > day else "未到期")
        else:
            statuses.append("按时公开" if publication.date() <= day else "逾期公开")
    frame["应公开截止日期"] = deadlines
    frame["状态"] = statuses
    with tempfile.TemporaryDirectory() as folder:
        frame.to_excel(Path(folder) / "baseline.xlsx", engine="openpyxl", index=False)


def spread(values: list[float], unit: str = "s", digits: int = 2) -> str:
    return (f"{min(values):.{digits}f} / {statistics.median(values):.{digits}f} / "
            f"{max(values):.{digits}f} {unit}")


def bench_size(size: int, repeat: int, folder: Path) -> dict:
    kind = "csv" if size >= 1_000_000 else "xlsx"
    path = ensure(size, kind)
    cells = prepare_cells(path, folder)
    keys = ("tool", "rss", "import", "parse", "write", "parse_call", "write_call", "floor", "strict")
    runs = {key: [] for key in keys}
    for i in range(repeat):  # paired: the floor's parts right after each tool run
        wall, rss = tool(path, folder / f"tool_{size}.xlsx")
        (parse, parse_call), (write, write_call) = floor_parse(path), floor_write(cells)
        imports = floor_import()
        for key, value in zip(keys[1:], (rss, imports, parse, write, parse_call, write_call,
                                         imports + parse + write, imports + parse_call + write_call)):
            runs[key].append(value)
        runs["tool"].append(wall)
    median = {key: statistics.median(values) for key, values in runs.items()}
    print(f"\n{path.name} ({size:,} records, {repeat} paired runs; min / median / max)")
    print(f"  tool   {spread(runs['tool'])}   peak RSS {spread(runs['rss'], 'MiB', 0)}")
    print(f"  floor  {spread(runs['floor'])}   = import {median['import']:.2f} + parse {median['parse']:.2f}"
          f" + write {median['write']:.2f}, each a whole process (medians)")
    print(f"  tool / floor {spread([t / f for t, f in zip(runs['tool'], runs['floor'])], 'x')}")
    print(f"  stricter floor (import process + the parse and write calls alone) {spread(runs['strict'])}"
          f" = {median['import']:.2f} + {median['parse_call']:.2f} + {median['write_call']:.2f};"
          f" tool / stricter floor {median['tool'] / median['strict']:.2f}x")
    return runs


def bench_baseline(repeat: int, tool_runs: dict | None) -> None:
    path = ensure(20_000, "xlsx")
    times = [run_process([sys.executable, __file__, "--baseline", str(path)])[0] for _ in range(repeat)]
    print(f"\nbaseline, {path.name} (openpyxl + day walk + openpyxl, {repeat} runs): {spread(times)}")
    if tool_runs:
        ratio = statistics.median(times) / statistics.median(tool_runs["tool"])
        print(f"  baseline / tool (medians): {ratio:.1f}x")


def bench_folder(repeat: int, folder: Path) -> None:
    """A monthly folder of 20 unit files (5,000 records each): the reader pool against one process."""
    month = DATA_DIR / "monthly_20x5000"
    if not month.exists():
        month.mkdir(parents=True)
        for i in range(20):
            write_xlsx(5_000, month / f"区单位{i + 1:02d}局_2016年10月行政处罚.xlsx", seed=i, first=1 + 5_000 * i)
    one = [sys.executable, "-c", "import compliance.ingest.load as l; l.WORKERS = 1; from compliance.cli import main; "
           "main()", "check", str(month), "--as-of", AS_OF, "--out", str(folder / "one.xlsx"), "-q"]
    two = [sys.executable, "-m", "compliance", "check", str(month), "--as-of", AS_OF, "--out",
           str(folder / "two.xlsx"), "-q"]
    ones, twos = [], []
    for _ in range(repeat):
        ones.append(run_process(one)[0])
        twos.append(run_process(two)[0])
    print(f"\n20-file folder (100,000 records), {repeat} paired runs; min / median / max")
    print(f"  1 reader process   {spread(ones)}")
    print(f"  2 reader processes {spread(twos)}")
    print(f"  gain (medians): {statistics.median(ones) / statistics.median(twos):.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parse", help=argparse.SUPPRESS)
    parser.add_argument("--write", help=argparse.SUPPRESS)
    parser.add_argument("--baseline", help=argparse.SUPPRESS)
    parser.add_argument("--prepare", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="20000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--repeat-1m", type=int, default=2)
    parser.add_argument("--baseline-repeat", type=int, default=3, help="0 skips the baseline")
    parser.add_argument("--folder", action="store_true", help="only the 20-file folder benchmark")
    args = parser.parse_args()
    if args.parse:
        child_parse(args.parse)
        return 0
    if args.write:
        child_write(args.write)
        return 0
    if args.prepare:
        child_prepare(*args.prepare)
        return 0
    if args.baseline:
        child_baseline(args.baseline)
        return 0
    print(f"machine: {sys.platform}, python {sys.version.split()[0]}, {os.cpu_count()} cores; "
          f"whole processes; times in seconds")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.folder:
            bench_folder(args.repeat, folder)
            return 0
        ok = True
        results = {}
        for size in (int(s) for s in args.sizes.split(",")):
            results[size] = runs = bench_size(size, args.repeat_1m if size >= 1_000_000 else args.repeat, folder)
            ratio = statistics.median(runs["tool"]) / statistics.median(runs["floor"])
            if size in TARGETS:
                met = ratio <= TARGETS[size]
                print(f"  target tool / floor <= {TARGETS[size]:.2f}x: {'met' if met else 'NOT met'}")
                ok &= met
            if size >= 1_000_000:
                seconds, rss = statistics.median(runs["tool"]), max(runs["rss"])
                met = seconds <= TARGET_1M_SECONDS and rss <= TARGET_1M_RSS_MB
                print(f"  target <= {TARGET_1M_SECONDS:.0f} s and <= {TARGET_1M_RSS_MB} MiB: "
                      f"{seconds:.1f} s, {rss:.0f} MiB: {'met' if met else 'NOT met'}")
                ok &= met
        if args.baseline_repeat:
            bench_baseline(args.baseline_repeat, results.get(20_000))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
