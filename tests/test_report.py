"""The Excel report, written from a real check run and read back with openpyxl."""

import datetime as dt
import hashlib
import importlib.util
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

import compliance.report.record_columns
from compliance.report.workbook import write_report
from compliance.api import check
from helpers import PENALTY_HEADER, write_xlsx

AS_OF = dt.date(2016, 12, 31)
RUN_DATE = dt.date(2017, 1, 5)
SHEETS = ["汇总", "逾期清单", "数据问题", "全部记录", "说明"]
RECORD_HEADERS = ["来源文件", "工作表", "行号", "类别", "单位", "文书号", "行政相对人", "决定日期", "公开日期",
                  "应公开截止日期", "状态", "逾期工作日数", "问题说明"]
COL = {name: i for i, name in enumerate(RECORD_HEADERS)}  # 0-based, as in a values tuple
# 逾期清单 leads with what a reader acts on; provenance comes last (issue 11).
LATE_HEADERS = ["单位", "文书号", "行政相对人", "决定日期", "公开日期", "应公开截止日期", "逾期工作日数", "状态",
                "类别", "来源文件", "工作表", "行号"]
HEADERS = {"全部记录": RECORD_HEADERS, "逾期清单": LATE_HEADERS}


def col(sheet) -> dict:
    """Header -> 0-based column of a sheet, read from its first row."""
    return {v: i for i, v in enumerate(next(sheet.iter_rows(max_row=1, values_only=True)))}
LABELS = {"on_time": "按时公开", "late": "逾期公开", "overdue": "逾期未公开", "pending": "未到期",
          "invalid": "数据有误", "undetermined": "无法判定"}
FORMULA_PARTY = '=HYPERLINK("http://x","y")'

D = dt.date
# (document number, party, decision, published, unit): one row of the input
ANJIAN = [
    ("西安监罚〔2016〕1号", "甲公司", D(2016, 9, 1), D(2016, 9, 10), "区安监局"),      # on time
    ("西安监罚〔2016〕2号", "乙公司", D(2016, 9, 1), D(2016, 10, 20), "区安监局"),     # late, a little
    ("西安监罚〔2016〕3号", "丙公司", D(2016, 3, 1), D(2016, 9, 1), "区安监局"),       # late, a lot
    ("+86〔2016〕4号", FORMULA_PARTY, D(2016, 9, 1), None, "区安监局"),               # overdue
    ("-5", "丁公司", D(2016, 12, 28), None, "区安监局"),                              # pending
    ("@6", "戊公司", "2016-02-30", D(2016, 3, 9), "区安监局"),                        # invalid
]
HUANBAO = [
    ("西环罚〔2016〕1号", "己公司", D(2016, 6, 1), D(2016, 8, 1), "区环保局"),        # late
    ("西环罚〔2016〕2号", "庚公司", D(2016, 11, 1), None, "区环保局"),                # overdue
    ("西环罚〔2016〕3号", "辛公司", D(2016, 11, 1), D(2016, 11, 3), "区环保局"),      # on time
]


def penalty_file(path, records):
    """The records under a header, then a blank row and a footer (two skipped rows)."""
    rows = [[i, *record] for i, record in enumerate(records, start=1)] + [[], ["制表人：张三"]]
    return write_xlsx(path, {"处罚": [PENALTY_HEADER] + rows}, text_cells=True)


# The default writer (rustpy-xlsxwriter when installed) and the xlsxwriter fallback must agree.
BACKENDS = ["default", "xlsxwriter"]


def run_and_write(paths, out, backend="default"):
    run = check(paths, as_of=AS_OF, run_date=RUN_DATE)
    if backend == "default":
        write_report(run, out)
    else:
        write_report(run, out, backend=backend)
    return run, openpyxl.load_workbook(out)


@pytest.fixture(scope="module", params=BACKENDS)
def report(request, tmp_path_factory):
    """(run, workbook, input paths): two units, every judged status, and one unreadable file."""
    folder = tmp_path_factory.mktemp("report")
    inputs = [penalty_file(folder / "区安监局_处罚.xlsx", ANJIAN),
              penalty_file(folder / "区环保局_处罚.xlsx", HUANBAO),
              folder / "损坏.xlsx"]
    inputs[2].write_text("这不是工作簿", encoding="utf-8")
    run, book = run_and_write(inputs, folder / "报告.xlsx", request.param)
    return run, book, inputs


@pytest.fixture(scope="module")
def run(report):
    return report[0]


@pytest.fixture(scope="module")
def book(report):
    return report[1]


def values(sheet, first_row=1):
    return [row for row in sheet.iter_rows(min_row=first_row, values_only=True)]


def body(sheet):
    """The record rows of a record sheet, as values tuples (header excluded)."""
    return values(sheet, first_row=2)


