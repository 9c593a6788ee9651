"""A row struck through (删除线) is how many clerks void a line without deleting it, on real .xlsx files
through the real CLI. The tool does not decide that the decision was voided, so the row stays a record
and says it is struck; but a struck row is never called late (逾期): it is 数据有误, asking the unit to
confirm. A few struck cells in a row (a corrected date) are not a struck row."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import xlsxwriter
from openpyxl.styles import Font

from helpers import cli_check

D = dt.date
HEADER = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期", "备注"]
ROWS = [
    [1, "西安监罚〔2016〕1号", "甲公司", D(2016, 9, 1), None, None],  # overdue, struck
    [2, "西安监罚〔2016〕2号", "乙公司", D(2016, 9, 1), D(2016, 9, 5), None],  # on time, struck
    [3, "西安监罚〔2016〕3号", "丙公司", D(2016, 9, 1), None, None],  # overdue, one cell struck
    [4, "西安监罚〔2016〕4号", "丁公司", D(2016, 9, 1), D(2016, 11, 30), None],  # late, struck
    [5, "西安监罚〔2016〕5号", "戊公司", D(2016, 9, 1), None, None],  # overdue, a font with strike="0"
]


def workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "行政处罚"
    for row in [HEADER, *ROWS]:
        sheet.append(row)
    for excel_row in (2, 3, 5):
        for cell in sheet[excel_row]:
            if cell.value is not None:
                cell.font = Font(strike=True)
    sheet["B4"].font = Font(strike=True)
    for cell in sheet[6]:
        cell.font = Font(strike=False, bold=True)
    book.save(path)
    return path


def check(tmp_path: Path, path: Path):
    code, data, output = cli_check(tmp_path, path)
    assert code == 1, output
    return data, output


def test_a_struck_row_is_read_and_said_and_never_called_late(tmp_path):
    data, output = check(tmp_path, workbook(tmp_path / "区安监局_行政处罚.xlsx"))
    rows = {r["row"]: (r["status"], [i["code"] for i in r["issues"]]) for r in data["records"]}
    assert rows == {2: ("invalid", ["row-struck-through", "row-struck-late"]),
                    3: ("on_time", ["row-struck-through"]),
                    4: ("overdue", []),
                    5: ("invalid", ["row-struck-through", "row-struck-late"]),
                    6: ("overdue", [])}
    assert "按日期已逾期（截止 2016-09-30），但这一行加了删除线：不判为逾期，请确认这项决定是否已作废" in output
    assert data["summary"]["overdue"] == 2 and data["summary"]["late"] == 0


def test_a_struck_font_in_another_namespace_prefix_and_quote_style_is_seen(tmp_path):
    """The same workbook with its sheet and styles rewritten with an x: prefix and single quotes."""
    plain = workbook(tmp_path / "plain.xlsx")
    path = tmp_path / "区安监局_行政处罚.xlsx"
    main_ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename in ("xl/worksheets/sheet1.xml", "xl/styles.xml"):
                data = data.replace(main_ns, main_ns.replace(b"xmlns=", b"xmlns:x="))
                data = data.replace(b"<", b"<x:").replace(b"<x:/", b"</x:").replace(b"<x:?", b"<?")
                data = re.sub(rb' s="(\d+)"', rb" s='\1'", data)
            target.writestr(info, data)
    data, _ = check(tmp_path, path)
    statuses = {r["row"]: r["status"] for r in data["records"]}
    assert statuses == {2: "invalid", 3: "on_time", 4: "overdue", 5: "invalid", 6: "overdue"}


def test_hidden_rows_are_read_and_said_where_the_clerk_looks(tmp_path):
    """A filter left on, or rows hidden by hand: the rows are still what the unit sent and are checked,
    but whoever opens the file sees fewer rows than the report counts, so the terminal says which."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "行政处罚"
    for row in [HEADER, *ROWS]:
        sheet.append(row)
    sheet.append([])
    sheet.auto_filter.ref = "A1:F6"
    for excel_row in (3, 5, 7):  # 7 is blank: nothing to say about it
        sheet.row_dimensions[excel_row].hidden = True
    path = tmp_path / "区安监局_行政处罚.xlsx"
    book.save(path)
    data, output = check(tmp_path, path)
    assert len(data["records"]) == 5
    assert "注意：" in output and "工作表中有 2 行记录被隐藏（第 3、5 行；可能是筛选没有取消），已照常检查" in output


