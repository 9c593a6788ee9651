"""Issue 21 items 7-8: 逾期清单 prints file, sheet and 文书号 whole, and says in the row when a 公开日期
stands beside 逾期未公开. A real ledger, the real CLI, the report read back with openpyxl."""

import datetime as dt

import openpyxl
import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.report.layout import display_width
from helpers import PENALTY_HEADER, printed_whole, write_xlsx

D = dt.date


def test_late_rows_print_whole_and_a_publication_after_the_as_of_date_is_said_in_the_row(tmp_path):
    long_number = "西综执罚决字〔2016〕第0271号"
    rows = [[1, long_number, "甲", D(2016, 9, 1), D(2016, 11, 20), "区综合执法局"],  # late
            [2, "西综执罚〔2016〕2号", "乙", D(2016, 9, 1), D(2016, 12, 20), "区综合执法局"]]  # after the as-of
    name = "区工商分局_2016年行政许可及行政处罚.xlsx"
    write_xlsx(tmp_path / name, {"行政处罚决定公开情况": [PENALTY_HEADER] + rows})
    # as of 2016-11-30, checked on 2016-12-31: row 2's publication came after the as-of date
    result = CliRunner().invoke(main, ["check", str(tmp_path / name), "--as-of", "2016-11-30",
                                       "--out", str(tmp_path / "r.xlsx")], prog_name="compliance")
    assert result.exit_code == 1, result.output
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["逾期清单"]
    values = list(sheet.iter_rows(values_only=True))
    header = values[0]
    statuses = [r[header.index("状态")] for r in values[1:]]
    assert sorted(statuses) == ["逾期公开", "逾期未公开（统计截止日后才公开）"]
    after = next(r for r in values[1:] if r[header.index("状态")].startswith("逾期未公开"))
    assert after[header.index("公开日期")] is not None  # the date that needed the words
    widths = {h: sheet.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i, h in enumerate(header)}
    for column, text in (("来源文件", name), ("工作表", "行政处罚决定公开情况"), ("文书号", long_number),
                         ("状态", "逾期未公开（统计截止日后才公开）")):  # the words that explain the date, whole
        assert printed_whole(sheet, header, column, text, widths[column]), (column, widths[column], display_width(text))


def test_about_sheet_rows_with_wrapped_text_are_tall_enough_and_its_header_repeats(tmp_path):
    rows = [[1, "西罚〔2016〕1号", "甲", D(2016, 9, 1), D(2016, 9, 5), "区安监局"]]
    write_xlsx(tmp_path / "区安监局.xlsx", {"处罚": [PENALTY_HEADER] + rows})
    result = CliRunner().invoke(main, ["check", str(tmp_path / "区安监局.xlsx"), "--as-of", "2016-12-31",
                                       "--out", str(tmp_path / "r.xlsx")], prog_name="compliance")
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["说明"]
    assert sheet.print_title_rows  # the header row repeats on page 2
    width = sheet.column_dimensions["B"].width
    tall = 0
    for row in sheet.iter_rows(min_row=2):
        text = row[1].value
        # wider than the column in display units (a CJK character 2): two lines at least in print. Rows of 76–85
        # units were given one line (a CJK character was taken as 1.8 units) and LibreOffice cut their end.
        if isinstance(text, str) and display_width(text) > width - 2:
            height = sheet.row_dimensions[row[1].row].height
            assert height and height >= 30, (text, height)
            tall += 1
    assert tall  # the 排名 line wraps


def test_a_long_late_list_takes_the_words_too(tmp_path):
    """Past 1,000 rows the 状态 column is stored compactly (a Categorical): the words still go in."""
    rows = [[i, f"西罚〔2016〕{i}号", "甲", D(2016, 9, 1), D(2016, 12, 20) if i % 2 else None, "区安监局"]
            for i in range(1, 1201)]
    write_xlsx(tmp_path / "区安监局.xlsx", {"处罚": [PENALTY_HEADER] + rows})
    result = CliRunner().invoke(main, ["check", str(tmp_path / "区安监局.xlsx"), "--as-of", "2016-11-30",
                                       "--out", str(tmp_path / "r.xlsx")], prog_name="compliance")
    assert result.exit_code == 1, result.output
    values = list(openpyxl.load_workbook(tmp_path / "r.xlsx", read_only=True)["逾期清单"].iter_rows(values_only=True))
    statuses = [r[values[0].index("状态")] for r in values[1:]]
    assert statuses.count("逾期未公开（统计截止日后才公开）") == 600 and statuses.count("逾期未公开") == 600