def as_dicts(sheet):
    """The rows below the header, keyed by header."""
    headers = values(sheet)[0]
    return [dict(zip(headers, row)) for row in body(sheet)]


def filled(cell):
    return cell.fill is not None and cell.fill.fill_type == "solid"


def find_row(sheet, first_value):
    return next(row for row in sheet.iter_rows() if row[0].value == first_value)


# -- layout --------------------------------------------------------------------

def test_sheet_order(book):
    assert book.sheetnames == SHEETS


@pytest.mark.parametrize("name", ["逾期清单", "全部记录"])
def test_record_sheet_headers(book, name):
    expected = HEADERS[name]
    assert list(values(book[name])[0][:len(expected)]) == expected


def test_run_statuses_cover_every_judged_status(run):
    assert run.summary["skipped_rows"] == 4
    assert {s: run.summary[s] for s in LABELS} == {"on_time": 2, "late": 3, "overdue": 2, "pending": 1,
                                                   "invalid": 1, "undetermined": 0}


def test_all_records_one_row_each(book, run):
    rows = body(book["全部记录"])
    assert book["全部记录"].max_row == run.summary["records"] + 1 == 10
    assert [(Path(r[0]).name, r[2]) for r in rows] == \
        [("区安监局_处罚.xlsx", n) for n in range(2, 8)] + [("区环保局_处罚.xlsx", n) for n in range(2, 5)]
    assert [r[COL["状态"]] for r in rows] == [LABELS[s] for s in run.records["status"].astype(str)]


def test_late_list_sorted_by_unit_then_days_late(book, run):
    sheet = book["逾期清单"]
    rows = body(sheet)
    c = col(sheet)
    assert sheet.max_row == run.summary["late"] + run.summary["overdue"] + 1 == 6
    assert {r[c["状态"]] for r in rows} == {"逾期公开", "逾期未公开"}
    keys = [(r[c["单位"]], r[c["逾期工作日数"]]) for r in rows]
    # the units in 汇总's order (its ranking), as 法制办 reads the two side by side
    ranked = list(dict.fromkeys(r[1] for r in book["汇总"].iter_rows(values_only=True) if r[1] in {k[0] for k in keys}))
    assert keys == sorted(keys, key=lambda k: (ranked.index(k[0]), -k[1]))
    assert sorted(k[0] for k in keys) == ["区安监局"] * 3 + ["区环保局"] * 2
    assert len({k[1] for k in keys[:3]}) == 3  # distinct, so the order inside the unit is tested


@pytest.mark.parametrize("name", ["逾期清单", "数据问题", "全部记录"])
def test_record_sheets_freeze_and_filter_the_header(book, name):
    sheet = book[name]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(sheet.max_column)}{sheet.max_row}"


@pytest.mark.parametrize("name", SHEETS)
def test_printed_on_a4(book, name):
    assert int(book[name].page_setup.paperSize) == 9


@pytest.mark.parametrize("name", ["汇总", "逾期清单", "全部记录"])
def test_wide_sheets_print_landscape(book, name):
    assert book[name].page_setup.orientation == "landscape"


def test_summary_fits_to_one_page_wide(book):
    sheet = book["汇总"]
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth or 1) == 1  # 1 is the default, so it may be omitted
    assert (sheet.page_setup.fitToHeight or 1) == 1  # 汇总 and its chart print on one page


@pytest.mark.parametrize("name", ["逾期清单", "全部记录"])
def test_print_titles_repeat_the_header(book, name):
    assert book[name].print_title_rows.replace("$", "") == "1:1"


# -- cells ---------------------------------------------------------------------

def row_fills(sheet):
    """(status label, {filled?} over the row's non-empty cells) for each record row."""
    status = col(sheet)["状态"]
    return [(row[status].value, {filled(c) for c in row if c.value is not None})
            for row in sheet.iter_rows(min_row=2, max_col=13)]


def test_late_and_overdue_rows_are_filled(book):
    fills = row_fills(book["全部记录"])
    assert [f for status, f in fills if status in ("逾期公开", "逾期未公开")] == [{True}] * 5
    assert [f for status, f in fills if status == "按时公开"] == [{False}] * 2
    assert {frozenset(f) for _, f in row_fills(book["逾期清单"])} == {frozenset({True})}


HAS_RUST_WRITER = importlib.util.find_spec("rustpy_xlsxwriter") is not None


