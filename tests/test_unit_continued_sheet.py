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


@pytest.mark.parametrize("numbers, unit, code", [
    (("西环罚〔2026〕4号", "西环罚〔2026〕5号"), "区环保局", "unit-continued-by-number"),  # the 代字 of 区环保局's sheet
    (("西交罚〔2026〕4号", "西交罚〔2026〕5号"), "区城管局", "unit-continued-number-differs"),  # no sheet's: said
    (("西城管罚〔2026〕4号", "西环罚〔2026〕5号"), "区城管局", None),  # its own 代字 among them: the sheet's
])
def test_a_continued_sheet_whose_numbers_are_another_units_is_never_silently_the_sheet_befores(tmp_path, numbers, unit,
                                                                                              code):
    """Review rev66 #7: a 续表 of 西环罚 rows after the sheet 区城管局 put 区环保局's two late decisions on 区城管局."""
    sheets = {"区城管局": [HEADER, *[[i, f"西城管罚〔2026〕{i}号", f"甲{i}", dt.date(2026, 9, 1), dt.date(2026, 9, 8)]
                                  for i in (1, 2, 3)]],
              "续表": [[4, numbers[0], "乙4", dt.date(2026, 8, 3), dt.date(2026, 10, 8)],
                     [5, numbers[1], "乙5", dt.date(2026, 8, 3), dt.date(2026, 10, 8)]],
              "区环保局": [HEADER, *[[i, f"西环罚〔2026〕{i}号", f"丙{i}", dt.date(2026, 9, 1), dt.date(2026, 9, 8)]
                                  for i in (1, 2)]]}
    _, data, output = cli_check(tmp_path, write_xlsx(tmp_path / "区政府办_2026年双公示汇总.xlsx", sheets), "2026-12-01")
    went_on = [r for r in data["records"] if r["sheet"] == "续表"]
    assert [(r["unit"], r["status"]) for r in went_on] == [(unit, "late")] * 2, output
    codes = [[i["code"] for i in r["issues"] if i["code"].startswith("unit-")] for r in went_on]
    assert codes == [[code] if code else []] * 2, codes
