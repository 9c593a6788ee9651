"""Online matching where a list says less than the ledger, or differently: the first publication across
several lists counts, another unit's decision under the same number lends nothing, names masked as 某 or
with a legal form in brackets are the same party. Real files, the real CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from compliance.cli import main
from helpers import check_online, write_csv, write_xlsx

D = dt.date
LEDGER_HEADER = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期"]
CREDIT_HEADER = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"]


def check(tmp_path: Path, ledger_name: str, rows: list[list], *lists: Path) -> tuple[dict, dict]:
    ledger = write_xlsx(tmp_path / ledger_name, {"处罚": [LEDGER_HEADER, *rows]})
    data = check_online(tmp_path, ledger, lists, "2023-12-31")
    return {r["document_number"]: (r["status"], r["online"]["result"], r["online"]["published_date"])
            for r in data["records"]}, data


def test_the_earliest_publication_counts_also_where_that_list_names_no_party_or_date(tmp_path):
    """The catalogue has the number only (alone, or inside a title); the credit list agrees on everything
    but went online later: the catalogue's earlier day is the first publication, not a lesser match."""
    rows = [[1, "西市监罚〔2023〕21号", "黄石甲食品有限公司", D(2023, 5, 4), D(2023, 5, 10)],
            [2, "西市监罚〔2023〕22号", "黄石乙食品有限公司", D(2023, 5, 5), D(2023, 5, 11)]]
    credit = write_xlsx(tmp_path / "信用西塞山_行政处罚.xlsx", {"Sheet1": [CREDIT_HEADER,
        ["西市监罚〔2023〕21号", "黄石甲食品有限公司", D(2023, 5, 4), D(2023, 6, 20), "区市场监管局"],
        ["西市监罚〔2023〕22号", "黄石乙食品有限公司", D(2023, 5, 5), D(2023, 6, 20), "区市场监管局"]]})
    gov = write_csv(tmp_path / "区政府网站_信息公开目录.csv", [["文号", "信息名称", "发布机构", "发布日期"],
        ["西市监罚〔2023〕21号", "行政处罚决定书", "区市场监管局", "2023-05-10"],
        ["", "黄石乙食品有限公司行政处罚西市监罚〔2023〕22号", "区市场监管局", "2023-05-11"]])
    results, data = check(tmp_path, "区市场监管局_处罚.xlsx", rows, credit, gov)
    assert results == {"西市监罚〔2023〕21号": ("on_time", "confirmed", "2023-05-10"),
                       "西市监罚〔2023〕22号": ("on_time", "confirmed", "2023-05-11")}
    assert data["online_only"] == []


def test_another_units_decision_for_another_party_under_the_same_number_lends_no_date(tmp_path):
    rows = [[1, "西罚〔2023〕8号", "黄石乙矿业公司", D(2023, 7, 4), None]]
    credit = write_xlsx(tmp_path / "信用西塞山_行政处罚.xlsx", {"Sheet1": [CREDIT_HEADER,
        ["西罚〔2023〕8号", "黄石丁贸易公司", D(2023, 7, 4), D(2023, 7, 12), "区市场监管局"],
        ["西应急罚〔2023〕31号", "黄石辛公司", D(2023, 11, 1), D(2023, 11, 8), "区应急局"]]})  # the unit is listed
    results, data = check(tmp_path, "区应急局_处罚.xlsx", rows, credit)
    assert results == {"西罚〔2023〕8号": ("overdue", "not-found", None)}
    assert sorted(e["party"] for e in data["online_only"]) == ["黄石丁贸易公司", "黄石辛公司"]


