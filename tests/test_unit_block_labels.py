"""Roll-ups without a unit column, each unit's rows under a row naming it: a row written 单位：区交通运输局
(or 填报单位：, 实施机关：) between the blocks names the rows under it, as 区住建局 or 三、区应急管理局 do. It
was skipped and its rows charged to the unit above, a false 逾期 for an office that had none. And unit
columns by other real names (作出决定单位, 作出处罚决定的机关, 行政机关, 机关名称), and a unit written with
its former name (区应急管理局（原安监局）). Real files, real CLI.

2026-08-03 + 20 working days = 2026-08-31; 2026-09-03 + 20 = 2026-10-08 (国庆 Oct 1–7 and 中秋 Sep 25 off)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx


def _records(tmp_path, path):
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2026-11-30", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    return {r["document_number"]: (r["unit"], r["status"]) for r in json.loads(out.read_text(encoding="utf-8"))["records"]}


@pytest.mark.parametrize("label", ["单位：区交通运输局", "单位:区交通运输局", "实施机关：区交通运输局", "（二）区交通运输局"])
def test_a_labelled_unit_row_between_blocks_names_the_rows_under_it(tmp_path, label):
    rows = [["各单位行政处罚公开情况"], ["序号", "文书号", "当事人", "处罚决定日期", "公开日期"],
            ["区住建局"], [1, "区住建罚〔2026〕51号", "甲", "2026-09-03", "2026-10-08"],
            [label], [1, "区交罚〔2026〕11号", "丙", "2026-08-03", "2026-09-01"],
            [2, "区交罚〔2026〕12号", "丁", "2026-10-09", None]]
    path = write_xlsx(tmp_path / "10月汇总.xlsx", {"处罚": rows})
    assert _records(tmp_path, path) == {"区住建罚〔2026〕51号": ("区住建局", "on_time"),
                                        "区交罚〔2026〕11号": ("区交通运输局", "late"),
                                        "区交罚〔2026〕12号": ("区交通运输局", "overdue")}


def test_a_labelled_row_after_a_record_and_before_an_ordinal_block_names_its_rows(tmp_path):
    rows = [["序号", "文书号", "当事人", "处罚决定日期", "公开日期"],
            ["区住建局"], [1, "区住建罚〔2026〕5号", "甲", "2026-09-03", "2026-10-08"],
            ["单位：区交通运输局"], [1, "区交罚〔2026〕2号", "丁", "2026-08-03", "2026-09-01"], ["小计：1件"],
            ["三、区应急管理局"], [1, "区应急罚〔2026〕3号", "戊", "2026-09-03", "2026-10-08"]]
    path = write_xlsx(tmp_path / "汇总.xlsx", {"处罚": rows})
    got = _records(tmp_path, path)
    assert got["区交罚〔2026〕2号"] == ("区交通运输局", "late") and got["区住建罚〔2026〕5号"][0] == "区住建局"
    assert got["区应急罚〔2026〕3号"][0] == "区应急管理局"


@pytest.mark.parametrize("line", ["报送单位：区司法局", "填报单位：区政府办"])
def test_a_senders_line_inside_a_titled_block_names_no_rows(tmp_path, line):
    # 填报单位 / 报送单位 says who sent or compiled the sheet (a sign-off may name the rows above it): inside a
    # block it must not take the block's late rows to another office (a false 逾期 for it)
    rows = [["序号", "文书号", "当事人", "处罚决定日期", "公开日期"],
            ["区住建局"], [1, "区住建罚〔2026〕51号", "甲", "2026-09-03", "2026-10-08"],
            ["区交通运输局"], [1, "区交罚〔2026〕11号", "丙", "2026-08-03", "2026-09-01"], [line],
            [2, "区交罚〔2026〕12号", "丁", "2026-10-09", None]]
    path = write_xlsx(tmp_path / "10月汇总.xlsx", {"处罚": rows})
    got = _records(tmp_path, path)
    assert got["区交罚〔2026〕12号"] == ("区交通运输局", "overdue") and got["区交罚〔2026〕11号"][0] == "区交通运输局"


@pytest.mark.parametrize("header", ["作出决定单位", "决定单位", "作出处罚决定的机关", "行政机关", "机关名称"])
def test_unit_columns_by_other_real_names(tmp_path, header):
    rows = [["序号", header, "处罚决定书文号", "当事人", "处罚决定日期", "公开日期"],
            [1, "区人社局", "区人社罚〔2026〕1号", "甲公司", "2026-09-03", "2026-10-09"],
            [2, "区应急管理局（原安监局）", "区应急罚〔2026〕1号", "乙公司", "2026-09-03", "2026-09-10"],
            [3, "区市场监管局（原工商局、质监局）", "区市监罚〔2026〕1号", "丙公司", "2026-09-03", "2026-09-10"]]
    path = write_xlsx(tmp_path / "汇总表.xlsx", {"Sheet1": rows})
    assert _records(tmp_path, path) == {"区人社罚〔2026〕1号": ("区人社局", "late"),
                                        "区应急罚〔2026〕1号": ("区应急管理局", "on_time"),
                                        "区市监罚〔2026〕1号": ("区市场监管局", "on_time")}


def test_a_licence_ledgers_unit_name_column_of_applicants_is_its_party_without_a_word_on_each(tmp_path):
    # 单位名称 in a licence ledger with no party column is the applicant (某宾馆): the party, as expected. Each
    # record said "单位栏写的像是企业名称" although nothing was wrong.
    rows = [["序号", "许可证编号", "单位名称", "经营项目", "受理日期", "发证日期", "有效期至", "网上公示日期"],
            [1, "卫公证字〔2026〕第001号", "某宾馆1", "住宿", "2026-08-20", "2026-09-03", "2030-09-02", "2026-10-09"],
            [2, "卫公证字〔2026〕第002号", "某美容店", "美容", "2026-08-21", "2026-09-03", "2030-09-02", "2026-09-10"]]
    path = write_xlsx(tmp_path / "区卫健委2026年卫生许可证发放台账.xlsx", {"Sheet1": rows})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2026-11-30", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    got = [(r["unit"], r["party"], r["status"], [i["code"] for i in r["issues"] if i["code"].startswith("unit")])
           for r in json.loads(out.read_text(encoding="utf-8"))["records"]]
    assert got == [("区卫健委", "某宾馆1", "late", []), ("区卫健委", "某美容店", "on_time", [])], result.output


def test_a_cover_sheet_names_the_unit_where_the_file_name_names_none(tmp_path):
    rows = [["序号", "许可决定文书号", "申请人", "许可决定日期", "公示日期"],
            [1, "人社许〔2026〕1号", "甲学校", "2026-09-03", "2026-10-09"]]
    cover = [[None], ["2026年下半年行政许可台账"], [None], ["区人力资源和社会保障局"], ["2026年12月"]]
    path = write_xlsx(tmp_path / "人社2026下半年许可台账.xlsx", {"封面": cover, "8月": rows})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2026-11-30", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [(r["unit"], r["status"], r["issues"]) for r in data["records"]] == [("区人力资源和社会保障局", "late", [])]
    assert "按封面所写记在“区人力资源和社会保障局”名下" in data["inputs"][0]["notes"][0], result.output
    # two units on a cover: no guess, the file's name stands, said on the record as before
    two = [["区人社局"], ["区医保局"]]
    (tmp_path / "two").mkdir()
    path = write_xlsx(tmp_path / "two" / "2026下半年许可台账.xlsx", {"封面": two, "8月": rows})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2026-11-30", "--no-history",
                                       "-o", str(tmp_path / "r2.xlsx"), "--json", str(tmp_path / "r2.json")])
    data = json.loads((tmp_path / "r2.json").read_text(encoding="utf-8"))
    assert [i["code"] for i in data["records"][0]["issues"]] == ["unit-from-file-name"], result.output


@pytest.mark.parametrize("shape", ["plain", "stamped", "dated", "compiler-over-header", "pasted-tables"])
def test_sign_offs_closing_each_units_rows_name_the_rows_above_them(tmp_path, shape):
    # A roll-up without a unit column where each unit's rows end with its 填报单位 line: each line names the
    # rows above it. The first unit's rows went to the second unit (a false 逾期 for neither, but 区交通运输局's
    # record then held 区住建局's decisions), or everything to the compiler over the header.
    head = ["序号", "文书号", "当事人", "处罚决定日期", "公开日期"]
    sign = {"plain": "填报单位：{}", "stamped": "填报单位（盖章）：{}", "dated": "填报单位：{}",
            "compiler-over-header": "填报单位：{}", "pasted-tables": "填报单位：{}"}[shape]
    tail = ["填报日期：2026-11-01"] if shape == "dated" else []
    rows = ([["填报单位：区司法局"]] if shape == "compiler-over-header" else []) + [head,
            [1, "区住建罚〔2026〕51号", "甲", "2026-09-03", "2026-10-08"], [sign.format("区住建局"), *tail]] \
        + ([head] if shape == "pasted-tables" else []) + [
            [1, "区交罚〔2026〕11号", "丙", "2026-08-03", "2026-09-01"], [2, "区交罚〔2026〕12号", "丁", "2026-10-09", None],
            [sign.format("区交通运输局"), *tail]]
    path = write_xlsx(tmp_path / "10月汇总.xlsx", {"处罚": rows})
    assert _records(tmp_path, path) == {"区住建罚〔2026〕51号": ("区住建局", "on_time"),
                                        "区交罚〔2026〕11号": ("区交通运输局", "late"),
                                        "区交罚〔2026〕12号": ("区交通运输局", "overdue")}


def test_titles_over_pasted_tables_and_a_compilers_line_under_the_last_keep_their_units(tmp_path):
    # 填报单位：X over each pasted table's header is that table's title; the compiler's line under the last
    # names no rows. Taken as sign-offs, every table's rows went to the next unit and the last to 区政府办.
    head = ["序号", "文书号", "当事人", "处罚决定日期", "公开日期"]
    rows = [["填报单位：区住建局"], head, [1, "区住建罚〔2026〕51号", "甲", "2026-08-03", "2026-09-01"],
            ["填报单位：区交通运输局"], head, [1, "区交罚〔2026〕11号", "丙", "2026-08-03", "2026-09-01"],
            [2, "区交罚〔2026〕12号", "丁", "2026-10-09", None], ["填报单位：区政府办"]]
    path = write_xlsx(tmp_path / "10月汇总.xlsx", {"处罚": rows})
    assert _records(tmp_path, path) == {"区住建罚〔2026〕51号": ("区住建局", "late"),
                                        "区交罚〔2026〕11号": ("区交通运输局", "late"),
                                        "区交罚〔2026〕12号": ("区交通运输局", "overdue")}


def test_sign_offs_then_a_compilers_line_under_them(tmp_path):
    head = ["序号", "文书号", "当事人", "处罚决定日期", "公开日期"]
    body = [head, [1, "区住建罚〔2026〕51号", "甲", "2026-08-03", "2026-09-01"], ["填报单位：区住建局"],
            [1, "区交罚〔2026〕11号", "丙", "2026-09-03", "2026-10-08"], ["填报单位：区交通运输局"]]
    path = write_xlsx(tmp_path / "汇总.xlsx", {"处罚": [*body, ["填报单位：区政府办"]]})  # the compiler's, last
    assert _records(tmp_path, path) == {"区住建罚〔2026〕51号": ("区住建局", "late"),
                                        "区交罚〔2026〕11号": ("区交通运输局", "on_time")}
