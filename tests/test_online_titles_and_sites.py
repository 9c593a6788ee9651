"""--online blind spots a probe found: a catalogue's 生成日期 taken for the publication date beside its 发布日期,
batch titles with short serials (…12号、13号, …12-14号) or a number without 号, two numbers in one 文书号 cell,
a site's name in the list's file name taken for a unit, and a platform in 数据来源单位 taken for the unit.
Each hid a late publication or called a published decision 网站未见. Real files through the real check."""

import datetime as dt
import json

import openpyxl
from click.testing import CliRunner

from compliance.api import check
from compliance.cli import main
from helpers import PENALTY_HEADER, write_csv, write_xlsx

D = dt.date
UNIT = "区安监局"


def ledger(tmp_path, *serials, published=D(2023, 3, 10)):
    rows = [[k, f"西安监罚〔2023〕{k}号", f"黄石{k}公司", D(2023, 3, 1), published, UNIT] for k in serials]
    return write_xlsx(tmp_path / "区安监局_2023年行政处罚.xlsx", {"Sheet1": [PENALTY_HEADER, *rows]})


def run(ledger_path, *online):
    return check([ledger_path], as_of=D(2023, 6, 30), run_date=D(2023, 7, 1), online=[str(p) for p in online])


def results(run_):
    records = run_.records
    return dict(zip(records["document_number"], zip(records["online_result"].astype(str), records["status"])))


def test_the_publication_date_is_the_catalogues_发布日期_not_its_生成日期(tmp_path):
    # 生成日期 04-03 (the document's own date) would make both on time; 发布日期 05-25 / 05-26 is when they
    # went online, after the deadline of 2023-05-04 for a 04-03 decision.
    rows = [[k, f"西安监罚〔2023〕{k}号", f"黄石{k}公司", D(2023, 4, 3), None, UNIT] for k in (41, 42)]
    book = write_xlsx(tmp_path / "区安监局_2023年行政处罚.xlsx", {"Sheet1": [PENALTY_HEADER, *rows]})
    catalogue = write_csv(tmp_path / "目录.csv", [
        ["索引号", "标题", "发布机构", "生成日期", "发布日期", "文号"],
        ["001", "关于对黄石41公司的行政处罚决定书", "区安监局", "2023-04-03", "2023-05-25", "西安监罚〔2023〕41号"],
        ["002", "关于对黄石42公司的行政处罚决定书", "区安监局", "2023-04-03", "2023-05-26", "西安监罚〔2023〕42号"]])
    got = results(run(book, catalogue))
    assert got == {"西安监罚〔2023〕41号": ("confirmed", "late"), "西安监罚〔2023〕42号": ("confirmed", "late")}


def test_every_number_of_a_batch_title_is_published(tmp_path):
    book = ledger(tmp_path, *range(11, 21))
    catalogue = write_csv(tmp_path / "信息公开目录.csv", [
        ["索引号", "标题", "发布机构", "发布日期", "文号"],
        ["001", "行政处罚决定书（西安监罚〔2023〕11）", UNIT, "2023-03-10", ""],
        ["002", "行政处罚决定书公示（西安监罚〔2023〕12号、13号、14号）", UNIT, "2023-03-10", ""],
        ["003", "行政处罚决定书公示（西安监罚〔2023〕15、16号）", UNIT, "2023-03-10", ""],
        ["004", "行政处罚决定书公示（西安监罚〔2023〕17-19号）", UNIT, "2023-03-10", ""],
        ["005", "行政处罚决定书公示（西安监罚〔2023〕20号至20号）", UNIT, "2023-03-10", ""],
        ["006", "区安监局〔2023〕11月份工作简报", UNIT, "2023-06-20", ""]])
    run_ = run(book, catalogue)
    assert set(results(run_).values()) == {("confirmed", "on_time")}
    assert run_.online.lists[0].rows == 6 and run_.online.lists[0].entries == 11


def test_two_numbers_in_one_number_cell_are_both_published(tmp_path):
    book = ledger(tmp_path, 31, 32)
    export = write_csv(tmp_path / "信用西塞山_双公示导出.csv", [
        ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"],
        ["西安监罚〔2023〕31号、西安监罚〔2023〕32号", "黄石31公司", "2023-03-01", "2023-03-10", UNIT]])
    assert set(results(run(book, export)).values()) == {("confirmed", "on_time")}


