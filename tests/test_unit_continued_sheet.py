"""A 续表 sheet (no header of its own) after a sheet named for its unit, in a workbook of per-unit sheets, is that
unit's: never the compiling office's nor a unit made of the file's name (probe p94 F1). Real workbooks, real CLI."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import cli_check, write_xlsx

HEADER = ["序号", "处罚决定书文号", "当事人", "决定日期", "公开日期"]


@pytest.mark.parametrize("name, second", [("区政府办_各单位11月汇总.xlsx", "续表"), ("全区各单位11月报送汇总.xlsx", "Sheet2")])
def test_a_continued_sheet_keeps_the_unit_of_the_sheet_it_continues(tmp_path, name, second):
    sheets = {"区市场监管局": [HEADER, [1, "西市监罚〔2026〕131号", "黄石市华联超市有限公司", dt.date(2026, 11, 3),
                                        dt.date(2026, 11, 5)]],
              second: [[2, "西市监罚〔2026〕133号", "黄石市金福珠宝店", dt.date(2026, 10, 12), dt.date(2026, 11, 20)]],
              "区城管局": [HEADER, [1, "西城管罚〔2026〕41号", "张三", dt.date(2026, 11, 2), dt.date(2026, 11, 6)]]}
    code, data, output = cli_check(tmp_path, write_xlsx(tmp_path / name, sheets), "2026-11-30")
    assert [(r["sheet"], r["unit"], r["status"]) for r in data["records"]] == [
        ("区市场监管局", "区市场监管局", "on_time"), (second, "区市场监管局", "late"), ("区城管局", "区城管局", "on_time")], output
