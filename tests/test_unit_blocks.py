"""A roll-up of several units' decisions with no unit column: each unit's rows under a row naming it
(一、区安监局, 区城管局（2件）) or under their own 填报单位 line over a table pasted below another. The
units named there are the units; the compiling office (the file's name) is blamed for none of them.
Real .xlsx files through the CLI, every record's unit checked."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from compliance.cli import main
from helpers import write_csv, write_xlsx

D = dt.date
HEADER = ["序号", "文书号", "当事人", "决定日期", "公开日期"]
LATE = (D(2024, 5, 6), D(2024, 6, 3))  # deadline 2024-05-31 (20 working days): one day late
ON_TIME = (D(2024, 5, 6), D(2024, 5, 20))


def units(tmp_path, rows) -> dict[str, tuple[str, str]]:
    path = write_xlsx(tmp_path / "区政府办_2024年6月各单位行政处罚汇总.xlsx", {"6月": rows})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2024-06-30", "--json", str(out),
                                       "-o", str(tmp_path / "r.xlsx"), "--no-history"])
    assert result.exit_code in (0, 1), result.output
    return {r["document_number"]: (r["unit"], r["status"]) for r in json.loads(out.read_text(encoding="utf-8"))["records"]}


def test_rows_naming_each_unit_set_the_unit_of_the_rows_under_them(tmp_path):
    got = units(tmp_path, [["2024年6月各单位行政处罚决定公开情况汇总表"], HEADER,
                           ["一、区安监局"], [1, "西安监罚〔2024〕30号", "甲公司", *LATE],
                           ["二、区环保局"], [1, "西环罚〔2024〕12号", "乙公司", *ON_TIME],
                           ["区城管局（2件）"], [1, "西城管罚〔2024〕40号", "丙", *LATE], [2, "西城管罚〔2024〕41号", "丁", *LATE]])
    assert got == {"西安监罚〔2024〕30号": ("区安监局", "late"), "西环罚〔2024〕12号": ("区环保局", "on_time"),
                   "西城管罚〔2024〕40号": ("区城管局", "late"), "西城管罚〔2024〕41号": ("区城管局", "late")}


def test_tables_pasted_one_under_another_each_with_its_own_unit_line(tmp_path):
    got = units(tmp_path, [["2024年6月各单位行政处罚决定公开情况汇总表"],
                           ["填报单位：区安监局", None, None, "填报日期：2024-07-01"], HEADER,
                           [1, "西安监罚〔2024〕30号", "甲公司", *LATE], [],
                           ["填报单位：区环保局", None, None, "填报日期：2024-07-01"], HEADER,
                           [1, "西环罚〔2024〕12号", "乙公司", *LATE], [],
                           ["填报单位：区城管局"], [], HEADER,
                           [1, "西城管罚〔2024〕40号", "丙", *ON_TIME]])
    assert got == {"西安监罚〔2024〕30号": ("区安监局", "late"), "西环罚〔2024〕12号": ("区环保局", "late"),
                   "西城管罚〔2024〕40号": ("区城管局", "on_time")}


def test_a_note_or_a_sign_off_naming_a_unit_changes_no_records_unit(tmp_path):
    path = write_xlsx(tmp_path / "区安监局_2024年行政处罚.xlsx", {"Sheet1": [
        HEADER, [1, "西安监罚〔2024〕30号", "甲公司", *LATE], ["注：区城管局移交的案件见附表"],
        [2, "西安监罚〔2024〕31号", "乙公司", *ON_TIME], ["法制科"], [3, "西安监罚〔2024〕32号", "丙", *ON_TIME],
        [], ["填报单位：区安监局（盖章）"]]})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2024-06-30", "--json", str(out),
                                       "-o", str(tmp_path / "r.xlsx"), "--no-history"])
    assert result.exit_code == 1, result.output
    records = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert [(r["document_number"], r["unit"]) for r in records] == [
        ("西安监罚〔2024〕30号", "区安监局"), ("西安监罚〔2024〕31号", "区安监局"), ("西安监罚〔2024〕32号", "区安监局")]


def test_notes_and_sign_offs_naming_a_unit_set_none_and_names_under_rows_name_those_above(tmp_path):
    """What mentions a unit without being a block's name: a note (说明：, 数据来源：, 以下为…) and a sign-off
    between two tables (区应急管理局（盖章）, 填报单位（盖章）：…). A roll-up whose unit names come only under
    each unit's rows (区安监局（1件）) names the rows above each."""
    path = write_xlsx(tmp_path / "区安监局_2024年行政处罚.xlsx", {"Sheet1": [
        HEADER, [1, "西安监罚〔2024〕30号", "甲公司", *LATE], ["说明：本局2024年5月的决定"],
        [2, "西安监罚〔2024〕31号", "乙公司", *ON_TIME], ["数据来源：区政务服务中心"],
        [3, "西安监罚〔2024〕32号", "丙", *ON_TIME], ["以下为区城管局、区环保局联合执法案件"],
        [4, "西安监罚〔2024〕33号", "丁", *ON_TIME], ["区应急管理局（盖章）"], [], HEADER,
        [5, "西安监罚〔2024〕34号", "戊", *ON_TIME], ["填报单位（盖章）：区安监局"], [], HEADER,
        [6, "西安监罚〔2024〕35号", "己", *ON_TIME]]})
    out = tmp_path / "r.json"
    CliRunner().invoke(main, ["check", str(path), "--as-of", "2024-06-30", "--json", str(out), "-o", str(tmp_path / "r.xlsx"),
                              "--no-history"])
    assert {r["unit"] for r in json.loads(out.read_text(encoding="utf-8"))["records"]} == {"区安监局"}
    got = units(tmp_path, [HEADER, [1, "西安监罚〔2024〕30号", "甲公司", *ON_TIME], ["区安监局（1件）"],
                           [1, "西环罚〔2024〕12号", "乙公司", *LATE], ["区环保局（1件）"]])
    # names only under their rows, none over any: each names the rows above it
    assert got == {"西安监罚〔2024〕30号": ("区安监局", "on_time"), "西环罚〔2024〕12号": ("区环保局", "late")}


