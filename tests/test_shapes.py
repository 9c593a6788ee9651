"""Issue 20: sheet shapes found in real ledgers, each a real file in tmp_path run through the real CLI.

Each test checks what a user would see: the records read (no more, no fewer), their status, unit
and category, and the problem said about them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import xlwt
from click.testing import CliRunner

from compliance.cli import main

D = dt.date
AS_OF = "2016-12-31"


def write_sheet(path: Path, rows: list[list], merges=(), title: str = "Sheet1", more: dict | None = None) -> Path:
    book = openpyxl.Workbook()
    sheets = {title: rows, **(more or {})}
    for index, (name, content) in enumerate(sheets.items()):
        sheet = book.active if index == 0 else book.create_sheet(name)
        sheet.title = name
        for row in content:
            sheet.append(row)
    for ref in merges:
        book.active.merge_cells(ref)
    book.save(path)
    return path


def write_biff(path: Path, rows: list[list]) -> Path:
    book = xlwt.Workbook()
    sheet = book.add_sheet("Sheet1")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value, date_style) if isinstance(value, dt.date) else sheet.write(r, c, value)
    book.save(str(path))
    return path


def check(tmp_path: Path, *paths: Path, extra: tuple = ()) -> tuple[int, dict, str]:
    """(exit code, the JSON result, the terminal text) of `compliance check` on ``paths``."""
    out = tmp_path / "result.json"
    result = CliRunner().invoke(main, ["check", *map(str, paths), "--as-of", AS_OF, "--json", str(out),
                                       "-o", str(tmp_path / "report.xlsx"), "--all", *extra])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(out.read_text(encoding="utf-8")), result.output


def by_number(data: dict) -> dict[str, dict]:
    records = {r["document_number"]: r for r in data["records"]}
    assert len(records) == len(data["records"]), [r["document_number"] for r in data["records"]]
    return records


def codes(record: dict) -> set[str]:
    return {issue["code"] for issue in record["issues"]}


PENALTY = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"]


# -- 7. marked published, no date --------------------------------------------------------
def test_marked_published_without_a_date_is_a_data_problem_not_non_publication(tmp_path):
    path = write_sheet(tmp_path / "区人社局_处罚.xlsx", [
        PENALTY + ["是否公开"],
        [1, "西人罚1", "甲", D(2016, 10, 10), None, "是"],  # deadline passed
        [2, "西人罚2", "乙", D(2016, 12, 20), None, "已公开"],  # deadline not yet
        [3, "西人罚3", "丙", D(2016, 10, 10), None, None],  # blank mark: no claim either way
        [4, "西人罚4", "丁", D(2016, 10, 10), None, "否"],
        [5, "西人罚5", "戊", D(2016, 10, 10), D(2016, 10, 12), "是"]])
    _, data, output = check(tmp_path, path)
    records = by_number(data)
    assert (records["西人罚1"]["status"], codes(records["西人罚1"])) == ("invalid", {"published-marked-no-date"})
    assert (records["西人罚2"]["status"], codes(records["西人罚2"])) == ("pending", {"published-marked-no-date"})
    assert (records["西人罚3"]["status"], codes(records["西人罚3"])) == ("overdue", set())
    assert (records["西人罚4"]["status"], codes(records["西人罚4"])) == ("overdue", set())
    assert (records["西人罚5"]["status"], codes(records["西人罚5"])) == ("on_time", set())
    assert "标注已公开，但没有公开日期" in output


def test_a_status_column_marks_published_too(tmp_path):
    path = write_sheet(tmp_path / "区人社局_处罚.xlsx", [
        ["序号", "状态", "行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"],
        [1, "已公开", "西人罚1", "甲", D(2016, 10, 10), None],
        [2, "未公开", "西人罚2", "乙", D(2016, 10, 10), None]])
    _, data, _ = check(tmp_path, path)
    records = by_number(data)
    assert records["西人罚1"]["status"] == "invalid" and codes(records["西人罚1"]) == {"published-marked-no-date"}
    assert records["西人罚2"]["status"] == "overdue"
