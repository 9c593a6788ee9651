"""Two ways a clerk's sheet hid lateness: 同上 / 〃 in the unit column made units of their own (the real
unit's late and overdue decisions vanished from its row), and dates exported with Excel's text apostrophe
('2024-05-06) were 数据有误. Real files through the real CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_csv, write_xlsx

D = dt.date


def run(tmp_path: Path, book: Path) -> dict:
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    return json.loads(out.read_text(encoding="utf-8"))


def test_ditto_marks_in_the_unit_column_mean_the_unit_above(tmp_path):
    header = ["序号", "处罚机关", "处罚决定书文号", "当事人", "处罚决定日期", "公开日期"]
    book = write_xlsx(tmp_path / "各单位处罚汇总表.xlsx", {"处罚": [header,
        [1, "区安监局", "西安监罚〔2024〕1号", "甲", D(2024, 3, 1), D(2024, 3, 5)],
        [2, "同上", "西安监罚〔2024〕2号", "乙", D(2024, 4, 1), D(2024, 6, 3)],
        [3, "区环保局", "西环罚〔2024〕1号", "丙", D(2024, 5, 6), D(2024, 5, 10)],
        [4, "〃", "西环罚〔2024〕2号", "丁", D(2024, 6, 3), None],
        [5, "同 上", "西环罚〔2024〕3号", "戊", D(2024, 11, 1), D(2024, 11, 5)]]})
    data = run(tmp_path, book)
    assert [(r["unit"], r["status"]) for r in data["records"]] == [
        ("区安监局", "on_time"), ("区安监局", "late"), ("区环保局", "on_time"), ("区环保局", "overdue"),
        ("区环保局", "on_time")]
    columns = data["unit_summary"]["columns"]
    assert sorted(row[columns.index("单位")] for row in data["unit_summary"]["rows"]) == ["区安监局", "区环保局", "合计"]


def test_dates_with_the_text_apostrophe_of_an_export_are_read(tmp_path):
    book = write_csv(tmp_path / "区安监局_处罚.csv", [
        ["序号", "文书号", "当事人", "决定日期", "公开日期"],
        [1, "西安监罚〔2024〕1号", "甲", "'2024-03-01", "'2024-03-05"],
        [2, "西安监罚〔2024〕2号", "乙", "'2024-04-01", "'2024年6月3日"]])
    data = run(tmp_path, book)
    assert [(r["decision_date"], r["published_date"], r["status"]) for r in data["records"]] == [
        ("2024-03-01", "2024-03-05", "on_time"), ("2024-04-01", "2024-06-03", "late")]


def test_a_unit_in_brackets_in_the_file_name_is_the_unit(tmp_path):
    book = write_xlsx(tmp_path / "2024年12月报送（区人社局）.xlsx", {"Sheet1": [
        ["序号", "文书号", "当事人", "决定日期", "公开日期"],
        [1, "西人社罚〔2024〕1号", "甲", D(2024, 12, 2), D(2024, 12, 5)]]})
    data = run(tmp_path, book)
    assert [(r["unit"], r["status"]) for r in data["records"]] == [("区人社局", "on_time")]
    assert not any(i["code"] == "unit-from-file-name" for r in data["records"] for i in r["issues"])


def test_a_city_bureaus_branch_and_the_party_committees_office_are_the_districts_short_names(tmp_path):
    """黄石市国土资源局西塞山分局 is 区国土分局, 中共西塞山区委机构编制委员会办公室 is 区编办: one unit each,
    not two ranked against each other."""
    names = ["区国土分局", "区国土分局", "黄石市国土资源局西塞山分局", "区编办", "区编办",
             "中共西塞山区委机构编制委员会办公室", "区工商分局", "区工商分局", "黄石市工商行政管理局西塞山分局",
             "区城管局", "区城管局", "西塞山区城市管理执法局",
             # the branch by another name: 区市场监管局 (a 局, not a 分局) is the city bureau's 西塞山分局
             "区市场监管局", "区市场监管局", "黄石市市场监督管理局西塞山分局"]
    rows = [[f"西罚〔2024〕{k}号", "甲", "2024-03-01", "2024-03-05", name] for k, name in enumerate(names, start=1)]
    book = write_csv(tmp_path / "各单位汇总.csv", [["文书号", "当事人", "决定日期", "公开日期", "单位"], *rows])
    data = run(tmp_path, book)
    assert [r["unit"] for r in data["records"]] == ["区国土分局"] * 3 + ["区编办"] * 3 + ["区工商分局"] * 3 + \
        ["区城管局"] * 3 + ["区市场监管局"] * 3


def test_sections_of_the_office_in_the_unit_column_count_under_the_office(tmp_path):
    """填报单位：区综合执法局 over a 执法部门 column of 一中队 / 二中队 / 市容科: the office's records, said so;
    they were three units ranked against each other, and 区综合执法局 was nowhere."""
    header = ["序号", "执法部门", "处罚决定书文号", "当事人", "处罚决定日期", "公开日期"]
    book = write_xlsx(tmp_path / "区综合执法局_处罚.xlsx", {"行政处罚": [["填报单位：区综合执法局（盖章）"], header,
        [1, "一中队", "西综执罚〔2024〕1号", "甲", D(2024, 3, 1), D(2024, 3, 5)],
        [2, "二中队", "西综执罚〔2024〕2号", "乙", D(2024, 4, 1), D(2024, 5, 6)],
        [3, "市容科", "西综执罚〔2024〕3号", "丙", D(2024, 5, 6), None]]})
    data = run(tmp_path, book)
    assert [(r["unit"], r["status"], [i["code"] for i in r["issues"]][-1]) for r in data["records"]] == [
        ("区综合执法局", "on_time", "unit-section"), ("区综合执法局", "late", "unit-section"),
        ("区综合执法局", "overdue", "unit-section")]


def test_a_publication_written_as_a_sentence_in_a_state_column_is_read(tmp_path):
    """No 公开日期 column; 公开情况 says 已于2024年3月5日在区政府网站公开 / 已于2024.5.6公开 / 未公开."""
    header = ["序号", "许可决定书文号", "申请人", "许可决定日期", "公开情况"]
    book = write_xlsx(tmp_path / "区教育局_许可.xlsx", {"行政许可": [header,
        [1, "西教许〔2024〕1号", "甲", D(2024, 3, 1), "已于2024年3月5日在区政府网站公开"],
        [2, "西教许〔2024〕2号", "乙", D(2024, 4, 1), "已于2024.5.6公开"],
        [3, "西教许〔2024〕3号", "丙", D(2024, 5, 6), "未公开"]]})
    data = run(tmp_path, book)
    assert [(r["published_date"], r["status"]) for r in data["records"]] == [
        ("2024-03-05", "on_time"), ("2024-05-06", "late"), (None, "overdue")]


def test_a_yes_no_column_alone_is_no_publication_date(tmp_path):
    """是否公开 with 是/否 only: 否 may mean 不予公开 there; no date column is still said, never guessed
    (是 is a claim of publication with no day)."""
    header = ["序号", "许可决定书文号", "申请人", "许可决定日期", "是否公开"]
    book = write_xlsx(tmp_path / "区教育局_许可.xlsx", {"行政许可": [header,
        [1, "西教许〔2024〕1号", "甲", D(2024, 3, 1), "是"], [2, "西教许〔2024〕2号", "乙", D(2024, 4, 1), "否"]]})
    data = run(tmp_path, book)
    assert [(r["status"], r["issues"][0]["code"]) for r in data["records"]] == [
        ("invalid", "published-marked-no-date"), ("invalid", "published-column-missing")]


def test_ditto_and_same_day_words_in_date_columns_are_read_as_meant_and_said(tmp_path):
    # 同上 / 〃: the date above; 同日 / 当天 in the publication column: the decision's day; 同上 under 当天: the
    # day above (07-02), which is before this decision (07-03): 数据有误, as a clerk reading it would find.
    header = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期"]
    book = write_xlsx(tmp_path / "区安监局_2024年行政处罚.xlsx", {"行政处罚": [header,
        [1, "西安监罚〔2024〕1号", "甲", D(2024, 3, 1), D(2024, 3, 5)],
        [2, "西安监罚〔2024〕2号", "乙", "同上", "同上"],
        [3, "西安监罚〔2024〕3号", "丙", D(2024, 5, 6), D(2024, 6, 20)],
        [4, "西安监罚〔2024〕4号", "丁", "〃", "〃"],
        [5, "西安监罚〔2024〕5号", "戊", D(2024, 7, 1), "同日"],
        [6, "西安监罚〔2024〕6号", "己", D(2024, 7, 2), " 当天 "],
        [7, "西安监罚〔2024〕7号", "庚", D(2024, 7, 3), "同上"]]})
    data = run(tmp_path, book)
    assert [(r["decision_date"], r["published_date"], r["status"]) for r in data["records"]] == [
        ("2024-03-01", "2024-03-05", "on_time"), ("2024-03-01", "2024-03-05", "on_time"),
        ("2024-05-06", "2024-06-20", "late"), ("2024-05-06", "2024-06-20", "late"),
        ("2024-07-01", "2024-07-01", "on_time"), ("2024-07-02", "2024-07-02", "on_time"),
        ("2024-07-03", "2024-07-02", "invalid")]
    notes = [n for sheet in data["inputs"][0]["sheets"] for n in sheet["notes"]]
    assert any(n.startswith("第 3、5、6、7、8 行的日期写作“同上”“〃”“同日”“当天”或起止日期") for n in notes), notes


def test_ditto_in_a_date_column_takes_only_the_cell_directly_above(tmp_path):
    # probe: 同上 after a blank separator row took the date two rows up (a late permit out of nothing); nor
    # may it reach past a blank date cell. A run of 同上 under a date still takes that date.
    header = ["序号", "行政许可决定文书号", "行政相对人名称", "许可决定日期", "公示日期"]
    book = write_xlsx(tmp_path / "区商务局_2024年行政许可.xlsx", {"许可": [header,
        [1, "西商许〔2024〕1号", "甲", D(2024, 3, 5), D(2024, 3, 8)],
        [2, "西商许〔2024〕2号", "乙", "同上", D(2024, 3, 8)],
        [3, "西商许〔2024〕3号", "丙", "〃", D(2024, 3, 8)],
        [None, None, None, None, None],
        [4, "西商许〔2024〕4号", "丁", "同上", D(2024, 4, 30)],
        [5, "西商许〔2024〕5号", "戊", None, D(2024, 4, 30)],
        [6, "西商许〔2024〕6号", "己", "同上", D(2024, 4, 30)]]})
    data = run(tmp_path, book)
    assert [(r["decision_date"], r["status"]) for r in data["records"]] == [
        ("2024-03-05", "on_time"), ("2024-03-05", "on_time"), ("2024-03-05", "on_time"),
        (None, "invalid"), (None, "invalid"), (None, "invalid")]
    said = {r["document_number"]: " ".join(i["message"] for i in r["issues"]) for r in data["records"]}
    assert "同上" in said["西商许〔2024〕4号"] and "同上" in said["西商许〔2024〕6号"]


def test_a_zero_in_a_date_column_is_blank_as_a_formula_copying_a_blank_cell_shows(tmp_path):
    # A 汇总 sheet copies the month sheets with formulas; a blank publication date shows as 0. The copy is
    # the same decision as the month sheet's row: unpublished (逾期未公开), never 数据有误 for the 0.
    header = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期"]
    rows = [[1, "西食药罚〔2024〕1号", "甲", D(2024, 1, 8), D(2024, 1, 10)], [2, "西食药罚〔2024〕2号", "乙", D(2024, 1, 9), None]]
    copies = [[1, "西食药罚〔2024〕1号", "甲", D(2024, 1, 8), D(2024, 1, 10)], [2, "西食药罚〔2024〕2号", "乙", D(2024, 1, 9), 0]]
    book = write_xlsx(tmp_path / "区食药监局_2024年行政处罚.xlsx", {"汇总": [header] + copies, "1月": [header] + rows})
    data = run(tmp_path, book)
    assert [(r["document_number"], r["status"]) for r in data["records"]] == [
        ("西食药罚〔2024〕1号", "on_time"), ("西食药罚〔2024〕2号", "overdue")]


def test_a_zero_formatted_as_a_date_is_blank_too(tmp_path):
    # probe: the 0 in a yyyy-mm-dd column shows as 1900-01-00 and came out 数据有误 "单元格不是日期：00:00:00",
    # hiding an overdue decision; the 汇总 sheet first, as the clerk put it
    import openpyxl

    header = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期"]
    book = openpyxl.Workbook()
    total, month = book.active, book.create_sheet("1月")
    total.title = "汇总"
    for sheet, last in ((total, 0), (month, None)):
        sheet.append(header)
        sheet.append([1, "西食药罚〔2024〕2号", "乙", dt.datetime(2024, 1, 9), last])
        sheet.append([2, "西食药罚〔2024〕3号", "丙", dt.datetime(2024, 1, 9), 0.5])  # a time of day: no date
        for row in (2, 3):
            sheet.cell(row, 5).number_format = "yyyy-mm-dd"
    path = tmp_path / "区食药监局_2024年行政处罚.xlsx"
    book.save(path)
    data = run(tmp_path, path)
    assert [(r["document_number"], r["status"]) for r in data["records"]] == [
        ("西食药罚〔2024〕2号", "overdue"), ("西食药罚〔2024〕3号", "invalid")]


def test_companies_in_a_bare_unit_column_are_no_units(tmp_path):
    # A column headed 单位 that lists the companies punished: each company would be ranked as a unit. They
    # are parties; the records count under the unit the file names, and each says so.
    header = ["序号", "处罚决定书文号", "单位", "处罚决定日期", "公开日期"]
    book = write_xlsx(tmp_path / "区安监局_2024年行政处罚.xlsx", {"行政处罚": [header,
        [1, "西安监罚〔2024〕1号", "黄石甲矿业有限公司", D(2024, 3, 1), D(2024, 3, 5)],
        [2, "西安监罚〔2024〕2号", "黄石乙化工厂", D(2024, 4, 1), D(2024, 6, 3)]]})
    data = run(tmp_path, book)
    assert [(r["unit"], r["status"]) for r in data["records"]] == [("区安监局", "on_time"), ("区安监局", "late")]
    said = [i["message"] for r in data["records"] for i in r["issues"] if i["code"] == "unit-column-party"]
    assert said == ["单位栏写的像是企业名称（行政相对人），不是作出决定的单位；记在“区安监局”名下，请核对"] * 2
    assert [r["party"] for r in data["records"]] == ["黄石甲矿业有限公司", "黄石乙化工厂"]  # no party column: they are it


def test_a_bare_unit_name_column_is_the_party_or_the_unit_as_its_cells_say(tmp_path):
    # 单位名称 beside 法定代表人 lists the companies punished (the parties, under the unit of the file name); in
    # a district summary the same header lists the offices. Beside a real 处罚机关 column it is not the unit.
    penalties = write_xlsx(tmp_path / "区安监局_2024年行政处罚.xlsx", {"处罚": [
        ["序号", "行政处罚决定书文号", "单位名称", "法定代表人", "处罚决定日期", "上网公开日期"],
        [1, "西安监罚〔2024〕1号", "黄石甲矿业有限公司", "张三", D(2024, 3, 1), D(2024, 3, 5)],
        [2, "西安监罚〔2024〕2号", "黄石乙化工有限公司", "李四", D(2024, 3, 1), D(2024, 4, 25)],
        [3, "西安监罚〔2024〕3号", "张三", None, D(2024, 3, 1), None],  # a person: a party, no unit
        [4, "西安监罚〔2024〕4号", "黄石丙建材批发部", "王五", D(2024, 3, 1), D(2024, 4, 25)]]})
    data = run(tmp_path, penalties)
    assert [(r["unit"], r["party"], r["status"]) for r in data["records"]] == [
        ("区安监局", "黄石甲矿业有限公司", "on_time"), ("区安监局", "黄石乙化工有限公司", "late"),
        ("区安监局", "张三", "overdue"), ("区安监局", "黄石丙建材批发部", "late")]
    summary = write_xlsx(tmp_path / "全区2024年行政处罚汇总.xlsx", {"处罚": [
        ["序号", "单位名称", "行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"],
        [1, "区人社局", "西人社罚〔2024〕1号", "甲", D(2024, 3, 1), D(2024, 3, 5)],
        [2, "区环保局", "西环罚〔2024〕1号", "乙", D(2024, 3, 1), D(2024, 4, 25)]]})
    data = run(tmp_path, summary)
    assert [(r["unit"], r["party"]) for r in data["records"]] == [("区人社局", "甲"), ("区环保局", "乙")]
    both = write_xlsx(tmp_path / "区交通局_2024年行政处罚.xlsx", {"处罚": [
        ["序号", "处罚机关", "单位名称", "行政处罚决定书文号", "处罚决定日期", "上网公开日期"],
        [1, "区交通运输局", "黄石丙物流有限公司", "西交罚〔2024〕1号", D(2024, 3, 1), D(2024, 3, 5)]]})
    data = run(tmp_path, both)
    assert [(r["unit"], r["issues"]) for r in data["records"]] == [("区交通运输局", [])]


def test_a_notice_period_in_the_publication_column_is_read_from_its_first_day(tmp_path):
    # 公示起止日期 2024.3.5-2024.6.5: online from 03-05 (on time for 03-01); 2024年4月15日至2025年4月15日: from
    # 04-15 (late). A date inside 已公开（2024-4-3） is no "marked published without a date".
    header = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示起止日期"]
    book = write_xlsx(tmp_path / "区市场监管局_2024年行政处罚.xlsx", {"行政处罚": [header,
        [1, "西市监罚〔2024〕1号", "甲", D(2024, 3, 1), "2024.3.5-2024.6.5"],
        [2, "西市监罚〔2024〕2号", "乙", D(2024, 3, 1), "2024年4月15日至2025年4月15日"],
        [3, "西市监罚〔2024〕3号", "丙", D(2024, 3, 1), "已公开（2024-4-3）"],
        # the end shortened, as clerks write it
        [4, "西市监罚〔2024〕4号", "丁", D(2024, 3, 1), "2024.3.5-3.8"],
        [5, "西市监罚〔2024〕5号", "戊", D(2024, 3, 1), "2024年4月15日至4月30日"],
        [6, "西市监罚〔2024〕6号", "己", D(2024, 3, 1), "2024年3月5日至8日"],
        # an end that is no day (13.8, 3.48) makes no range: the cell is no date
        [7, "西市监罚〔2024〕7号", "庚", D(2024, 3, 1), "2024.3.5-13.8"],
        [8, "西市监罚〔2024〕8号", "辛", D(2024, 3, 1), "2024.3.5-3.48"]]})
    data = run(tmp_path, book)
    got = [(r["published_date"], r["status"]) for r in data["records"]]
    assert got[:2] == [("2024-03-05", "on_time"), ("2024-04-15", "late")]
    assert got[3:6] == [("2024-03-05", "on_time"), ("2024-04-15", "late"), ("2024-03-05", "on_time")]
    assert got[6:] == [(None, "invalid"), (None, "invalid")]
    said = [i["code"] for i in data["records"][2]["issues"]]
    assert "published-marked-no-date" not in said


def test_a_blank_publication_date_with_the_day_in_the_remarks_takes_that_day_and_says_so(tmp_path):
    header = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公开日期", "备注"]
    book = write_xlsx(tmp_path / "区国土分局_2024年行政处罚.xlsx", {"行政处罚": [header,
        [1, "西国土罚〔2024〕1号", "甲", D(2024, 3, 1), None, "已于2024年3月5日在区政府网站公开"],
        [2, "西国土罚〔2024〕2号", "乙", D(2024, 3, 1), None, "已公开"],
        [3, "西国土罚〔2024〕3号", "丙", D(2024, 3, 1), None, "2024年3月5日送达"]]})
    data = run(tmp_path, book)
    assert [(r["published_date"], r["status"]) for r in data["records"]] == [
        ("2024-03-05", "on_time"), (None, "invalid"), (None, "overdue")]
    notes = [n for sheet in data["inputs"][0]["sheets"] for n in sheet["notes"]]
    assert "第 2 行的公开日期为空，取自“备注”栏写的日期（如“已于……公开”），请核对" in notes


def test_a_publication_said_in_the_decision_date_column_is_no_decision_date(tmp_path):
    """已公开 2024-03-08 in the 决定日期 column names the day it went online: taken for the decision date,
    the blank publication cell made the record 逾期未公开 with nothing said."""
    header = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公开日期"]
    book = write_xlsx(tmp_path / "区市场监管局_2024年行政处罚.xlsx", {"行政处罚": [header,
        [1, "西市监罚〔2024〕1号", "甲", "已公开 2024-03-08", None],
        [2, "西市监罚〔2024〕2号", "乙", "公示 2024-03-08", None]]})
    data = run(tmp_path, book)
    assert [(r["status"], [i["code"] for i in r["issues"]]) for r in data["records"]] == [
        ("invalid", ["date-with-words"]), ("invalid", ["date-with-words"])]


def test_a_unit_name_column_of_applicants_names_no_unit_even_where_one_looks_like_an_office(tmp_path):
    """单位名称 lists the applicants (schools, a kindergarten, a clinic): 澄月社区卫生服务中心 reads like an
    office, but among four applicants it is one too: no unit of its own ranked with 迟报率 100%."""
    book = write_xlsx(tmp_path / "区教育局_2024年行政许可.xlsx", {"行政许可": [
        ["序号", "许可文书号", "单位名称", "许可事项", "决定日期", "公示日期"],
        *[[i, f"西教许〔2024〕{i}号", name, "办学许可", D(2024, 3, 5), D(2024, 3, 20)]
          for i, name in enumerate(["西塞山区阳光幼儿园", "黄石市第十四中学", "澄月社区卫生服务中心", "西塞山区启明培训学校",
                                    "河口镇中心小学"], start=1)]]})
    data = run(tmp_path, book)
    assert {r["unit"] for r in data["records"]} == {"区教育局"}
    assert [r["party"] for r in data["records"]][2] == "澄月社区卫生服务中心"
