"""Compare two report workbooks cell by cell: sheet names, every value, and each cell's fill and boldness.

Run:  python benchmarks/compare_reports.py BEFORE.xlsx AFTER.xlsx [--styles]

Used to check that a performance change leaves the report's content alone
(issue 14). Prints each difference (at most 20 per sheet) and exits 1 if any.
"""

from __future__ import annotations

import argparse
import sys

import openpyxl


def cells(sheet, styles: bool) -> dict[tuple[int, int], object]:
    out = {}
    for row in sheet.iter_rows():
        for cell in row:
            value = cell.value
            if styles:
                fill = cell.fill.fgColor.rgb if cell.fill is not None and cell.fill.fill_type == "solid" else None
                value = (value, fill, bool(cell.font and cell.font.b))
            if value not in (None, (None, None, False)):
                out[(cell.row, cell.column)] = value
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--styles", action="store_true", help="also compare each cell's fill and boldness")
    args = parser.parse_args()
    a, b = openpyxl.load_workbook(args.before), openpyxl.load_workbook(args.after)
    if a.sheetnames != b.sheetnames:
        print(f"sheets differ: {a.sheetnames} / {b.sheetnames}")
        return 1
    differ = False
    for name in a.sheetnames:
        left, right = cells(a[name], args.styles), cells(b[name], args.styles)
        keys = sorted(set(left) | set(right))
        diffs = [k for k in keys if left.get(k) != right.get(k)]
        print(f"{name}: {len(left)} / {len(right)} non-empty cells, {len(diffs)} differ")
        for key in diffs[:20]:
            print(f"  {key}: {left.get(key)!r} / {right.get(key)!r}")
        differ |= bool(diffs)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
