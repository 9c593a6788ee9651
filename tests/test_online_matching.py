"""Online lists matched to the ledger the way offices write them, on real files through the real CLI:
a catalogue's 成文日期 (the signing day) is no publication date, a title's 变更/更正 about its own matter
keeps its number, a batch notice publishes every number it names, one entry never publishes two ledger
rows, and a mistyped date on the site before the decision is not its first publication."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from compliance.cli import main
from compliance.report.layout import display_width
from helpers import write_csv, write_xlsx

D = dt.date
LEDGER_HEADER = ["序号", "文书号", "行政相对人名称", "决定日期", "上网公开日期", "单位"]
GOV_HEADER = ["索引号", "信息名称", "发布机构", "成文日期", "发布日期"]
CREDIT_HEADER = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"]


def check(tmp_path: Path, ledger_rows: list[list], online: Path, category: str = "行政许可",
          header: list[str] = LEDGER_HEADER) -> tuple[dict, dict]:
    ledger = write_xlsx(tmp_path / f"区人社局_{category}.xlsx", {category: [header, *ledger_rows]})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(ledger), "--online", str(online), "--as-of", "2023-12-31",
                                       "--no-history", "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    return {r["document_number"]: (r["status"], r["online"]["result"]) for r in data["records"]}, data


def test_a_catalogues_signing_date_is_not_its_publication_date(tmp_path):
    """成文日期 before 发布日期: 1号 was signed on the decision day and went online 28 working days late."""
    gov = write_csv(tmp_path / "区政府网站_信息公开目录.csv", [GOV_HEADER,
        ["011/2023-1", "关于准予甲公司劳务派遣经营许可的决定（西人社许〔2023〕1号）", "区人社局", "2023-03-01", "2023-05-10"],
        ["011/2023-2", "关于准予乙公司劳务派遣经营许可的决定（西人社许〔2023〕2号）", "区人社局", "2023-03-01", "2023-03-10"]])
    rows = [[1, "西人社许〔2023〕1号", "甲公司", D(2023, 3, 1), D(2023, 5, 10), "区人社局"],
            [2, "西人社许〔2023〕2号", "乙公司", D(2023, 3, 1), D(2023, 3, 10), "区人社局"]]
    results, data = check(tmp_path, rows, gov)
    assert results == {"西人社许〔2023〕1号": ("late", "confirmed"), "西人社许〔2023〕2号": ("on_time", "confirmed")}
    assert data["online_lists"][0]["date_columns"] == ["发布日期"]


def test_own_matter_words_keep_the_number_and_a_batch_notice_publishes_each(tmp_path):
    gov = write_csv(tmp_path / "区政府网站_信息公开目录.csv", [GOV_HEADER[:3] + ["发布日期"],
        ["1", "关于准予甲公司变更劳务派遣经营许可的决定（西人社许〔2023〕5号）", "区人社局", "2023-05-10"],
        ["2", "乙公司劳务派遣经营许可变更决定书（西人社许〔2023〕6号）", "区人社局", "2023-05-10"],
        ["3", "行政许可决定公示（西人社许〔2023〕7号、西人社许〔2023〕8号、西人社许[2023]9号）", "区人社局", "2023-05-10"],
        ["4", "关于撤销西人社许〔2023〕10号行政许可决定的决定", "区人社局", "2023-07-10"]])
    rows = [[n, f"西人社许〔2023〕{n}号", f"公司{n}", D(2023, 5, 4), D(2023, 5, 10), "区人社局"] for n in range(5, 11)]
    results, data = check(tmp_path, rows, gov)
    # a revocation notice is not the decision's publication, nor proof that it never was (its page is taken
    # down when it is revoked): 无法核对, judged by the ledger; the notice is no 台账未登记 entry
    assert results == {f"西人社许〔2023〕{n}号": ("on_time", "confirmed") for n in range(5, 10)} | {
        "西人社许〔2023〕10号": ("on_time", "not-verifiable")}
    [revoked] = [r for r in data["records"] if r["document_number"] == "西人社许〔2023〕10号"]
    assert revoked["issues"][0]["message"].startswith("网站清单中只有对这项决定的后续处理（区政府网站_信息公开目录.csv 第5行")
    assert data["online_only"] == []


def test_one_entry_never_publishes_two_ledger_rows_under_one_number(tmp_path):
    """Two rows share 5号 (a typo): the entry names 甲, so 乙's decision is not shown online by it; two rows
    that agree with the entry equally are both ambiguous, neither borrows its date."""
    credit = write_csv(tmp_path / "信用网站导出.csv", [CREDIT_HEADER,
        ["西人社罚〔2023〕5号", "甲公司", "2023-05-04", "2023-05-10", "区人社局"],
        ["西人社罚〔2023〕7号", "丙公司", "2023-05-04", "2023-05-10", "区人社局"],
        ["西人社罚〔2023〕9号", "丁公司", "2023-09-01", "2023-09-05", "区人社局"]])  # the list covers September
    rows = [[1, "西人社罚〔2023〕5号", "甲公司", D(2023, 5, 4), D(2023, 5, 10), "区人社局"],
            [2, "西人社罚〔2023〕5号", "乙公司", D(2023, 5, 4), D(2023, 5, 10), "区人社局"],
            [3, "西人社罚〔2023〕7号", "丙公司", D(2023, 5, 4), D(2023, 5, 10), "区人社局"],
            [4, "西人社罚〔2023〕7号", "丙公司", D(2023, 6, 20), None, "区人社局"]]
    ledger = write_xlsx(tmp_path / "区人社局_行政处罚.xlsx", {"行政处罚": [LEDGER_HEADER, *rows]})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(ledger), "--online", str(credit), "--as-of", "2023-12-31",
                                       "--no-history", "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    data = json.loads(out.read_text(encoding="utf-8"))
    got = [(r["row"], r["status"], r["online"]["result"]) for r in data["records"]]
    assert got == [(2, "on_time", "confirmed"), (3, "overdue", "not-found"),
                   (4, "on_time", "confirmed"), (5, "overdue", "not-found")], result.output


def test_a_site_date_before_the_decision_is_not_the_first_publication(tmp_path):
    credit = write_csv(tmp_path / "信用网站导出.csv", [CREDIT_HEADER,
        ["西人社罚〔2023〕2号", "甲公司", "2023-05-11", "2023-01-18", "区人社局"],  # the year mistyped on the site
        ["西人社罚〔2023〕2号", "甲公司", "2023-05-11", "2023-05-18", "区人社局"]])
    rows = [[1, "西人社罚〔2023〕2号", "甲公司", D(2023, 5, 11), D(2023, 5, 18), "区人社局"]]
    results, _ = check(tmp_path, rows, credit, category="行政处罚")
    assert results == {"西人社罚〔2023〕2号": ("on_time", "confirmed")}


def test_a_site_decision_date_that_turns_the_verdict_is_said_and_not_chosen(tmp_path):
    """Ledger: decided 2023-05-19, deadline 06-16, published 06-15 (on time). The site's own record: decided
    05-04, deadline 05-31 (late). Which is right decides the verdict: 数据有误 with both dates. Where both give
    the same verdict, a note."""
    credit = write_csv(tmp_path / "信用网站导出.csv", [CREDIT_HEADER,
        ["西人社罚〔2023〕1号", "甲公司", "2023-05-04", "2023-06-15", "区人社局"],
        ["西人社罚〔2023〕2号", "乙公司", "2023-05-18", "2023-05-25", "区人社局"],
        ["西人社罚〔2023〕3号", "丙公司", "2023-05-19", "2023-06-15", "区人社局"]])
    rows = [[1, "西人社罚〔2023〕1号", "甲公司", D(2023, 5, 19), D(2023, 6, 15), "区人社局"],
            [2, "西人社罚〔2023〕2号", "乙公司", D(2023, 5, 19), D(2023, 5, 25), "区人社局"],
            [3, "西人社罚〔2023〕3号", "丙公司", D(2023, 5, 19), D(2023, 6, 15), "区人社局"]]
    results, data = check(tmp_path, rows, credit, category="行政处罚")
    assert results == {"西人社罚〔2023〕1号": ("invalid", "confirmed"), "西人社罚〔2023〕2号": ("on_time", "confirmed"),
                       "西人社罚〔2023〕3号": ("on_time", "confirmed")}
    messages = {r["row"]: [i["message"] for i in r["issues"]] for r in data["records"]}
    assert messages[2] == ["网站上这项决定的决定日期是 2023-05-04，与台账的不同；按其中一个日期逾期、按另一个按时，无法判定，请核对决定日期"]
    assert messages[3] == ["网站上这项决定的决定日期是 2023-05-18，与台账的不同（按哪个日期结论都一样），请核对"]
    assert messages[4] == []


def test_a_ledger_without_a_publication_column_is_confirmed_by_the_site(tmp_path):
    credit = write_csv(tmp_path / "信用网站导出.csv", [CREDIT_HEADER,
        ["西人社罚〔2023〕1号", "甲公司", "2023-05-04", "2023-05-10", "区人社局"]])
    ledger = write_xlsx(tmp_path / "区人社局_行政处罚.xlsx", {"行政处罚": [
        ["序号", "文书号", "行政相对人名称", "决定日期", "单位"], [1, "西人社罚〔2023〕1号", "甲公司", D(2023, 5, 4), "区人社局"]]})
    out = tmp_path / "r.json"
    CliRunner().invoke(main, ["check", str(ledger), "--online", str(credit), "--as-of", "2023-12-31", "--no-history",
                              "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    [record] = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert (record["status"], record["online"]["result"]) == ("on_time", "confirmed")


def test_an_exports_footer_is_no_entry_and_an_empty_list_is_refused(tmp_path):
    credit = write_csv(tmp_path / "信用网站导出.csv", [CREDIT_HEADER,
        ["西人社罚〔2023〕1号", "甲公司", "2023-05-04", "2023-05-10", "区人社局"],
        ["共 1 条记录"], ["导出人：张三"], ["数据来源：信用西塞山（www.xsscredit.gov.cn）"], ["注：本表仅供核对"]],
        encoding="gbk")
    rows = [[1, "西人社罚〔2023〕1号", "甲公司", D(2023, 5, 4), D(2023, 5, 10), "区人社局"]]
    results, data = check(tmp_path, rows, credit, category="行政处罚")
    assert results == {"西人社罚〔2023〕1号": ("on_time", "confirmed")} and data["online_only"] == []
    empty = write_csv(tmp_path / "空清单.csv", [CREDIT_HEADER])
    ledger = write_xlsx(tmp_path / "区人社局_行政处罚.xlsx", {"行政处罚": [LEDGER_HEADER, *rows]})
    result = CliRunner().invoke(main, ["check", str(ledger), "--online", str(empty), "--as-of", "2023-12-31",
                                       "--no-history", "-o", str(tmp_path / "r2.xlsx")])
    assert result.exit_code == 2 and "空清单.csv" in result.output and "清单是空的" in result.output


def test_one_units_own_export_speaks_for_that_unit_only(tmp_path):
    """区人社局's export has no 机关 column: 区应急局's decisions were never in it, so they are 无法核对, not
    网站未见; a list named for no unit still covers every unit."""
    header = CREDIT_HEADER[:4]
    rows = [["西人社罚〔2023〕1号", "甲公司", "2023-05-04", "2023-05-10"], ["西人社罚〔2023〕9号", "丁公司", "2023-09-01", "2023-09-05"]]
    own = write_csv(tmp_path / "区人社局_信用网站导出.csv", [header, *rows])
    people = write_xlsx(tmp_path / "区人社局_行政处罚.xlsx", {"行政处罚": [LEDGER_HEADER,
        [1, "西人社罚〔2023〕1号", "甲公司", D(2023, 5, 4), D(2023, 5, 10), "区人社局"],
        [2, "西人社罚〔2023〕2号", "乙公司", D(2023, 5, 4), D(2023, 5, 10), "区人社局"]]})
    safety = write_xlsx(tmp_path / "区应急局_行政处罚.xlsx", {"行政处罚": [LEDGER_HEADER,
        [1, "西应急罚〔2023〕1号", "丙公司", D(2023, 5, 4), D(2023, 5, 10), "区应急局"]]})

    def run(online: Path) -> dict:
        out = tmp_path / "r.json"
        CliRunner().invoke(main, ["check", str(people), str(safety), "--online", str(online), "--as-of", "2023-12-31",
                                  "--no-history", "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
        return {r["document_number"]: (r["status"], r["online"]["result"])
                for r in json.loads(out.read_text(encoding="utf-8"))["records"]}

    assert run(own) == {"西人社罚〔2023〕1号": ("on_time", "confirmed"), "西人社罚〔2023〕2号": ("overdue", "not-found"),
                        "西应急罚〔2023〕1号": ("on_time", "not-verifiable")}
    anyone = write_csv(tmp_path / "信用西塞山_行政处罚导出.csv", [header, *rows])
    assert run(anyone)["西应急罚〔2023〕1号"] == ("overdue", "not-found")


def test_an_online_list_saved_in_the_1904_date_system_reads_its_serials_from_1904(tmp_path):
    """Old Mac Excel and some WPS exports count days from 1904: a bare serial read from 1900 is four years
    and a day early (a false 数据有误, and a false 台账未登记)."""
    book = openpyxl.Workbook()
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = book.active
    sheet.append(CREDIT_HEADER)
    serial = (D(2023, 5, 10) - D(1904, 1, 1)).days
    sheet.append(["西人社罚〔2023〕1号", "甲公司", D(2023, 5, 4), serial, "区人社局"])  # a date cell, and a bare serial
    sheet.append(["西人社罚〔2023〕2号", "乙公司", D(2023, 5, 4), str(serial), "区人社局"])  # the serial as text
    path = tmp_path / "信用网站导出.xlsx"
    book.save(path)
    rows = [[1, "西人社罚〔2023〕1号", "甲公司", D(2023, 5, 4), D(2023, 5, 10), "区人社局"],
            [2, "西人社罚〔2023〕2号", "乙公司", D(2023, 5, 4), D(2023, 5, 10), "区人社局"]]
    results, data = check(tmp_path, rows, path, category="行政处罚")
    assert results == {"西人社罚〔2023〕1号": ("on_time", "confirmed"), "西人社罚〔2023〕2号": ("on_time", "confirmed")}
    assert data["online_only"] == []


def test_the_credit_code_stands_for_the_party_name_when_the_list_has_no_number(tmp_path):
    # probe: a permit list without 文书号 wrote 黄石丁人力资源有限公司 for the ledger's 黄石市丁人力资源有限公司,
    # the same 统一社会信用代码 and decision date: 网站未见 (逾期未公开) and the entry 台账未登记
    header = ["序号", "文书号", "行政相对人名称", "统一社会信用代码", "决定日期", "上网公开日期", "单位"]
    rows = [[1, "西人社许〔2023〕54号", "黄石市丁人力资源有限公司", "91420203MA4D4Q16JR", D(2023, 10, 9), D(2023, 10, 16), "区人社局"],
            [2, "西人社许〔2023〕55号", "黄石市戊劳务有限公司", "91420200MA49CYC71K", D(2023, 10, 9), D(2023, 10, 16), "区人社局"]]
    online = write_csv(tmp_path / "信用网站_行政许可.csv", [
        ["行政相对人名称", "统一社会信用代码", "许可决定日期", "公示日期", "许可机关"],
        ["黄石丁人力资源有限公司", "91420203MA4D4Q16JR", "2023-10-09", "2023-10-16", "区人社局"],
        ["黄石戊劳务公司", "91420200MA49CYC710", "2023-10-09", "2023-10-16", "区人社局"],  # another (invalid) code
        ["黄石市庚劳务有限公司", "", "2023-12-20", "2023-12-25", "区人社局"]])
    results, _ = check(tmp_path, rows, online, header=header)
    assert results["西人社许〔2023〕54号"] == ("on_time", "confirmed")
    assert results["西人社许〔2023〕55号"][1] != "confirmed"  # a name and a code that agree on nothing


def test_a_combined_export_with_a_permit_and_a_penalty_number_column_reads_each_rows_own(tmp_path):
    # probe: 行政处罚决定书文号 | 行政许可决定文书号 side by side, no category column: permit rows were read as
    # penalties without a number, the permit on the site 无法核对 and the others 台账未登记 行政处罚
    online = write_csv(tmp_path / "信用网站_双公示.csv", [
        ["行政相对人名称", "行政处罚决定书文号", "行政许可决定文书号", "决定日期", "数据来源单位", "公示日期"],
        ["甲公司", "", "西人社许〔2023〕30号", "2023-03-06", "区人社局", "2023-03-20"],
        ["乙公司", "", "西人社许〔2023〕40号", "2023-04-20", "区人社局", "2023-05-20"],
        ["丙公司", "西环罚〔2023〕12号", "", "2023-03-06", "区环保局", "2023-03-20"]])
    rows = [[1, "西人社许〔2023〕30号", "甲公司", D(2023, 3, 6), D(2023, 3, 20), "区人社局"]]
    results, data = check(tmp_path, rows, online)
    assert results == {"西人社许〔2023〕30号": ("on_time", "confirmed")}
    assert sorted((o["document_number"], o["category"]) for o in data["online_only"]) == [
        ("西人社许〔2023〕40号", "permit"), ("西环罚〔2023〕12号", "penalty")]


def test_a_licence_number_column_beside_the_penalty_number_is_no_permit_number_column(tmp_path):
    # review: 行政处罚决定书文号 | 许可证编号 was taken for a combined export: a row without a 文号 became a permit
    online = write_csv(tmp_path / "信用网站_行政处罚.csv", [
        ["行政相对人名称", "行政处罚决定书文号", "许可证编号", "处罚决定日期", "处罚机关", "公示日期"],
        ["甲公司", "西市监罚〔2023〕5号", "JY14202030012345", "2023-03-06", "区人社局", "2023-03-20"],
        ["乙公司", "", "JY14202030054321", "2023-03-06", "区人社局", "2023-03-20"]])
    rows = [[1, "西市监罚〔2023〕5号", "甲公司", D(2023, 3, 6), D(2023, 3, 20), "区人社局"]]
    results, data = check(tmp_path, rows, online, category="行政处罚")
    assert results == {"西市监罚〔2023〕5号": ("on_time", "confirmed")}
    assert all(o["category"] == "penalty" for o in data["online_only"])


def test_year_first_numbers_with_or_without_their_ordinal_are_one_number(tmp_path):
    """（2023）西综执罚字第18号 in a catalogue title, and 字20号 in the 文号 column against 字第20号 in the
    ledger: one number each. Before, neither was read as the ledger's: 网站未见 and 逾期未公开 (a false
    accusation), and both catalogue items were 台账未登记."""
    gov = write_csv(tmp_path / "区政府网站_信息公开目录.csv", [GOV_HEADER[:3] + ["文号", "发布日期"],
        ["1", "行政处罚决定书（（2023）西综执罚字第18号）", "区综合执法局", "", "2023-05-10"],
        ["2", "关于对丙公司的行政处罚决定书", "区综合执法局", "（2023）西综执罚字20号", "2023-05-11"],
        ["3", "行政处罚决定书（（2023）西综执罚字第021号）", "区综合执法局", "", "2023-07-20"],
        ["4", "关于对丁公司的行政处罚决定书", "区综合执法局", "", "2023-09-20"]])
    rows = [[1, "（2023）西综执罚字第18号", "甲公司", D(2023, 5, 4), D(2023, 5, 10), "区综合执法局"],
            [2, "(2023)西综执罚字第20号", "丙公司", D(2023, 5, 4), D(2023, 5, 11), "区综合执法局"],
            [3, "（2023）西综执罚字第21号", "戊公司", D(2023, 5, 4), D(2023, 5, 12), "区综合执法局"]]
    results, data = check(tmp_path, rows, gov, category="行政处罚")
    assert results == {"（2023）西综执罚字第18号": ("on_time", "confirmed"),
                       "(2023)西综执罚字第20号": ("on_time", "confirmed"),
                       "（2023）西综执罚字第21号": ("late", "date-differs")}  # the site says 07-20
    assert [entry["party"] for entry in data["online_only"]] == ["丁公司"]  # no number, in no ledger


def test_a_note_after_the_number_is_not_part_of_it(tmp_path):
    """…601号（已送达） and …603号 with （案卷号：…） on the next line are the catalogue's 601号 and 603号."""
    gov = write_csv(tmp_path / "区政府网站_信息公开目录.csv", [GOV_HEADER[:3] + ["发布日期"],
        ["1", "行政处罚决定书（西市监罚〔2023〕601号）", "区人社局", "2023-05-10"],
        ["2", "行政处罚决定书（西市监罚〔2023〕603号）", "区人社局", "2023-05-10"]])
    rows = [[1, "西市监罚〔2023〕601号（已送达）", "甲公司", D(2023, 5, 4), D(2023, 5, 10), "区人社局"],
            [2, "西市监罚〔2023〕603号\n（案卷号：2023-045）", "乙公司", D(2023, 5, 4), None, "区人社局"]]
    results, data = check(tmp_path, rows, gov, category="行政处罚")
    assert [value for value in results.values()] == [("on_time", "confirmed"), ("on_time", "confirmed")]
    assert data["online_only"] == []


