"""The report at scale (report/shape.py): 全部记录 left out, and 逾期清单 and 数据问题 cut to their worst
rows, with 说明 saying what was left out and where the full lists are. Real workbooks, the real writer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from compliance.api import check, write_outputs
from compliance.report.shape import ReportShape
from helpers import PENALTY_HEADER, write_xlsx

D = dt.date


def sheets(report: Path) -> dict[str, list[tuple]]:
    workbook = openpyxl.load_workbook(report, read_only=True)
    try:
        return {name: list(workbook[name].iter_rows(values_only=True)) for name in workbook.sheetnames}
    finally:
        workbook.close()


def ledger(tmp_path: Path) -> Path:
    # 8 late decisions, each published a working day after the one before,
    # 3 without a decision date (数据有误) and 2 on time
    rows = [PENALTY_HEADER]
    published = [D(2016, 10, 14), D(2016, 10, 17), D(2016, 10, 18), D(2016, 10, 19), D(2016, 10, 20),
                 D(2016, 10, 21), D(2016, 10, 24), D(2016, 10, 25)]  # deadline 2016-09-30: late by 7 to 14
    for i, day in enumerate(published, start=1):
        rows.append([i, f"西安监罚〔2016〕{i}号", f"公司{i}", D(2016, 9, 1), day, "区安监局"])
    for i in range(9, 12):
        rows.append([i, f"西安监罚〔2016〕{i}号", f"公司{i}", "九月", D(2016, 9, 10), "区安监局"])
    for i in range(12, 14):
        rows.append([i, f"西安监罚〔2016〕{i}号", f"公司{i}", D(2016, 9, 1), D(2016, 9, 5), "区安监局"])
    rows += [rows[12][:], rows[13][:]]  # pasted twice: 2 repeats, listed on 数据问题 after the 数据有误 rows
    return write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"处罚": rows})


def test_the_long_lists_keep_their_worst_rows_and_say_so(tmp_path):
    run = check([ledger(tmp_path)], as_of=D(2016, 12, 31), run_date=D(2016, 12, 31))
    assert run.summary["late"] == 8 and run.summary["invalid"] == 3 and run.summary["repeats"] == 2
    out = write_outputs(run, out=tmp_path / "r.xlsx",
                        shape=ReportShape(records_sheet=False, list_limit=3, records_dir="全部记录_parquet"))
    got = sheets(out.report)
    assert "全部记录" not in got
    late = [row for row in got["逾期清单"] if row and isinstance(row[1], str) and row[1].startswith("西安监罚")]
    assert [row[1] for row in late] == ["西安监罚〔2016〕8号", "西安监罚〔2016〕7号", "西安监罚〔2016〕6号"]
    problems = [row for row in got["数据问题"] if row and row[0] in ("数据有误", "需核实", "数据质量", "重复报送")]
    assert [row[0] for row in problems] == ["数据有误"] * 3  # the two repeats left out
    said = {row[0]: row[1] for row in got["说明"]}
    assert "共 8 条" in said["逾期清单"] and "3 条" in said["逾期清单"] and "全部记录_parquet" in said["逾期清单"]
    assert "--all-records" in said["全部记录"] and "共 5 条" in said["数据问题"] \
        and "最要紧（数据有误在前）的 3 条" in said["数据问题"]


def test_the_default_shape_writes_every_row(tmp_path):
    run = check([ledger(tmp_path)], as_of=D(2016, 12, 31), run_date=D(2016, 12, 31))
    got = sheets(write_outputs(run, out=tmp_path / "r.xlsx").report)
    late = [row for row in got["逾期清单"] if row and isinstance(row[1], str) and row[1].startswith("西安监罚")]
    assert len(late) == 8 and "全部记录" in got
    assert not {"逾期清单", "全部记录"} & {row[0] for row in got["说明"]}
