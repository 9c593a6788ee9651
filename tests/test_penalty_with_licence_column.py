"""A penalty ledger that lists the party's licence (食品经营许可证号) beside 违法事实 and 处罚种类: penalties,
judged by the penalty rule, and the licence number is not taken for the decision's 文书号 (two fines on one
licensee would have been merged as one decision sent twice). A licence ledger keeps its number."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_csv, write_xlsx

D = dt.date


def run(tmp_path, sheets, *extra):
    book = write_xlsx(tmp_path / "区食药监局_2024年台账.xlsx", sheets)
    (tmp_path / "compliance.toml").write_text("[rules]\npermit = 20\npenalty = 7\n", encoding="utf-8")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--no-history",
                                       "--config", str(tmp_path / "compliance.toml"),
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out), *extra])
    assert result.exit_code in (0, 1), result.output
    return json.loads(out.read_text(encoding="utf-8"))["records"]


def test_a_licence_column_beside_penalty_columns_makes_no_permit_and_no_number(tmp_path):
    header = ["序号", "当事人", "食品经营许可证号", "违法事实", "处罚种类", "决定日期", "公示日期"]
    rows = [[1, "甲超市", "JY14202030012345", "销售过期食品", "警告；罚款", D(2024, 6, 3), D(2024, 6, 20)],
            [2, "甲超市", "JY14202030012345", "未按规定贮存", "罚款", D(2024, 7, 1), D(2024, 7, 5)]]
    records = run(tmp_path, {"Sheet1": [header, *rows]})
    assert [(r["category"], r["document_number"], r["deadline"], r["status"]) for r in records] == [
        ("penalty", "", "2024-06-13", "late"), ("penalty", "", "2024-07-10", "on_time")]


def test_a_licence_ledger_keeps_its_licence_number_as_the_number(tmp_path):
    header = ["序号", "被许可人", "许可证号", "发证日期", "公示日期"]
    records = run(tmp_path, {"Sheet1": [header, [1, "乙公司", "西城管准字第2024001号", D(2024, 3, 1), D(2024, 3, 5)]]})
    assert [(r["category"], r["document_number"], r["status"]) for r in records] == [
        ("permit", "西城管准字第2024001号", "on_time")]


def test_a_blank_number_in_a_permit_ledger_takes_the_licence_number_and_says_so(tmp_path):
    # 文书号 and 许可证编号 side by side: a permit without its 文号 is known by its licence number (双公示
    # standard), told on the sheet; a penalty's blank 文书号 never takes the party's licence.
    permits = ["序号", "行政许可决定书文号", "许可证编号", "行政相对人名称", "许可决定日期", "上网公开日期"]
    penalties = ["序号", "行政处罚决定书文号", "食品经营许可证号", "当事人", "处罚决定日期", "上网公开日期"]
    book = {"许可": [permits, [1, "西卫许〔2024〕1号", "JY1420203001", "甲", D(2024, 3, 1), D(2024, 3, 5)],
                     [2, None, "JY1420203002", "乙", D(2024, 3, 1), D(2024, 3, 5)],
                     [3, "无", "JY1420203003", "丙", D(2024, 3, 1), D(2024, 5, 6)],
                     [4, None, "/", "丁", D(2024, 3, 1), D(2024, 3, 5)]],
            "处罚": [penalties, [1, None, "JY1420203004", "戊超市", D(2024, 6, 3), D(2024, 6, 5)]]}
    records = run(tmp_path, book)
    assert [(r["category"], r["document_number"], r["status"]) for r in records] == [
        ("permit", "西卫许〔2024〕1号", "on_time"), ("permit", "JY1420203002", "on_time"),
        ("permit", "JY1420203003", "late"), ("permit", "", "on_time"), ("penalty", "", "on_time")]
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    notes = [n for entry in data["inputs"] for sheet in entry["sheets"] for n in sheet["notes"]]
    assert "第 3、4 行的文书号为空，取“许可证编号”栏的编号代替，请核对" in notes
    assert not any("食品经营许可证号" in n and "代替" in n for n in notes)


def test_a_csv_with_a_licence_column_is_read(tmp_path):
    # The licence column stands in for blank numbers: a CSV read only the mapped columns, and crashed on it.
    path = write_csv(tmp_path / "区食药监局_2016年台账.csv", [
        ["处罚决定书文号", "食品经营许可证号", "当事人", "处罚类别", "处罚决定日期", "公示日期"],
        ["西市监罚〔2016〕1号", "JY001", "甲餐厅", "罚款", "2016-05-03", "2016-07-10"]])
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-01", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code == 1, result.output
    assert [(r["document_number"], r["status"]) for r in json.loads(out.read_text(encoding="utf-8"))["records"]] == [
        ("西市监罚〔2016〕1号", "late")]


def test_a_licences_later_permit_under_the_same_number_is_another_decision(tmp_path):
    # 延续 or 变更 keep the licence number: a March permit with a blank 文号 is no copy of January's.
    header = ["序号", "行政许可决定书文号", "许可证编号", "行政相对人名称", "许可决定日期", "上网公开日期"]
    write_xlsx(tmp_path / "区食药监局_2016年1月行政许可.xlsx", {"许可": [header,
        [1, None, "JY14202030001", "甲餐厅", D(2016, 1, 5), D(2016, 1, 10)]]})
    book = write_xlsx(tmp_path / "区食药监局_2016年3月行政许可.xlsx", {"许可": [header,
        [1, "无", "JY14202030001", "甲餐厅", D(2016, 3, 7), None]]})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(book.parent), "--as-of", "2016-12-01", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code == 1, result.output
    records = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert [(r["decision_date"], r["status"]) for r in records] == [("2016-01-05", "on_time"), ("2016-03-07", "overdue")]


def test_a_resent_copy_with_its_decision_date_corrected_is_one_decision(tmp_path):
    # The same licence, party and publication day, the decision date corrected in November's cumulative
    # ledger: one decision whose two dates disagree (数据有误), not two decisions.
    header = ["序号", "许可证编号", "申请人", "许可决定日期", "上网公开日期"]
    for month, decided in (("10月", D(2024, 9, 1)), ("11月", D(2024, 10, 1))):
        (tmp_path / "in" / month).mkdir(parents=True)
        write_xlsx(tmp_path / "in" / month / "区市场监管局_许可台账.xlsx", {"许可": [header,
            [1, "JY14202030012345", "甲餐厅", decided, D(2024, 10, 20)]]})
    out = tmp_path / "r.json"
    CliRunner().invoke(main, ["check", str(tmp_path / "in"), "--as-of", "2024-12-31", "--no-history",
                              "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    records = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert [(r["status"], [i["code"] for i in r["issues"]]) for r in records] == [("invalid", ["duplicate-conflict"])]