def test_a_lists_gongshi_jiguan_column_names_the_units_it_covers(tmp_path):
    """A credit export whose units stand under 公示机关 covers those units only: a third unit's decision,
    absent from it, cannot be 网站未见 (the list could never have shown it)."""
    credit = write_xlsx(tmp_path / "信用西塞山_行政处罚.xlsx", {"Sheet1": [
        ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "公示机关"],
        ["西市监罚〔2023〕1号", "甲公司", D(2023, 5, 4), D(2023, 5, 10), "区市场监管局"],
        ["西城管罚〔2023〕1号", "乙公司", D(2023, 8, 3), D(2023, 8, 6), "区城管局"],
        ["西市监罚〔2023〕9号", "丁公司", D(2023, 11, 2), D(2023, 11, 5), "区市场监管局"]]})
    rows = [[1, "西应急罚〔2023〕1号", "丙公司", D(2023, 5, 4), D(2023, 5, 10), "区应急管理局"]]
    results, _ = check(tmp_path, rows, credit, category="行政处罚")
    assert results == {"西应急罚〔2023〕1号": ("on_time", "not-verifiable")}


def test_a_catalogues_notices_with_a_number_are_no_unregistered_decisions(tmp_path):
    """A government catalogue is mostly 通知/公告, many with a 文号 (in the 文号 column or the title): they are
    no decisions missing from the ledger (台账未登记), and the JSON never holds NaN for their category."""
    gov = write_csv(tmp_path / "区政府网站_信息公开目录.csv", [GOV_HEADER[:3] + ["文号", "发布日期"],
        ["1", "关于准予甲公司劳务派遣经营许可的决定（西人社许〔2023〕1号）", "区人社局", "", "2023-03-10"],
        ["2", "关于做好2023年春节期间安全生产工作的通知", "区政府办", "西政办发〔2023〕3号", "2023-03-11"],
        ["3", "关于开展劳动用工专项检查的通知（西人社发〔2023〕5号）", "区人社局", "", "2023-03-12"],
        ["4", "关于对乙公司作出的决定（西人社许〔2023〕9号）", "区人社局", "", "2023-03-13"]])
    rows = [[1, "西人社许〔2023〕1号", "甲公司", D(2023, 3, 1), D(2023, 3, 10), "区人社局"]]
    results, _ = check(tmp_path, rows, gov)
    assert results == {"西人社许〔2023〕1号": ("on_time", "confirmed")}

    def no_nan(constant):
        raise AssertionError(f"{constant} in the JSON")

    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"), parse_constant=no_nan)
    # a decision the title names, under a permit number, stays one the ledger lacks
    assert [entry["document_number"] for entry in data["online_only"]] == ["西人社许〔2023〕9号"]