@pytest.mark.parametrize("backend", [
    pytest.param("rust", marks=[
        pytest.mark.skipif(not HAS_RUST_WRITER, reason="rustpy-xlsxwriter is not installed")]),
    "xlsxwriter",
])
def test_highlighted_rows_are_filled_across_empty_cells(tmp_path, backend):
    path = penalty_file(tmp_path / "区安监局_处罚.xlsx", ANJIAN)
    _, book = run_and_write([path], tmp_path / "报告.xlsx", backend)
    sheet = book["逾期清单"]

    def shows_fill(cell):
        # An empty cell with no style of its own shows its row's format (Excel, WPS, LibreOffice).
        row_style = sheet.row_dimensions[cell.row]
        return filled(cell) or (cell.value in (None, "") and cell.style_id == 0 and row_style.customFormat
                                and row_style.fill is not None and row_style.fill.fill_type == "solid")

    gaps = [c.coordinate for row in sheet.iter_rows(min_row=2, max_col=len(LATE_HEADERS)) for c in row
            if not shows_fill(c)]
    assert gaps == []


@pytest.mark.parametrize("header, field", [("决定日期", "decision_date"), ("公开日期", "published_date"),
                                           ("应公开截止日期", "deadline")])
def test_dates_are_real_dates(book, run, header, field):
    cells = [row[COL[header]] for row in book["全部记录"].iter_rows(min_row=2)]
    expected = [None if v is None or v != v else v.date() for v in run.records[field].tolist()]
    assert [c.value.date() if c.value is not None else None for c in cells] == expected
    dated = [c for c in cells if c.value is not None]
    assert dated and all(isinstance(c.value, dt.datetime) for c in dated)
    assert {c.number_format for c in dated} == {"yyyy-mm-dd"}


# Input text that Excel would take for a formula or a number, and the sheets that show its record.
TEXT_CELLS = [
    ("全部记录", "行政相对人", FORMULA_PARTY), ("逾期清单", "行政相对人", FORMULA_PARTY),
    ("全部记录", "文书号", "+86〔2016〕4号"), ("逾期清单", "文书号", "+86〔2016〕4号"),
    ("全部记录", "文书号", "-5"),
    ("全部记录", "文书号", "@6"), ("数据问题", "文书号", "@6"),
]


@pytest.mark.parametrize("name, header, text", TEXT_CELLS)
def test_input_text_stays_text(book, name, header, text):
    sheet = book[name]
    column = [c.value for c in sheet[1]].index(header)
    [cell] = [row[column] for row in sheet.iter_rows(min_row=2) if row[column].value == text]
    assert cell.data_type == "s"


# -- 汇总 ------------------------------------------------------------------------

def test_summary_title_names_the_as_of_date(book):
    title = book["汇总"]["A1"].value
    assert "统计截止 2016-12-31" in title and "20 个工作日" in title


def summary_table(sheet):
    header_cells = find_row(sheet, "排名")
    headers = [c.value for c in header_cells]
    unit, category = headers.index("单位"), headers.index("类别")
    rows = {}
    for row in sheet.iter_rows(min_row=header_cells[0].row + 1):
        if row[unit].value is None:
            break
        rows[(row[unit].value, row[category].value or "")] = {h: c for h, c in zip(headers, row) if h}
    return rows


def test_summary_counts_and_rates(book, run):
    rows = summary_table(book["汇总"])
    # the unreadable 损坏.xlsx gets its own line (issue 11), outside the totals, under its file name (no unit in it)
    # best 排名及时率 first: 区环保局 1 of 3, 区安监局 1 of 4 judged plus its data errors
    assert list(rows) == [("区环保局", "行政处罚"), ("区安监局", "行政处罚"), ("损坏.xlsx", "文件无法读取"), ("合计", "")]
    assert [rows[k]["排名"].value for k in list(rows)] == [1, 2, None, None]
    total = {h: c.value for h, c in rows[("合计", "")].items()}
    assert total["决定总数"] == run.summary["records"]
    assert {s: total[label] for s, label in LABELS.items()} == {s: run.summary[s] for s in LABELS}
    anjian = rows[("区安监局", "行政处罚")]
    assert anjian["决定总数"].value == 6
    for key, (on_time, late, overdue) in {("区安监局", "行政处罚"): (1, 2, 1), ("区环保局", "行政处罚"): (1, 1, 1),
                                          ("合计", ""): (2, 3, 2)}.items():
        judged = on_time + late + overdue
        for header, rate in (("及时公开率", on_time / judged), ("迟报率", (late + overdue) / judged)):
            cell = rows[key][header]
            assert isinstance(cell.value, float) and cell.value == pytest.approx(rate)
            assert "%" in cell.number_format


def test_summary_has_a_bar_chart(book):
    charts = book["汇总"]._charts
    assert len(charts) == 1
    assert charts[0].tagname == "barChart"


# -- 说明 and 数据问题 --------------------------------------------------------------

