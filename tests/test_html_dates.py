"""A ledger Excel or LibreOffice saved as a web page (.xls): a date cell keeps its value beside what it shows
(x:num="46085" from Excel, sdval="46085" from LibreOffice). Shown without its year (9月3日) or US-style
(9/3/2026), it was 数据有误 on every row (the unit ranked 0 %); read by its value it gives what the .xlsx
gives. Numbers that are no dates (an amount) stay as shown. Real files through the real CLI.

2026-09-03 is serial 46268; + 20 working days = 2026-10-08 (国庆 Oct 1–7 off, Sep 20 and Oct 10 worked)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from compliance.cli import main

EXCEL_DAY0 = dt.date(1899, 12, 30)


def serial(day: dt.date) -> int:
    return (day - EXCEL_DAY0).days


ROWS = [("西市监罚〔2026〕1号", "甲", dt.date(2026, 9, 3), dt.date(2026, 10, 8), "on_time"),
        ("西市监罚〔2026〕2号", "乙", dt.date(2026, 9, 3), dt.date(2026, 10, 9), "late"),
        ("西市监罚〔2026〕3号", "丙", dt.date(2026, 9, 3), None, "overdue")]


def page(attribute: str, shown) -> str:
    def cell(day):
        if day is None:
            return "<td></td>"
        return f'<td {attribute}="{serial(day)}">{shown(day)}</td>'
    body = "".join(f"<tr><td>{n}</td><td>{p}</td>{cell(d)}{cell(q)}<td x:num=\"5000\">5000</td></tr>"
                   for n, p, d, q, _ in ROWS)
    return ('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body>'
            "<table><tr><td>行政处罚决定书文号</td><td>当事人</td><td>处罚决定日期</td><td>公示日期</td>"
            f"<td>罚款金额（元）</td></tr>{body}</table></body></html>")


@pytest.mark.parametrize("attribute", ["x:num", "sdval"])
@pytest.mark.parametrize("shown", [lambda d: f"{d.month}月{d.day}日", lambda d: f"{d.month}/{d.day}/{d.year}"],
                         ids=["no-year", "us"])
def test_a_web_page_xls_is_read_by_its_date_values(tmp_path, attribute, shown):
    path = tmp_path / "区市场监管局_2026年行政处罚.xls"
    path.write_text(page(attribute, shown), encoding="utf-8")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2026-11-30", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code == 1, result.output
    records = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert [(r["document_number"], r["decision_date"], r["status"]) for r in records] == [
        (n, d.isoformat(), s) for n, _, d, _, s in ROWS]
    assert all("amount-suspect" not in [i["code"] for i in r["issues"]] for r in records)


def test_a_full_date_shown_a_number_that_is_no_date_and_a_1904_page_are_read_as_they_should(tmp_path):
    """A full date shown (2026/9/3) is read as shown, whatever the value beside it; a 文书号 shown as 2026-15
    stays one; a page of a 1904-date workbook (x:Date1904) counts its values from 1904-01-01 (4 years and a
    day later than 1900's): read by them, it would put every date four years early and hide its lateness."""
    def table(rows, head=""):
        return ('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8">'
                f'{head}</head><body><table><tr><td>行政处罚决定书文号</td><td>当事人</td><td>处罚决定日期</td>'
                f'<td>公示日期</td></tr>{rows}</table></body></html>')
    shown = ('<tr><td>西市监罚〔2026〕1号</td><td>甲</td><td x:num="46269">2026/9/3</td>'
             '<td x:num="46304">2026/10/9</td></tr>'
             '<tr><td x:num="46100">2026-15</td><td>乙</td><td>2026-09-03</td><td>2026-10-08</td></tr>')
    early = serial(dt.date(2026, 9, 3)) - 1462  # what a 1904 workbook stores for 2026-09-03
    in1904 = (f'<tr><td>西市监罚〔2026〕3号</td><td>丙</td><td x:num="{early}">9月3日</td>'
              f'<td x:num="{early + 36}">10月9日</td></tr>')
    head1904 = "<xml><x:ExcelWorkbook><x:Date1904/></x:ExcelWorkbook></xml>"
    expected = {"shown": [("西市监罚〔2026〕1号", "2026-09-03", "late"), ("2026-15", "2026-09-03", "on_time")],
                "1904": [("西市监罚〔2026〕3号", "2026-09-03", "late")]}
    for name, page_text in (("shown", table(shown)), ("1904", table(in1904, head1904))):
        folder = tmp_path / name
        folder.mkdir()
        path = folder / "区市场监管局_2026年行政处罚.xls"
        path.write_text(page_text, encoding="utf-8")
        out = folder / "r.json"
        result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2026-11-30", "--no-history",
                                           "-o", str(folder / "r.xlsx"), "--json", str(out)])
        assert result.exit_code == 1, result.output
        records = json.loads(out.read_text(encoding="utf-8"))["records"]
        assert [(r["document_number"], r["decision_date"], r["status"]) for r in records] == expected[name], name