def test_a_title_opening_with_the_partys_name_names_no_unit(tmp_path):
    """A catalogue with no 发布机构 column, titled 黄石某加油站行政处罚决定书（…）: the party is no unit. Taken as
    the list's units, they left the list covering no ledger unit, and 2号 (claimed published, absent from a
    list of its unit's decisions) was 无法核对 and counted 按时公开 instead of 网站未见."""
    gov = write_csv(tmp_path / "区政府网站_信息公开目录.csv", [["索引号", "信息名称", "发布日期"],
        ["1", "黄石某加油站行政处罚决定书（西人社罚〔2023〕1号）", "2023-03-10"],
        ["2", "黄石仁和医院行政处罚决定书（西人社罚〔2023〕3号）", "2023-06-10"],
        ["3", "区人社局关于对黄石康宁诊所的行政处罚决定书（西人社罚〔2023〕4号）", "2023-09-10"]])
    rows = [[1, "西人社罚〔2023〕1号", "黄石某加油站", D(2023, 3, 1), D(2023, 3, 10), "区人社局"],
            [2, "西人社罚〔2023〕2号", "黄石丙公司", D(2023, 3, 1), D(2023, 3, 10), "区人社局"]]
    results, data = check(tmp_path, rows, gov, category="行政处罚")
    assert results == {"西人社罚〔2023〕1号": ("on_time", "confirmed"), "西人社罚〔2023〕2号": ("overdue", "not-found")}
    assert {e["document_number"]: e["unit"] for e in data["online_only"]} == {  # never the party as a unit
        "西人社罚〔2023〕3号": "未知单位", "西人社罚〔2023〕4号": "区人社局"}