def test_names_masked_as_mou_and_legal_forms_in_brackets_are_the_same_party(tmp_path):
    """王某 for 王五 with the decision date a day off is the same decision (as 张*三 is); 乙诊所（普通合伙）
    and 张三职业介绍所 without （个体工商户） name the ledger's party."""
    rows = [[1, "西卫健罚〔2023〕1号", "王五", D(2023, 4, 5), D(2023, 4, 12)],
            [2, "西卫健罚〔2023〕2号", "黄石乙诊所", D(2023, 8, 2), D(2023, 8, 28)],
            [3, "西卫健罚〔2023〕3号", "西塞山区张三职业介绍所（个体工商户）", D(2023, 8, 3), D(2023, 8, 8)]]
    credit = write_xlsx(tmp_path / "信用西塞山_行政处罚.xlsx", {"Sheet1": [CREDIT_HEADER,
        ["西卫健罚〔2023〕1号", "王某", D(2023, 4, 6), D(2023, 4, 12), "区卫健局"],
        ["西卫健罚〔2023〕2号", "黄石乙诊所（普通合伙）", D(2023, 8, 3), D(2023, 8, 28), "区卫健局"],
        ["", "西塞山区张三职业介绍所", D(2023, 8, 3), D(2023, 8, 8), "区卫健局"]]})
    results, data = check(tmp_path, "区卫健局_处罚.xlsx", rows, credit)
    assert results == {"西卫健罚〔2023〕1号": ("on_time", "confirmed", "2023-04-12"),
                       "西卫健罚〔2023〕2号": ("on_time", "confirmed", "2023-08-28"),
                       "西卫健罚〔2023〕3号": ("on_time", "confirmed", "2023-08-08")}
    assert data["online_only"] == []


def test_a_list_without_numbers_and_with_masked_names_is_no_proof_of_absence(tmp_path):
    """Only party and date to match by, and the site masks the name: maybe this record, maybe not;
    said as ambiguous, never 网站未见."""
    rows = [[1, "西卫健罚〔2023〕1号", "张小三", D(2023, 4, 3), D(2023, 4, 10)],
            [2, "西卫健罚〔2023〕2号", "赵六六", D(2023, 4, 6), D(2023, 4, 13)]]
    credit = write_xlsx(tmp_path / "信用西塞山_行政处罚.xlsx", {"Sheet1": [CREDIT_HEADER[1:],
        ["张*三", D(2023, 4, 3), D(2023, 4, 10), "区卫健局"],
        ["赵某某", D(2023, 4, 6), D(2023, 4, 13), "区卫健局"]]})
    results, data = check(tmp_path, "区卫健局_处罚.xlsx", rows, credit)
    assert {n: r[1] for n, r in results.items()} == {"西卫健罚〔2023〕1号": "ambiguous",
                                                    "西卫健罚〔2023〕2号": "ambiguous"}
    assert data["online_only"] == []


def test_a_record_that_needs_no_publication_is_never_unseen_and_a_two_cell_footer_is_no_entry(tmp_path):
    """简易程序 under the market rule: absent from the site as it may be (not 网站未见, not counted as such);
    制表人：李四 | 审核人：王五 under the list is its footer, not a decision missing from the ledger."""
    header = [*LEDGER_HEADER, "程序类型"]
    ledger = write_xlsx(tmp_path / "区市场监管局_处罚.xlsx", {"处罚": [header,
        [1, "西市监罚〔2023〕51号", "黄石甲超市", D(2023, 6, 1), D(2023, 6, 8), "普通程序"],
        [2, "西市监简罚〔2023〕52号", "黄石乙超市", D(2023, 6, 2), None, "简易程序"],
        [3, "西市监罚〔2023〕54号", "黄石丁超市", D(2023, 6, 6), D(2023, 6, 9), "普通程序"]]})
    credit = write_xlsx(tmp_path / "信用西塞山_行政处罚.xlsx", {"Sheet1": [CREDIT_HEADER,
        ["西市监罚〔2023〕51号", "黄石甲超市", D(2023, 6, 1), D(2023, 6, 8), "区市场监管局"],
        ["西市监罚〔2023〕60号", "黄石戊超市", D(2023, 11, 1), D(2023, 11, 8), "区市场监管局"],
        ["制表人：李四", None, "审核人：王五", None, None]]})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(ledger), "--online", str(credit), "--rule", "market",
                                       "--as-of", "2023-12-31", "--no-history", "-o", str(tmp_path / "r.xlsx"),
                                       "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    results = {r["document_number"]: (r["status"], r["online"]["result"]) for r in data["records"]}
    assert results == {"西市监罚〔2023〕51号": ("on_time", "confirmed"),
                       "西市监简罚〔2023〕52号": ("exempt", "not-verifiable"),
                       "西市监罚〔2023〕54号": ("overdue", "not-found")}
    columns = data["unit_summary"]["columns"]
    assert data["unit_summary"]["rows"][-1][columns.index("网站未见")] == 1
    assert [e["document_number"] for e in data["online_only"]] == ["西市监罚〔2023〕60号"]


