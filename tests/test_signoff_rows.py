"""Lines under a table that are no decisions: dated sign-off lines (报送时间：… with the day in the
decision-date column), （以下空白） written in the number column, a stamp line, and the signer and day
written into the party column. Each was read as a decision (逾期未公开 or 数据有误), a false mark
against the unit. Real .xlsx files through the real CLI; every row is a record or a counted skipped row."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

D = dt.date
HEADER = ["序号", "许可决定书文号", "申请人", "许可决定日期", "上网公开日期", "备注"]
RECORDS = [[1, "西住建许〔2024〕1号", "甲公司", D(2024, 5, 6), D(2024, 5, 10), None],
           [2, "西住建许〔2024〕2号", "乙公司", D(2024, 5, 7), D(2024, 5, 10), None]]


def checked(tmp_path: Path, book: Path) -> dict:
    """The JSON of a real CLI run on ``book``."""
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    return json.loads(out.read_text(encoding="utf-8"))


def records_of(tmp_path: Path, rows: list[list]) -> tuple[list, dict]:
    data = checked(tmp_path, write_xlsx(tmp_path / "区住建局_许可台账.xlsx", {"行政许可": [HEADER, *rows]}))
    return [(r["document_number"], r["status"]) for r in data["records"]], data["summary"]


@pytest.mark.parametrize("label", ["报送时间：", "制表时间：", "填报时间：", "上报日期：", "审核日期：", "日期：",
                                   "报送时间", "打印日期：", "导出时间：", "统计日期：", "落款日期："])
def test_a_dated_sign_off_line_is_no_decision(tmp_path, label):
    records, summary = records_of(tmp_path, [*RECORDS, [label, None, None, D(2024, 6, 5), None, None]])
    assert records == [("西住建许〔2024〕1号", "on_time"), ("西住建许〔2024〕2号", "on_time")]
    assert summary["skipped_rows"] == 1


@pytest.mark.parametrize("marker", ["（以下空白）", "(以下空白)", "-以下空白-", "本页以下空白", "（此页无正文）"])
def test_a_blank_below_marker_in_the_number_column_is_no_decision(tmp_path, marker):
    records, summary = records_of(tmp_path, [*RECORDS, [None, marker, None, None, None, None]])
    assert [status for _, status in records] == ["on_time", "on_time"]
    assert summary["skipped_rows"] == 1


def test_a_stamp_line_and_a_signer_written_into_the_party_column_are_no_decisions(tmp_path):
    rows = [*RECORDS, [None, None, None, "区住建局（公章）", D(2024, 6, 5), None],
            [None, None, "西塞山区住房和城乡建设局", None, None, None],
            [None, None, "2024年6月5日", None, None, None]]
    records, summary = records_of(tmp_path, rows)
    assert [status for _, status in records] == ["on_time", "on_time"]
    assert summary["skipped_rows"] == 3


def test_a_party_alone_under_the_table_without_a_signing_day_stays_a_record(tmp_path):
    """Only the pair (agency name, then a date) is a signature: a lone name may be a decision left half
    filled in, and is judged (数据有误), never dropped unseen."""
    records, _ = records_of(tmp_path, [*RECORDS, [3, None, "黄石丙建材有限公司", None, None, None]])
    assert len(records) == 3 and records[2][1] == "invalid"


def test_a_templates_prefilled_rows_with_a_no_mark_are_no_decisions(tmp_path):
    """A template filled to 10 rows: 序号, a formula nobody's typing fed, and 是否公开 showing 否."""
    header = ["序号", "处罚决定书文号", "当事人", "处罚决定日期", "公开日期", "公开用时（天）", "是否公开"]
    rows = [[1, "西司罚〔2024〕1号", "甲", D(2024, 3, 1), D(2024, 3, 5), 4, "是"],
            [2, "西司罚〔2024〕2号", "乙", D(2024, 4, 1), None, None, "否"]]
    rows += [[n, None, None, None, None, f'=IF(E{n + 1}="","",E{n + 1}-D{n + 1})', "否"] for n in range(3, 11)]
    book = write_xlsx(tmp_path / "区司法局_处罚.xlsx", {"行政处罚": [header, *rows]})
    data = checked(tmp_path, book)
    assert [(r["row"], r["status"]) for r in data["records"]] == [(2, "on_time"), (3, "overdue")]
    assert data["summary"]["skipped_rows"] == 8


