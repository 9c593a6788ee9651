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