def test_a_grant_title_is_a_permit_whatever_words_the_partys_name_holds(tmp_path):
    """拘留所, 安全警告标志: penalty words inside a party's name do not make 准予…许可的决定 a penalty."""
    ledger = write_xlsx(tmp_path / "区市场监管局_许可.xlsx", {"许可": [
        ["序号", "行政许可决定文书号", "行政相对人名称", "许可决定日期", "公示日期"],
        [1, "西市监许〔2023〕8号", "西塞山区拘留所", D(2023, 6, 5), D(2023, 6, 8)],
        [2, "西市监许〔2023〕9号", "黄石安全警告标志有限公司", D(2023, 6, 6), D(2023, 6, 9)]]})
    gov = write_csv(tmp_path / "区政府网站_信息公开目录.csv", [["索引号", "信息名称", "发布机构", "发布日期"],
        ["1", "关于准予西塞山区拘留所食堂食品经营许可的决定（西市监许〔2023〕8号）", "区市场监管局", "2023-06-08"],
        ["2", "关于准予黄石安全警告标志有限公司工业产品生产许可的决定（西市监许〔2023〕9号）", "区市场监管局", "2023-06-09"],
        ["3", "关于吊销黄石丙公司食品经营许可的决定（西市监罚〔2023〕3号）", "区市场监管局", "2023-11-09"]])
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(ledger), "--online", str(gov), "--as-of", "2023-12-31",
                                       "--no-history", "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [(r["status"], r["online"]["result"]) for r in data["records"]] == [("on_time", "confirmed")] * 2
    assert [(e["category"], e["document_number"]) for e in data["online_only"]] == [("penalty", "西市监罚〔2023〕3号")]


def test_a_typed_future_date_does_not_stretch_the_list_and_later_decisions_are_not_unregistered(tmp_path):
    """A list exported in 2023 with one 2032 typo: a decision after its real export is 无法核对, not 网站未见.
    An entry decided after --as-of is outside this check (no ledger holds it yet), not 台账未登记."""
    rows = [[1, "西环罚〔2023〕1号", "黄石甲化工公司", D(2023, 9, 1), D(2023, 9, 8)],
            [2, "西环罚〔2023〕3号", "黄石丙化工公司", D(2023, 11, 1), D(2023, 11, 10)]]
    credit = write_xlsx(tmp_path / "信用西塞山_行政处罚_导出20230930.xlsx", {"Sheet1": [CREDIT_HEADER,
        ["西环罚〔2023〕1号", "黄石甲化工公司", D(2023, 9, 1), D(2023, 9, 8), "区环保局"],
        ["西环罚〔2023〕0号", "黄石戊化工公司", D(2023, 8, 1), D(2032, 9, 10), "区环保局"],
        ["西环罚〔2024〕1号", "黄石己化工公司", D(2024, 1, 5), D(2023, 9, 20), "区环保局"]]})
    ledger = write_xlsx(tmp_path / "区环保局_处罚.xlsx", {"处罚": [LEDGER_HEADER, *rows]})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(ledger), "--online", str(credit), "--as-of", "2023-12-31",
                                       "--no-history", "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    results = {r["document_number"]: (r["status"], r["online"]["result"]) for r in data["records"]}
    assert results == {"西环罚〔2023〕1号": ("on_time", "confirmed"), "西环罚〔2023〕3号": ("on_time", "not-verifiable")}
    assert [e["document_number"] for e in data["online_only"]] == ["西环罚〔2023〕0号"]


