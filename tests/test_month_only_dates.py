"""Dates typed with no day (2016年9月 in a date cell): Excel stores the 1st and shows year and month.

Read as the 1st, a decision date moved the deadline earlier (a false 逾期) and a publication date hid
lateness. Real .xlsx files in tmp_path, the real CLI.
"""

import datetime as dt
import json

import openpyxl
import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.ingest.month_dates import month_only_code
from helpers import cli_check, write_csv

D = dt.date
HEADER = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公示日期"]


@pytest.mark.parametrize("code, month_only", [
    ('yyyy"年"m"月"', True), ("mmm-yy", True), ("yyyy-mm", True), ('[$-804]yyyy"年"m"月";@', True),
    ("[DBNum1][$-804]yyyy\"年\"m\"月\"", True), ("yyyy/m", True),
    ('yyyy"年"m"月"d"日"', False), ("yyyy-mm-dd", False), ("m/d/yy", False), ("mm-dd", False),
    ("yyyy-mm-dd hh:mm", False), ("h:mm", False), ("General", False), ("0.00", False), ("@", False),
    ('m"月"d"日"', False), ('"day "yyyy-mm', True)])
def test_which_number_formats_show_a_date_without_its_day(code, month_only):
    assert month_only_code(code) is month_only


def check(tmp_path, path):
    code, data, output = cli_check(tmp_path, path)
    assert code in (0, 1), output
    return {r["document_number"][-2:]: (r["status"], [i["code"] for i in r["issues"]]) for r in data["records"]}


