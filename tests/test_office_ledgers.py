"""Ledgers as tax, traffic, environment and enforcement-supervision offices write them (probe 65): their
own words for the party, the unit and the decision date; notes and sign-offs under the table; a case
register kept beside the ledger; cumulative ledgers named by Chinese month; a publication formula saved
without its value. Real workbooks in tmp_path, the real CLI."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import cli_check, write_xlsx

D = dt.date
AS_OF = "2025-11-28"


def _statuses(data) -> list[tuple]:
    return [(r["row"], r["document_number"], r["party"], r["status"]) for r in data["records"]]


@pytest.mark.parametrize("party", ["纳税人名称", "违法主体", "违法行为人", "被检查单位", "业户名称", "经营者姓名",
                                   "姓名/名称", "单位/个人名称", "处罚对象", "违法单位", "驾驶人姓名", "市场主体",
                                   "经营主体名称", "业主姓名", "车主", "违法嫌疑人"])
def test_the_partys_column_by_an_offices_own_word_tells_two_decisions_of_one_number_apart(tmp_path, party):
    """The number typed twice, the same day, two taxpayers: with the party unread they were one decision
    whose copies disagree (数据有误), and the overdue one vanished. Read, each is judged and the repeat said."""
    rows = [["序号", "文书号", party, "纳税人识别号", "处罚决定日期", "公开日期"],
            [1, "西税简罚〔2025〕201号", "黄石市恒达贸易有限公司", "91420203MA4XXXXX1X", D(2025, 10, 13), D(2025, 10, 20)],
            [2, "西税简罚〔2025〕201号", "黄石市顺丰建材经营部", "92420203MA4XXXXX2Y", D(2025, 10, 13), None]]
    ledger = write_xlsx(tmp_path / "区税务局_简易处罚.xlsx", {"处罚": rows})
    _, data, _ = cli_check(tmp_path, ledger, AS_OF)
    got = [(r["party"], r["status"]) for r in data["records"]]
    assert got == [("黄石市恒达贸易有限公司", "on_time"), ("黄石市顺丰建材经营部", "overdue")], got
    assert [i["code"] for i in data["records"][1]["issues"]] == ["duplicate-document-number"]  # the repeat said


def test_a_last_row_with_the_facts_but_no_date_is_a_decision_not_a_number_kept_in_advance(tmp_path):
    """Its number, and 违法事实 in a column not read: a decision with its date left out (数据有误), never
    skipped as 预留文号 with the untrue note that it has nothing else."""
    rows = [["序号", "文书号", "违法事实", "处罚决定日期", "公开日期"],
            [1, "西税罚〔2025〕1号", "未按期申报纳税", D(2025, 9, 1), D(2025, 9, 5)],
            [2, "西税罚〔2025〕2号", "虚开增值税发票", None, None]]
    ledger = write_xlsx(tmp_path / "区税务局_处罚.xlsx", {"处罚": rows})
    _, data, _ = cli_check(tmp_path, ledger, AS_OF)
    assert [(r["row"], r["status"]) for r in data["records"]] == [(2, "on_time"), (3, "invalid")]
    assert data["summary"]["skipped_rows"] == 0


@pytest.mark.parametrize("column", ["执法主体", "处罚主体", "实施主体"])
def test_a_supervision_summary_credits_each_bureau_by_its_enforcing_body_column(tmp_path, column):
    """区司法局's summary of three bureaus' decisions: each in its bureau's name, not all in 区司法局's."""
    rows = [["序号", column, "行政处罚决定书文号", "当事人", "处罚决定日期", "公开日期"],
            [1, "区应急管理局", "西应急罚〔2025〕1号", "甲公司", D(2025, 9, 1), D(2025, 9, 5)],
            [2, "区生态环境分局", "西环罚〔2025〕2号", "乙公司", D(2025, 9, 1), None],
            [3, "区水利湖泊局", "西水罚〔2025〕3号", "丙公司", D(2025, 9, 1), D(2025, 9, 8)]]
    ledger = write_xlsx(tmp_path / "区司法局_三季度行政处罚公开情况汇总.xlsx", {"汇总": rows})
    _, data, _ = cli_check(tmp_path, ledger, AS_OF)
    assert [(r["unit"], r["status"]) for r in data["records"]] == [
        ("区应急管理局", "on_time"), ("区生态环境分局", "overdue"), ("区水利湖泊局", "on_time")]


@pytest.mark.parametrize("header", ["批复日期", "发文日期", "审批通过日期", "处罚决定下达时间", "决定书落款日期"])
def test_a_decision_date_column_by_other_real_names_is_judged(tmp_path, header):
    rows = [["序号", "文书号", "当事人", header, "公开日期"],
            [1, "西住建许〔2025〕1号", "甲公司", D(2025, 9, 1), D(2025, 9, 5)],
            [2, "西住建许〔2025〕2号", "乙公司", D(2025, 9, 1), None]]
    ledger = write_xlsx(tmp_path / "区住建局_许可.xlsx", {"许可": rows})
    _, data, _ = cli_check(tmp_path, ledger, AS_OF)
    assert [r["status"] for r in data["records"]] == ["on_time", "overdue"]


@pytest.mark.parametrize("note", [
    ["", "", "（此表一式两份，一份报区司法局）"],
    ["", "", "黄石市生态环境局西塞山分局"],  # the office signs alone, in the party column
    ["审核意见：", "同意", "", "", "", "2025-11-28"],
    ["", "填报说明：公开日期填写在区政府网站发布的日期"],
    ["", "上述决定均已在“信用中国（湖北黄石）”公示"],
    ["", "附件：处罚决定书扫描件3份"],
])
def test_a_note_or_sign_off_under_the_table_is_no_record(tmp_path, note):
    header = ["序号", "行政处罚决定书文号", "当事人", "违法事实", "罚款金额（元）", "处罚决定日期", "公开日期"]
    rows = [header, [1, "黄环西罚〔2025〕21号", "黄石华联电镀有限公司", "超标排放", 50000, D(2025, 10, 9), D(2025, 11, 6)],
            [2, "黄环西罚〔2025〕22号", "黄石东方铸造厂", "超标排放", 50000, D(2025, 10, 16), None], note]
    ledger = write_xlsx(tmp_path / "区生态环境分局_处罚登记表.xlsx", {"处罚": rows})
    _, data, _ = cli_check(tmp_path, ledger, AS_OF)
    assert [(r["row"], r["status"]) for r in data["records"]] == [(2, "late"), (3, "overdue")]
    assert data["summary"]["skipped_rows"] == 1


def test_notes_one_under_another_and_the_dated_sign_off_below_them_are_no_records(tmp_path):
    """Once one note was read as a record, the sign-off below it (a lone date, the office's name) was no
    longer under the last decision, and 3 decisions became 9 records."""
    header = ["序号", "行政处罚决定书文号", "当事人", "违法事实", "罚款金额（元）", "处罚决定日期", "公开日期", "备注"]
    rows = [header,
            [1, "黄环西罚〔2025〕21号", "黄石华联电镀有限公司", "超标排放", 50000, D(2025, 10, 9), D(2025, 11, 6), ""],
            [2, "黄环西罚〔2025〕22号", "黄石东方铸造厂", "超标排放", 50000, D(2025, 10, 16), None, ""],
            ["说明：本期共作出行政处罚决定2件，罚款10万元，已公开1件。"],
            ["", "", "", "", "", "2025年11月28日"],
            ["分管领导：张三", "", "科室负责人：李四", "", "填表人：王五", "", "联系电话：0714-6288888"],
            ["", "附件：处罚决定书扫描件2份"],
            ["", "", "（此表一式两份，一份报区司法局）"],
            ["", "", "黄石市生态环境局西塞山分局"],
            ["审核意见：", "同意", "", "", "", "2025-11-28"],
            ["", "累计", "", "", 100000]]
    ledger = write_xlsx(tmp_path / "区生态环境分局_处罚登记表.xlsx", {"处罚": rows})
    _, data, _ = cli_check(tmp_path, ledger, AS_OF)
    assert [(r["row"], r["status"]) for r in data["records"]] == [(2, "late"), (3, "overdue")]
    assert data["summary"]["skipped_rows"] == 8


def test_a_case_register_beside_the_ledger_is_not_read_as_more_decisions(tmp_path):
    """案件登记 (立案日期, 结案日期 and the decision's number): no decision-date and no publication column, every
    row a decision of the ledger. Half of it was read as 数据有误 records (those whose ledger row had a
    publication date), lowering the unit's rate; now the whole sheet is a lookup, said."""
    rows = [["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公开日期"],
            [1, "西应急罚〔2025〕31号", "黄石安达化工有限公司", D(2025, 9, 15), D(2025, 9, 30)],
            [2, "西应急罚〔2025〕32号", "黄石顺通危险品运输有限公司", D(2025, 9, 15), None],
            [3, "西应急罚〔2025〕33号", "黄石鸿运烟花爆竹经营部", D(2025, 10, 20), D(2025, 11, 20)]]
    register = [["序号", "案件编号", "当事人", "案由", "立案日期", "结案日期", "处罚决定书文号"]] + [
        [i, f"西应急立〔2025〕{i}号", r[2], "未按规定储存危险化学品", r[3] - dt.timedelta(30), r[3] + dt.timedelta(20), r[1]]
        for i, r in enumerate(rows[1:], start=1)]
    ledger = write_xlsx(tmp_path / "区应急局_执法台账.xlsx", {"处罚台账": rows, "案件登记": register})
    _, data, _ = cli_check(tmp_path, ledger, AS_OF)
    assert [(r["sheet"], r["status"]) for r in data["records"]] == [("处罚台账", "on_time"), ("处罚台账", "overdue"),
                                                                    ("处罚台账", "late")]
    [sheet] = [s for i in data["inputs"] for s in i["sheets"] if s["name"] == "案件登记"]
    assert sheet["records"] == 0 and sheet["skipped_rows"] == 3 and "查找用的清单" in sheet["notes"][0]


def test_cumulative_ledgers_named_by_chinese_month_are_read_in_month_order(tmp_path):
    """区城管局_十月台账 then 区城管局_十一月台账, where November's fills in the publication day: 十一 sorted before
    十 as text, the filled-in day was read as the earlier ledger's and the blank as a later conflict."""
    folder = tmp_path / "报送"
    folder.mkdir()
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公开日期"]
    october = [header, [1, "西城管罚〔2025〕82号", "甲", D(2025, 10, 13), None]]
    november = [header, [1, "西城管罚〔2025〕82号", "甲", D(2025, 10, 13), D(2025, 11, 5)]]
    write_xlsx(folder / "区城管局_十月台账.xlsx", {"处罚": october})
    write_xlsx(folder / "区城管局_十一月台账.xlsx", {"处罚": november})
    _, data, _ = cli_check(tmp_path, folder, AS_OF)
    assert [(r["file"].split("/")[-1], r["status"]) for r in data["records"]] == [("区城管局_十一月台账.xlsx", "on_time")]


def test_a_publication_formula_saved_without_its_value_is_not_due_yet_before_the_deadline(tmp_path):
    """=D3+7 saved by a program that computes nothing: whatever its value, a decision whose deadline is after
    the as-of date cannot be late yet: 未到期 with the note; past the deadline 数据有误, never 逾期未公开."""
    rows = [["序号", "许可文书号", "申请人", "许可决定日期", "公示日期"],
            [1, "西市监许〔2025〕1号", "甲", D(2025, 9, 1), "=D2+7"],
            [2, "西市监许〔2025〕2号", "乙", D(2025, 11, 20), "=D3+7"]]
    ledger = write_xlsx(tmp_path / "区市场监管局_食品经营许可.xlsx", {"许可": rows})
    _, data, _ = cli_check(tmp_path, ledger, AS_OF)
    got = [(r["status"], [i["code"] for i in r["issues"]]) for r in data["records"]]
    assert got == [("invalid", ["date-formula-uncached"]), ("pending", ["date-formula-uncached"])], got


def test_a_decision_whose_first_cell_is_a_document_name_with_opinion_in_it_stays_a_record(tmp_path):
    """审核意见： (with its colon) under a table is a sign-off; a 文书名称 cell 审批意见书 on a decision's row is none
    (review of stop 56: the pattern without the colon dropped such rows)."""
    rows = [["文书名称", "文书号", "申请人", "决定日期", "公开日期"],
            ["审查意见书", "西住建许〔2025〕1号", "甲", D(2025, 9, 1), D(2025, 9, 5)],
            ["审批意见", "西住建许〔2025〕2号", "乙", D(2025, 9, 1), None],
            ["准予许可决定书", "西住建许〔2025〕3号", "丙", D(2025, 9, 1), D(2025, 9, 8)]]
    ledger = write_xlsx(tmp_path / "区住建局_许可.xlsx", {"许可": rows})
    _, data, _ = cli_check(tmp_path, ledger, AS_OF)
    assert [r["status"] for r in data["records"]] == ["on_time", "overdue", "on_time"]


def test_the_punished_party_column_is_no_deciding_unit(tmp_path):
    """被处罚主体 holds 处罚主体 (a unit's word) inside it: it is the party, never the unit."""
    rows = [["序号", "被处罚主体", "处罚决定书文号", "处罚决定日期", "公示日期"],
            [1, "黄石某某公司", "西应急罚〔2025〕1号", D(2025, 9, 1), D(2025, 9, 5)]]
    ledger = write_xlsx(tmp_path / "区应急管理局_处罚.xlsx", {"处罚": rows})
    _, data, _ = cli_check(tmp_path, ledger, AS_OF)
    assert [(r["unit"], r["party"]) for r in data["records"]] == [("区应急管理局", "黄石某某公司")]


def test_numbers_kept_in_advance_under_two_number_columns_are_still_no_records(tmp_path):
    """A combined sheet (许可 | 处罚 number columns): the second number column is no 'words elsewhere', so the
    numbers filled in advance at the end stay skipped (review of stop 56)."""
    rows = [["序号", "行政许可决定文书号", "行政处罚决定书文号", "相对人名称", "决定日期", "公开日期"],
            [1, "西市监许〔2025〕1号", None, "甲", D(2025, 9, 1), D(2025, 9, 5)],
            [2, None, "西市监罚〔2025〕2号", "乙", D(2025, 9, 1), D(2025, 9, 8)],
            [3, None, "西市监罚〔2025〕3号", None, None, None],
            [4, None, "西市监罚〔2025〕4号", None, None, None]]
    ledger = write_xlsx(tmp_path / "区市场监管局_双公示.xlsx", {"双公示": rows})
    _, data, _ = cli_check(tmp_path, ledger, AS_OF)
    assert [(r["row"], r["status"]) for r in data["records"]] == [(2, "on_time"), (3, "on_time")]
    assert data["summary"]["skipped_rows"] == 2
