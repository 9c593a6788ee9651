#!/usr/bin/env python3
"""(Re)create sample_monthly/: three months of ledgers (October, November, December 2016) for the
README's monthly workflow and for tests/test_history.py, which builds the same files in tmp_path.

    python tools/samples/make_monthly.py

区安监局 sends a cumulative penalty ledger (the whole year so far, re-sent each month, blanks filled in
as items are published; in November one unpublished October row has disappeared); 区人社局 sends a
monthly permit ledger (only that month's decisions), and in November a 整改 sheet holding only one
fixed October row. Runs: --month 2016-10 --as-of 2016-11-25, 2016-11 / 2016-12-26, 2016-12 / 2017-01-25.
Only the standard library and openpyxl are used.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import openpyxl

D = dt.date
PENALTY = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期", "处罚机关"]
PERMIT = ["行政许可决定文书号", "行政相对人名称", "许可决定日期", "上网公开日期"]
# the runs: (folder, --month, --as-of)
RUNS = [("2016-10", "2016-10", "2016-11-25"), ("2016-11", "2016-11", "2016-12-26"),
        ("2016-12", "2016-12", "2017-01-25")]


def _penalty(number: int, decided, published):
    return [f"西安监罚〔2016〕{number}号", f"安监相对人{number}", decided, published, "区安监局"]


def anjian(month: str) -> list[list]:
    """区安监局's cumulative ledger as sent at the end of ``month``."""
    if month == "2016-10":
        return [PENALTY,
                _penalty(1, D(2016, 10, 10), D(2016, 10, 20)),  # on time
                _penalty(2, D(2016, 10, 10), None),              # overdue -> published late in November
                _penalty(3, D(2016, 10, 11), None),              # overdue -> gone from November's copy
                _penalty(4, D(2016, 10, 12), D(2016, 10, 1)),    # published before decided -> fixed in November
                _penalty(5, D(2016, 10, 31), None)]              # pending -> overdue in Nov, published in Dec
    rows = [_penalty(1, D(2016, 10, 10), D(2016, 10, 20)), _penalty(2, D(2016, 10, 10), D(2016, 11, 20)),
            _penalty(4, D(2016, 10, 12), D(2016, 10, 20)),
            _penalty(5, D(2016, 10, 31), None if month == "2016-11" else D(2016, 12, 20)),
            _penalty(6, D(2016, 11, 1), D(2016, 11, 10)), _penalty(7, D(2016, 11, 2), None)]
    if month == "2016-12":
        rows.append(_penalty(8, D(2016, 12, 1), D(2016, 12, 5)))
    return [PENALTY] + rows


def renshe(month: str) -> list[list]:
    """区人社局's monthly permit ledger: only that month's decisions."""
    rows = {"2016-10": [["西人社许〔2016〕1号", "人社相对人1", D(2016, 10, 10), D(2016, 10, 15)],
                        ["西人社许〔2016〕2号", "人社相对人2", D(2016, 10, 10), None],  # never sent again: open
                        ["无", "张三", D(2016, 10, 11), None]],                         # no number: found by party
            "2016-11": [["西人社许〔2016〕4号", "人社相对人4", D(2016, 11, 1), D(2016, 11, 3)],
                        ["西人社许〔2016〕5号", "人社相对人5", D(2016, 11, 2), D(2016, 12, 20)]],
            "2016-12": [["西人社许〔2016〕6号", "人社相对人6", D(2016, 12, 1), D(2016, 12, 2)]]}[month]
    return [PERMIT] + rows


def _write(path: Path, sheet: str, rows: list[list]) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    book.save(path)


def write_month(folder: Path, month: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    _write(folder / f"区安监局_2016年行政处罚_{month}.xlsx", "行政处罚", anjian(month))
    _write(folder / f"区人社局_{month}_行政许可.xlsx", "行政许可", renshe(month))
    if month == "2016-11":  # the 整改 sheet: only the fixed October row, which covers no month
        _write(folder / "区人社局_整改情况.xlsx", "行政许可", [PERMIT, ["无", "张三", D(2016, 10, 11), D(2016, 11, 5)]])
    return folder


if __name__ == "__main__":
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "sample_monthly")
    for folder, month, _ in RUNS:
        write_month(root / folder, month)
    print(f"已生成 {root}/")