def test_a_partly_blank_unit_column_is_filled_down_within_each_units_block_only(tmp_path):
    header = ["序号", "单位", "文书号", "当事人", "决定日期", "公开日期"]
    got = units(tmp_path, [header, ["一、区安监局"], [1, "区安监局", "西安监罚〔2024〕30号", "甲公司", *LATE],
                           [2, None, "西安监罚〔2024〕31号", "乙公司", *ON_TIME], ["二、区环保局"],
                           [1, None, "西环罚〔2024〕12号", "丙", *LATE]])
    assert got == {"西安监罚〔2024〕30号": ("区安监局", "late"), "西安监罚〔2024〕31号": ("区安监局", "on_time"),
                   "西环罚〔2024〕12号": ("区环保局", "late")}


def test_titles_with_words_after_the_unit_and_a_compilers_own_rows_first(tmp_path):
    got = units(tmp_path, [HEADER, [1, "西政办罚〔2024〕1号", "甲", *ON_TIME], ["二、区环保局行政处罚（1件，已全部公开）"],
                           [1, "西环罚〔2024〕12号", "乙公司", *LATE], ["三、区安监局 1件"],
                           [1, "西安监罚〔2024〕30号", "丙", *LATE]])
    assert got == {"西政办罚〔2024〕1号": ("区政府办", "on_time"), "西环罚〔2024〕12号": ("区环保局", "late"),
                   "西安监罚〔2024〕30号": ("区安监局", "late")}