def test_a_decision_missing_from_the_ledger_on_two_sites_is_one_unregistered_item(tmp_path):
    rows = [[1, "西卫健罚〔2023〕1号", "黄石甲诊所", D(2023, 8, 1), D(2023, 8, 25)]]
    province = write_xlsx(tmp_path / "信用湖北_行政处罚.xlsx", {"Sheet1": [
        ["行政处罚决定书文号", "行政相对人名称", "公示日期", "处罚机关"],
        ["西卫健罚〔2023〕1号", "黄石甲诊所", D(2023, 8, 25), "区卫健局"],
        ["西卫健罚〔2023〕9号", "黄石丙诊所", D(2023, 11, 28), "区卫健局"]]})
    national = write_xlsx(tmp_path / "信用中国_行政处罚.xlsx", {"Sheet1": [CREDIT_HEADER,
        ["西卫健罚〔2023〕1号", "黄石甲诊所", D(2023, 8, 1), D(2023, 9, 5), "区卫健局"],
        ["西卫健罚〔2023〕9号", "黄石丙诊所", D(2023, 11, 20), D(2023, 12, 5), "区卫健局"]]})
    results, data = check(tmp_path, "区卫健局_处罚.xlsx", rows, province, national)
    assert results == {"西卫健罚〔2023〕1号": ("on_time", "confirmed", "2023-08-25")}
    assert [(e["document_number"], e["published_date"]) for e in data["online_only"]] == [
        ("西卫健罚〔2023〕9号", "2023-11-28")]


def test_a_catalogue_title_naming_only_the_party_is_no_proof_of_absence_and_other_items_are_no_decisions(tmp_path):
    """关于对黄石丙餐饮公司的行政处罚决定书 (no number, no decision date): maybe this record, not guessed, never
    网站未见. 部门预算 and 工作情况 in the same catalogue are no decisions missing from a ledger."""
    rows = [[1, "西市监罚〔2023〕31号", "黄石甲餐饮公司", D(2023, 10, 9), D(2023, 10, 16)],
            [2, "西市监罚〔2023〕33号", "黄石丙餐饮公司", D(2023, 10, 11), D(2023, 10, 18)]]
    gov = write_csv(tmp_path / "区政府办_政府信息公开目录.csv", [["索引号", "信息名称", "发布日期"],
        ["1", "西塞山区市场监督管理局行政处罚决定书（西市监罚〔2023〕31号）", "2023-10-16"],
        ["2", "关于对黄石丙餐饮公司的行政处罚决定书", "2023-10-18"],
        ["3", "西塞山区2023年第三季度政府信息公开工作情况", "2023-10-20"],
        ["4", "西塞山区市场监督管理局2023年度部门预算", "2023-03-01"]])
    results, data = check(tmp_path, "区市场监管局_处罚.xlsx", rows, gov)
    assert {n: r[:2] for n, r in results.items()} == {"西市监罚〔2023〕31号": ("on_time", "confirmed"),
                                                     "西市监罚〔2023〕33号": ("on_time", "ambiguous")}
    assert data["online_only"] == []


def test_a_mixed_list_starts_per_category(tmp_path):
    """The list still shows a 2020 permit, but its penalties start in 2023: a 2022 通报批评 taken down when its
    publicity ended is 无法核对, not 网站未见."""
    header = ["文书号", "行政相对人名称", "决定日期", "公示日期", "类别", "部门"]
    ledger = write_xlsx(tmp_path / "区住建局_处罚.xlsx", {"处罚": [LEDGER_HEADER,
        [1, "西住建罚〔2022〕2号", "黄石丁建筑公司", D(2022, 3, 1), D(2022, 3, 8)],
        [2, "西住建罚〔2023〕9号", "黄石戊建筑公司", D(2023, 6, 1), D(2023, 6, 5)]]})
    mixed = write_xlsx(tmp_path / "信用西塞山_双公示.xlsx", {"Sheet1": [header,
        ["西住建许〔2020〕3号", "黄石乙置业公司", D(2020, 5, 6), D(2020, 5, 8), "行政许可", "区住建局"],
        ["西住建罚〔2023〕9号", "黄石戊建筑公司", D(2023, 6, 1), D(2023, 6, 5), "行政处罚", "区住建局"],
        ["西住建罚〔2023〕19号", "黄石己建筑公司", D(2023, 11, 1), D(2023, 11, 5), "行政处罚", "区住建局"]]})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(ledger), "--online", str(mixed), "--as-of", "2023-12-31",
                                       "--no-history", "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {r["document_number"]: r["online"]["result"] for r in data["records"]} == {
        "西住建罚〔2022〕2号": "not-verifiable", "西住建罚〔2023〕9号": "confirmed"}


