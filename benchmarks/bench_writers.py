"""Choosing the report writer by measurement: openpyxl, xlsxwriter and rustpy-xlsxwriter.

Run:  python benchmarks/bench_writers.py [--rows 100000] [--repeat 3]

Each writer writes the same table: ROWS x 13 columns (text, numbers, dates),
every input string as a string cell, dates with a yyyy-mm-dd format, and one
row in ten filled as the report highlights late rows. openpyxl runs once (it
is the slowest by far).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

COLUMNS = ["来源文件", "工作表", "行号", "类别", "单位", "文书号", "行政相对人", "决定日期", "公开日期",
           "应公开截止日期", "状态", "逾期工作日数", "问题说明"]
DATES = ("决定日期", "公开日期", "应公开截止日期")


def table(rows: int) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    base = pd.Timestamp("2016-01-04")
    decided = base + pd.to_timedelta(rng.integers(0, 1000, rows), unit="D")
    return pd.DataFrame({
        "来源文件": "区安监局_2016年行政处罚.xlsx", "工作表": "行政处罚", "行号": np.arange(2, rows + 2, dtype=float),
        "类别": "行政处罚", "单位": "区安监局", "文书号": [f"西安监罚〔2016〕{i}号" for i in range(rows)],
        "行政相对人": [f"黄石市某某有限公司{i % 997}" for i in range(rows)],
        "决定日期": decided, "公开日期": decided + pd.Timedelta(days=9), "应公开截止日期": decided + pd.Timedelta(days=28),
        "状态": np.where(np.arange(rows) % 10 == 0, "逾期公开", "按时公开"),
        "逾期工作日数": np.where(np.arange(rows) % 10 == 0, 3.0, np.nan),
        "问题说明": None,
    })


def with_openpyxl(frame: pd.DataFrame, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    book = Workbook(write_only=True)
    sheet = book.create_sheet("全部记录")
    sheet.append(COLUMNS)
    fill = PatternFill("solid", fgColor="F8CBAD")
    from openpyxl.cell import WriteOnlyCell

    for values in frame.itertuples(index=False):
        late = values[10] == "逾期公开"
        cells = []
        for name, value in zip(COLUMNS, values):
            if value is None or (isinstance(value, float) and np.isnan(value)):
                value = None
            cell = WriteOnlyCell(sheet, value=value.to_pydatetime() if isinstance(value, pd.Timestamp) else value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula
            if name in DATES:
                cell.number_format = "yyyy-mm-dd"
            if late:
                cell.fill = fill
            cells.append(cell)
        sheet.append(cells)
    book.save(path)


def with_xlsxwriter(frame: pd.DataFrame, path: Path) -> None:
    from compliance.report.layout import DATE, INT, TEXT, SheetSpec
    from compliance.report.writers import write_xlsxwriter

    write_xlsxwriter([_spec(frame, SheetSpec, TEXT, DATE, INT)], path)


def with_rust(frame: pd.DataFrame, path: Path) -> None:
    from compliance.report.layout import DATE, INT, TEXT, SheetSpec
    from compliance.report.writers import write_rust

    write_rust([_spec(frame, SheetSpec, TEXT, DATE, INT)], path)


def _spec(frame, SheetSpec, TEXT, DATE, INT):
    from compliance.report.record_columns import dates_for_excel

    out = frame.copy()
    for name in DATES:
        out[name] = dates_for_excel(out[name])
    kinds = [DATE if c in DATES else INT if c in ("行号", "逾期工作日数") else TEXT for c in COLUMNS]
    late = {i: "#F8CBAD" for i in np.flatnonzero(frame["状态"].to_numpy() == "逾期公开")}
    return SheetSpec("全部记录", out, kinds, [14.0] * len(COLUMNS), highlight=late)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    frame = table(args.rows)
    print(f"{args.rows:,} rows x {len(COLUMNS)} columns, median seconds")
    with tempfile.TemporaryDirectory() as folder:
        for name, writer, repeat in (("rustpy-xlsxwriter", with_rust, args.repeat),
                                     ("xlsxwriter", with_xlsxwriter, args.repeat),
                                     ("openpyxl (write-only)", with_openpyxl, 1)):
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                writer(frame, Path(folder) / f"{name}.xlsx")
                times.append(time.perf_counter() - t0)
            size = (Path(folder) / f"{name}.xlsx").stat().st_size / 1e6
            print(f"{name:<24}{statistics.median(times):8.2f} s  ({size:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