def test_tables_each_signed_underneath_are_each_the_signing_units(tmp_path):
    """填报单位（盖章）：X under each pasted table signs the table above it, not the one below; the
    compiler's own sign-off at the very end names no one's decisions."""
    got = units(tmp_path, [["2024年6月各单位行政处罚汇总"], HEADER,
                           [1, "西安监罚〔2024〕30号", "甲公司", *LATE], [2, "西安监罚〔2024〕31号", "乙公司", *ON_TIME],
                           ["填报单位（盖章）：区安监局", None, None, "填报日期：2024-07-05"], [], HEADER,
                           [1, "西环罚〔2024〕12号", "丙公司", *LATE],
                           ["填报单位：区环保局（盖章）"], [], HEADER,
                           [1, "西城管罚〔2024〕40号", "丁", *ON_TIME],
                           ["填报单位（盖章）：区城管局"], [], ["填报单位（盖章）：区政府办"]])
    assert got == {"西安监罚〔2024〕30号": ("区安监局", "late"), "西安监罚〔2024〕31号": ("区安监局", "on_time"),
                   "西环罚〔2024〕12号": ("区环保局", "late"), "西城管罚〔2024〕40号": ("区城管局", "on_time")}


def test_a_roll_up_signed_by_its_units_is_no_file_name_mismatch(tmp_path):
    path = write_xlsx(tmp_path / "区政府办_6月汇总.xlsx", {"6月": [
        HEADER, [1, "西安监罚〔2024〕30号", "甲公司", *LATE], ["填报单位（盖章）：区安监局"], [], HEADER,
        [1, "西环罚〔2024〕12号", "丙公司", *ON_TIME], ["填报单位（盖章）：区环保局"]]})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2024-06-30", "-o", str(tmp_path / "r.xlsx"),
                                       "--no-history"])
    assert result.exit_code == 1 and "区安监局" in result.output, result.output
    assert "unit-line-differs" not in result.output and "文件名写的是" not in result.output, result.output


def test_tables_each_signed_above_are_each_the_signing_units(tmp_path):
    # review: 填报单位（盖章）：X over each table's header, as over the first: each line names the table below
    got = units(tmp_path, [["2024年6月各单位行政处罚汇总"], ["填报单位（盖章）：区安监局"], HEADER,
                           [1, "西安监罚〔2024〕30号", "甲公司", *LATE], [],
                           ["填报单位（盖章）：区环保局"], HEADER, [1, "西环罚〔2024〕12号", "乙公司", *ON_TIME], [],
                           ["填报单位（盖章）：区城管局"], HEADER, [1, "西城管罚〔2024〕40号", "丙", *ON_TIME]])
    assert got == {"西安监罚〔2024〕30号": ("区安监局", "late"), "西环罚〔2024〕12号": ("区环保局", "on_time"),
                   "西城管罚〔2024〕40号": ("区城管局", "on_time")}


def test_a_sign_off_under_some_tables_only_names_no_table_and_the_guess_is_said(tmp_path):
    # review: the first table unsigned, the second signed underneath: which unit the first is, nothing says.
    # As before, the sheet's sign-off is the sheet's unit, and the run says so (never silently per table).
    path = write_xlsx(tmp_path / "区政府办_6月汇总.xlsx", {"6月": [
        HEADER, [1, "西安监罚〔2024〕30号", "甲公司", *LATE], [], HEADER,
        [1, "西环罚〔2024〕12号", "丙公司", *ON_TIME], ["填报单位（盖章）：区环保局"]]})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2024-06-30", "-o", str(tmp_path / "r.xlsx"),
                                       "--no-history"])
    assert "表中写的填报单位是“区环保局”，文件名写的是“区政府办”，已按“区环保局”计" in result.output, result.output


def test_units_signed_below_their_tables_under_a_compilers_line_and_with_filler_lines(tmp_path):
    # second review: the compiler's 填报单位：区政府办 over the first header, each unit's sign-off under its
    # table followed by a 填报人/电话 line, and the compiler's own sign-off at the end: each table is its signer's
    got = units(tmp_path, [["2024年6月各单位行政处罚汇总"], ["填报单位：区政府办"], HEADER,
                           [1, "西安监罚〔2024〕30号", "甲公司", *LATE],
                           ["填报单位（盖章）：区安监局"], ["填报人：张三  联系电话：1234567"], [], HEADER,
                           [1, "西环罚〔2024〕12号", "乙公司", *ON_TIME],
                           ["填报单位（盖章）：区环保局"], ["填报人：李四"], [], HEADER,
                           [1, "西城管罚〔2024〕40号", "丙", *LATE], ["填报单位（盖章）：区城管局"], [],
                           ["填报单位（盖章）：区政府办"]])
    assert got == {"西安监罚〔2024〕30号": ("区安监局", "late"), "西环罚〔2024〕12号": ("区环保局", "on_time"),
                   "西城管罚〔2024〕40号": ("区城管局", "late")}