def test_a_header_repeated_inside_a_list_is_no_entry(tmp_path):
    """Two exported pages pasted one under the other, each with its title and header: the second header was an
    entry 台账未登记 (文书号 "行政处罚决定书文号", unit "处罚机关") and its 公示日期 "不是日期"; the run failed."""
    page = [["信用西塞山 行政处罚公示信息"], CREDIT_HEADER]
    credit = write_xlsx(tmp_path / "信用西塞山_行政处罚.xlsx", {"Sheet1": [
        *page, ["西人社罚〔2023〕1号", "甲公司", D(2023, 3, 1), D(2023, 3, 10), "区人社局"], [],
        *page, ["西人社罚〔2023〕2号", "乙公司", D(2023, 3, 1), D(2023, 3, 10), "区人社局"]]})
    rows = [[n, f"西人社罚〔2023〕{n}号", name, D(2023, 3, 1), D(2023, 3, 10), "区人社局"]
            for n, name in ((1, "甲公司"), (2, "乙公司"))]
    results, data = check(tmp_path, rows, credit, category="行政处罚")
    assert results == {"西人社罚〔2023〕1号": ("on_time", "confirmed"), "西人社罚〔2023〕2号": ("on_time", "confirmed")}
    assert data["online_only"] == []
    assert not any("不是日期" in note for note in data["online_lists"][0]["notes"])


