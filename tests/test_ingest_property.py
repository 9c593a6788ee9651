"""Property test (issue 10): random real-looking sheets, in xlsx and csv, read the same way.

Each sheet mixes title rows, unit/metadata lines, hint rows, footers, totals,
blank rows and records, with or without a unit column whose blank cells
belong to the unit above. Every record must get the right unit and category,
and records + skipped rows = rows below the header.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.ingest.load import load
from helpers import write_csv, write_xlsx

UNITS = ["区安监局", "区环保局", "西塞山区 人力资源和社会保障局"]
FILE_UNIT = "区食药监局"
UNIT_LINES = {  # how the unit line is written -> the unit it names (None: the file name's)
    "none": None,
    "one-cell": "区工商分局",
    "neighbours": "区国土分局",
    "stamp": None,
}
FILLERS = {
    "blank": [],
    "hint": ["（必填）", "（必填）", "（文本）", "（yyyy-mm-dd）", "（yyyy-mm-dd）"],
    "footer": ["制 表 人：张三", "", "审核人：李四", "", "填报日期：2016-11-03"],
    "total": ["合  计", "3件"],
    "note": ["注：本表由各单位填报"],
}

layouts = st.fixed_dictionaries({
    "title": st.booleans(),
    "unit_line": st.sampled_from(sorted(UNIT_LINES)),
    "period": st.booleans(),
    "unit_column": st.booleans(),
    "category": st.sampled_from(["permit", "penalty"]),
    "body": st.lists(st.one_of(st.sampled_from(sorted(FILLERS)),
                               st.tuples(st.just("record"), st.sampled_from([None] + UNITS))),
                     min_size=1, max_size=14),
})


def build(layout):
    rows = []
    if layout["title"]:
        rows.append(["2016年行政决定公开情况表"])
    line = layout["unit_line"]
    if line == "one-cell":
        rows.append(["填报单位：区工商分局        填报日期：2016年11月3日"])
    elif line == "neighbours":
        rows.append(["填报单位", "区国土分局", "", "填报日期", "2016-11-03"])
    elif line == "stamp":
        rows.append(["填报单位（盖章）：            填报日期：2016年11月3日"])
    if layout["period"]:
        rows.append(["统计期间：2016年1月1日至2016年12月31日"])
    label = "许可" if layout["category"] == "permit" else "处罚"
    header = ["序号", f"{label}决定书文号", "当事人", f"{label}决定日期", "上网公开日期"]
    if layout["unit_column"]:
        header.append(f"{label}机关")
    rows.append(header)
    expected, above, number = [], None, 0
    for item in layout["body"]:
        if isinstance(item, str):
            rows.append(list(FILLERS[item]))
            continue
        number += 1
        unit = item[1] if layout["unit_column"] else None
        row = [number, f"文{number}号", f"公司{number}", "2016-09-01", "2016-09-10"]
        if layout["unit_column"]:
            row.append(unit or "")
        rows.append(row)
        above = unit.replace(" ", "") if unit else above
        expected.append((len(rows), above or UNIT_LINES[line] or FILE_UNIT))
    while rows and not any(str(c).strip() for c in rows[-1]):
        rows.pop()  # trailing blank rows are not stored by either format
    return rows, len(rows) - rows.index(header) - 1, expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layout=layouts)
def test_random_sheets_units_categories_and_counts_in_xlsx_and_csv(layout):
    rows, below_header, expected = build(layout)
    category = layout["category"]
    with tempfile.TemporaryDirectory() as folder:
        stem = f"{FILE_UNIT}_2016年数据"
        paths = [write_xlsx(Path(folder) / f"{stem}.xlsx", {"数据": rows}),
                 write_csv(Path(folder) / f"{stem}.csv", rows)]
        for path in paths:
            result = load([path])
            entry = result.inputs[0]
            assert entry.error is None, (path.suffix, entry.error_dict())
            sheet = entry.sheets[0]
            records = result.records
            got = list(zip(records["row"].tolist(), records["unit"].tolist()))
            assert got == expected, (path.suffix, rows)
            assert set(records["category"]) == ({category} if expected else set()), path.suffix
            assert sheet.rows_after_header == below_header, path.suffix
            assert sheet.record_count + sheet.skipped_rows == below_header, path.suffix
