"""整改跟踪 and 趋势 print whole (issue 23): after a two-month walk through the real CLI, a company's full
name is not cut in 整改跟踪's 行政相对人 column, and both sheets print one page wide. Read back with openpyxl."""

import datetime as dt

import openpyxl
from click.testing import CliRunner
from openpyxl.utils import get_column_letter

from compliance.cli import main
from helpers import printed_whole, write_xlsx

D = dt.date
HEADER = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期", "处罚机关"]
COMPANY = "西安市某某区宏达建筑工程有限责任公司第三分公司"
UNIT = "区住房和城乡建设局"


def _month(tmp_path, month: str, as_of: str, rows: list[list]):
    folder = tmp_path / month
    folder.mkdir()
    write_xlsx(folder / f"{UNIT}_2016年行政处罚.xlsx", {"行政处罚": [HEADER] + rows})
    out = tmp_path / f"r{month}.xlsx"
    result = CliRunner().invoke(main, ["check", str(folder), "--month", month, "--as-of", as_of,
                                       "--db", str(tmp_path / "h.sqlite"), "--out", str(out)])
    assert result.exit_code == 1, result.output
    return openpyxl.load_workbook(out)


def _widths(sheet, header_row: int) -> dict[str, float]:
    header = [c.value for c in sheet[header_row]]
    return {h: sheet.column_dimensions[get_column_letter(i + 1)].width for i, h in enumerate(header)}


def test_the_followup_and_trend_sheets_print_whole_after_two_months(tmp_path):
    october = [["西建罚〔2016〕1号", COMPANY, D(2016, 10, 10), None, UNIT],
               ["西建罚〔2016〕2号", "某某餐饮管理有限公司", D(2016, 10, 11), D(2016, 10, 14), UNIT]]
    _month(tmp_path, "2016-10", "2016-11-25", october)
    book = _month(tmp_path, "2016-11", "2016-12-26", october + [["西建罚〔2016〕3号", "张三", D(2016, 11, 1), None, UNIT]])
    follow, trend = book["整改跟踪"], book["趋势"]
    rows = list(follow.iter_rows(values_only=True))
    header_row = next(i for i, r in enumerate(rows, start=1) if r[0] == "单位")
    assert any(r[3] == COMPANY for r in rows)  # carried over, still open
    widths = _widths(follow, header_row)
    header = [c.value for c in follow[header_row]]
    assert printed_whole(follow, header, "行政相对人", COMPANY, widths["行政相对人"]), widths
    for sheet in (follow, trend):
        assert sheet.page_setup.orientation == "landscape"
        # fit to one page wide (1 is the default, left out of the file), as many pages long as needed
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth in (None, 1)
        assert sheet.page_setup.fitToHeight == 0
