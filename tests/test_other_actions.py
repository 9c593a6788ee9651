"""Permit registers as approval systems and licence offices keep them: the grant day under other names
(核发日期, 颁证日期), and other kinds of action (行政确认, 备案) set apart by a section row, a sheet, a title
or a file name as a category cell does. Judged as permits, such rows were 逾期未公开 accusations. Real .xlsx
files in tmp_path, the real CLI."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from compliance.cli import main
from helpers import cli_check, write_xlsx

D = dt.date
HEADER = ["序号", "许可证编号", "申请人", "核发日期", "公示日期"]


@pytest.mark.parametrize("date_header", ["核发日期", "颁证日期", "颁发日期", "取证日期", "核发时间"])
def test_the_grant_day_under_other_names_is_the_decision_date(tmp_path, date_header):
    book = write_xlsx(tmp_path / "区文旅局_许可证台账.xlsx", {"许可": [
        ["序号", "许可证编号", "申请人", date_header, "公示日期"],
        [1, "文旅证〔2025〕1号", "甲旅行社", D(2025, 6, 3), D(2025, 7, 15)]]})
    code, data, output = cli_check(tmp_path, book, as_of="2025-11-20")
    assert code == 1, output
    [record] = data["records"]
    assert (record["status"], record["decision_date"], record["working_days_late"]) == ("late", "2025-06-03", 10)


def _statuses(data: dict) -> list:
    return [(r["document_number"], r["status"]) for r in data["records"]]


def test_a_section_row_naming_another_kind_of_action_ends_the_permits_above(tmp_path):
    book = write_xlsx(tmp_path / "区市场监管局_办件.xlsx", {"Sheet1": [
        ["序号", "文书号", "申请人", "决定日期", "公示日期"], ["一、行政许可"],
        [1, "西市监许〔2025〕1号", "甲公司", D(2025, 9, 1), D(2025, 9, 3)], ["二、行政确认"],
        [2, "特设登〔2025〕2号", "乙公司", D(2025, 9, 30), None], ["三、其他行政权力"],
        [3, "西市监备〔2025〕3号", "丙公司", D(2025, 9, 30), None]]})
    code, data, output = cli_check(tmp_path, book, as_of="2025-11-20")
    assert _statuses(data) == [("西市监许〔2025〕1号", "on_time")]
    assert data["summary"]["out_of_scope"]["other_kind"] == 2
    assert code == 0, output


@pytest.mark.parametrize("where", ["sheet", "title", "file"])
def test_a_sheet_title_or_file_naming_another_kind_of_action_is_out_of_scope(tmp_path, where):
    rows = [["序号", "文书号", "申请人", "决定日期", "公示日期"], [1, "特设登〔2025〕2号", "乙公司", D(2025, 9, 30), None]]
    if where == "title":
        rows = [["区市场监管局2025年行政确认事项办理台账"], *rows]
    name = "区市场监管局_行政确认台账.xlsx" if where == "file" else "区市场监管局_办件.xlsx"
    book = write_xlsx(tmp_path / name, {"行政确认" if where == "sheet" else "Sheet1": rows})
    code, data, output = cli_check(tmp_path, book, as_of="2025-11-20")
    assert data["records"] == [] and data["summary"]["out_of_scope"]["other_kind"] == 1, output


def test_a_sheet_of_another_kind_beside_the_permits_keeps_a_number_that_says_permit(tmp_path):
    """Sheets 行政许可 and 行政确认 in a 行政许可台账: the second's 登记 row is out of scope; a 许 number there is
    still a permit (the number says what it is)."""
    header = ["序号", "文书号", "申请人", "决定日期", "公示日期"]
    book = write_xlsx(tmp_path / "区市场监管局_行政许可台账.xlsx", {
        "行政许可": [header, [1, "西市监许〔2025〕1号", "甲公司", D(2025, 9, 1), D(2025, 9, 3)]],
        "行政确认": [header, [1, "特设登〔2025〕2号", "乙公司", D(2025, 9, 30), None],
                   [2, "西市监许〔2025〕9号", "丁公司", D(2025, 9, 2), D(2025, 9, 4)]]})
    code, data, output = cli_check(tmp_path, book, as_of="2025-11-20")
    assert _statuses(data) == [("西市监许〔2025〕1号", "on_time"), ("西市监许〔2025〕9号", "on_time")]
    assert data["summary"]["out_of_scope"]["other_kind"] == 1


def test_an_approval_systems_matter_name_sets_filings_and_confirmations_apart(tmp_path):
    """No 事项类型 column, only 事项名称: 企业投资项目备案 and 特种设备使用登记（行政确认） were category-unknown and,
    unpublished, 逾期未公开; …核准（行政许可） is a permit."""
    book = write_xlsx(tmp_path / "区发改局_办件导出.xlsx", {"Sheet1": [
        ["序号", "办件编号", "申请人", "事项名称", "决定日期", "公示日期"],
        [1, "BJ001", "黄石项一", "企业投资项目备案", D(2025, 9, 1), None],
        [2, "BJ002", "黄石项二", "特种设备使用登记（行政确认）", D(2025, 9, 2), None],
        [3, "BJ003", "黄石项三", "企业投资项目核准（行政许可）", D(2025, 9, 3), D(2025, 9, 5)]]})
    code, data, output = cli_check(tmp_path, book, as_of="2025-11-20")
    assert [(r["party"], r["category"], r["status"]) for r in data["records"]] == [("黄石项三", "permit", "on_time")]
    assert data["summary"]["out_of_scope"]["other_kind"] == 2


def test_a_notice_before_the_decision_named_in_its_own_column_is_no_decision(tmp_path):
    """A case system's export lists each document: 文书名称 行政处罚事先告知书 (numbers …罚先告〔…〕) beside the
    decisions. The notices were judged as undisclosed penalties (逾期未公开)."""
    book = write_xlsx(tmp_path / "区城管局_处罚.xlsx", {"文书": [
        ["序号", "文书名称", "文书编号", "当事人", "处罚决定日期", "公示日期"],
        [1, "行政处罚事先告知书", "西城管罚先告〔2025〕7号", "甲公司", D(2025, 9, 1), None],
        [2, "行政处罚决定书", "西城管罚〔2025〕207号", "甲公司", D(2025, 9, 15), D(2025, 9, 18)],
        [3, "行政处罚事先告知书", "西城管〔2025〕8号", "乙公司", D(2025, 9, 2), None]]})
    code, data, output = cli_check(tmp_path, book, as_of="2025-11-20")
    assert _statuses(data) == [("西城管罚〔2025〕207号", "on_time")], output
    assert code == 0, output


@pytest.mark.parametrize("shape", ["procedure", "sheet"])
def test_an_on_the_spot_penalty_is_the_simple_procedure_under_the_market_rule(tmp_path, shape):
    """当场处罚 (行政处罚法 第五十一条) is the 简易程序, as is every row of a sheet named 简易程序: 无需公开 under the
    market rule; it was 逾期未公开."""
    header = ["序号", "处罚决定书文号", "当事人", "处罚决定日期", "公示日期"]
    row = [1, "西市监当罚〔2025〕1号", "甲", D(2025, 9, 1), None]
    if shape == "procedure":
        sheets = {"处罚": [[*header, "处罚程序"], [*row, "当场处罚"]]}
    else:
        sheets = {"简易程序": [header, row]}
    book = write_xlsx(tmp_path / "区市场监管局_处罚.xlsx", sheets)
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2025-11-20", "--rule", "market", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    assert [r["status"] for r in json.loads(out.read_text(encoding="utf-8"))["records"]] == ["exempt"]


def test_a_decision_letters_issue_date_is_its_decision_date(tmp_path):
    book = write_xlsx(tmp_path / "区综合执法局_处罚.xlsx", {"处罚": [
        ["序号", "处罚决定书文号", "当事人", "处罚决定书下达日期", "公示日期"],
        [1, "西综执罚〔2025〕1号", "甲", D(2025, 10, 9), D(2025, 11, 20)]]})
    code, data, output = cli_check(tmp_path, book, as_of="2025-11-20")
    assert [(r["status"], r["decision_date"]) for r in data["records"]] == [("late", "2025-10-09")], output


def test_a_remark_that_the_page_was_taken_down_says_it_was_online(tmp_path):
    """备注 …撤下公示 with a blank date: online once, its day unknown (as a 撤销公示日期 column says): 数据有误,
    never 逾期未公开."""
    book = write_xlsx(tmp_path / "区综合执法局_处罚.xlsx", {"处罚": [
        ["序号", "处罚决定书文号", "当事人", "处罚决定日期", "公示日期", "备注"],
        [1, "西综执罚〔2025〕606号", "甲", D(2025, 8, 1), None, "信用修复后于2025年11月3日撤下公示"]]})
    code, data, output = cli_check(tmp_path, book, as_of="2025-11-20")
    [record] = data["records"]
    assert record["status"] == "invalid" and "published-marked-no-date" in [i["code"] for i in record["issues"]]


def test_a_matter_name_never_outweighs_what_the_file_or_the_number_says(tmp_path):
    """事项名称 未取得食品经营许可从事食品经营活动 names a permit's words in a penalty's matter: the file (行政处罚)
    or the number's 罚 says penalty, and the matter name gives way."""
    header = ["序号", "文书号", "当事人", "事项名称", "决定日期", "公示日期"]
    row = [1, "西市监罚〔2025〕1号", "甲", "未取得食品经营许可从事食品经营活动", D(2025, 9, 1), D(2025, 9, 5)]
    for name in ("区市场监管局_行政处罚.xlsx", "台账.xlsx"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        folder = tmp_path / name.split(".")[0]
        folder.mkdir()
        book = write_xlsx(folder / name, {"Sheet1": [header, row]})
        code, data, output = cli_check(folder, book, as_of="2025-11-20")
        assert [r["category"] for r in data["records"]] == ["penalty"], (name, output)


@pytest.mark.parametrize("header", ["执法类别", "执法类型", "行政行为", "行为类别", "执法行为", "种类"])
def test_an_enforcement_ledgers_kind_column_sets_other_actions_apart(tmp_path, header):
    # 行政执法公示 ledgers list every kind of action in a 执法类别 column: it was not read as the category,
    # and 行政强制, 行政检查 … rows were judged as decisions and called overdue (7 false accusations of 9).
    kinds = ["行政处罚", "行政强制", "行政检查", "行政许可", "行政确认", "行政征收", "行政奖励", "行政裁决"]
    rows = [[k + 1, kind, f"西城管〔2026〕{k + 1}号", f"某公司{k + 1}", D(2026, 9, k + 1),
             D(2026, 9, k + 3) if kind in ("行政处罚", "行政许可") else None] for k, kind in enumerate(kinds)]
    book = write_xlsx(tmp_path / "区城管局_2026年9月执法公示.xlsx", {"执法公示": [
        ["序号", header, "决定文书号", "行政相对人", "决定日期", "公示日期"], *rows]})
    code, data, output = cli_check(tmp_path, book, as_of="2026-11-30")
    assert code == 0, output
    assert [(r["document_number"], r["category"], r["status"]) for r in data["records"]] == [
        ("西城管〔2026〕1号", "penalty", "on_time"), ("西城管〔2026〕4号", "permit", "on_time")]
    assert data["summary"]["out_of_scope"]["other_kind"] == 6


def test_a_kind_of_offence_is_no_category_column(tmp_path):
    # 违法行为类别 names the offence within a penalty, not whether the row is a permit or a penalty
    book = write_xlsx(tmp_path / "区城管局_行政处罚.xlsx", {"处罚": [
        ["序号", "违法行为类别", "行政处罚决定书文号", "当事人", "处罚决定日期", "公示日期"],
        [1, "占道经营", "西城管罚〔2026〕1号", "甲", D(2026, 9, 1), D(2026, 9, 3)]]})
    code, data, output = cli_check(tmp_path, book, as_of="2026-11-30")
    assert code == 0, output
    assert [(r["category"], r["status"]) for r in data["records"]] == [("penalty", "on_time")]