def test_long_notes_on_the_problem_sheet_wrap_in_rows_tall_enough(tmp_path):
    """sample_data holds a repeated 文书号 whose note names the first copy's file, sheet and row."""
    import shutil
    from pathlib import Path
    shutil.copytree(Path(__file__).resolve().parent.parent / "sample_data", tmp_path / "sample_data")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "sample_data"), "--as-of", "2016-12-31",
                                       "--out", str(tmp_path / "r.xlsx")], prog_name="compliance")
    assert result.exit_code == 1, result.output
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["数据问题"]
    header = [c.value for c in sheet[1]]
    column = header.index("问题说明")
    width = sheet.column_dimensions[openpyxl.utils.get_column_letter(column + 1)].width
    long = [row[column] for row in sheet.iter_rows(min_row=2)
            if isinstance(row[column].value, str) and display_width(row[column].value) > width * 1.2]
    assert long and any("首次出现在" in c.value for c in long)
    for cell in long:
        assert cell.alignment.wrap_text or sheet.column_dimensions[cell.column_letter].alignment.wrap_text
        assert (sheet.row_dimensions[cell.row].height or 0) >= 30, cell.value


def _district(folder, units: int):
    """``units`` offices, each with a penalty ledger of three decisions (one of them overdue)."""
    folder.mkdir()
    for u in range(units):
        unit = f"区第{u + 1:02d}局"
        rows = [[i, f"西{u + 1:02d}罚〔2016〕{i}号", f"公司{i}", D(2016, 9, i), D(2016, 9, 20) if i < 3 else None, unit]
                for i in (1, 2, 3)]
        write_xlsx(folder / f"{unit}_2016年行政处罚.xlsx", {"处罚": [PENALTY_HEADER] + rows})
    return folder


def _summary_page(tmp_path, units: int, backend: str):
    from compliance.api import check
    from compliance.report.workbook import write_report

    run = check([_district(tmp_path / f"d{units}", units)], as_of=D(2016, 12, 31), run_date=D(2016, 12, 31))
    out = tmp_path / f"r{units}.xlsx"
    write_report(run, out) if backend == "default" else write_report(run, out, backend=backend)
    return openpyxl.load_workbook(out)["汇总"]