def test_the_standards_field_codes_under_the_header_are_no_decision(tmp_path):
    header = ["行政相对人名称", "行政许可决定文书号", "许可决定日期", "公示日期"]
    book = write_xlsx(tmp_path / "区发改局_许可.xlsx", {"行政许可": [header,
        ["XK_XDR_MC", "XK_XKWS", "XK_JDRQ", "GKRQ"], ["必填", "必填", "必填", "选填"],
        ["甲公司", "西发改许〔2024〕1号", D(2024, 3, 1), D(2024, 3, 5)],
        ["乙公司", "西发改许〔2024〕2号", D(2024, 4, 1), D(2024, 6, 3)]]})
    data = checked(tmp_path, book)
    assert [(r["row"], r["status"]) for r in data["records"]] == [(4, "on_time"), (5, "late")]
    assert data["summary"]["skipped_rows"] == 2


def test_a_decisions_row_whose_unit_cell_carries_a_stamp_note_stays_a_record(tmp_path):
    """单位 first, written 区住建局（盖章）, on a decision's own row with no number: judged, not taken
    for the stamp line under the table."""
    header = ["单位", "许可决定书文号", "申请人", "许可决定日期", "上网公开日期"]
    book = write_xlsx(tmp_path / "各单位许可汇总.xlsx", {"行政许可": [header,
        ["区住建局（盖章）", "西住建许〔2024〕1号", "甲公司", D(2024, 5, 6), D(2024, 5, 10)],
        ["区住建局（盖章）", None, "乙公司", D(2024, 5, 7), D(2024, 5, 10)]]})
    data = checked(tmp_path, book)
    assert [(r["unit"], r["party"], r["status"]) for r in data["records"]] == [
        ("区住建局", "甲公司", "on_time"), ("区住建局", "乙公司", "on_time")]


@pytest.mark.parametrize("row", [
    [None, "（盖章）", None, D(2024, 12, 5), None, None],  # the stamp in the number column, the day beside it
    [None, "单位盖章", None, None, None, None],
    [None, "区住建局（章）", None, None, None, None],
    [None, "以上情况属实", None, None, None, None],
    [None, "特此报告", None, None, None, None],
    [None, None, "单位盖章", None, None, None],  # in the party column
    [None, "区住建局", None, None, None, None],  # the signer under the last decision
    [None, "2024年12月5日", None, None, None, None],  # and the day, typed in the number column
    [None, "区住建局", None, D(2024, 12, 5), None, None],
])
def test_a_sign_off_typed_into_the_number_or_party_column_is_no_decision(tmp_path, row):
    # Read as a decision it became 逾期未公开 once its "deadline" passed: a false mark against the unit.
    records, summary = records_of(tmp_path, [*RECORDS, row])
    assert records == [("西住建许〔2024〕1号", "on_time"), ("西住建许〔2024〕2号", "on_time")]
    assert summary["skipped_rows"] == 1


def test_a_unit_name_as_the_number_of_a_row_with_a_party_stays_a_record(tmp_path):
    # A party named: a decision with its number mistyped, judged (invalid), never dropped; nor higher up.
    records, _ = records_of(tmp_path, [[0, "区住建局", "丙公司", D(2024, 5, 6), None, None], *RECORDS,
                                       [3, "区住建局", "丁公司", D(2024, 5, 8), None, None]])
    assert [n for n, _ in records] == ["区住建局", "西住建许〔2024〕1号", "西住建许〔2024〕2号", "区住建局"]