def test_lines_above_some_tables_and_a_wide_sign_off(tmp_path):
    # third review: a line over the first and third tables only (the second is the first unit's, split by a
    # repeated header) keeps each line for the tables below it; a sign-off sharing its row with 填报人 and
    # 填报日期 still signs its table
    got = units(tmp_path, [["填报单位（盖章）：区安监局"], HEADER, [1, "西安监罚〔2024〕30号", "甲公司", *LATE], [],
                           HEADER, [2, "西安监罚〔2024〕31号", "乙公司", *ON_TIME], [],
                           ["填报单位（盖章）：区城管局"], HEADER, [1, "西城管罚〔2024〕40号", "丙", *LATE]])
    assert got == {"西安监罚〔2024〕30号": ("区安监局", "late"), "西安监罚〔2024〕31号": ("区安监局", "on_time"),
                   "西城管罚〔2024〕40号": ("区城管局", "late")}
    got = units(tmp_path, [HEADER, [1, "西安监罚〔2024〕30号", "甲公司", *LATE],
                           ["填报单位（盖章）：区安监局", "填报人：张三", "电话：123", "填报日期：2024-07-01"], [], HEADER,
                           [1, "西环罚〔2024〕12号", "乙公司", *ON_TIME],
                           ["填报单位（盖章）：区环保局", "填报人：李四", "电话：456", "填报日期：2024-07-01"]])
    assert got == {"西安监罚〔2024〕30号": ("区安监局", "late"), "西环罚〔2024〕12号": ("区环保局", "on_time")}


@pytest.mark.parametrize("shape", ["blank cell", "merged across", "csv"])
def test_a_header_printed_again_with_its_unit_cell_blank_keeps_the_unit_column(tmp_path, shape):
    # probe 14: the page's header repeated halfway, its 执法单位 cell blank (or covered by a unit merged down
    # across it): read as a new table without a unit column, every row below went to 区政府办 (the file's
    # name), an office accused of other units' lateness
    header = ["序号", "执法单位", "处罚决定书文号", "当事人", "决定日期", "公开日期"]
    rows = [header,
            [1, "区市场监管局", "西市监罚〔2024〕1号", "甲店", *ON_TIME],
            [2, None if shape == "merged across" else "区市场监管局", "西市监罚〔2024〕2号", "乙店", *LATE],
            ["序号", None, "处罚决定书文号", "当事人", "决定日期", "公开日期"],
            [3, None if shape == "merged across" else "区市场监管局", "西市监罚〔2024〕3号", "丙店", *ON_TIME],
            [4, "区交通运输局", "西交罚〔2024〕1号", "丁公司", *LATE],
            [5, "区应急管理局", "西应急罚〔2024〕1号", "戊公司", D(2024, 5, 6), None]]
    name = "区政府办_2024年6月各单位行政处罚汇总"
    if shape == "csv":
        path = write_csv(tmp_path / f"{name}.csv", [["" if c is None else c.isoformat() if isinstance(c, D) else c
                                                     for c in row] for row in rows])
    else:
        path = write_xlsx(tmp_path / f"{name}.xlsx", {"6月": rows},
                          merges={"6月": ["B2:B5"]} if shape == "merged across" else None)
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2024-06-30", "--json", str(out),
                                       "-o", str(tmp_path / "r.xlsx"), "--no-history"])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    got = {r["document_number"]: (r["unit"], r["status"]) for r in data["records"]}
    assert got == {"西市监罚〔2024〕1号": ("区市场监管局", "on_time"), "西市监罚〔2024〕2号": ("区市场监管局", "late"),
                   "西市监罚〔2024〕3号": ("区市场监管局", "on_time"), "西交罚〔2024〕1号": ("区交通运输局", "late"),
                   "西应急罚〔2024〕1号": ("区应急管理局", "overdue")}
    assert data["summary"]["skipped_rows"] == 1  # the repeated header