def about_items(sheet):
    """The 说明 sheet as (key, text) items; a row with no key continues the item above it."""
    items = []
    for key, *rest in values(sheet, first_row=2):
        text = "  ".join(str(v) for v in rest if v is not None)
        if not key and items:
            items[-1] = (items[-1][0], items[-1][1] + "\n" + text)
        else:
            items.append((key, text))
    return items


def test_about_sheet(report):
    run, book, inputs = report
    items = about_items(book["说明"])
    text = "\n".join(f"{key}  {value}" for key, value in items)
    info = run.calendar.describe()
    expected = ["2016-12-31", run.rules.name, "chinese-calendar", info["version"],
                f"{run.summary['records']} 条", f"跳过非记录行（空行、说明、表尾等）{run.summary['skipped_rows']} 行",
                *LABELS.values()]
    assert [item for item in expected if item not in text] == []
    for path in inputs:  # each input with its own checksum
        sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
        assert any(path.name in value and sha256 in value for _, value in items), path


def test_problems_sheet_lists_invalid_records_and_unreadable_files(report):
    run, book, inputs = report
    rows = as_dicts(book["数据问题"])
    invalid = [r for r in rows if r["状态"] == "数据有误"]
    assert [(Path(r["来源文件"]).name, r["行号"], r["文书号"], r["决定日期原文"]) for r in invalid] == \
        [("区安监局_处罚.xlsx", 7, "@6", "2016-02-30")]
    assert "2016-02-30" in invalid[0]["问题说明"]
    [broken] = [e for e in run.inputs if e.error is not None]
    unreadable = [r for r in rows if r["状态"] == "文件无法读取"]
    assert [(Path(r["来源文件"]).name, r["问题说明"]) for r in unreadable] == [("损坏.xlsx", broken.error.problem.message)]
    assert str(broken.path) not in unreadable[0]["问题说明"]  # the file is its own column, not said twice


# -- past Excel's row limit ----------------------------------------------------------

@pytest.mark.parametrize("backend", BACKENDS)
def test_record_sheets_split_past_the_row_limit(tmp_path, monkeypatch, backend):
    monkeypatch.setattr(compliance.report.record_columns, "EXCEL_MAX_ROWS", 6)  # 1 header + 5 records per sheet
    on_time = [(f"准{i}", "甲", D(2016, 9, 1), D(2016, 9, 10), "区安监局") for i in range(1, 6)]
    late = [(f"迟{i}", "乙", D(2016, 3, 1), D(2016, 9, i), "区安监局") for i in range(1, 8)]
    path = penalty_file(tmp_path / "区安监局_处罚.xlsx", on_time + late)
    run, book = run_and_write([path], tmp_path / "报告.xlsx", backend)
    assert book.sheetnames == ["汇总", "逾期清单", "逾期清单(2)", "数据问题",
                               "全部记录", "全部记录(2)", "全部记录(3)", "说明"]
    parts = {name: book[name] for name in book.sheetnames if name.startswith(("全部记录", "逾期清单"))}
    for name, sheet in parts.items():
        expected = HEADERS[name.split("(")[0]]
        assert list(values(sheet)[0][:len(expected)]) == expected
        assert sheet.freeze_panes == "A2"
    numbers = {name: [r[col(sheet)["行号"]] for r in body(sheet)] for name, sheet in parts.items()}
    assert numbers["全部记录"] == [2, 3, 4, 5, 6]
    assert numbers["全部记录(2)"] == [7, 8, 9, 10, 11]
    assert numbers["全部记录(3)"] == [12, 13]
    assert [len(numbers[n]) for n in ("逾期清单", "逾期清单(2)")] == [5, 2]
    assert sorted(numbers["逾期清单"] + numbers["逾期清单(2)"]) == list(range(7, 14))
    assert run.summary["records"] == 12 and run.summary["late"] == 7


# -- issue 21 items 6 and 10: 汇总 prints each figure in a box under its header; no filter over 合计 --------

def test_summary_is_boxed_and_unfiltered(book):
    sheet = book["汇总"]
    assert sheet.auto_filter.ref is None  # a filter would sort 合计 and the chart's helpers in with the units
    header = find_row(sheet, "排名")
    assert all(c.border.left.style == "thin" for c in header if c.value)
    first_data = header[0].row + 1
    cells = list(sheet.iter_rows(min_row=first_data, max_row=first_data))[0]
    names = [c.value for c in header]
    boxed_by_cell = all(c.border.left.style == "thin" for c in cells[:names.index("备注") + 1])
    # the fast writer boxes by conditional formats over the data rows (a column format would box empty rows too)
    ranges = " ".join(str(r.sqref) for r in sheet.conditional_formatting)
    assert boxed_by_cell or f"A{first_data}:" in ranges
    assert names[names.index("备注") + 1] == " "  # an empty column between the table and the chart's helpers
