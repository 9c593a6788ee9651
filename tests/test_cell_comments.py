"""A comment (批注) on a blank publication cell is the clerk's word on that cell (已公开 2023-10-12, 已于2023年10月
13日在区政府网站公开): it was ignored, and the row was 逾期未公开, a false accusation. The blank cell is read by
its comment, and the sheet says so on the terminal and in the JSON. Real .xlsx files through the real CLI."""

from __future__ import annotations

import datetime as dt

import openpyxl
from openpyxl.comments import Comment

from helpers import cli_check

D = dt.date
HEADER = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期"]


def test_a_comment_on_a_blank_publication_cell_is_read_and_said(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "行政处罚"
    sheet.append(HEADER)
    for k in range(1, 6):
        sheet.append([k, f"西安监罚〔2023〕{k}号", f"黄石{k}公司", D(2023, 10, 9), None])
    sheet["E2"].comment = Comment("已公开 2023-10-12", "张三")
    sheet["E3"].comment = Comment("张三:\n已于2023年10月13日在区政府网站公开", "张三")  # as Excel writes it
    sheet["E4"].comment = Comment("已公开", "张三")  # no day: a mark without a date, never 逾期未公开
    sheet["C5"].comment = Comment("已公开 2023-10-12", "张三")  # not the publication cell: not read
    sheet["E6"] = D(2023, 12, 20)
    sheet["E6"].comment = Comment("已公开 2023-10-12", "张三")  # the cell says otherwise: the cell stands
    path = tmp_path / "区安监局_行政处罚.xlsx"
    book.save(path)
    code, data, output = cli_check(tmp_path, path, as_of="2023-12-29")
    assert code == 1, output
    got = {r["row"]: (r["status"], r["published_date"]) for r in data["records"]}
    assert got[2] == ("on_time", "2023-10-12") and got[3] == ("on_time", "2023-10-13")
    assert got[4][0] == "invalid" and got[4][1] is None
    assert got[5] == ("overdue", None) and got[6] == ("late", "2023-12-20")
    assert "第 2、3、4 行的公开日期空着，按这一格的批注读取，请把公开日期填进单元格" in data["inputs"][0]["sheets"][0]["notes"]
    assert "published-from-comment" in output