def test_a_cell_holding_two_numbers_is_found_under_either(tmp_path):
    """rules §8: …501号、502号 in one cell is checked as one decision; the catalogue lists each number
    on its own, so the decision is online (not 网站未见), and neither entry is 台账未登记."""
    gov = write_csv(tmp_path / "区政府网站_信息公开目录.csv", [GOV_HEADER[:3] + ["发布日期"],
        ["1", "行政许可决定书（西人社许〔2023〕501号）", "区人社局", "2023-06-05"],
        ["2", "行政许可决定书（西人社许〔2023〕502号）", "区人社局", "2023-06-05"],
        ["3", "行政许可决定书（西人社许〔2023〕503号）", "区人社局", "2023-11-05"]])
    rows = [[1, "西人社许〔2023〕501号、502号", "甲公司", D(2023, 6, 1), D(2023, 6, 5), "区人社局"],
            [2, "西人社许〔2023〕503号", "乙公司", D(2023, 11, 2), D(2023, 11, 5), "区人社局"]]
    results, data = check(tmp_path, rows, gov)
    assert results == {"西人社许〔2023〕501号、502号": ("on_time", "confirmed"),
                       "西人社许〔2023〕503号": ("on_time", "confirmed")}
    assert data["online_only"] == []


def test_a_list_keyed_by_the_licence_number_finds_the_record_by_its_licence(tmp_path):
    """A food-licence list has 许可证编号 and no 文号; the ledger has both. 51号 went online on 07-10 by the list,
    past its deadline, though the ledger says 06-05: late (it was ambiguous, 按台账判定: on time, lateness hidden)."""
    credit = write_csv(tmp_path / "信用西塞山_食品经营许可.csv", [["许可证编号", "经营者名称", "许可决定日期", "公示日期", "许可机关"],
        ["JY14202030001234", "甲餐饮店", "2023-06-01", "2023-07-10", "区人社局"],
        ["JY14202030001235", "乙超市", "2023-06-12", "2023-06-14", "区人社局"]])
    header = ["序号", "行政许可决定文书号", "许可证编号", "行政相对人名称", "许可决定日期", "上网公开日期", "单位"]
    rows = [[1, "西人社许〔2023〕51号", "JY14202030001234", "甲餐饮店", D(2023, 6, 1), D(2023, 6, 5), "区人社局"],
            [2, "西人社许〔2023〕52号", "JY14202030001235", "乙超市", D(2023, 6, 12), D(2023, 6, 14), "区人社局"]]
    results, data = check(tmp_path, rows, credit, header=header)
    assert results == {"西人社许〔2023〕51号": ("late", "date-differs"), "西人社许〔2023〕52号": ("on_time", "confirmed")}
    assert data["online_only"] == []