def test_a_month_typed_into_a_date_cell_has_no_day_and_is_never_judged_as_the_first(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "处罚"
    sheet.append(HEADER)
    # 1号: decided "2016年9月", published 10-20: as 09-01 its deadline would be 09-29, a false 逾期
    sheet.append([1, "西安监罚〔2016〕1号", "甲", D(2016, 9, 1), D(2016, 10, 20)])
    sheet.append([2, "西安监罚〔2016〕2号", "乙", D(2016, 9, 5), D(2016, 9, 10)])
    # 3号: published "2016年11月" (stored 11-01): as 11-01 it would be on time; the day is unknown
    sheet.append([3, "西安监罚〔2016〕3号", "丙", D(2016, 10, 10), D(2016, 11, 1)])
    sheet.cell(2, 4).number_format = 'yyyy"年"m"月"'
    sheet.cell(4, 5).number_format = "mmm-yy"  # Excel's built-in 17
    path = tmp_path / "区安监局_处罚.xlsx"
    book.save(path)
    assert check(tmp_path, path) == {"1号": ("invalid", ["date-no-day"]), "2号": ("on_time", []),
                                     "3号": ("invalid", ["date-no-day"])}


def test_a_column_whose_short_format_hides_real_days_is_read_as_it_is(tmp_path):
    """The clerk typed full dates and chose a yyyy年m月 display for the column: the days are there
    (not all the 1st), so the column's dates stand. A cell on the 1st shows 2016年9月 like a typed month
    and is stored as one: read as the 1st, 1号 (published 10-10, deadline 09-29) was a false 逾期 (p74 F4)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append([1, "西安监罚〔2016〕1号", "甲", D(2016, 9, 1), D(2016, 10, 10)])
    sheet.append([2, "西安监罚〔2016〕2号", "乙", D(2016, 9, 5), D(2016, 11, 10)])
    sheet.append([3, "西安监罚〔2016〕3号", "丙", D(2016, 9, 28), D(2016, 10, 20)])
    for row in (2, 3, 4):
        sheet.cell(row, 4).number_format = 'yyyy"年"m"月"'
    path = tmp_path / "区安监局_处罚.xlsx"
    book.save(path)
    assert check(tmp_path, path) == {"1号": ("invalid", ["date-no-day"]), "2号": ("late", []), "3号": ("on_time", [])}


def test_a_month_typed_into_a_date_cell_of_an_xls_has_no_day_too(tmp_path):
    """The same in a BIFF .xls (xlwt writes one as Excel 2003 would): read as the 1st, 1号 was a false
    逾期公开 and 3号's lateness was hidden; a column whose month display hides real days stands."""
    import xlwt  # the .xls writer: only this test needs it

    book = xlwt.Workbook()
    sheet = book.add_sheet("处罚")
    month, mmm, day = (xlwt.easyxf(num_format_str=code) for code in ('yyyy"年"m"月"', "mmm-yy", "yyyy-mm-dd"))
    for c, text in enumerate(HEADER + ["有效期至"]):
        sheet.write(0, c, text)
    rows = [(1, D(2016, 9, 1), month, D(2016, 10, 20), day), (2, D(2016, 9, 5), day, D(2016, 9, 10), day),
            (3, D(2016, 10, 10), day, D(2016, 11, 1), mmm)]
    for r, (n, decided, decided_style, published, published_style) in enumerate(rows, start=1):
        sheet.write(r, 0, n)
        sheet.write(r, 1, f"西安监罚〔2016〕{n}号")
        sheet.write(r, 2, "甲乙丙"[n - 1])
        sheet.write(r, 3, decided, decided_style)
        sheet.write(r, 4, published, published_style)
        sheet.write(r, 5, D(2017, 9, 10 + n), month)  # real days under a month display: not all the 1st
    path = tmp_path / "区安监局_处罚.xls"
    book.save(str(path))
    assert check(tmp_path, path) == {"1号": ("invalid", ["date-no-day"]), "2号": ("on_time", []),
                                     "3号": ("invalid", ["date-no-day"])}


def test_a_decision_date_without_its_day_counts_only_in_its_own_months_run(tmp_path):
    """2016年10月 is 数据有误 in October's run; in November's it was 数据有误 again (every month, a cumulative
    ledger's one slip cut the unit's rate each month). 2016.1 may be 2016.10 kept as a number: every month;
    见附件 names no month: every month."""
    ledger = write_csv(tmp_path / "区人社局_行政处罚.csv", [HEADER[1:],
        ["西人社罚〔2016〕1号", "甲", "2016年10月", "2016-11-01"], ["西人社罚〔2016〕2号", "乙", "2016-10", ""],
        ["西人社罚〔2016〕4号", "丁", "2016-11-10", "2016-11-15"], ["西人社罚〔2016〕5号", "戊", "2016.1", ""],
        ["西人社罚〔2016〕6号", "己", "见附件", ""]])
    got = {}
    for month in ("2016-10", "2016-11"):
        out = tmp_path / f"{month}.json"
        result = CliRunner().invoke(main, ["check", str(ledger), "--month", month, "--as-of", "2016-12-31", "--no-history",
                                           "-o", str(tmp_path / f"{month}.xlsx"), "--json", str(out)])
        assert result.exit_code == 1, result.output
        # the two with no month are in every month's figures: said, or a month's 数据有误 look unexplained
        assert "2 条决定日期读不出、也看不出是哪个月，计入了每个月的检查" in result.output, result.output
        got[month] = {r["document_number"][-3:]: r["status"] for r in json.loads(out.read_text(encoding="utf-8"))["records"]}
    assert got == {"2016-10": {"〕1号": "invalid", "〕2号": "invalid", "〕5号": "invalid", "〕6号": "invalid"},
                   "2016-11": {"〕4号": "on_time", "〕5号": "invalid", "〕6号": "invalid"}}


def test_a_year_less_day_on_a_month_sheet_counts_only_in_runs_of_its_month(tmp_path):
    """3月5日 with the year only in the sheet's title (probe 59 F6): 数据有误 in March's run, where it may belong
    whatever its year, and in no other month's (it was in every month's, cutting the unit's rate each month)."""
    ledger = tmp_path / "区市场监管局_2025年行政处罚公示台账.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "3月"
    sheet.append(["区市场监管局2025年3月行政处罚案件公示台账"])
    sheet.append(HEADER)
    sheet.append([1, "西市监罚〔2025〕1号", "甲", "3月5日", "3月9日"])
    sheet.append([2, "西市监罚〔2025〕2号", "乙", D(2025, 3, 10), D(2025, 3, 12)])
    sheet.append([3, "西市监罚〔2025〕3号", "丙", "12月5日", None])
    book.save(ledger)
    got = {}
    for month in ("2025-01", "2025-03", "2025-12"):
        out = tmp_path / f"{month}.json"
        result = CliRunner().invoke(main, ["check", str(ledger), "--month", month, "--as-of", "2025-12-31",
                                           "--no-history", "-o", str(tmp_path / f"{month}.xlsx"), "--json", str(out)])
        assert result.exit_code in (0, 1), result.output
        assert "计入了每个月的检查" not in result.output, result.output
        got[month] = {r["document_number"][-3:]: r["status"] for r in json.loads(out.read_text(encoding="utf-8"))["records"]}
    assert got == {"2025-01": {}, "2025-03": {"〕1号": "invalid", "〕2号": "on_time"}, "2025-12": {"〕3号": "invalid"}}, got
