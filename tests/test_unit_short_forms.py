"""Bureaus written without 局 (区安监, 安监, 环保, 区人社, 市场监管), as clerks write them in a compiled workbook
(probe p78): in a unit column they were ranked apart from 区安监局, and as sheet names they were no units at
all, so a sheet's decisions went to the office that compiled the workbook. Real files, the real CLI."""

from __future__ import annotations

import datetime as dt

from helpers import cli_check, write_xlsx

D = dt.date
HEADER = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期"]


def _rows(code: str, n: int, late: bool = False) -> list[list]:
    # 2016-10-12 + 20 working days = 2016-11-09
    return [[k, f"西{code}罚〔2016〕{k}号", f"当事人{k}", D(2016, 10, 12), D(2016, 11, 20 if late else 9)]
            for k in range(1, n + 1)]


def _units(payload) -> dict[str, tuple[int, int]]:
    out: dict[str, list[int]] = {}
    for r in payload["records"]:
        counts = out.setdefault(r["unit"], [0, 0])
        counts[r["status"] == "late"] += 1
    return {unit: tuple(c) for unit, c in out.items()}


def test_a_unit_column_spelling_a_bureau_without_its_suffix_is_that_bureau(tmp_path):
    header = ["序号", "单位", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期"]
    rows = [[1, "安监局", "西安监罚〔2016〕1号", "甲", D(2016, 10, 12), D(2016, 11, 9)],
            [2, "区安监", "西安监罚〔2016〕2号", "乙", D(2016, 10, 12), D(2016, 11, 20)],
            [3, "西塞山区安全生产监督管理局", "西安监罚〔2016〕3号", "丙", D(2016, 10, 12), D(2016, 11, 20)],
            [4, "区环保", "西环罚〔2016〕1号", "丁", D(2016, 10, 12), D(2016, 11, 9)],
            [5, "区环保局", "西环罚〔2016〕2号", "戊", D(2016, 10, 12), D(2016, 11, 9)]]
    code, payload, output = cli_check(tmp_path, write_xlsx(tmp_path / "全区行政处罚汇总.xlsx", {"Sheet1": [header, *rows]}))
    assert code == 1, output
    counted = _units(payload)
    assert sorted(counted.values()) == [(1, 2), (2, 0)] and len(counted) == 2, counted  # two offices, not four


def test_a_compiled_workbooks_sheets_named_by_short_forms_are_their_units(tmp_path):
    sheets = {"安监": [HEADER, *_rows("安监", 2, late=True)], "区人社": [HEADER, *_rows("人社", 2)],
              "市场监管": [HEADER, *_rows("市监", 1, late=True)], "环保局": [HEADER, *_rows("环", 1)]}
    code, payload, output = cli_check(tmp_path, write_xlsx(tmp_path / "区法制办_各单位台账_2016.xlsx", sheets))
    assert code == 1, output
    assert _units(payload) == {"安监": (0, 2), "区人社": (2, 0), "市场监管": (0, 1), "环保局": (1, 0)}, _units(payload)
    assert "区法制办" not in {r["unit"] for r in payload["records"]}  # the compiler is never the decider


def test_in_one_offices_own_workbook_a_sheet_named_by_a_topic_is_no_other_unit(tmp_path):
    """区行政审批局's sheets 交通, 卫生 and 教育 name the permits' fields, 区市场监管局's 工商 and 质监 its former
    offices (review rev60b): their decisions went to bureaus that did not decide them. Only a workbook whose
    name says it gathers units (各单位, 各部门, 全区) is read as a compiled one; one office's 汇总 is its own."""
    permit = ["序号", "行政许可决定书文号", "行政相对人名称", "许可决定日期", "公示日期"]
    sheets = {"交通": [permit, *_rows("审批许", 1)], "卫生": [permit, *_rows("审批许", 1, late=True)],
              "教育": [permit, *_rows("审批许", 1)]}
    _, payload, output = cli_check(tmp_path, write_xlsx(tmp_path / "区行政审批局_2016年10月行政许可.xlsx", sheets))
    assert {r["unit"] for r in payload["records"]} == {"区行政审批局"}, output
    own = tmp_path / "own"
    own.mkdir()
    sheets = {"审批": [permit, *_rows("交许", 2)], "城管": [permit, *_rows("交许", 1)]}
    _, payload, output = cli_check(own, write_xlsx(own / "区交通局_2016年行政许可汇总.xlsx", sheets))
    assert {r["unit"] for r in payload["records"]} == {"区交通局"}, output


def test_the_short_and_long_names_of_the_comprehensive_enforcement_bureau_are_one_unit(tmp_path):
    # 区综执局, 区综合执法局 and 西塞山区综合行政执法局 are one office (review rev60b M2: 综执 was kept apart)
    header = ["序号", "单位", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期"]
    rows = [[1, "区综执局", "西综执罚〔2016〕1号", "甲", D(2016, 10, 12), D(2016, 11, 9)],
            [2, "区综合执法局", "西综执罚〔2016〕2号", "乙", D(2016, 10, 12), D(2016, 11, 20)],
            [3, "西塞山区综合行政执法局", "西综执罚〔2016〕3号", "丙", D(2016, 10, 12), D(2016, 11, 9)],
            [4, "区综执", "西综执罚〔2016〕4号", "丁", D(2016, 10, 12), D(2016, 11, 9)],
            [5, "区城市管理综合执法局", "西城管罚〔2016〕1号", "戊", D(2016, 10, 12), D(2016, 11, 9)],
            # 城市管理综合行政执法局 and 城市管理和综合执法局 are 城管局, never 综执 (review rev61 L5)
            [6, "区城市管理综合行政执法局", "西城管罚〔2016〕2号", "己", D(2016, 10, 12), D(2016, 11, 9)],
            [7, "区城市管理和综合执法局", "西城管罚〔2016〕3号", "庚", D(2016, 10, 12), D(2016, 11, 9)]]
    code, payload, output = cli_check(tmp_path, write_xlsx(tmp_path / "全区行政处罚汇总.xlsx", {"Sheet1": [header, *rows]}))
    assert code == 1, output
    counted = _units(payload)
    assert sorted(counted.values()) == [(3, 0), (3, 1)] and len(counted) == 2, counted  # 城管 stays its own


def test_a_supply_cooperative_or_a_weather_station_named_in_the_file_name_is_that_unit(tmp_path):
    # probe p81 M1: 区气象台_2026年行政许可.xlsx was credited to a unit called 区气象台_2026年行政许可 (the name said
    # no unit, the hint asked for one where it stood), and the office ranked as two units
    header = ["序号", "行政许可决定文书号", "行政相对人名称", "许可决定日期", "公示日期"]
    for name, unit in (("区气象台_2026年行政许可.xlsx", "区气象台"), ("区供销合作社2026年行政许可台账.xlsx", "区供销合作社"),
                       ("区广播电视台_行政许可.xlsx", "区广播电视台")):
        folder = tmp_path / unit
        folder.mkdir()
        path = write_xlsx(folder / name, {"Sheet1": [header, [1, "西气许〔2016〕1号", "甲", D(2016, 10, 12), D(2016, 11, 9)]]})
        code, payload, output = cli_check(folder, path)
        assert code == 0, output
        assert {r["unit"] for r in payload["records"]} == {unit}, payload["records"]
        assert "unit-from-file-name" not in output and "文件名中看不出" not in output, output