def test_a_ledger_without_a_decision_date_is_not_told_that_either_date_gives_the_same(tmp_path):
    rows = [[1, "西文旅罚〔2023〕3号", "黄石丙网吧", None, D(2023, 5, 20)]]
    credit = write_xlsx(tmp_path / "信用西塞山_行政处罚.xlsx", {"Sheet1": [CREDIT_HEADER,
        ["西文旅罚〔2023〕3号", "黄石丙网吧", D(2023, 5, 15), D(2023, 5, 20), "区文旅局"]]})
    results, data = check(tmp_path, "区文旅局_处罚.xlsx", rows, credit)
    assert results == {"西文旅罚〔2023〕3号": ("invalid", "confirmed", "2023-05-20")}
    assert [i["code"] for i in data["records"][0]["issues"]] == ["date-missing"]


def test_an_update_time_by_the_deadline_on_one_list_keeps_a_ledger_date_a_later_site_date_does_not_disprove(tmp_path):
    # probe: the credit list has only 入库时间 (07-25: online by then, by the deadline 07-31); the government site
    # shows 08-15. Together the site's date made the decision 逾期公开, though the platform had it in time.
    # Review: an update time after the deadline proves nothing (71号), and another decision's entry under the
    # same number (a permit, another party) vouches for none (72号): the site's date stands.
    rows = [[i + 1, f"西市监罚〔2023〕{70 + i}号", f"黄石{p}食品有限公司", D(2023, 7, 3), D(2023, 7, 20)] for i, p in enumerate("甲乙丙")]
    credit = write_csv(tmp_path / "信用网站_入库数据.csv", [["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "入库时间", "处罚机关"],
                                                      ["西市监罚〔2023〕70号", "黄石甲食品有限公司", "2023-07-03", "2023-07-25 10:00", "区市场监管局"],
                                                      ["西市监罚〔2023〕71号", "黄石乙食品有限公司", "2023-07-03", "2023-09-20 10:00", "区市场监管局"],
                                                      ["西市监罚〔2023〕72号", "黄石丁建材公司", "2023-06-01", "2023-07-25 10:00", "区市场监管局"]])
    gov = write_csv(tmp_path / "区政府网站.csv", [["信息名称", "发布机构", "发布日期"]]
                    + [[f"西市监罚〔2023〕{n}号行政处罚决定书", "区市场监管局", "2023-08-15"] for n in (70, 71, 72)])
    results, _ = check(tmp_path, "区市场监管局_行政处罚.xlsx", rows, credit, gov)
    assert results["西市监罚〔2023〕70号"] == ("on_time", "confirmed", "2023-07-20")
    assert results["西市监罚〔2023〕71号"] == ("late", "date-differs", "2023-08-15")
    assert results["西市监罚〔2023〕72号"][0] == "late"


def test_no_record_is_not_found_online_while_an_entry_left_over_could_be_it(tmp_path):
    """probe: false 网站未见 (瞒报) beside the same party listed as 台账未登记. A site number without the
    leading 西 and no decision date; 李某 in the ledger for 李四 online; 黄石 / 黄石市; the city bureau's name.
    Each is 无法确定对应 showing the entry; a record no entry could be stays 网站未见; a found record's
    second listing under the city bureau is no 台账未登记."""
    rows = [[1, "西市监罚〔2023〕11号", "黄石甲一公司", D(2023, 3, 3), D(2023, 3, 5)],
            [2, "西市监罚〔2023〕12号", "李某", D(2023, 6, 10), D(2023, 6, 12)],
            [3, "西市监罚〔2023〕13号", "黄石丰收建材有限公司", D(2023, 7, 3), D(2023, 7, 5)],
            [4, "西市监罚〔2023〕14号", "黄石Q2食品有限公司", D(2023, 8, 1), D(2023, 8, 3)],
            [5, "西市监罚〔2023〕15号", "钱六", D(2023, 8, 2), D(2023, 8, 4)],
            [6, "西市监罚〔2023〕16号", "黄石Q1食品有限公司", D(2023, 8, 7), D(2023, 8, 9)]]
    gov = write_csv(tmp_path / "区政府网站_信息公开目录.csv", [["信息名称", "发布机构", "发布日期"],
        ["关于对黄石甲一公司的行政处罚决定（市监罚〔2023〕11号）", "区市场监管局", "2023-03-05"],
        ["黄石Q1食品有限公司行政处罚决定书（西市监罚〔2023〕16号）", "区市场监管局", "2023-08-09"]])
    credit = write_xlsx(tmp_path / "信用黄石_行政处罚.xlsx", {"Sheet1": [CREDIT_HEADER,
        ["", "李四", D(2023, 6, 10), D(2023, 6, 12), "区市场监管局"],
        ["", "黄石市丰收建材有限公司", D(2023, 7, 3), D(2023, 7, 5), "区市场监管局"],
        ["", "黄石Q2食品有限公司", D(2023, 8, 1), D(2023, 8, 3), "黄石市市场监督管理局"],
        ["", "黄石Q1食品有限公司", D(2023, 8, 7), D(2023, 8, 9), "黄石市市场监督管理局"],
        ["", "黄石另一公司", D(2023, 11, 1), D(2023, 11, 3), "区市场监管局"]]})  # the list covers the year
    results, data = check(tmp_path, "区市场监管局_处罚.xlsx", rows, gov, credit)
    assert {k: v[:2] for k, v in results.items()} == {
        "西市监罚〔2023〕11号": ("on_time", "ambiguous"), "西市监罚〔2023〕12号": ("on_time", "ambiguous"),
        "西市监罚〔2023〕13号": ("on_time", "ambiguous"), "西市监罚〔2023〕14号": ("on_time", "ambiguous"),
        "西市监罚〔2023〕15号": ("overdue", "not-found"), "西市监罚〔2023〕16号": ("on_time", "confirmed")}
    assert [e["party"] for e in data["online_only"]] == ["黄石另一公司"]


def test_an_update_time_after_the_deadline_never_outweighs_another_lists_later_publication_date(tmp_path):
    # probe: the credit list's 入库时间 08-10 is after the deadline (07-31) and before the government site's
    # 发布日期 08-15. Being the earliest, the update time was chosen and then bowed to the ledger's 07-20
    # (按时公开, 一致): an update time after the deadline proves nothing; the 发布日期 stands (日期不符, 逾期公开).
    rows = [[1, "西市监罚〔2023〕73号", "黄石戊食品有限公司", D(2023, 7, 3), D(2023, 7, 20)],
            [2, "西市监罚〔2023〕74号", "黄石己食品有限公司", D(2023, 7, 3), D(2023, 7, 20)]]
    credit = write_csv(tmp_path / "信用网站_入库数据.csv", [["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "入库时间", "处罚机关"],
                                                      ["西市监罚〔2023〕73号", "黄石戊食品有限公司", "2023-07-03", "2023-08-10 10:00", "区市场监管局"],
                                                      ["西市监罚〔2023〕74号", "黄石己食品有限公司", "2023-07-03", "2023-08-10 10:00", "区市场监管局"]])
    # 74号's page on the government site is another party's: it lends no date, and the update time decides as before
    gov = write_csv(tmp_path / "区政府网站.csv", [["信息名称", "发布机构", "发布日期"],
                                              ["西市监罚〔2023〕73号行政处罚决定书", "区市场监管局", "2023-08-15"],
                                              ["关于对黄石庚建材公司的行政处罚决定书（西市监罚〔2023〕74号）", "区市场监管局", "2023-08-15"]])
    results, _ = check(tmp_path, "区市场监管局_行政处罚.xlsx", rows, credit, gov)
    assert results["西市监罚〔2023〕73号"] == ("late", "date-differs", "2023-08-15")
    assert results["西市监罚〔2023〕74号"][:2] == ("on_time", "confirmed")


def test_a_decision_of_a_year_before_the_ledgers_is_no_unregistered_item(tmp_path):
    # probe: a credit site keeps a penalty online for years; a yearly check of 2023's ledger against a real export
    # listed every 2022 decision still online as 台账未登记. Those of the ledger's own year still are.
    rows = [[1, "西市监罚〔2023〕5号", "黄石甲食品有限公司", D(2023, 3, 1), D(2023, 3, 6)]]
    credit = write_csv(tmp_path / "信用网站_导出.csv", [CREDIT_HEADER,
                                                  ["西市监罚〔2023〕5号", "黄石甲食品有限公司", "2023-03-01", "2023-03-06", "区市场监管局"],
                                                  ["西市监罚〔2022〕61号", "黄石乙食品有限公司", "2022-10-20", "2022-10-24", "区市场监管局"],
                                                  ["西市监罚〔2023〕9号", "黄石丙食品有限公司", "2023-04-03", "2023-04-06", "区市场监管局"]])
    results, data = check(tmp_path, "区市场监管局_2023年行政处罚.xlsx", rows, credit)
    assert results == {"西市监罚〔2023〕5号": ("on_time", "confirmed", "2023-03-06")}
    assert [item["document_number"] for item in data["online_only"]] == ["西市监罚〔2023〕9号"]
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["说明"]
    notes = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert any("1 条台账未登记的网站信息是 2023 年以前的决定" in n for n in notes), notes


def test_an_entry_that_may_be_a_record_the_list_cannot_show_is_no_unregistered_item(tmp_path):
    # probe: no number column; 黄石己子 (the ledger writes 黄石市己子) on the decision day. The list ends on 03-21,
    # before 1号's deadline, so 1号 cannot be checked; the entry was still 台账未登记 for the same decision.
    rows = [[1, "西市监罚〔2023〕130号", "黄石市己子商贸有限公司", D(2023, 3, 13), D(2023, 3, 20)],
            [2, "西市监罚〔2023〕131号", "黄石己丑商贸有限公司", D(2023, 3, 14), D(2023, 3, 21)]]
    credit = write_csv(tmp_path / "信用网站_导出.csv", [["行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"],
                                                  ["黄石己子商贸有限公司", "2023-03-13", "2023-03-20", "区市场监管局"],
                                                  ["黄石市己丑商贸有限公司", "2023-03-14", "2023-03-21", "区市场监管局"]])
    results, data = check(tmp_path, "区市场监管局_2023年行政处罚.xlsx", rows, credit)
    assert results["西市监罚〔2023〕130号"][:2] == ("on_time", "ambiguous")
    assert data["online_only"] == []


def test_a_credit_exports_notice_period_dates_its_entries_before_its_update_time(tmp_path):
    # probe: an export with only 公示期限 (a range) and 数据更新时间: the period's first day is the publication, as
    # in a ledger. The update time alone made 2号 (blank in the ledger) 数据有误 and 1号 逾期公开 by the ledger.
    rows = [[1, "西市监罚〔2023〕1号", "黄石甲化工有限公司", D(2023, 3, 1), D(2023, 4, 10)],
            [2, "西市监罚〔2023〕2号", "黄石乙化工有限公司", D(2023, 3, 1), None]]
    credit = write_csv(tmp_path / "信用网站_导出.csv", [["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示期限", "数据更新时间", "处罚机关"],
                                                  ["西市监罚〔2023〕1号", "黄石甲化工有限公司", "2023-03-01", "2023-03-06至2026-03-05", "2023-05-20", "区市场监管局"],
                                                  ["西市监罚〔2023〕2号", "黄石乙化工有限公司", "2023-03-01", "2023-03-07至2024-03-06", "2023-05-20", "区市场监管局"],
                                                  ["西市监罚〔2023〕3号", "黄石丙化工有限公司", "2023-03-01", "2023-03-07至2024-03-06", "2023-05-20", "区市场监管局"]])
    results, _ = check(tmp_path, "区市场监管局_2023年行政处罚.xlsx", rows, credit)
    assert results["西市监罚〔2023〕1号"] == ("on_time", "date-differs", "2023-03-06")
    assert results["西市监罚〔2023〕2号"] == ("on_time", "confirmed", "2023-03-07")
    # beside a publication date the period gives way, as in a ledger
    both = write_csv(tmp_path / "信用网站_导出2.csv", [["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示期限", "公示日期", "处罚机关"],
                                                ["西市监罚〔2023〕1号", "黄石甲化工有限公司", "2023-03-01", "2023-03-06至2026-03-05", "2023-04-10", "区市场监管局"]])
    results, _ = check(tmp_path, "区市场监管局_2023年行政处罚.xlsx", rows[:1], both)
    assert results["西市监罚〔2023〕1号"] == ("late", "confirmed", "2023-04-10")


def test_a_single_day_under_a_credit_exports_notice_period_is_not_its_publication(tmp_path):
    # One day under 公示期限 may be the period's end (2026-03-05, three years on) or a due date: never the day it
    # went online. The update time dates the entry instead, as an upper bound (on time by it: on time).
    rows = [[1, "西市监罚〔2023〕1号", "黄石甲化工有限公司", D(2023, 3, 1), D(2023, 3, 6)]]
    credit = write_csv(tmp_path / "信用网站_导出.csv", [["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示期限", "数据更新时间", "处罚机关"],
                                                  ["西市监罚〔2023〕1号", "黄石甲化工有限公司", "2023-03-01", "2026-03-05", "2023-03-08", "区市场监管局"]])
    results, _ = check(tmp_path, "区市场监管局_2023年行政处罚.xlsx", rows, credit)
    # it made the ledger's 03-06 a false 逾期未公开 by "2026-03-05"
    assert results["西市监罚〔2023〕1号"] == ("on_time", "confirmed", "2023-03-06")


def test_a_record_with_no_readable_decision_date_is_never_website_not_found(tmp_path):
    # probe 42: 2025-02-30 and 2025年2月 (plainly February 2025) were 网站未见 against a list of 2026 decisions only,
    # counted in the unit's 网站未见: with no deadline, where the list's span stands to the record is unknown.
    rows = [[1, "西市监罚〔2025〕3号", "黄石甲餐饮有限公司", "2025-02-30", None],
            [2, "西市监罚〔2025〕4号", "黄石乙超市", "2025年2月", None],
            [3, "西市监罚〔2023〕7号", "黄石丙药房", D(2023, 3, 2), D(2023, 3, 20)]]
    credit = write_csv(tmp_path / "信用网站_导出.csv", [["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"],
                                                  ["西市监罚〔2023〕7号", "黄石丙药房", "2023-03-02", "2023-03-20", "区市场监管局"],
                                                  ["西市监罚〔2023〕9号", "黄石丁商行", "2023-06-02", "2023-06-20", "区市场监管局"]])
    results, data = check(tmp_path, "区市场监管局_2023年行政处罚.xlsx", rows, credit)
    assert results == {"西市监罚〔2025〕3号": ("invalid", "not-verifiable", None),
                       "西市监罚〔2025〕4号": ("invalid", "not-verifiable", None),
                       "西市监罚〔2023〕7号": ("on_time", "confirmed", "2023-03-20")}


def test_the_online_check_sheet_lists_units_in_the_summarys_order(tmp_path):
    # probe 40: 公开核对 was ordered by the units' names as code points (区… before 黄…), neither 汇总's ranking
    # (which 逾期清单 follows) nor the files' order. 黄石港区人社局 ranks first (on time), 区安监局 second (late).
    write_xlsx(tmp_path / "黄石港区人社局_2023年行政许可.xlsx", {"许可": [LEDGER_HEADER, [1, "黄人社许〔2023〕1号", "甲", D(2023, 3, 1), D(2023, 3, 2)]]})
    write_xlsx(tmp_path / "区安监局_2023年行政处罚.xlsx", {"处罚": [LEDGER_HEADER, [1, "西安监罚〔2023〕1号", "乙", D(2023, 3, 1), D(2023, 5, 2)]]})
    credit = write_csv(tmp_path / "信用网站_导出.csv", [CREDIT_HEADER,
                                                  ["黄人社许〔2023〕1号", "甲", "2023-03-01", "2023-03-03", "黄石港区人社局"],
                                                  ["西安监罚〔2023〕1号", "乙", "2023-03-01", "2023-05-03", "区安监局"]])
    result = CliRunner().invoke(main, ["check", str(tmp_path / "黄石港区人社局_2023年行政许可.xlsx"), str(tmp_path / "区安监局_2023年行政处罚.xlsx"),
                                       "--as-of", "2023-12-31", "--no-history", "--online", str(credit),
                                       "-o", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 1, result.output
    book = openpyxl.load_workbook(tmp_path / "r.xlsx", read_only=True)
    ranked = [r[1] for r in book["汇总"].iter_rows(values_only=True) if r[1] in ("黄石港区人社局", "区安监局")]
    rows = list(book["公开核对"].iter_rows(values_only=True))
    header = next(r for r in rows if r[0] == "单位")
    listed = list(dict.fromkeys(r[0] for r in rows[rows.index(header) + 1:] if r[0]))
    assert ranked == ["黄石港区人社局", "区安监局"] and listed == ranked, (ranked, listed)
