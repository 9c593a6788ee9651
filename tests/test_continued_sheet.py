"""A worksheet with no header that goes on with the previous sheet's table (续表, Sheet2 holding the rest):
read by that header, its rows numbered as in it, its unit the 填报单位 line above that header, and said.
Before, it was skipped as "no header": a late and an overdue decision lost and the run said 通过, exit 0.
A sheet of notes without a header stays skipped. Real workbooks through the real CLI.

Deadlines by hand: 2026-09-07 + 20 working days = 2026-10-10 (Sep 20 and Oct 10 are make-up working
days, Oct 1–7 off); 2026-09-08 -> 2026-10-12."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

HEADER = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公开日期"]


def ledger(tmp_path, second_title: str, second_rows: list[list]):
    book = openpyxl.Workbook()
    first = book.active
    first.title = "行政处罚"
    first.append(["2026年9月行政处罚台账"])
    first.append(["填报单位：区城管局"])
    first.append(HEADER)
    first.append([1, "西城管罚〔2026〕1号", "当事人1", dt.date(2026, 9, 3), dt.date(2026, 10, 8)])
    first.append([2, "西城管罚〔2026〕2号", "当事人2", dt.date(2026, 9, 4), dt.date(2026, 10, 9)])
    second = book.create_sheet(second_title)
    for row in second_rows:
        second.append(row)
    path = tmp_path / "2026年9月处罚台账.xlsx"
    book.save(path)
    return path


def check(tmp_path, path):
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2026-11-30", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(tmp_path / "r.json")])
    return result, json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))


def test_a_sheet_without_a_header_that_goes_on_with_the_table_is_read_by_its_header(tmp_path):
    path = ledger(tmp_path, "Sheet2", [[3, "西城管罚〔2026〕3号", "当事人3", dt.date(2026, 9, 7), dt.date(2026, 10, 22)],
                                       [4, "西城管罚〔2026〕4号", "当事人4", dt.date(2026, 9, 8), None]])
    result, payload = check(tmp_path, path)
    assert result.exit_code == 1, result.output  # was 0: 通过
    got = {r["document_number"]: (r["sheet"], r["row"], r["unit"], r["status"], r["deadline"])
           for r in payload["records"]}
    assert got == {"西城管罚〔2026〕1号": ("行政处罚", 4, "区城管局", "on_time", "2026-10-08"),
                   "西城管罚〔2026〕2号": ("行政处罚", 5, "区城管局", "on_time", "2026-10-09"),
                   "西城管罚〔2026〕3号": ("Sheet2", 1, "区城管局", "late", "2026-10-10"),
                   "西城管罚〔2026〕4号": ("Sheet2", 2, "区城管局", "overdue", "2026-10-12")}
    assert "2026年9月处罚台账.xlsx:Sheet2:2 overdue 西城管罚〔2026〕4号：逾期未公开" in result.output
    assert payload["summary"]["skipped_rows"] == 0
    notes = [r for r in openpyxl.load_workbook(tmp_path / "r.xlsx", read_only=True)["数据问题"].iter_rows(values_only=True)
             if r and any(isinstance(c, str) and "续表" in c for c in r)]
    assert notes and "按前一个工作表“行政处罚”的表头读取（续表）" in " ".join(str(c) for c in notes[0])


def test_a_sheet_of_notes_without_a_header_stays_skipped(tmp_path):
    path = ledger(tmp_path, "备注", [["说明：本月另有 2 件在审批中"], ["联系人：张三 电话 6201234"]])
    result, payload = check(tmp_path, path)
    assert result.exit_code == 0, result.output
    assert [r["sheet"] for r in payload["records"]] == ["行政处罚", "行政处罚"]
    assert "续表" not in (tmp_path / "r.json").read_text(encoding="utf-8")


def test_another_table_without_a_header_is_no_continuation(tmp_path):
    """Only the table's own rows go on under its header: a permit list in another order (its dates where the
    penalties have amounts), a 统计 sheet of months and counts, a sheet with its own 填报单位 line, or rows
    shifted by a column stay skipped as sheets without header; no record is invented from them."""
    cases = {
        "permits": [[1, "西城管许〔2026〕1号", "己公司", dt.date(2026, 8, 3), dt.date(2026, 8, 10)],
                    [2, "西城管许〔2026〕2号", "庚公司", dt.date(2026, 8, 3), dt.date(2026, 8, 12)]],
        "counts": [[1, "2026年8月", 3, dt.date(2026, 9, 30), dt.date(2026, 10, 8)],
                   [2, "2026年9月", 2, dt.date(2026, 10, 30), dt.date(2026, 11, 6)]],
        "own unit": [["填报单位：区环保局"], [1, "西环罚〔2026〕1号", "辛公司", dt.date(2026, 9, 3), None],
                     [2, "西环罚〔2026〕2号", "壬公司", dt.date(2026, 9, 3), dt.date(2026, 10, 8)]],
        "shifted": [["西城管罚〔2026〕3号", "当事人3", dt.date(2026, 9, 7), dt.date(2026, 10, 22)],
                    ["西城管罚〔2026〕4号", "当事人4", dt.date(2026, 9, 8), dt.date(2026, 10, 9)]]}
    for name, rows in cases.items():
        folder = tmp_path / name
        folder.mkdir()
        if name == "permits":  # the penalties' table has an amount where the permits have their decision date
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.append(["序号", "行政处罚决定书文号", "行政相对人名称", "罚款金额（万元）", "处罚决定日期", "公开日期"])
            sheet.append([1, "西城管罚〔2026〕1号", "当事人1", 0.5, dt.date(2026, 9, 3), dt.date(2026, 10, 8)])
            other = book.create_sheet("Sheet2")
            for row in [[1, "西城管许〔2026〕1号", "己公司", dt.date(2026, 8, 3), dt.date(2026, 8, 10), None],
                        [2, "西城管许〔2026〕2号", "庚公司", dt.date(2026, 8, 4), dt.date(2026, 8, 12), None]]:
                other.append(row)
            path = folder / "2026年9月处罚台账.xlsx"
            book.save(path)
        else:
            path = ledger(folder, "Sheet2", rows)
        result, payload = check(folder, path)
        assert {r["sheet"] for r in payload["records"]} != {"Sheet2"} and \
            all(r["sheet"] != "Sheet2" for r in payload["records"]), (name, payload["records"])
        assert "续表" not in (folder / "r.json").read_text(encoding="utf-8"), name


def test_a_continued_sheets_notes_name_its_own_rows(tmp_path):
    """A 同上 date on the continued sheet's row 2 is said as 第 2 行, not as the row under the borrowed header."""
    path = ledger(tmp_path, "Sheet2", [[3, "西城管罚〔2026〕3号", "当事人3", dt.date(2026, 9, 7), dt.date(2026, 10, 9)],
                                       [4, "西城管罚〔2026〕4号", "当事人4", "同上", None]])
    _, payload = check(tmp_path, path)
    assert [(r["sheet"], r["row"], r["decision_date"]) for r in payload["records"] if r["sheet"] == "Sheet2"] == [
        ("Sheet2", 1, "2026-09-07"), ("Sheet2", 2, "2026-09-07")]
    sheet2 = next(s for f in payload["inputs"] for s in f["sheets"] if s["name"] == "Sheet2")
    assert any("第 2 行" in n for n in sheet2["notes"]), sheet2["notes"]