def test_an_xls_has_its_struck_rows_hidden_rows_and_hidden_columns_read_too(tmp_path):
    """The same marks in a BIFF .xls (xlwt writes one as Excel 2003 would): struck rows are not called late,
    hidden rows are said, and a hidden column of draft dates does not fill the visible one."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("行政处罚")
    struck, plain = xlwt.easyxf("font: struck_out on"), xlwt.easyxf("font: bold on")
    header = HEADER[:5] + ["公示日期", "备注"]
    for c, text in enumerate(header):
        sheet.write(0, c, text)
    dates = xlwt.easyxf("font: struck_out on", num_format_str="yyyy-mm-dd")
    rows = [(ROWS[0] + [D(2016, 9, 5)], True), (ROWS[2] + [D(2016, 9, 5)], False), (ROWS[3] + [None], False)]
    for r, (values, crossed) in enumerate(rows, start=1):
        for c, value in enumerate(values):
            if value is not None:
                style = (dates if crossed else xlwt.easyxf(num_format_str="yyyy-mm-dd")) if isinstance(value, dt.date) \
                    else (struck if crossed else plain)
                sheet.write(r, c, value, style)
    sheet.col(5).hidden = True  # 公示日期: draft dates, hidden
    sheet.row(3).hidden = True
    path = tmp_path / "区安监局_行政处罚.xls"
    book.save(str(path))
    data, output = check(tmp_path, path)
    rows_seen = {r["row"]: (r["status"], [i["code"] for i in r["issues"]]) for r in data["records"]}
    assert rows_seen == {2: ("invalid", ["row-struck-through", "row-struck-late"]), 3: ("overdue", []),
                         4: ("late", [])}
    assert "工作表中有 1 行记录被隐藏（第 4 行" in output
    assert "column-hidden-unused" in output


def test_text_struck_through_by_its_own_runs_strikes_the_row_too(tmp_path):
    """probe 32: every text cell struck by in-cell formatting (rich text runs, shared as xlsxwriter and Excel save
    them, or inline as other writers do), not by the cell's font: the row looks the same in Excel. A row with one
    run of one cell struck (a corrected word) is not struck. The inline file is the shared one rewritten (openpyxl
    3.1.0, the declared lower bound, cannot save rich text)."""
    rows = [[1, "西安监罚〔2016〕1号", "甲公司", D(2016, 9, 1), None, "已核"],
            [2, "西安监罚〔2016〕2号", "乙公司", D(2016, 9, 1), D(2016, 11, 30), "已核"],
            [3, "西安监罚〔2016〕3号", "丙某公司", D(2016, 9, 1), None, None],
            [4, "西安监罚〔2016〕4号", "丁公司", D(2016, 9, 1), None, None]]
    struck_rows = (0, 1)  # every text cell of these (half the row's cells); in row 3 only 某 of the party

    shared = tmp_path / "区环保局_行政处罚.xlsx"
    book = xlsxwriter.Workbook(str(shared))
    sheet = book.add_worksheet("行政处罚")
    strike, date = book.add_format({"font_strikeout": True}), book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, HEADER)
    for k, row in enumerate(rows):
        for j, value in enumerate(row):
            if isinstance(value, str) and k in struck_rows:
                sheet.write_rich_string(k + 1, j, strike, value[:1], strike, value[1:])
            elif k == 2 and j == 2:
                sheet.write_rich_string(k + 1, j, "丙", strike, "某", "公司")
            elif isinstance(value, dt.date):
                sheet.write_datetime(k + 1, j, dt.datetime.combine(value, dt.time()), date)
            elif value is not None:
                sheet.write(k + 1, j, value)
    book.close()

    inline = tmp_path / "区安监局_行政处罚.xlsx"  # every shared string written in its cell (<is>…</is>)
    with zipfile.ZipFile(shared) as source:
        strings = re.findall(rb"<si>(.*?)</si>", source.read("xl/sharedStrings.xml"), re.S)
        with zipfile.ZipFile(inline, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                data = source.read(info.filename)
                if info.filename == "xl/worksheets/sheet1.xml":
                    data = re.sub(rb'<c r="([A-Z]+\d+)"([^>]*?) t="s"([^>]*)><v>(\d+)</v></c>',
                                  lambda m: b'<c r="' + m.group(1) + b'"' + m.group(2) + b' t="inlineStr"' + m.group(3)
                                  + b"><is>" + strings[int(m.group(4))] + b"</is></c>", data)
                    assert b"inlineStr" in data and b't="s"' not in data
                target.writestr(info, data)

    for each in (shared, inline):
        data, _ = check(tmp_path, each)
        got = {r["row"]: (r["status"], [i["code"] for i in r["issues"]]) for r in data["records"]}
        assert got == {2: ("invalid", ["row-struck-through", "row-struck-late"]),
                       3: ("invalid", ["row-struck-through", "row-struck-late"]),
                       4: ("overdue", []), 5: ("overdue", [])}, each
