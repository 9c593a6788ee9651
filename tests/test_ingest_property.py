"""Property test (issue 10): random real-looking sheets, in xlsx and csv, read the same way.

Each sheet mixes title rows, unit/metadata lines, hint rows, footers, totals,
blank rows and records, with or without a unit column whose blank cells
belong to the unit above. Every record must get the right unit and category,
and records + skipped rows = rows below the header.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pandas as pd

from hypothesis import HealthCheck, example, given, settings
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


# -- issue 20: second tables in their own column order, grouped headers, subtotal rows ------------------
SUBTOTALS = [["4月小计", None, 2], ["本月小计", "", "2件"], ["1-6月累计", None, 5], ["本页合计", 4], ["共 3 件"],
             ["合　计：", 7], [None, 3, 3, 3, 3]]
tables = st.lists(st.fixed_dictionaries({
    "category": st.sampled_from(["permit", "penalty"]),
    "section": st.booleans(),
    "grouped": st.booleans(),
    "order": st.permutations(["document_number", "party", "dates"]),
    "dates_swapped": st.booleans(),
    "body": st.lists(st.one_of(st.just("record"), st.integers(0, len(SUBTOTALS) - 1)), min_size=1, max_size=6),
    "gap": st.integers(0, 2),
}), min_size=1, max_size=3)


def build_tables(spec):
    """Rows and merges of a sheet of tables one under another; the records each must give."""
    rows, merges, expected, number = [["2016年行政决定公开台账"]], [], [], 0
    for table in spec:
        label = "许可" if table["category"] == "permit" else "处罚"
        if table["section"]:
            rows.append([f"{'一二三'[len(expected) % 3]}、行政{label}"])
        fields = [f for name in table["order"] for f in
                  ((["published", "decision"] if table["dates_swapped"] else ["decision", "published"])
                   if name == "dates" else [name])]
        names = {"document_number": f"{label}决定书文号", "party": "当事人", "decision": f"{label}决定日期",
                 "published": "上网公开日期"}
        if table["grouped"]:
            top = ["序号"] + [names[f] if f in ("document_number", "party") else "时间" for f in fields]
            sub = [None] + [{"decision": "作出决定", "published": "网上公示"}.get(f) for f in fields]
            first = len(rows) + 1
            for c, f in enumerate(["序号"] + fields):
                if f not in ("decision", "published"):
                    merges.append(f"{chr(65 + c)}{first}:{chr(65 + c)}{first + 1}")
            at = fields.index("decision" if not table["dates_swapped"] else "published") + 1
            merges.append(f"{chr(65 + at)}{first}:{chr(66 + at)}{first}")
            top = [t if not (c == at + 1) else None for c, t in enumerate(top)]
            rows += [top, sub]
        else:
            rows.append(["序号"] + [names[f] for f in fields])
        for item in table["body"]:
            if item != "record":
                rows.append(list(SUBTOTALS[item]))
                continue
            number += 1
            decided = dt.date(2016, 9, 1) + dt.timedelta(days=number)
            values = {"document_number": f"文{number}号", "party": f"公司{number}", "decision": decided,
                      "published": decided + dt.timedelta(days=3)}
            rows.append([number] + [values[f] for f in fields])
            expected.append((len(rows), f"文{number}号", table["category"], decided.isoformat()))
        rows += [[] for _ in range(table["gap"])]
    return rows, merges, expected


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=tables)
# A table of nothing but a subtotal between two others: its header's category must not pass on.
@example(spec=[{"category": c, "section": False, "grouped": False, "order": ["document_number", "party", "dates"],
                "dates_swapped": False, "body": body, "gap": 0}
               for c, body in (("permit", ["record"]), ("permit", [0]), ("penalty", ["record"]))])
def test_tables_one_under_another_each_record_found_once_nothing_invented(spec):
    rows, merges, expected = build_tables(spec)
    with tempfile.TemporaryDirectory() as folder:
        path = write_xlsx(Path(folder) / f"{FILE_UNIT}_台账.xlsx", {"Sheet1": rows}, merges={"Sheet1": merges})
        result = load([path])
        entry = result.inputs[0]
        assert entry.error is None, entry.error_dict()
        records = result.records
        got = list(zip(records["row"].tolist(), records["document_number"].tolist(), records["category"].tolist(),
                       [d.date().isoformat() if not pd.isna(d) else None for d in records["decision_date"]]))
        assert got == expected, rows
        sheet = entry.sheets[0]
        assert sheet.record_count + sheet.skipped_rows == sheet.rows_after_header