def test_a_continued_sheet_goes_on_under_the_unit_row_it_continues(tmp_path):
    """Units by section rows (一、区安监局 / 二、区环保局), no unit column, a generic file name; Sheet2 goes on with
    区环保局's block (probe p76 F2): its rows went to a made-up unit named after the file (台账, 单位不明)."""
    path = write_xlsx(tmp_path / "台账.xlsx", {
        "Sheet1": [["2026年9月行政处罚上网公开情况统计表"], HEADER, ["一、区安监局"],
                   [1, "西安监罚〔2026〕1号", "当事人1", dt.date(2026, 9, 3), dt.date(2026, 10, 8)], ["二、区环保局"],
                   [1, "西环罚〔2026〕1号", "当事人2", dt.date(2026, 9, 4), dt.date(2026, 10, 9)]],
        "Sheet2": [[2, "西环罚〔2026〕2号", "当事人3", dt.date(2026, 9, 7), dt.date(2026, 10, 22)],
                   [3, "西环罚〔2026〕3号", "当事人4", dt.date(2026, 9, 8), None]]})
    result, payload = check(tmp_path, path)
    assert result.exit_code == 1, result.output
    got = {r["document_number"]: (r["sheet"], r["unit"], r["status"], [i["code"] for i in r["issues"]])
           for r in payload["records"]}
    assert got == {"西安监罚〔2026〕1号": ("Sheet1", "区安监局", "on_time", []),
                   "西环罚〔2026〕1号": ("Sheet1", "区环保局", "on_time", []),
                   "西环罚〔2026〕2号": ("Sheet2", "区环保局", "late", []),
                   "西环罚〔2026〕3号": ("Sheet2", "区环保局", "overdue", [])}, got


def test_a_continued_sheet_after_a_continued_sheet_goes_on_under_the_unit_row_of_the_one_before(tmp_path):
    """Sheet2 (a 续表) opens a new block 三、区水务局 and Sheet3 goes on with it (review rev60): its rows went to
    the unit of Sheet1's last block."""
    path = write_xlsx(tmp_path / "台账.xlsx", {
        "Sheet1": [HEADER, ["一、区环保局"], [1, "西环罚〔2026〕1号", "当事人1", dt.date(2026, 9, 3), dt.date(2026, 10, 8)]],
        "Sheet2": [[2, "西环罚〔2026〕2号", "当事人2", dt.date(2026, 9, 4), dt.date(2026, 10, 9)], ["二、区水务局"],
                   [1, "西水罚〔2026〕1号", "当事人3", dt.date(2026, 9, 7), dt.date(2026, 10, 9)]],
        "Sheet3": [[2, "西水罚〔2026〕2号", "当事人4", dt.date(2026, 9, 8), dt.date(2026, 10, 9)],
                   [3, "西水罚〔2026〕3号", "当事人5", dt.date(2026, 9, 8), None]]})
    result, payload = check(tmp_path, path)
    got = {r["document_number"]: (r["sheet"], r["unit"]) for r in payload["records"]}
    assert got == {"西环罚〔2026〕1号": ("Sheet1", "区环保局"), "西环罚〔2026〕2号": ("Sheet2", "区环保局"),
                   "西水罚〔2026〕1号": ("Sheet2", "区水务局"), "西水罚〔2026〕2号": ("Sheet3", "区水务局"),
                   "西水罚〔2026〕3号": ("Sheet3", "区水务局")}, got
