"""The largest legitimate files the tool promises to read (issue 19.2), timed as a user meets them.

Run:  python benchmarks/bench_large.py [--only xlsx|csv] [--repeat 1]

Inputs (generated once, deterministically, in benchmarks/_data/): the national
standard's 31 penalty columns (2019 and later), dense, dates as date cells
(.xlsx) or ISO text (.csv):
- 500,000 records as .xlsx (one sheet);
- 1,000,000 records as .csv (UTF-8).
Each is checked by `compliance check FILE --as-of 2019-12-31 --out X.xlsx -q`
as a whole process: wall clock from spawn to exit, and peak RSS from wait4
(the larger of the main process and the file's reading process, which it
reaps), plus the machine's load average before and after. The run must read
every record and exit 0 or 1 (never refused). Then the reading alone (what
the per-file limits of docs/limits.md must admit): `guarded_load` in a
process of its own, its wall clock, CPU time and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import DATA_DIR, UNITS, columns  # noqa: E402
from bench_e2e import run_process  # noqa: E402

COLUMNS = ["行政相对人名称", "行政相对人类别", "行政相对人代码_1（统一社会信用代码）", "行政相对人代码_2（工商注册号）",
           "行政相对人代码_3（组织机构代码）", "行政相对人代码_4（税务登记号）", "行政相对人代码_5（事业单位证书号）",
           "行政相对人代码_6（社会组织登记证号）", "法定代表人", "法定代表人证件类型", "法定代表人证件号码", "证件类型",
           "证件号码", "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容",
           "罚款金额（万元）", "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号", "处罚决定日期",
           "处罚有效期", "公示截止期", "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码",
           "备注", "上网公开日期"]
SIZES = {"xlsx": 500_000, "csv": 1_000_000}


def frame(n: int) -> pd.DataFrame:
    data = columns(n)
    ids = np.arange(1, n + 1).astype(str).astype(object)
    unit = np.array(UNITS, dtype=object)[data["unit"]]
    published = pd.Series(data["published"]).where(~data["unpublished"])
    text = {name: np.full(n, "", dtype=object) for name in COLUMNS}
    text.update({
        "行政相对人名称": "某某有限公司" + ids, "行政相对人类别": np.full(n, "法人及非法人组织", dtype=object),
        "行政相对人代码_1（统一社会信用代码）": "91420200MA" + pd.Series(ids).str.zfill(8).to_numpy(object),
        "法定代表人": np.full(n, "张三", dtype=object), "行政处罚决定书文号": "西罚〔2017〕" + ids + "号",
        "违法行为类型": np.full(n, "安全生产", dtype=object), "违法事实": np.full(n, "未按规定开展安全生产教育培训", dtype=object),
        "处罚依据": np.full(n, "《安全生产法》第九十四条", dtype=object), "处罚类别": np.full(n, "罚款", dtype=object),
        "处罚内容": np.full(n, "罚款人民币一万元", dtype=object), "罚款金额（万元）": np.full(n, "1", dtype=object),
        "处罚机关": unit, "数据来源单位": unit, "处罚机关统一社会信用代码": np.full(n, "11420200MB0000000X", dtype=object),
    })
    out = pd.DataFrame(text)
    out["处罚决定日期"] = pd.to_datetime(data["decision"])
    out["上网公开日期"] = pd.to_datetime(published)
    return out


def ensure(kind: str) -> Path:
    n = SIZES[kind]
    path = DATA_DIR / f"national31_{n}.{kind}"
    if path.exists():
        return path
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    table = frame(n)
    if kind == "csv":
        table.to_csv(path, index=False, date_format="%Y-%m-%d")
    else:
        from rustpy_xlsxwriter import write_worksheet

        for name in ("处罚决定日期", "上网公开日期"):  # date cells; an unpublished record's cell left empty
            dates = table[name]
            table[name] = pd.Series(np.where(dates.isna(), None, dates.dt.to_pydatetime()), dtype=object)
        write_worksheet(table, str(path), sheet_name="行政处罚", datetime_format="yyyy-mm-dd")
    return path


def child_read(path: Path) -> int:
    import resource
    import time

    from compliance.config import Config
    from compliance.ingest.load import guarded_load

    t0, c0 = time.perf_counter(), time.process_time()
    entry, frames = guarded_load(path, Config())
    assert entry.error is None and sum(len(f) for f in frames) == SIZES[path.suffix[1:]], entry.error
    print(json.dumps({"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=sorted(SIZES))
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--read", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.read:
        return child_read(Path(args.read))
    print(f"machine: {sys.platform}, python {sys.version.split()[0]}, {os.cpu_count()} cores; whole processes")
    failed = False
    for kind in [args.only] if args.only else ["xlsx", "csv"]:
        path = ensure(kind)
        for _ in range(args.repeat):
            load_before = os.getloadavg()
            with tempfile.TemporaryDirectory() as folder:
                wall, rss, out = run_process([sys.executable, "-m", "compliance", "check", str(path), "--as-of",
                                              "2019-12-31", "--out", str(Path(folder) / "r.xlsx"), "-q"])
            records = int(re.search(r"(?:共 |通过：)(\d+) 条记录", out).group(1))
            failed |= records != SIZES[kind]
            print(f"{path.name} ({path.stat().st_size / 1e6:,.0f} MB, {SIZES[kind]:,} x 31): {wall:6.1f} s, "
                  f"peak RSS {rss:,.0f} MiB, records read {records:,} "
                  f"({'all' if records == SIZES[kind] else 'NOT all'}); load {load_before[0]:.1f} -> "
                  f"{os.getloadavg()[0]:.1f}")
            read = json.loads(run_process([sys.executable, __file__, "--read", str(path)])[2])
            print(f"  reading alone: {read['seconds']:.1f} s wall, {read['cpu']:.1f} s CPU, "
                  f"peak RSS {read['rss_mb']:,.0f} MiB")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
