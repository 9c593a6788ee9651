"""A workbook whose ledger sheet looks its publication dates up (VLOOKUP) in a 网站清单 sheet of the same
file: that sheet lists numbers the ledger already holds, with no decision date. Its rows are no decisions:
each was a 数据有误 record repeating a real one, lowering the unit's rate. A sheet without a decision date
that holds a number the ledger does not stays read (its records 数据有误): nothing is dropped unseen.
Rows of such a sheet that only repeat the ledger go even where other rows stay. Real .xlsx files through the
real CLI."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

D = dt.date
LEDGER = [["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"],
          [1, "西环罚〔2024〕15号", "甲公司", D(2024, 3, 5), D(2024, 3, 20)],
          [2, "西环罚〔2024〕16号", "乙公司", D(2024, 3, 5), None]]


def run(tmp_path, lookup_rows):
    path = write_xlsx(tmp_path / "区环保局_2024年行政处罚.xlsx", {"台账": LEDGER, "网站清单": lookup_rows})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2024-12-31", "--json", str(out),
                                       "-o", str(tmp_path / "r.xlsx"), "--no-history"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(out.read_text(encoding="utf-8"))


def test_a_lookup_sheet_of_the_ledgers_own_numbers_is_no_decisions(tmp_path):
    data = run(tmp_path, [["文号", "发布日期", "标题"], ["西环罚〔2024〕15号", D(2024, 3, 20), "行政处罚决定书"]])
    assert [(r["sheet"], r["document_number"], r["status"]) for r in data["records"]] == [
        ("台账", "西环罚〔2024〕15号", "on_time"), ("台账", "西环罚〔2024〕16号", "overdue")]
    lookup = {s["name"]: s for s in data["inputs"][0]["sheets"]}["网站清单"]
    assert lookup["records"] == 0 and lookup["skipped_rows"] == 1
    assert lookup["notes"] == ["这个工作表没有决定日期列，其中的文书号（1 个）都已在本文件的其他工作表中：是查找用的清单，不计入"]
    assert data["summary"]["invalid"] == 0


def test_a_sheet_without_decision_dates_naming_another_decision_stays_read(tmp_path):
    data = run(tmp_path, [["文号", "发布日期", "标题"], ["西环罚〔2024〕15号", D(2024, 3, 20), "行政处罚决定书"],
                          ["西环罚〔2024〕17号", D(2024, 3, 22), "行政处罚决定书"]])
    # the row that only repeats the ledger goes (second review: it was an invented 数据有误), 17号 stays
    assert sorted((r["sheet"], r["document_number"], r["status"]) for r in data["records"]) == [
        ("台账", "西环罚〔2024〕15号", "on_time"), ("台账", "西环罚〔2024〕16号", "overdue"),
        ("网站清单", "西环罚〔2024〕17号", "invalid")]
    lookup = {s["name"]: s for s in data["inputs"][0]["sheets"]}["网站清单"]
    assert lookup["skipped_rows"] == 1 and any(n.startswith("第 2 行没有决定日期") for n in lookup["notes"])


def test_a_date_the_ledger_left_blank_is_taken_from_the_lookup_sheet_and_said(tmp_path):
    # 16号's publication date is blank in the ledger (a VLOOKUP saved without its result) and given in the
    # unit's own 公开情况 sheet: it was one decision counted twice, the ledger's copy a false 逾期未公开
    data = run(tmp_path, [["文号", "当事人", "公开日期"], ["西环罚〔2024〕15号", "甲公司", D(2024, 3, 20)],
                          ["西环罚〔2024〕16号", "乙公司", D(2024, 3, 22)]])
    assert [(r["sheet"], r["document_number"], r["status"], r["published_date"]) for r in data["records"]] == [
        ("台账", "西环罚〔2024〕15号", "on_time", "2024-03-20"), ("台账", "西环罚〔2024〕16号", "on_time", "2024-03-22")]
    sheets = {s["name"]: s for s in data["inputs"][0]["sheets"]}
    assert sheets["台账"]["notes"] == ["第 3 行的公开日期为空，取自本文件“网站清单”工作表中同一文书号的公开日期，请核对"]
    assert sheets["网站清单"]["records"] == 0 and sheets["网站清单"]["skipped_rows"] == 2


def test_a_lookup_that_contradicts_the_ledger_or_names_another_party_stays_read(tmp_path):
    # 15号 here has another date than the ledger's, or names another party; 16号 is given two dates: none of
    # them only repeats or completes the ledger, so nothing is taken and nothing dropped unseen
    data = run(tmp_path, [["文号", "当事人", "公开日期"], ["西环罚〔2024〕15号", "甲公司", D(2024, 5, 20)],
                          ["西环罚〔2024〕16号", "乙公司", D(2024, 3, 22)], ["西环罚〔2024〕16号", "乙公司", D(2024, 3, 25)]])
    assert [(r["document_number"], r["status"]) for r in data["records"] if r["sheet"] == "台账"] == [
        ("西环罚〔2024〕15号", "on_time"), ("西环罚〔2024〕16号", "overdue")]
    assert [r["document_number"] for r in data["records"] if r["sheet"] == "网站清单"] == [
        "西环罚〔2024〕15号", "西环罚〔2024〕16号", "西环罚〔2024〕16号"]
    data = run(tmp_path, [["文号", "当事人", "公开日期"], ["西环罚〔2024〕15号", "丙公司", D(2024, 3, 20)]])
    assert [r["sheet"] for r in data["records"]].count("网站清单") == 1


def test_a_planned_publication_date_fills_nothing(tmp_path):
    # review: a 待公开清单 sheet's 计划公开日期 filled the ledger's blank date: an overdue decision 按时公开
    data = run(tmp_path, [["文号", "当事人", "计划公开日期"], ["西环罚〔2024〕16号", "乙公司", D(2024, 3, 22)]])
    assert [(r["sheet"], r["document_number"], r["status"]) for r in data["records"] if r["document_number"].endswith("16号")
            and r["sheet"] == "台账"] == [("台账", "西环罚〔2024〕16号", "overdue")]