def test_a_sites_name_in_the_file_name_and_a_collecting_platform_name_no_unit(tmp_path):
    # Both lists run to 06-20 and do not hold 72号: it was not published (网站未见), not 无法核对.
    book = ledger(tmp_path, 71, 72, published=None)
    catalogue = write_csv(tmp_path / "区政府网站_信息公开目录.csv", [
        ["索引号", "标题", "发布日期", "文号"],
        ["001", "关于对黄石71公司的行政处罚决定书", "2023-03-10", "西安监罚〔2023〕71号"],
        ["002", "关于对黄石乙公司的行政处罚决定书", "2023-06-20", "西环罚〔2023〕5号"]])
    export = write_csv(tmp_path / "信用中国_行政处罚导出.csv", [
        ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "数据来源单位"],
        ["西安监罚〔2023〕71号", "黄石71公司", "2023-03-01", "2023-03-10", "湖北省社会信用信息服务中心"],
        ["西环罚〔2023〕5号", "黄石乙公司", "2023-05-03", "2023-06-20", "湖北省社会信用信息服务中心"]])
    for online in (catalogue, export):
        run_ = run(book, online)
        assert results(run_) == {"西安监罚〔2023〕71号": ("confirmed", "on_time"),
                                 "西安监罚〔2023〕72号": ("not-found", "overdue")}, online.name
        assert run_.online.lists[0].units == []


def test_one_decision_listed_twice_without_numbers_is_confirmed_by_its_earliest_entry(tmp_path):
    # No 文书号 on either side: 甲's export row is duplicated, 乙 is in two lists (03-13 and 03-09); each is
    # one decision published, the earliest date counts. Two entries that name two numbers stay ambiguous.
    header = ["序号", "行政许可决定书文号", "行政相对人名称", "许可决定日期", "上网公开日期", "许可机关"]
    rows = [[1, None, "黄石甲幼儿园", D(2023, 3, 1), D(2023, 3, 8), "区编办"],
            [2, None, "黄石乙培训学校", D(2023, 3, 1), D(2023, 3, 9), "区编办"],
            [3, None, "黄石丙养老院", D(2023, 3, 1), D(2023, 3, 9), "区编办"]]
    book = write_xlsx(tmp_path / "区编办_2023年行政许可.xlsx", {"Sheet1": [header, *rows]})
    list_header = ["行政许可决定文书号", "行政相对人名称", "许可决定日期", "公示日期", "许可机关"]
    first = write_csv(tmp_path / "信用中国_行政许可导出.csv", [list_header,
        ["", "黄石甲幼儿园", "2023-03-01", "2023-03-08", "区编办"], ["", "黄石甲幼儿园", "2023-03-01", "2023-03-08", "区编办"],
        ["", "黄石乙培训学校", "2023-03-01", "2023-03-13", "区编办"],
        ["西编许〔2023〕7号", "黄石丙养老院", "2023-03-01", "2023-03-09", "区编办"]])
    second = write_csv(tmp_path / "信用湖北_行政许可导出.csv", [list_header,
        ["", "黄石乙培训学校", "2023-03-01", "2023-03-09", "区编办"],
        ["西编许〔2023〕8号", "黄石丙养老院", "2023-03-01", "2023-03-09", "区编办"],
        ["", "黄石丁公司", "2023-06-01", "2023-06-20", "区编办"]])
    run_ = check([book], as_of=D(2023, 6, 30), run_date=D(2023, 7, 1), online=[str(first), str(second)])
    records = run_.records
    assert list(records["online_result"].astype(str)) == ["confirmed", "confirmed", "ambiguous"]
    assert list(records["published_date"].astype(str)) == ["2023-03-08", "2023-03-09", "2023-03-09"]
    assert list(run_.online.online_only["party"]) == ["黄石丁公司"]


def test_a_notice_period_in_the_lists_date_column_is_read_from_its_first_day(tmp_path):
    book = ledger(tmp_path, 51, 52, published=None)
    export = write_csv(tmp_path / "信用西塞山_双公示导出.csv", [
        ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"],
        ["西安监罚〔2023〕51号", "黄石51公司", "2023-03-01", "2023-03-10至2026-03-09", UNIT],
        ["西安监罚〔2023〕52号", "黄石52公司", "2023-03-01", "2023年4月20日-2026年4月19日", UNIT]])
    assert results(run(book, export)) == {"西安监罚〔2023〕51号": ("confirmed", "on_time"),
                                          "西安监罚〔2023〕52号": ("confirmed", "late")}


def test_a_lists_unreadable_dates_and_its_footer_rows_are_said_in_说明_and_json(tmp_path):
    book = ledger(tmp_path, 61, 62, 63)
    export = write_xlsx(tmp_path / "信用中国_行政处罚导出.xlsx", {"行政处罚": [
        ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"],
        ["西安监罚〔2023〕61号", "黄石61公司", D(2023, 3, 1), D(2023, 3, 10), UNIT],
        ["西安监罚〔2023〕62号", "黄石62公司", D(2023, 3, 1), "2023-02-30", UNIT],
        ["西安监罚〔2023〕63号", "黄石63公司", D(2023, 3, 1), "#VALUE!", UNIT],
        ["西安监罚〔2023〕64号", "黄石64公司", D(2023, 5, 4), D(2023, 6, 20), UNIT],
        ["共 4 条记录"], ["导出时间：2023-07-01"]]})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(book), "--online", str(export), "--as-of", "2023-06-30",
                                       "--no-history", "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    [listed] = json.loads(out.read_text(encoding="utf-8"))["online_lists"]
    said = "网站清单 信用中国_行政处罚导出.xlsx（行政处罚）的公示日期不是日期：第 3 行“2023-02-30”、第 4 行“#VALUE!”；这些信息不用于核对公开日期"
    assert (listed["rows"], listed["skipped_rows"], listed["notes"]) == (4, 2, [said])
    about = [row for row in openpyxl.load_workbook(tmp_path / "r.xlsx")["说明"].iter_rows(values_only=True)]
    assert any(said in str(cell) for row in about for cell in row)
    assert any("另有 2 行不是公开信息" in str(cell) for row in about for cell in row)