def test_a_list_paged_over_sheets_with_its_header_on_the_first_only_is_read_whole(tmp_path):
    """Sheet2 carries on Sheet1's table without a header (old exports page so): it was dropped without a word,
    and the decisions on it were 网站未见."""
    credit = write_xlsx(tmp_path / "信用西塞山_导出.xlsx", {
        "Sheet1": [CREDIT_HEADER, ["西人社罚〔2023〕1号", "甲公司", "2023-03-01", "2023-03-03", "区人社局"]],
        "Sheet2": [["西人社罚〔2023〕2号", "乙公司", "2023-03-02", "2023-03-06", "区人社局"]],
        # a notes sheet as wide is no continuation: no date where the table has its publication date
        "说明": [["说明：", "本表数据来源于信用西塞山", "仅供核对", "导出人", "张三"]]})
    rows = [[1, "西人社罚〔2023〕1号", "甲公司", D(2023, 3, 1), D(2023, 3, 3), "区人社局"],
            [2, "西人社罚〔2023〕2号", "乙公司", D(2023, 3, 2), D(2023, 3, 6), "区人社局"]]
    results, data = check(tmp_path, rows, credit, category="行政处罚")
    assert results == {"西人社罚〔2023〕1号": ("on_time", "confirmed"), "西人社罚〔2023〕2号": ("on_time", "confirmed")}
    assert "Sheet2" in json.dumps(data["online_lists"], ensure_ascii=False)
    assert "说明" not in json.dumps(data["online_lists"], ensure_ascii=False) and data["online_only"] == []
    assert data["online_lists"][0]["entries"] == 2


