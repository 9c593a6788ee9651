"""What a ledger says of a decision's state beside its dates. 撤销公示日期 (taken down after 信用修复) beside a
blank publication date: the decision was online, its day unknown: a data problem to check, never 逾期未公开,
and never read as the publication date. 审批中 / 办理中: no decision yet, a skipped row."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_csv, write_xlsx

D = dt.date


def test_a_take_down_day_with_no_publication_day_is_no_overdue(tmp_path):
    header = ["决定书文号", "当事人", "处罚决定日期", "公示日期", "撤销公示日期", "备注"]
    book = write_xlsx(tmp_path / "区综合执法局_行政处罚.xlsx", {"行政处罚": [
        header,
        ["西综执罚〔2024〕61号", "甲", D(2024, 3, 1), D(2024, 3, 5), None, None],
        ["西综执罚〔2024〕62号", "乙", D(2024, 3, 1), D(2024, 3, 6), D(2024, 9, 2), "信用修复后撤下"],
        ["西综执罚〔2024〕63号", "丙", D(2024, 3, 1), None, D(2024, 9, 2), "信用修复后撤下"],
        ["西综执罚〔2024〕64号", "丁", D(2024, 3, 1), None, None, None],
    ]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--json", "-"])
    records = {r["document_number"][-3:]: r for r in json.loads(result.stdout)["records"]}
    assert {k: r["status"] for k, r in records.items()} == {"61号": "on_time", "62号": "on_time", "63号": "invalid",
                                                            "64号": "overdue"}
    assert records["62号"]["published_date"] == "2024-03-06"  # the publication, not the take-down
    assert "published-marked-no-date" in [i["code"] for i in records["63号"]["issues"]]



def test_a_placeholder_in_the_take_down_column_hides_no_overdue(tmp_path):
    header = ["决定书文号", "当事人", "处罚决定日期", "公示日期", "撤销公示日期"]
    rows = [[f"西综执罚〔2024〕{i}号", "甲", D(2024, 1, 5), None, mark] for i, mark in
            enumerate(["无", "未撤销", "/", "-", "否"], start=1)]
    book = write_xlsx(tmp_path / "区综合执法局_行政处罚.xlsx", {"行政处罚": [header, *rows]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-06-30", "--json", "-"])
    assert [r["status"] for r in json.loads(result.stdout)["records"]] == ["overdue"] * 5


def test_a_revocation_decisions_own_publication_column_is_its_publication_date(tmp_path):
    # 撤销许可决定 is itself a decision to publish: its 公示日期 column is no take-down
    header = ["决定书文号", "被许可人", "撤销许可决定日期", "撤销许可决定公示日期"]
    book = write_xlsx(tmp_path / "区市场监管局_撤销许可.xlsx", {"行政许可": [
        header, ["西市监撤〔2024〕1号", "甲", D(2024, 3, 1), D(2024, 3, 5)]]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-06-30", "--json", "-"])
    assert [r["status"] for r in json.loads(result.stdout)["records"]] == ["on_time"]


def test_applications_not_yet_decided_are_skipped_rows_not_invalid_records(tmp_path):
    # 审批中 in the date cell, or 办理中 in 办理状态 beside a blank date: no decision yet, so nothing to publish;
    # judged, each was 数据有误 (fill in a date that does not exist) every month until decided.
    header = ["序号", "许可文书号", "申请人", "受理日期", "许可决定日期", "公开日期", "办理状态"]
    book = write_xlsx(tmp_path / "区住建局_2024年行政许可台账.xlsx", {"行政许可": [
        header,
        [1, "西住建许〔2024〕1号", "甲公司", D(2024, 2, 20), D(2024, 3, 5), D(2024, 3, 12), "已办结"],
        [2, None, "乙公司", D(2024, 12, 20), "审批中", None, "办理中"],
        [3, None, "丙公司", D(2024, 12, 25), None, None, "待审批"],
        [4, "西住建许〔2024〕4号", "丁公司", D(2024, 11, 1), "不予许可", D(2024, 11, 20), "已办结"],  # decided: a date missing
    ]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--json", "-"])
    data = json.loads(result.stdout)
    assert [(r["row"], r["status"]) for r in data["records"]] == [(2, "on_time"), (5, "invalid")]
    assert data["summary"]["skipped_rows"] == 2
    assert "第 3–4 行注明还在办理" in json.dumps(data["inputs"], ensure_ascii=False) or \
        "第 3、4 行注明还在办理" in json.dumps(data["inputs"], ensure_ascii=False)


@pytest.mark.parametrize("state", ["已受理", "待受理", "审核中", "初审", "补正材料", "退回补正", "挂起", "撤回", "申请人撤回",
                                   "不予受理"])
def test_a_one_window_stage_or_a_withdrawn_application_is_no_decision(tmp_path, state):
    # probe: 一窗受理 rows (已受理, 补正材料 …) beside no date or number were 数据有误, pulling the unit's rate
    # down; 撤回 was also a claim of not publishing (exempt-claimed) for a decision that never existed
    header = ["序号", "许可文书号", "申请人", "受理日期", "许可决定日期", "公开日期", "办件状态"]
    book = write_xlsx(tmp_path / "区审批局_2024年行政许可台账.xlsx", {"行政许可": [
        header, [1, "西审批许〔2024〕1号", "甲公司", D(2024, 2, 20), D(2024, 3, 5), D(2024, 3, 12), "已办结"],
        [2, None, "乙公司", D(2024, 12, 20), None, None, state]]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--json", "-"])
    data = json.loads(result.stdout)
    assert [(r["row"], r["status"]) for r in data["records"]] == [(2, "on_time")]
    assert data["summary"]["skipped_rows"] == 1


@pytest.mark.parametrize("column", ["办理结果", "审批结果", "备注"])
def test_a_withdrawn_or_refused_application_under_a_result_column_is_no_decision(tmp_path, column):
    # probe p86 F3: 申请人撤回 / 不予受理 under 办理结果 or 审批结果 (not 办理状态) were 数据有误, the unit's
    # rate 100% → 33.3% for applications never decided; in 备注 also a claim of not publishing (exempt-claimed)
    header = ["序号", "申请人", column, "受理日期", "许可决定日期", "许可文书号", "公开日期"]
    book = write_xlsx(tmp_path / "区人社局_劳务派遣许可台账.xlsx", {"行政许可": [
        header, [1, "黄石甲劳务有限公司", "准予许可", D(2024, 9, 1), D(2024, 9, 2), "西人社许〔2024〕1号", D(2024, 9, 20)],
        [2, "黄石乙劳务有限公司", "申请人撤回", D(2024, 9, 1), None, None, None],
        [3, "黄石丙劳务有限公司", "不予受理", D(2024, 9, 1), None, None, None]]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--json", "-"])
    data = json.loads(result.stdout)
    assert [(r["row"], r["status"]) for r in data["records"]] == [(2, "on_time")], result.output
    assert data["summary"]["skipped_rows"] == 2


def test_withdrawn_in_a_remark_beside_a_decision_number_or_date_is_what_befell_the_decision(tmp_path):
    # 撤回 may also be a decision withdrawn (行政许可法 第八条): with its number or its date it stays a record;
    # so does a bare 撤回 / 已撤回 with neither (review rev62: judged, the unit's claim for 法制办)
    header = ["序号", "申请人", "备注", "许可决定日期", "许可文书号", "公开日期"]
    book = write_xlsx(tmp_path / "区人社局_许可台账.xlsx", {"行政许可": [
        header, [1, "黄石乙劳务有限公司", "申请人撤回", None, "西人社许〔2024〕2号", None],
        [2, "黄石丙劳务有限公司", "撤回", D(2024, 9, 2), None, None],
        [3, "黄石丁劳务有限公司", "撤回", None, None, None], [4, "黄石戊劳务有限公司", "已撤回", None, None, None]]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--json", "-"])
    assert [r["row"] for r in json.loads(result.stdout)["records"]] == [2, 3, 4, 5]


@pytest.mark.parametrize("state", ["撤回", "中止", "审查"])
def test_a_state_beside_a_decision_number_is_what_befell_the_decision_not_an_application(tmp_path, state):
    # second review: 撤回 / 中止 / 审查 beside a decision number and no dates was skipped as an application
    # never decided; the number says a decision was issued: its dates are missing (数据有误)
    header = ["序号", "许可文书号", "申请人", "许可决定日期", "公开日期", "当前状态"]
    book = write_xlsx(tmp_path / "区审批局_2024年行政许可台账.xlsx", {"行政许可": [
        header, [1, "西审批许〔2024〕7号", "乙公司", None, None, state]]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--json", "-"])
    assert [r["status"] for r in json.loads(result.stdout)["records"]] == ["invalid"]


def test_a_remark_that_mentions_an_office_or_an_earlier_state_never_skips_a_published_decision(tmp_path):
    header = ["决定书文号", "当事人", "处罚决定日期", "公示日期", "备注"]
    rows = [[f"西人社罚〔2024〕{i}号", "甲", None, D(2024, 3, 6), remark] for i, remark in
            enumerate(["已在办事大厅公示", "已办结，之前审批中", "未决定书面送达"], start=1)]
    book = write_xlsx(tmp_path / "区人社局_2024年行政处罚.xlsx", {"行政处罚": [header, *rows]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--json", "-"])
    data = json.loads(result.stdout)
    assert len(data["records"]) == 3 and data["summary"]["skipped_rows"] == 0


@pytest.mark.parametrize("mark", ["已撤销", "2024年6月", "2024-06-03"])
def test_a_take_down_said_in_words_or_without_a_day_is_still_one(tmp_path, mark):
    header = ["决定书文号", "当事人", "处罚决定日期", "公示日期", "撤销公示日期"]
    book = write_xlsx(tmp_path / "区综合执法局_行政处罚.xlsx", {"行政处罚": [
        header, ["西综执罚〔2024〕1号", "甲", D(2024, 1, 5), None, mark]]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-06-30", "--json", "-"])
    assert [r["status"] for r in json.loads(result.stdout)["records"]] == ["invalid"]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_pages_address_beside_a_blank_date_is_no_overdue(tmp_path, kind):
    # probe 14: 公示网址 gave the page (…/t20251015_3.html) and 公示时间 was blank: 逾期未公开, an office
    # accused of never publishing what its ledger shows online. The bare site or a folder on every row
    # says where decisions go, not that this one went.
    rows = [["序号", "许可决定书文号", "行政相对人名称", "许可决定日期", "公示网址", "公示时间"],
            [1, "西审批许〔2025〕301号", "甲", D(2025, 10, 9), "http://www.xss.gov.cn/xxgk/xzxk/202511/t20251105_1.html",
             D(2025, 11, 5)],
            [2, "西审批许〔2025〕303号", "乙", D(2025, 10, 10), "http://www.xss.gov.cn/xxgk/xzxk/202510/t20251015_3.html",
             None],
            [3, "西审批许〔2025〕304号", "丙", D(2025, 12, 15), "www.xss.gov.cn/xxgk/detail?id=304", None],
            [4, "西审批许〔2025〕305号", "丁", D(2025, 10, 11), "http://www.xss.gov.cn", None],
            [5, "西审批许〔2025〕306号", "戊", D(2025, 10, 11), "http://www.xss.gov.cn/xxgk/xzxk/", None],
            [6, "西审批许〔2025〕307号", "己", D(2025, 10, 11), None, None]]
    name = "区行政审批局_2025年行政许可"
    if kind == "xlsx":
        path = write_xlsx(tmp_path / f"{name}.xlsx", {"许可": rows})
    else:
        path = write_csv(tmp_path / f"{name}.csv", [["" if c is None else c.isoformat() if isinstance(c, D) else c
                                                     for c in row] for row in rows])
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2025-12-31", "--json", "-"])
    records = {r["document_number"][-4:]: r for r in json.loads(result.stdout)["records"]}
    assert {k: (r["status"], [i["code"] for i in r["issues"]]) for k, r in records.items()} == {
        "301号": ("on_time", []),
        "303号": ("invalid", ["published-marked-no-date"]),  # deadline 2025-11-06 passed: 数据有误, not 逾期
        "304号": ("pending", ["published-marked-no-date"]),  # deadline in January: 未到期, with the note
        "305号": ("overdue", []), "306号": ("overdue", []), "307号": ("overdue", [])}


def test_a_ledger_with_only_a_published_mark_is_judged_by_it_where_it_is_clear(tmp_path):
    # probe 15: 最迟公开日期 | 是否已公开, no publication-date column: the unit's own 否 was 数据有误 (no
    # column), hiding two overdue decisions; 是 with no day is published-marked-no-date; a blank mark, unknown
    header = ["序号", "处罚决定书文号", "当事人", "处罚决定日期", "最迟公开日期", "是否已公开"]
    book = write_xlsx(tmp_path / "区商务局_2025年行政处罚（公开进度）.xlsx", {"进度": [
        ["区商务局行政处罚决定公开进度表"], header,
        [1, "西商罚〔2025〕1号", "甲", D(2025, 9, 1), D(2025, 9, 28), "是"],
        [2, "西商罚〔2025〕2号", "乙", D(2025, 10, 9), D(2025, 11, 5), "否"],
        [3, "西商罚〔2025〕3号", "丙", D(2025, 11, 3), D(2025, 12, 1), "未公开"],
        [4, "西商罚〔2025〕4号", "丁", D(2025, 11, 3), D(2025, 12, 1), None],
        [5, "西商罚〔2025〕5号", "戊", D(2025, 12, 22), D(2026, 1, 20), "否"]]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2025-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", "-"])
    data = json.loads(result.stdout)
    records = {r["document_number"][-2:]: r for r in data["records"]}
    assert {k: (r["status"], r["working_days_late"]) for k, r in records.items()} == {
        "1号": ("invalid", None), "2号": ("overdue", 40), "3号": ("overdue", 22), "4号": ("invalid", None),
        "5号": ("pending", None)}
    assert [i["code"] for i in records["1号"]["issues"]] == ["published-marked-no-date"]
    assert [i["code"] for i in records["4号"]["issues"]] == ["published-column-missing"]
    [note] = [n for n in data["inputs"][0]["sheets"][0]["notes"] if "公开日期列" in n]
    assert "只能按“是否已公开”列判断" in note


def test_a_bare_no_under_whether_to_publish_is_no_verdict(tmp_path):
    # 是否公开 否 may be 不予公开 (decided not to publish): without a date column it is still unknown
    book = write_xlsx(tmp_path / "区商务局_2025年行政处罚.xlsx", {"处罚": [
        ["序号", "处罚决定书文号", "当事人", "处罚决定日期", "是否公开"],
        [1, "西商罚〔2025〕2号", "乙", D(2025, 10, 9), "否"], [2, "西商罚〔2025〕3号", "丙", D(2025, 10, 9), "未公开"]]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2025-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", "-"])
    records = {r["document_number"][-2:]: r for r in json.loads(result.stdout)["records"]}
    assert (records["2号"]["status"], [i["code"] for i in records["2号"]["issues"]]) == ("invalid", ["published-column-missing"])
    assert records["3号"]["status"] == "overdue"