def test_a_deciding_bureau_with_big_data_in_its_name_is_no_collecting_platform(tmp_path):
    # 区政务服务和大数据管理局 issues permits: its list speaks for it alone, never for 区人社局 (网站未见).
    header = ["序号", "行政许可决定书文号", "行政相对人名称", "许可决定日期", "上网公开日期", "许可机关"]
    book = write_xlsx(tmp_path / "区人社局_2023年行政许可.xlsx", {"Sheet1": [header,
        [1, "西人社许〔2023〕1号", "甲", D(2023, 4, 3), D(2023, 4, 20), "区人社局"]]})
    export = write_csv(tmp_path / "双公示导出.csv", [
        ["行政许可决定文书号", "行政相对人名称", "许可决定日期", "公示日期", "数据来源单位"],
        ["西政数许〔2023〕1号", "乙", "2023-04-03", "2023-04-10", "西塞山区政务服务和大数据管理局"],
        ["西政数许〔2023〕2号", "丙", "2023-06-01", "2023-06-20", "西塞山区政务服务和大数据管理局"]])
    assert results(run(book, export)) == {"西人社许〔2023〕1号": ("not-verifiable", "on_time")}


def test_a_sub_number_and_a_count_in_a_title_invent_no_number(tmp_path):
    # 12-1号 is one number (not 12号 and 1号); 15起 and 3次会议 are no numbers at all.
    rows = [[k, f"西安监罚〔2023〕{k}号", f"黄石{k}公司", D(2023, 4, 20), None, UNIT] for k in (1, 15)]
    book = write_xlsx(tmp_path / "区安监局_2023年行政处罚.xlsx", {"Sheet1": [PENALTY_HEADER, *rows]})
    catalogue = write_csv(tmp_path / "信息公开目录.csv", [
        ["索引号", "标题", "发布机构", "发布日期", "文号"],
        ["001", "行政处罚决定书（西安监罚〔2023〕12-1号）", UNIT, "2023-05-08", ""],
        ["004", "行政处罚决定书（西安监罚〔2023〕30号）", UNIT, "2023-06-20", ""],
        ["002", "西安监罚（2023）15起案件处理情况", UNIT, "2023-05-09", ""],
        ["003", "区安监局〔2023〕3次会议纪要", UNIT, "2023-06-20", ""]])
    got = results(run(book, catalogue))
    assert got == {"西安监罚〔2023〕1号": ("not-found", "overdue"), "西安监罚〔2023〕15号": ("not-found", "overdue")}


def test_a_serial_without_号_before_words_and_a_platform_with_a_bracket(tmp_path):
    # 〔2024〕12行政处罚决定书, 〔2024〕13（…）: numbers without 号 before text are still numbers; a platform's
    # name with a region in brackets collects data and decides nothing (the list covers every unit).
    rows = [[k, f"西安监罚〔2024〕{k}号", f"黄石{k}公司", D(2024, 3, 1), D(2024, 3, 8), UNIT] for k in (12, 13, 14)]
    book = write_xlsx(tmp_path / "区安监局_2024年行政处罚.xlsx", {"Sheet1": [PENALTY_HEADER, *rows]})
    catalogue = write_csv(tmp_path / "目录.csv", [
        ["索引号", "标题", "发布机构", "发布日期", "文号"],
        ["001", "西安监罚〔2024〕12行政处罚决定书", UNIT, "2024-03-08", ""],
        ["002", "西安监罚〔2024〕13（黄石13公司）行政处罚决定书", UNIT, "2024-03-08", ""],
        ["003", "行政处罚决定书西安监罚〔2024〕14。", UNIT, "2024-03-08", ""],
        ["004", "行政处罚决定书（西安监罚〔2024〕30号）", UNIT, "2024-06-01", ""]])
    run_ = check([book], as_of=D(2024, 6, 30), run_date=D(2024, 7, 1), online=[str(catalogue)])
    assert set(results(run_).values()) == {("confirmed", "on_time")}
    export = write_csv(tmp_path / "信用导出.csv", [
        ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "数据来源单位"],
        ["西安监罚〔2024〕12号", "黄石12公司", "2024-03-01", "2024-03-08", "全国信用信息共享平台（湖北）"],
        ["西环罚〔2024〕5号", "乙", "2024-05-03", "2024-06-20", "黄石市公共信用信息平台"]])
    got = results(check([book], as_of=D(2024, 6, 30), run_date=D(2024, 7, 1), online=[str(export)]))
    assert got["西安监罚〔2024〕13号"] == ("not-found", "overdue")  # the list covers 区安监局: not online
