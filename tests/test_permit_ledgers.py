"""Permit ledgers as licensing offices keep them (probe p69): a 资质 ledger of 证书编号 and 发证日期, a renewal
ledger with the licence's 初次发证日期, an application's 收件登记日期, a 备注 that says the decision was posted in
the service hall, a 汇总 sheet's copy whose 类别 cell disagrees with its 文书号. Real files, the real CLI.

Worked by hand (2025 国庆: Oct 1–8 off, Sep 28 and Oct 11 worked):
2025-09-26 + 7 working days = 2025-10-13 (Sep 28, 29, 30, Oct 9, 10, 11, 13);
2025-10-09 + 7 = 2025-10-17; 2025-09-30 + 7 = 2025-10-16; 2025-10-09 + 20 = 2025-11-05."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

D = dt.date
SPLIT_DAYS = "[rules]\npermit = 7\npenalty = 20\n"


def _check(tmp_path, path, config: str | None = None, as_of: str = "2025-11-28") -> dict:
    args = ["check", str(path), "--as-of", as_of, "--no-history", "-o", str(tmp_path / "r.xlsx"),
            "--json", str(tmp_path / "r.json")]
    if config is not None:
        (tmp_path / "c.toml").write_text(config, encoding="utf-8")
        args += ["--config", str(tmp_path / "c.toml")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1), result.output
    return json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))


def _by_row(payload) -> dict:
    return {(r["sheet"], r["row"]): (r["category"], r["status"], r["deadline"], [i["code"] for i in r["issues"]])
            for r in payload["records"]}


def test_a_certificate_ledger_dated_by_its_issue_day_holds_permits(tmp_path):
    """No 文号 and no penalty's column: 证书编号 and 发证日期 are a licence's. With permits at 7 days and penalties
    at 20, its category left unknown turned two late permits into 数据有误."""
    rows = [["序号", "证书编号", "企业名称", "资质类别及等级", "发证日期", "公示日期"],
            [1, "D342020001", "甲建筑公司", "建筑工程施工总承包三级", D(2025, 9, 26), D(2025, 10, 15)],
            [2, "D342020002", "乙建筑公司", "市政公用工程施工总承包三级", D(2025, 10, 9), D(2025, 10, 27)],
            [3, "D342020003", "丙建筑公司", "建筑装修装饰工程专业承包二级", D(2025, 9, 30), D(2025, 10, 14)]]
    path = write_xlsx(tmp_path / "区住建局_建筑业企业资质证书台账.xlsx", {"资质": rows})
    got = _by_row(_check(tmp_path, path, SPLIT_DAYS))
    assert {key: value[:3] for key, value in got.items()} == {
        ("资质", 2): ("permit", "late", "2025-10-13"), ("资质", 3): ("permit", "late", "2025-10-17"),
        ("资质", 4): ("permit", "on_time", "2025-10-16")}


def test_a_renewal_ledgers_first_grant_day_is_history_not_a_second_decision_day(tmp_path):
    rows = [["序号", "许可证号", "机构名称", "业务类型", "初次发证日期", "发证日期", "公示日期"],
            [1, "PDY0001", "甲诊所", "延续", D(2018, 5, 4), D(2025, 10, 9), D(2025, 10, 30)],
            [2, "PDY0002", "乙诊所", "延续", D(2020, 3, 2), D(2025, 10, 9), None]]
    path = write_xlsx(tmp_path / "区卫健局_医疗机构执业许可证延续台账.xlsx", {"延续": rows})
    got = _by_row(_check(tmp_path, path))
    assert got[("延续", 2)][:3] == ("permit", "on_time", "2025-11-05")
    assert got[("延续", 3)][:2] == ("permit", "overdue")
    assert not any(code.startswith("second-decision") for value in got.values() for code in value[3])


def test_the_day_an_application_was_logged_is_not_a_decision_day(tmp_path):
    rows = [["序号", "许可文书号", "申请人", "收件登记日期", "批准日期", "公示日期"],
            [1, "西教许〔2025〕1号", "甲培训学校", D(2025, 9, 1), D(2025, 10, 9), D(2025, 11, 3)]]
    path = write_xlsx(tmp_path / "区教育局_校外培训机构审批台账.xlsx", {"审批台账": rows})
    got = _by_row(_check(tmp_path, path))
    assert got == {("审批台账", 2): ("permit", "on_time", "2025-11-05", [])}


def test_posted_in_the_service_hall_is_not_published_online(tmp_path):
    """备注 已在办事大厅公示 with no date was 数据有误 (标注已公开): the rule asks for a website, so the decision is
    overdue; a 备注 that names the website with no day stays a claim without its day."""
    rows = [["序号", "许可证编号", "企业名称", "发证日期", "公示日期", "备注"],
            [1, "鄂CA001", "甲药店", D(2025, 10, 9), None, "已在办事大厅公示"],
            [2, "鄂CA002", "乙药店", D(2025, 10, 9), None, "已在窗口公示栏张贴公示"],
            [3, "鄂CA003", "丙药店", D(2025, 10, 9), None, "已在区政府网站公示"]]
    path = write_xlsx(tmp_path / "区市场监管局_药品经营许可证台账.xlsx", {"药品经营许可": rows})
    got = _by_row(_check(tmp_path, path))
    assert got[("药品经营许可", 2)][1:3] == got[("药品经营许可", 3)][1:3] == ("overdue", "2025-11-05")
    assert got[("药品经营许可", 4)][1] == "invalid" and "published-marked-no-date" in got[("药品经营许可", 4)][3]


def test_a_summary_sheets_copy_typed_with_the_sheets_category_is_the_same_decision(tmp_path):
    """西文旅罚 pasted into the 行政许可 sheet, and copied to 汇总 with 类别 行政许可: one decision, a penalty,
    on time; it was counted twice, once as a late permit."""
    permits = [["序号", "文书号", "相对人", "决定日期", "公开日期"],
               [1, "西文旅许〔2025〕11号", "甲", D(2025, 10, 9), D(2025, 10, 15)],
               [2, "西文旅罚〔2025〕3号", "乙", D(2025, 10, 10), D(2025, 10, 28)]]
    summary = [["序号", "类别", "文书号", "相对人", "决定日期", "公开日期"],
               [1, "行政许可", "西文旅许〔2025〕11号", "甲", D(2025, 10, 9), D(2025, 10, 15)],
               [2, "行政许可", "西文旅罚〔2025〕3号", "乙", D(2025, 10, 10), D(2025, 10, 28)]]
    path = write_xlsx(tmp_path / "区文旅局_2025年10月双公示.xlsx", {"行政许可": permits, "汇总": summary})
    payload = _check(tmp_path, path, SPLIT_DAYS)
    penalty = [r for r in payload["records"] if r["document_number"] == "西文旅罚〔2025〕3号"]
    assert len(penalty) == 1 and (penalty[0]["category"], penalty[0]["status"]) == ("penalty", "on_time")
    assert len(payload["records"]) == 2


@pytest.mark.parametrize("day", ["批准日期", "核准日期", "登记日期"])
def test_a_certificate_ledger_dated_by_its_approval_day_holds_permits_too(tmp_path, day):
    # probe p86 F5: 证书编号 and 批准日期 (no 文号, no penalty's column) was category 未知: with permits at 7 days
    # and penalties at 20, judged by both
    rows = [["序号", "证书编号", "企业名称", "资质类别及等级", day, "公示日期"],
            [1, "D342020001", "甲建筑公司", "建筑工程施工总承包三级", D(2025, 9, 26), D(2025, 10, 15)]]
    path = write_xlsx(tmp_path / "区住建局_资质证书台账.xlsx", {"资质": rows})
    assert _by_row(_check(tmp_path, path, SPLIT_DAYS))[("资质", 2)][:3] == ("permit", "late", "2025-10-13")


def test_a_penalty_ledger_dated_by_an_approval_time_stays_penalties(tmp_path):
    """批准时间 (the head's approval of a 公安 penalty) in a file and sheet named 行政处罚: penalties, not permits
    (review of the issue-day rule: with permits at 7 days an on-time penalty became late)."""
    rows = [["序号", "决定书文号", "被处罚人", "批准时间", "公开日期"],
            [1, "西公(治)决字〔2025〕101号", "甲", D(2025, 11, 3), D(2025, 11, 20)]]
    path = write_xlsx(tmp_path / "区公安分局_2025年11月行政处罚.xlsx", {"行政处罚": rows})
    got = _by_row(_check(tmp_path, path, SPLIT_DAYS))
    assert got[("行政处罚", 2)][:3] == ("penalty", "on_time", "2025-12-01")


def test_a_websites_notice_column_is_online_and_a_hall_screen_is_not(tmp_path):
    notes = ["已于2025年11月5日在区政府信息公开栏目公示", "2025年11月5日已在“信用湖北”公示栏目公示",
             "已于2025年11月5日在湖北政务服务网上办事大厅公示", "已于2025年11月5日在政务服务大厅电子屏公示"]
    rows = [["序号", "行政相对人名称", "许可决定书文号", "许可决定日期", "公开日期", "备注"],
            *[[i + 1, f"某公司{i}", f"西司法许〔2025〕{i + 1}号", D(2025, 10, 30), None, n] for i, n in enumerate(notes)]]
    path = write_xlsx(tmp_path / "区司法局_2025年行政许可.xlsx", {"行政许可": rows})
    got = _by_row(_check(tmp_path, path, SPLIT_DAYS))
    assert [got[("行政许可", r)][1] for r in (2, 3, 4, 5)] == ["on_time", "on_time", "on_time", "overdue"]


def test_a_category_cell_yields_only_to_a_penalty_number(tmp_path):
    """A revoked licence (许可证吊销决定书, 西公(许)决字) under 类别 行政处罚 is a penalty: a 许 in the number never
    overrides the cell; a 罚 does (the 汇总 copy above)."""
    rows = [["序号", "类别", "行政相对人名称", "决定文书号", "决定日期", "公开日期"],
            [1, "行政处罚", "乙", "许可证吊销决定书〔2025〕1号", D(2025, 11, 3), D(2025, 11, 20)],
            [2, "行政处罚", "丁", "西公(许)决字〔2025〕3号", D(2025, 11, 3), D(2025, 11, 20)]]
    path = write_xlsx(tmp_path / "区市场监管局_2025年双公示.xlsx", {"Sheet1": rows})
    got = _by_row(_check(tmp_path, path, SPLIT_DAYS))
    assert {key: value[:2] for key, value in got.items()} == {("Sheet1", 2): ("penalty", "on_time"),
                                                              ("Sheet1", 3): ("penalty", "on_time")}


def test_a_first_grant_day_dates_a_new_licence_that_has_no_other(tmp_path):
    """首次发证日期 filled and 换证日期 blank: a new licence, dated by the first grant (it was left undated,
    数据有误, hiding its lateness); filled both: the 换证 day, with no doubt."""
    rows = [["序号", "行政相对人名称", "许可证号", "首次发证日期", "换证日期", "公开日期"],
            [1, "甲运输公司", "鄂交运管许可黄字420203001号", D(2025, 11, 3), None, D(2025, 11, 20)],
            [2, "乙运输公司", "鄂交运管许可黄字420203002号", D(2018, 5, 3), D(2025, 11, 3), D(2025, 11, 20)]]
    path = write_xlsx(tmp_path / "区交通运输局_2025年行政许可.xlsx", {"行政许可": rows})
    payload = _check(tmp_path, path, SPLIT_DAYS)
    got = _by_row(payload)
    assert got[("行政许可", 2)][:3] == got[("行政许可", 3)][:3] == ("permit", "late", "2025-11-12")
    assert not any(code.startswith("second-decision") for value in got.values() for code in value[3])
    notes = [n for e in payload["inputs"] for s in e["sheets"] for n in s["notes"]]
    assert any("最初发证" in n for n in notes)


def test_an_approval_of_an_applied_matter_is_a_decision_day(tmp_path):
    rows = [["序号", "申请人", "许可决定书文号", "申请事项审批日期", "公开日期"],
            [1, "甲", "西审批许〔2025〕1号", D(2025, 11, 3), D(2025, 11, 20)]]
    path = write_xlsx(tmp_path / "区行政审批局_2025年行政许可.xlsx", {"行政许可": rows})
    got = _by_row(_check(tmp_path, path, SPLIT_DAYS))
    assert got[("行政许可", 2)][:3] == ("permit", "late", "2025-11-12")
