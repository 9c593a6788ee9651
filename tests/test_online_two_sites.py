"""A ledger checked against the credit site's export and the government site's catalogue at once (probe p72):
the earlier of two publications counts, one office spelled two ways on two lists is one office, and another
district's decision on a masked name is no publication of ours. Real files, the real CLI."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from helpers import check_online, write_xlsx

D = dt.date
PERMITS = ["序号", "行政许可决定文书号", "行政相对人名称", "许可决定日期", "上网公开日期"]
PENALTIES = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期"]
CREDIT_PERMITS = ["行政许可决定文书号", "行政相对人名称", "许可决定日期", "公示日期", "许可机关"]
CREDIT_PENALTIES = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"]
CATALOGUE = ["索引号", "标题", "发布机构", "发布日期"]


def _catalogue(path: Path, rows: list[list]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([CATALOGUE, *rows])
    return path


def _check(tmp_path: Path, ledger: Path, lists: list[Path]) -> dict:
    return check_online(tmp_path, ledger, lists, "2026-11-30")


def _results(data: dict) -> dict:
    return {r["document_number"]: (r["status"], r["online"]["result"], r["online"]["published_date"])
            for r in data["records"]}


def test_a_permit_first_published_on_the_government_site_is_judged_by_that_day(tmp_path):
    """The catalogue's title names the licence after the business (关于准予黄石壬餐饮店食品经营许可的决定): its party
    was read as 黄石壬餐饮店食品经营, the entry was dropped, and the credit site's later day made it 逾期公开."""
    items = [(201, "黄石壬餐饮店", "食品经营"), (202, "黄石午建筑劳务有限公司", "建筑业企业资质"),
             (203, "黄石未药房", "药品经营"), (204, "张三饭店管理有限公司", "食品经营")]
    ledger = write_xlsx(tmp_path / "区行政审批局_许可台账.xlsx", {"行政许可": [PERMITS, *[
        [i, f"西审批许〔2026〕{n}号", party, D(2026, 9, 22), D(2026, 10, 21)] for i, (n, party, _) in enumerate(items, 1)]]})
    credit = write_xlsx(tmp_path / "信用西塞山_行政许可.xlsx", {"导出": [CREDIT_PERMITS, *[
        [f"西审批许〔2026〕{n}号", party, "2026-09-22", "2026-11-02", "西塞山区行政审批局"] for n, party, _ in items]]})
    catalogue = _catalogue(tmp_path / "区政府网站_信息公开目录.csv", [
        [f"011/2026-{n}", f"关于准予{party}{item}许可的决定（西审批许〔2026〕{n}号）", "西塞山区行政审批局", "2026-10-21"]
        for n, party, item in items])
    got = _results(_check(tmp_path, ledger, [credit, catalogue]))
    assert set(got.values()) == {("on_time", "confirmed", "2026-10-21")}, got


def test_one_office_spelled_two_ways_on_two_lists_is_the_ledgers_office(tmp_path):
    """黄石市西塞山区市场监督管理局 on the credit site, 西塞山区市场监督管理局 in the catalogue: the ledger's 区市场监管局
    was taken for neither, so a decision on no list was 无法核对 (its lateness hidden), and the lists' own
    decisions were counted under two made-up units."""
    ledger = write_xlsx(tmp_path / "区市场监管局_行政处罚台账.xlsx", {"行政处罚": [PENALTIES,
        [1, "西市监罚〔2026〕41号", "黄石甲商贸有限公司", D(2026, 9, 3), D(2026, 9, 15)],
        [2, "西市监罚〔2026〕42号", "黄石乙餐饮有限公司", D(2026, 10, 12), D(2026, 10, 20)],
        [3, "西市监罚〔2026〕45号", "黄石丁五金店", D(2026, 10, 13), D(2026, 10, 22)]]})
    credit = write_xlsx(tmp_path / "信用西塞山_行政处罚导出.xlsx", {"导出": [CREDIT_PENALTIES,
        ["西市监罚〔2026〕41号", "黄石甲商贸有限公司", "2026-09-03", "2026-09-15", "黄石市西塞山区市场监督管理局"],
        ["西市监罚〔2026〕44号", "黄石戊加油站", "2026-10-20", "2026-10-28", "黄石市西塞山区市场监督管理局"],
        ["西市监罚〔2026〕47号", "黄石庚超市", "2026-11-10", "2026-11-20", "黄石市西塞山区市场监督管理局"]]})
    catalogue = _catalogue(tmp_path / "区政府网站_信息公开目录.csv", [
        ["011/2026-1", "关于对黄石丁五金店的行政处罚决定书（西市监罚〔2026〕45号）", "西塞山区市场监督管理局", "2026-10-22"],
        ["011/2026-2", "关于对黄石己药房的行政处罚决定书（西市监罚〔2026〕46号）", "西塞山区市场监督管理局", "2026-11-25"]])
    data = _check(tmp_path, ledger, [credit, catalogue])
    assert _results(data)["西市监罚〔2026〕42号"][:2] == ("overdue", "not-found"), _results(data)
    assert {(o["unit"], o["document_number"]) for o in data["online_only"]} == {
        ("区市场监管局", "西市监罚〔2026〕44号"), ("区市场监管局", "西市监罚〔2026〕46号"), ("区市场监管局", "西市监罚〔2026〕47号")}