@pytest.mark.parametrize("backend", ["default", "xlsxwriter"])
def test_summary_of_many_units_flows_over_pages_one_wide_and_of_few_fits_one(tmp_path, backend):
    """40 units squeezed onto one page printed at a quarter of their size: the table flows over pages
    one page wide with its header on each, the chart shows on screen only (a break would cut it).
    A few units keep table and chart on one page. The rate definitions wrap within the print width."""
    many = _summary_page(tmp_path, 40, backend)
    assert many.sheet_properties.pageSetUpPr.fitToPage
    assert (many.page_setup.fitToWidth or 1) == 1 and many.page_setup.fitToHeight == 0
    assert many.print_title_rows.replace("$", "") == "3:3"
    total_row = next(r for r in range(1, many.max_row + 1) if many.cell(r, 2).value == "合计")
    assert many.print_area.replace("$", "").endswith(f":{openpyxl.utils.get_column_letter(many.max_column - 3)}"
                                                     f"{total_row}")
    assert len(many._charts) == 1  # still there, on screen
    few = _summary_page(tmp_path, 3, backend)
    assert (few.page_setup.fitToHeight or 1) == 1 and not few.print_title_rows
    assert int(few.print_area.replace("$", "").rsplit(":", 1)[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) > \
        next(r for r in range(1, few.max_row + 1) if few.cell(r, 2).value == "合计") + 10  # the chart's rows
    for sheet in (many, few):
        merged = {str(m) for m in sheet.merged_cells.ranges}
        last = openpyxl.utils.get_column_letter(sheet.max_column - 3)
        assert {f"A1:{last}1", f"A2:{last}2"} <= merged  # the printed columns, not the chart's helpers
        assert sheet["A2"].alignment.wrap_text and sheet.row_dimensions[2].height >= 30  # two lines or more


@pytest.mark.parametrize("backend", ["default", "xlsxwriter"])
def test_a_summary_too_wide_for_one_page_prints_two_across_with_the_units_on_both(tmp_path, backend):
    """The sample's 汇总 (long unit names, 备注) on one page printed at about 60%: now two pages across,
    排名, 单位 and 类别 repeated on the second, the chart right of them. The title and the rules span only
    those three columns: merged over the whole width, each page printed a slice of every line (page two's
    title read "…（统计截止 2016-12-31，区"), so the title is short and its scope opens the rules."""
    from pathlib import Path

    from compliance.api import check
    from compliance.report.workbook import write_report

    run = check([Path(__file__).resolve().parent.parent / "sample_data"], as_of=D(2016, 12, 31), run_date=D(2016, 12, 31))
    out = tmp_path / "r.xlsx"
    write_report(run, out) if backend == "default" else write_report(run, out, backend=backend)
    sheet = openpyxl.load_workbook(out)["汇总"]
    assert sheet.page_setup.fitToWidth == 2 and (sheet.page_setup.fitToHeight or 1) == 1
    assert sheet.print_title_cols == "$A:$C"
    [chart] = sheet._charts
    assert chart.anchor._from.col == 3
    merged = {str(m) for m in sheet.merged_cells.ranges}
    assert {"A1:C1", "A2:C2"} <= merged and not any(m.startswith(("A1:", "A2:")) for m in merged - {"A1:C1", "A2:C2"})
    assert sheet["A1"].value == "行政许可、行政处罚公开时限检查汇总"
    rules = sheet["A2"].value
    # one sentence a line: wrapped as one run in three narrow columns it broke inside a date (probe p87 L1)
    assert rules.startswith("统计截止 2016-12-31。\n规则：区通知：20 个工作日") and "\n制表日期：2016-12-31" in rules
    width = sum(sheet.column_dimensions[c].width for c in "ABC")
    shown = sum(2 if ord(ch) > 0x2E7F else 1 for ch in rules)
    assert sheet["A2"].alignment.wrap_text and sheet.row_dimensions[2].height >= 15 * (shown / width + 1)


@pytest.mark.parametrize("backend", ["default", "xlsxwriter"])
def test_an_empty_late_list_and_problem_sheet_say_so_above_their_header(tmp_path, backend):
    """Printed, a bare header over a blank row reads as a failed export: an all-clear run's 逾期清单 and
    数据问题 say in a line above the header that they have nothing to list; a list with rows keeps its
    header on the first row."""
    from compliance.api import check
    from compliance.report.workbook import write_report

    clean = [[1, "西清罚〔2016〕1号", "甲", D(2016, 9, 1), D(2016, 9, 5), "区清洁局"]]
    late = [[1, "西迟罚〔2016〕1号", "乙", D(2016, 9, 1), D(2016, 11, 20), "区迟到局"]]
    books = {}
    for name, rows in (("clean", clean), ("late", late)):
        (tmp_path / name).mkdir()
        write_xlsx(tmp_path / name / f"区{name}局.xlsx", {"处罚": [PENALTY_HEADER] + rows})
        run = check([tmp_path / name], as_of=D(2016, 12, 31), run_date=D(2016, 12, 31))
        out = tmp_path / f"{name}.xlsx"
        write_report(run, out) if backend == "default" else write_report(run, out, backend=backend)
        books[name] = openpyxl.load_workbook(out)
    sheets = books["clean"]
    assert [sheets["逾期清单"].cell(r, 1).value for r in (1, 2, 3)] == \
        ["逾期清单", "本次检查范围内没有逾期公开或逾期未公开的决定。", "单位"]
    assert [sheets["数据问题"].cell(r, 1).value for r in (1, 3)] == ["数据问题", "类型"]
    assert sheets["数据问题"]["A2"].value.startswith("没有发现需要核实的数据问题")
    assert sheets["逾期清单"].print_title_rows.replace("$", "") == "3:3"
    late_sheet = books["late"]["逾期清单"]
    assert late_sheet["A1"].value == "单位" and late_sheet["B2"].value == "西迟罚〔2016〕1号"


def _shows_whole(sheet, text) -> bool:
    """The cell holding ``text`` prints it whole with a CJK character 2.1 units wide (as LibreOffice and
    Excel's DengXian print it): on one line in its width, or wrapped in a row tall enough for its lines."""
    import re
    printed = len(text) + 1.1 * len(re.findall(r"[^\x00-\u2e7f]", text))
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == text)
    width = sheet.column_dimensions[cell.column_letter].width
    lines = -(-printed // (width - 2))
    if lines <= 1:
        return True
    return bool(cell.alignment.wrap_text) and (sheet.row_dimensions[cell.row].height or 15) >= 15 * lines


def test_numbers_files_sheets_and_notes_print_whole_on_every_list(tmp_path):
    # probe 58 H2, M1, M2, M4: a bold overdue row of 全部记录 cut 西塞山市监食许〔2026〕第00004号 to "…第00",
    # 数据问题 cut the file name after "台账（1", and 汇总's 备注 ran off the page.
    number = "西塞山市监食许〔2026〕第00004号"
    name = "黄石市西塞山区市场监督管理局_2026年行政处罚台账（1-11月）.xlsx"
    sheet_name = "2026年1-11月行政处罚决定公开情况"
    rows = [[1, number, "甲公司", D(2026, 4, 10), None, "区市场监管局"],  # a short party: a one-line row
            [2, "西塞山市监食许〔2026〕第00005号", "乙", D(2026, 4, 10), D(2026, 4, 1), "区市场监管局"]]
    write_xlsx(tmp_path / name, {sheet_name: [PENALTY_HEADER] + rows})
    result = CliRunner().invoke(main, ["check", str(tmp_path / name), "--as-of", "2026-11-30", "--no-history",
                                       "--out", str(tmp_path / "r.xlsx")], prog_name="compliance")
    assert result.exit_code == 1, result.output
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    for title, texts in (("全部记录", [number]), ("逾期清单", [number, name, sheet_name]),
                         ("数据问题", [name, sheet_name, "西塞山市监食许〔2026〕第00005号"])):
        for text in texts:
            assert _shows_whole(book[title], text), (title, text)
    summary = book["汇总"]
    note = next(c.value for row in summary.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("有 1 条数据有误"))
    assert _shows_whole(summary, note)


def test_list_columns_are_as_wide_as_their_longest_text_in_any_row_not_only_the_first_thousand(tmp_path):
    """Widths came from the first 1,000 rows: a longer name further down wrapped, and so did every row of the
    benchmark's 20,000 past the 1,000th (某某公司1000 is a fraction of a character wider than 某某公司999)."""
    rows = [[i, f"西罚〔2016〕{i}号", f"某某公司{i}" if i <= 1000 else f"某某建设工程有限公司{i}", D(2016, 9, 1),
             D(2016, 12, 20), "区安监局"] for i in range(1, 1301)]
    write_xlsx(tmp_path / "区安监局.xlsx", {"处罚": [PENALTY_HEADER] + rows})
    result = CliRunner().invoke(main, ["check", str(tmp_path / "区安监局.xlsx"), "--as-of", "2016-12-31",
                                       "--out", str(tmp_path / "r.xlsx")], prog_name="compliance")
    assert result.exit_code == 1, result.output
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    for name in ("全部记录", "逾期清单"):
        sheet = book[name]
        header = [c.value for c in sheet[1]]
        assert sheet.max_row == 1301
        widths = {h: sheet.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width
                  for i, h in enumerate(header)}
        for column, text in (("行政相对人", "某某建设工程有限公司1300"), ("文书号", "西罚〔2016〕1300号")):
            assert printed_whole(sheet, header, column, text, widths[column]), (name, column, widths[column])
        tall = [r for r in range(2, sheet.max_row + 1) if (sheet.row_dimensions[r].height or 15) > 15]
        assert tall == [], (name, len(tall))  # nothing here is longer than its column may be