def test_a_catalogue_title_opening_with_the_party_is_a_candidate_never_a_miss(tmp_path):
    """黄石戊商店行政处罚决定书 (no number): the party opens the title. It was read as no party, so the record was
    网站未见 (逾期未公开) and the entry 台账未登记; it may be this decision: 无法确定对应, judged by the ledger."""
    gov = write_csv(tmp_path / "区政府网站_信息公开目录.csv", [GOV_HEADER[:3] + ["发布日期"],
        ["1", "行政处罚决定书（西人社罚〔2023〕1号）", "区人社局", "2023-02-10"],
        ["2", "黄石戊商店行政处罚决定书（2023年3月8日）", "区人社局", "2023-03-15"],
        ["3", "行政处罚决定书（西人社罚〔2023〕9号）", "区人社局", "2023-11-20"]])
    rows = [[1, "西人社罚〔2023〕1号", "甲公司", D(2023, 2, 6), D(2023, 2, 10), "区人社局"],
            [2, "西人社罚〔2023〕6号", "黄石戊商店", D(2023, 3, 8), D(2023, 3, 15), "区人社局"],
            [3, "西人社罚〔2023〕9号", "乙公司", D(2023, 11, 16), D(2023, 11, 20), "区人社局"]]
    results, data = check(tmp_path, rows, gov, category="行政处罚")
    assert results["西人社罚〔2023〕6号"] == ("on_time", "ambiguous")
    assert data["online_only"] == []


def test_a_correction_or_revocation_of_a_decision_found_online_is_no_unregistered_entry(tmp_path):
    """rules §9: a 更正 or 撤销 page is a later act on a decision, not a decision of its own; where the decision
    is in the ledger (and found), it was still listed as 台账未登记 without a number."""
    gov = write_csv(tmp_path / "区政府网站_信息公开目录.csv", [GOV_HEADER[:3] + ["发布日期"],
        ["1", "行政处罚决定书（西人社罚〔2023〕10号）", "区人社局", "2023-03-25"],
        ["2", "西人社罚〔2023〕10号行政处罚决定书（更正）", "区人社局", "2023-05-15"],
        ["3", "关于撤销西人社罚〔2023〕10号行政处罚决定的决定", "区人社局", "2023-06-15"]])
    rows = [[1, "西人社罚〔2023〕10号", "甲公司", D(2023, 3, 22), D(2023, 3, 25), "区人社局"]]
    results, data = check(tmp_path, rows, gov, category="行政处罚")
    assert results == {"西人社罚〔2023〕10号": ("on_time", "confirmed")}
    assert data["online_only"] == []


def _second_undated(tmp_path, site_decided, site_published, ledger_decided, ledger_published):
    """A credit list and a ledger of two penalties: 1号 with the dates given, 2号 online on 03-06 and left
    blank in the ledger."""
    credit = write_csv(tmp_path / "信用西塞山_导出.csv", [CREDIT_HEADER,
        ["西人社罚〔2023〕1号", "甲公司", site_decided, site_published, "区人社局"],
        ["西人社罚〔2023〕2号", "乙公司", "2023-03-02", "2023-03-06", "区人社局"]])
    rows = [[1, "西人社罚〔2023〕1号", "甲公司", ledger_decided, ledger_published, "区人社局"],
            [2, "西人社罚〔2023〕2号", "乙公司", D(2023, 3, 2), None, "区人社局"]]
    return check(tmp_path, rows, credit, category="行政处罚")