def test_another_districts_decision_on_a_masked_name_is_no_publication_of_ours(tmp_path):
    """西市监罚〔2026〕21号 on 张某某, on no list; the list holds 港市监罚〔2026〕21号 on 张某某 the same day, by
    黄石港区's bureau. The surname and the day made them 无法确定对应, judged by the ledger (按时公开)."""
    ledger = write_xlsx(tmp_path / "区市场监管局_行政处罚台账.xlsx", {"行政处罚": [PENALTIES,
        [1, "西市监罚〔2026〕12号", "黄石甲公司", D(2026, 9, 1), D(2026, 9, 15)],
        [2, "西市监罚〔2026〕21号", "张某某", D(2026, 10, 12), D(2026, 10, 20)],
        [3, "西市监罚〔2026〕30号", "黄石乙公司", D(2026, 11, 2), D(2026, 11, 10)]]})
    ours = [["西市监罚〔2026〕12号", "黄石甲公司", "2026-09-01", "2026-09-15", "黄石市西塞山区市场监督管理局"],
            ["西市监罚〔2026〕30号", "黄石乙公司", "2026-11-02", "2026-11-10", "黄石市西塞山区市场监督管理局"]]
    credit = write_xlsx(tmp_path / "信用黄石_行政处罚导出.xlsx", {"导出": [CREDIT_PENALTIES, *ours,
        ["港市监罚〔2026〕21号", "张某某", "2026-10-12", "2026-10-16", "黄石市黄石港区市场监督管理局"]]})
    got = _results(_check(tmp_path, ledger, [credit]))
    assert got["西市监罚〔2026〕21号"][:2] == ("overdue", "not-found"), got
    # the same number shortened (市监罚 for 西市监罚) is still a possible publication of ours: in doubt, not 未见
    credit = write_xlsx(tmp_path / "信用黄石_行政处罚导出.xlsx", {"导出": [CREDIT_PENALTIES, *ours,
        ["市监罚〔2026〕21号", "张某某", "2026-10-12", "2026-10-16", "黄石市市场监督管理局"]]})
    got = _results(_check(tmp_path, ledger, [credit]))
    assert got["西市监罚〔2026〕21号"][1] != "not-found", got