def test_a_blank_ledger_date_found_online_is_judged_by_the_site_and_asked_for(tmp_path):
    """The ledger left 2号's date blank; the list shows it on 03-06: on time by that day, and the record says the
    ledger should be filled in (it said nothing, so the unit was never asked)."""
    results, data = _second_undated(tmp_path, site_decided="2023-03-01", site_published="2023-03-03",
                                    ledger_decided=D(2023, 3, 1), ledger_published=D(2023, 3, 3))
    assert results == {"西人社罚〔2023〕1号": ("on_time", "confirmed"), "西人社罚〔2023〕2号": ("on_time", "confirmed")}
    issues = {r["document_number"]: [(i["code"], i["message"]) for i in r["issues"]] for r in data["records"]}
    assert issues["西人社罚〔2023〕1号"] == []
    assert issues["西人社罚〔2023〕2号"] == [("online-date-from-list", "台账没有填公开日期，网站清单的公开日期是 2023-03-06，按此判定；请在台账中补填")]


def test_the_online_sheet_lists_a_confirmed_record_whose_site_decision_date_turns_the_verdict(tmp_path):
    """1号: ledger decided 03-20, site 02-20; published 03-27 (on time by the ledger's date, late by the site's):
    数据有误 for the date, yet 公开核对 left it out (only records not 一致 were listed); 2号's blank ledger date too."""
    results, data = _second_undated(tmp_path, site_decided="2023-02-20", site_published="2023-03-27",
                                    ledger_decided=D(2023, 3, 20), ledger_published=D(2023, 3, 27))
    assert results["西人社罚〔2023〕1号"] == ("invalid", "confirmed")
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["公开核对"]
    lines = [" ".join(str(c) for c in row if c is not None) for row in sheet.iter_rows(values_only=True)]
    [one] = [line for line in lines if "西人社罚〔2023〕1号" in line]
    assert "2023-02-20" in one, one
    # its 核对结果 is no 一致: the publication agrees, the decision date does not (probe p82 M2)
    assert "决定日期不同" in one and " 一致 " not in f" {one} ", one
    assert [line for line in lines if "西人社罚〔2023〕2号" in line and "台账未填公开日期" in line], lines
    # and so on 全部记录 and in the JSON, which said 一致 / only "confirmed" for it (probe p96 L1)
    everything = list(openpyxl.load_workbook(tmp_path / "r.xlsx")["全部记录"].iter_rows(values_only=True))
    shown = {row[everything[0].index("文书号")]: row[everything[0].index("核对结果")] for row in everything[1:]}
    assert shown == {"西人社罚〔2023〕1号": "决定日期不同", "西人社罚〔2023〕2号": "一致"}
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    column = openpyxl.utils.get_column_letter(everything[0].index("核对结果") + 1)
    assert book["全部记录"].column_dimensions[column].width >= display_width("决定日期不同") + 2  # whole (rev68 F3)
    assert any("决定日期不同：" in str(row) for row in book["说明"].iter_rows(values_only=True))  # and explained (F2)
    online = {r["document_number"]: r["online"] for r in data["records"]}
    assert online["西人社罚〔2023〕1号"]["site_decision_date"] == "2023-02-20"
    assert online["西人社罚〔2023〕2号"]["site_decision_date"] is None


def test_a_party_whose_legal_form_is_written_short_is_one_party_without_a_number(tmp_path):
    # probe p82 H1: a list without 文书号 writing 黄石乙贸易公司 for the ledger's 黄石乙贸易有限公司 (same unit, same
    # days): 网站未见 (逾期未公开) and its entry 台账未登记, two accusations for a decision published on time
    rows = [[1, "西人社许〔2023〕61号", "黄石乙贸易有限公司", D(2023, 10, 9), D(2023, 10, 16), "区人社局"],
            [2, "西人社许〔2023〕62号", "黄石丙建材有限责任公司", D(2023, 10, 10), D(2023, 10, 16), "区人社局"],
            [3, "西人社许〔2023〕63号", "黄石戊股份有限公司", D(2023, 10, 11), D(2023, 10, 17), "区人社局"],
            [4, "西人社许〔2023〕64号", "黄石己商贸有限公司", D(2023, 10, 11), D(2023, 10, 17), "区人社局"]]
    online = write_csv(tmp_path / "信用网站_行政许可.csv", [
        ["行政相对人名称", "许可决定日期", "公示日期", "许可机关"],
        ["黄石乙贸易公司", "2023-10-09", "2023-10-16", "区人社局"],
        ["黄石丙建材有限公司", "2023-10-10", "2023-10-16", "区人社局"],
        ["黄石戊公司", "2023-10-11", "2023-10-17", "区人社局"],
        ["黄石己商贸有限公司", "2023-10-12", "2023-10-17", "区人社局"],  # another day: not 己's decision of 10-11
        ["黄石庚劳务有限公司", "2023-12-20", "2023-12-25", "区人社局"]])
    results, data = check(tmp_path, rows, online)
    assert results["西人社许〔2023〕61号"] == ("on_time", "confirmed")
    assert results["西人社许〔2023〕62号"] == ("on_time", "confirmed")
    assert results["西人社许〔2023〕63号"] == ("on_time", "confirmed")
    assert results["西人社许〔2023〕64号"][1] != "confirmed"
    unregistered = {e["party"] for e in data["online_only"]}  # 庚's (December: another decision) and 己's are
    assert not {"黄石乙贸易公司", "黄石丙建材有限公司", "黄石戊公司"} & unregistered, unregistered