def test_a_list_naming_the_office_by_its_new_name_speaks_for_it_by_the_numbers_they_share(tmp_path):
    """区环保局's ledger, the list's 黄石市生态环境局西塞山区分局 (renamed): 5号 matched by number, yet 6号, on no
    list, was 无法核对 (按时公开), and the list's own 7号 was 台账未登记 of a unit of its own. The numbers they share
    make them one office, and 说明 says so; another district's office (港环罚) never is."""
    import openpyxl

    ledger = write_xlsx(tmp_path / "区环保局_行政处罚台账.xlsx", {"行政处罚": [PENALTIES,
        [1, "西环罚〔2026〕5号", "黄石寅化工有限公司", D(2026, 9, 14), D(2026, 9, 30)],
        [2, "西环罚〔2026〕6号", "黄石卯铸造厂", D(2026, 9, 22), D(2026, 10, 9)]]})
    credit = write_xlsx(tmp_path / "信用黄石_行政处罚导出.xlsx", {"导出": [CREDIT_PENALTIES,
        ["西环罚〔2026〕5号", "黄石寅化工有限公司", "2026-09-14", "2026-09-30", "黄石市生态环境局西塞山区分局"],
        ["西环罚〔2026〕7号", "黄石巳纸业有限公司", "2026-10-30", "2026-11-10", "黄石市生态环境局西塞山区分局"],
        ["港环罚〔2026〕2号", "黄石港丙公司", "2026-10-08", "2026-10-12", "黄石市生态环境局黄石港区分局"]]})
    data = _check(tmp_path, ledger, [credit])
    got = _results(data)
    assert got["西环罚〔2026〕5号"][:2] == ("on_time", "confirmed") and got["西环罚〔2026〕6号"][:2] == ("overdue", "not-found"), got
    assert {(o["unit"], o["document_number"]) for o in data["online_only"]} == {
        ("区环保局", "西环罚〔2026〕7号"), ("黄石市生态环境局黄石港区分局", "港环罚〔2026〕2号")}
    about = " ".join(str(c) for row in openpyxl.load_workbook(tmp_path / "r.xlsx")["说明"].iter_rows(values_only=True)
                     for c in row if c)
    assert "“黄石市生态环境局西塞山区分局”与台账中的“区环保局”名称不同，但有相同的文书号" in about


def test_a_penalty_titles_party_keeps_its_whole_name(tmp_path):
    """Review 59: the licence words were cut from any title, so 黄石港区鸿运酒店用品批发 (a penalty's party, named in a
    catalogue title without a number) became 黄石港区鸿运酒店: its on-time publication was lost (网站未见)."""
    ledger = write_xlsx(tmp_path / "区市场监管局_行政处罚台账.xlsx", {"行政处罚": [PENALTIES,
        [1, "西市监罚〔2026〕5号", "黄石港区鸿运酒店用品批发", D(2026, 10, 12), D(2026, 10, 20)],
        [2, "西市监罚〔2026〕7号", "西塞山区十里店建筑施工", D(2026, 9, 1), D(2026, 9, 10)]]})
    catalogue = _catalogue(tmp_path / "区政府网站_信息公开目录.csv", [
        ["011/2026-1", "关于对黄石港区鸿运酒店用品批发的行政处罚决定书", "西塞山区市场监督管理局", "2026-10-20"],
        ["011/2026-2", "关于对西塞山区十里店建筑施工的行政处罚决定书", "西塞山区市场监督管理局", "2026-09-10"]])
    data = _check(tmp_path, ledger, [catalogue])
    # a title without a number and no decision date: the party's, in doubt (ambiguous), never 网站未见
    assert {r[:2] for r in _results(data).values()} == {("on_time", "ambiguous")}, _results(data)
    assert data["online_only"] == []


def test_the_city_bureaus_list_holding_one_of_our_cases_is_not_our_office(tmp_path):
    """Review 59: 黄石市市场监督管理局's rows held one of our decisions beside its own 黄市监罚 numbers; one shared
    decision made it our office, and its own decisions our 台账未登记."""
    ledger = write_xlsx(tmp_path / "区市场监管局_行政处罚台账.xlsx", {"行政处罚": [PENALTIES,
        [1, "西市监罚〔2026〕12号", "黄石甲商贸有限公司", D(2026, 9, 1), D(2026, 9, 15)],
        [2, "西市监罚〔2026〕21号", "黄石乙建材有限公司", D(2026, 10, 12), D(2026, 10, 20)]]})
    credit = write_xlsx(tmp_path / "信用黄石_行政处罚导出.xlsx", {"导出": [CREDIT_PENALTIES,
        ["西市监罚〔2026〕21号", "黄石乙建材有限公司", "2026-10-12", "2026-10-20", "黄石市市场监督管理局"],
        ["黄市监罚〔2026〕101号", "黄石丁实业有限公司", "2026-10-02", "2026-10-10", "黄石市市场监督管理局"]]})
    data = _check(tmp_path, ledger, [credit])
    assert {(o["unit"], o["document_number"]) for o in data["online_only"]} == {
        ("黄石市市场监督管理局", "黄市监罚〔2026〕101号")}, data["online_only"]
