"""Issue 21 items 4-5: a unit that says it made no decision, and which of two identical files is cited.

Real workbooks in tmp_path, the real CLI; the report read back with openpyxl.
"""

import datetime as dt
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from compliance.cli import main
from helpers import PENALTY_HEADER, write_xlsx

D = dt.date
UNITS = '[units]\n"区安监局" = []\n"区环保局" = []\n"区编办" = []\n'


def run(tmp_path: Path, *args):
    return CliRunner().invoke(main, ["check", *map(str, args), "--as-of", "2016-12-31", "--out",
                                     str(tmp_path / "r.xlsx")], prog_name="compliance")


def summary(path: Path) -> dict[str, dict]:
    rows = list(openpyxl.load_workbook(path)["汇总"].iter_rows(values_only=True))
    at = next(i for i, r in enumerate(rows) if r and r[0] == "排名")
    return {r[1]: dict(zip(rows[at], r)) for r in rows[at + 1:] if r[1]}


@pytest.mark.parametrize("lines", [
    [["本月无行政处罚决定"]],
    [["区环保局2016年10月行政处罚决定公开情况表"], [], ["本月无行政处罚决定。"]],
    [["区环保局2016年10月行政处罚决定公开情况表"], PENALTY_HEADER, ["本 月 无 行 政 处 罚 决 定"]],
    [["本期没有行政许可和行政处罚决定"]],
], ids=["only-the-line", "title-and-line", "header-and-line", "permits-and-penalties"])
def test_a_file_that_says_no_decisions_is_that_unit_s_no_decisions(tmp_path, lines):
    (tmp_path / "compliance.toml").write_text(UNITS, encoding="utf-8")
    write_xlsx(tmp_path / "区环保局_2016年10月.xlsx", {"Sheet1": lines})
    body = [[1, "西安监罚〔2016〕1号", "甲", D(2016, 9, 1), D(2016, 9, 5), "区安监局"]]
    write_xlsx(tmp_path / "区安监局.xlsx", {"处罚": [PENALTY_HEADER] + body})
    result = run(tmp_path, tmp_path / "区安监局.xlsx", tmp_path / "区环保局_2016年10月.xlsx",
                 "--config", tmp_path / "compliance.toml")
    assert result.exit_code == 0, result.output  # nothing unreadable, nothing late
    assert "文件无法读取" not in result.output
    rows = summary(tmp_path / "r.xlsx")
    assert rows["区环保局"]["类别"] == "本期无决定" and rows["区环保局"]["排名"] is None
    assert rows["区编办"]["类别"] == "未报送"  # the unit that sent nothing stays apart
    assert "本期无决定：区环保局" in result.stdout and "未报送：区编办" in result.stdout


def test_a_title_alone_is_still_a_file_without_a_table(tmp_path):
    write_xlsx(tmp_path / "区环保局.xlsx", {"Sheet1": [["区环保局2016年10月行政处罚决定公开情况表"]]})
    result = run(tmp_path, tmp_path / "区环保局.xlsx")
    assert result.exit_code == 2 and "找不到表头" in result.stderr


@pytest.mark.parametrize("original, copies", [
    ("报表.xlsx", ["报表 - 副本.xlsx"]),
    ("报表.xlsx", ["报表 - 副本 (2).xlsx", "报表副本.xlsx", "报表(1).xlsx", "报表 (2).xlsx", "报表的副本.xlsx",
                  "Copy of 报表.xlsx"]),
    ("区安监局报表.xlsx", ["区安监局报表_最终版.xlsx"]),  # no marker on either: the shorter name
    ("区食药监局_2024年行政许可.xlsx", ["2024年行政许可台账.xlsx"]),  # the one whose name gives the unit
])
def test_identical_files_cite_the_original_name(tmp_path, original, copies):
    folder = tmp_path / "报送"
    folder.mkdir()
    body = [[1, "西安监罚〔2016〕1号", "甲", D(2016, 9, 1), D(2016, 11, 30), "区安监局"]]
    write_xlsx(folder / original, {"处罚": [PENALTY_HEADER] + body})
    for name in copies:
        shutil.copyfile(folder / original, folder / name)
    result = run(tmp_path, folder)
    assert result.exit_code == 1
    assert f"{original}:处罚:2 late" in result.stdout
    for name in copies:
        assert f"未读取：{folder.name}/{name} duplicate-file 与 {original} 内容完全相同" in result.stderr.replace(
            str(tmp_path) + "/", "")
    late = list(openpyxl.load_workbook(tmp_path / "r.xlsx")["逾期清单"].iter_rows(values_only=True))
    assert any(original in str(cell) for row in late for cell in row if cell)
    assert not any(c in str(cell) for c in copies for row in late for cell in row if cell)


def test_identical_files_of_one_name_in_two_folders_cite_the_other_by_its_path(tmp_path):
    # 报送/台账.xlsx and 报送/补报/台账.xlsx, the same bytes: "与 台账.xlsx 相同" would name the file itself.
    folder = tmp_path / "报送"
    (folder / "补报").mkdir(parents=True)
    body = [[1, "西安监罚〔2016〕1号", "甲", D(2016, 9, 1), D(2016, 11, 30), "区安监局"]]
    write_xlsx(folder / "台账.xlsx", {"处罚": [PENALTY_HEADER] + body})
    shutil.copyfile(folder / "台账.xlsx", folder / "补报" / "台账.xlsx")
    result = run(tmp_path, folder)
    said = result.stderr.replace(str(tmp_path) + "/", "")
    assert "未读取：报送/补报/台账.xlsx duplicate-file 与 报送/台账.xlsx 内容完全相同" in said, said
    assert "台账.xlsx:处罚:2 late" in result.stdout and "补报/台账.xlsx:处罚" not in result.stdout


def test_a_file_name_that_names_no_unit_is_said_on_each_of_its_records(tmp_path):
    """台账.xlsx with no unit column and no 填报单位 line: its records were counted under a unit called 台账
    without a word. They still are (they must be counted somewhere), and each record says why."""
    import json

    rows = [["行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"], ["西罚1", "甲", dt.date(2016, 9, 1), dt.date(2016, 9, 5)]]
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("台账.xlsx", "2016年10月报送.xlsx", "区安监局_台账.xlsx"):
        write_xlsx(folder / name, {"处罚": [rows[0], [f"{name[:2]}1", *rows[1][1:]]]})
    with_column = [rows[0] + ["处罚机关"], [*rows[1], "区司法局"]]
    write_xlsx(folder / "附件1.xlsx", {"处罚": with_column})
    result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2016-12-31", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    records = {Path(r["file"]).name: r for r in json.loads(result.stdout)["records"]}
    said = {name: "unit-from-file-name" in [i["code"] for i in r["issues"]] for name, r in records.items()}
    assert said == {"台账.xlsx": True, "2016年10月报送.xlsx": True, "区安监局_台账.xlsx": False, "附件1.xlsx": False}
    assert {name: r["unit"] for name, r in records.items()} == {
        "台账.xlsx": "台账", "2016年10月报送.xlsx": "2016年10月报送", "区安监局_台账.xlsx": "区安监局", "附件1.xlsx": "区司法局"}
    assert {r["status"] for r in records.values()} == {"on_time"}  # said, and judged as before


@pytest.mark.parametrize("name, unit", [
    ("附件1：区安监局2016年行政处罚台账.xlsx", "区安监局"), ("01区安监局.xlsx", "区安监局"), ("1.区环保局台账.xlsx", "区环保局"),
    ("（区编办）10月台账.xlsx", "区编办"), ("【区编办】台账.xlsx", "区编办"), ("2016年10月区环保局行政处罚台账.xlsx", "区环保局"),
    ("10月份区安监局.xlsx", "区安监局"), ("2016年10月_区编办.xlsx", "区编办"), ("(3)区环保局-处罚.xlsx", "区环保局"),
    ("一、区安监局.xlsx", "区安监局"),
    # a cover letter's title as the file name
    ("关于报送区编办2024年行政许可台账的函.xlsx", "区编办"), ("报送：区食药监局 行政许可.xlsx", "区食药监局"),
    ("区国土分局关于报送2024年行政许可台账的报告.xlsx", "区国土分局"), ("填报单位区环保局台账.xlsx", "区环保局")])
def test_a_unit_is_found_behind_what_clerks_put_before_it_in_a_file_name(tmp_path, name, unit):
    """附件1：, numbering, a month, brackets: the unit was the whole file name (附件1：区安监局…), or unknown."""
    import json

    rows = [["行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"], ["西罚1", "甲", D(2016, 9, 1), D(2016, 9, 5)]]
    write_xlsx(tmp_path / name, {"处罚": rows})
    result = CliRunner().invoke(main, ["check", str(tmp_path / name), "--as-of", "2016-12-31", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    [record] = json.loads(result.stdout)["records"]
    assert record["unit"] == unit and not record["issues"]


@pytest.mark.parametrize("name", ["区市场监管局_台账.xlsx", "区市场监管局_2016年行政许可.xlsx"])
def test_a_column_only_penalty_sheets_have_makes_the_sheet_penalties(tmp_path, name):
    """处罚类别 (警告, 罚款, 吊销许可证 …) is a column of the penalty standard only: the sheet holds penalties,
    though the file name says nothing (it was category-unknown) or says 许可 (every row was a permit)."""
    import json

    rows = [["文书号", "相对人", "处罚类别", "决定日期", "公开日期"],
            ["西市监罚〔2016〕1号", "甲", "吊销许可证", D(2016, 10, 10), D(2016, 10, 12)],
            ["西市监罚〔2016〕2号", "乙", "罚款", D(2016, 10, 10), D(2016, 10, 12)]]
    write_xlsx(tmp_path / name, {"Sheet1": rows})
    result = CliRunner().invoke(main, ["check", str(tmp_path / name), "--as-of", "2016-12-31", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    records = json.loads(result.stdout)["records"]
    assert [r["category"] for r in records] == ["penalty", "penalty"]
    assert not [i for r in records for i in r["issues"]]
    both = rows[0] + ["许可内容"]  # columns of both standards: the headers say nothing, the file name decides
    (tmp_path / "b").mkdir()
    write_xlsx(tmp_path / "b" / name, {"Sheet1": [both] + [r + [None] for r in rows[1:]]})
    result = CliRunner().invoke(main, ["check", str(tmp_path / "b" / name), "--as-of", "2016-12-31", "--json", "-",
                                       "-q", "-o", str(tmp_path / "r2.xlsx")])
    # the headers say nothing: the numbers' 代字 (西市监罚) decide, and where the file name says 许可 the record says
    # that the two differ (a permit's deadline for these penalties could hide or invent lateness)
    records = json.loads(result.stdout)["records"]
    assert [r["category"] for r in records] == ["penalty", "penalty"]
    said = [i["code"] for r in records for i in r["issues"]]
    assert said == (["category-by-number"] * 2 if "许可" in name else [])


def _spelled(folder: Path, units: list[str]) -> Path:
    folder.mkdir()
    for i, unit in enumerate(units, start=1):
        write_xlsx(folder / f"台账{i}.xlsx", {"处罚": [PENALTY_HEADER, [1, f"西罚〔2016〕{i}号", "甲", D(2016, 9, 1),
                                                                      D(2016, 9, 5), unit]]})
    return folder


def test_one_unit_written_three_ways_is_counted_once_and_said(tmp_path):
    """区人社局, 区人力资源和社会保障局 and 西塞山区人力资源和社会保障局 were three units ranked against each other."""
    import json

    folder = _spelled(tmp_path / "in", ["区人社局", "区人社局", "区人力资源和社会保障局", "西塞山区人力资源和社会保障局"])
    result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2016-12-31", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    payload = json.loads(result.stdout)
    assert {r["unit"] for r in payload["records"]} == {"区人社局"}  # the spelling written most often
    assert payload["unit_spellings"] == {"区人社局": ["区人力资源和社会保障局", "西塞山区人力资源和社会保障局"]}
    assert set(summary(tmp_path / "r.xlsx")) == {"区人社局", "合计"}
    about = {r[0]: r[1] for r in openpyxl.load_workbook(tmp_path / "r.xlsx")["说明"].iter_rows(values_only=True)}
    assert about["单位名称"].startswith("单位名称写法不一，按同一单位统计：区人社局（另写作 区人力资源和社会保障局、")
    shown = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2016-12-31", "-o", str(tmp_path / "r2.xlsx")])
    assert "单位名称写法不一，按同一单位统计：区人社局" in shown.output


def test_two_districts_offices_and_a_declared_unit_list_are_not_merged(tmp_path, monkeypatch):
    import json

    def units_of(folder, out):
        result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2016-12-31", "--json", "-", "-q",
                                           "-o", str(out)])
        payload = json.loads(result.stdout)
        return {r["unit"] for r in payload["records"]}, payload.get("unit_spellings")

    city = _spelled(tmp_path / "city", ["西塞山区安监局", "黄石港区安全生产监督管理局", "区安监局"])
    assert units_of(city, tmp_path / "c.xlsx") == ({"西塞山区安监局", "黄石港区安全生产监督管理局", "区安监局"}, None)
    declared = _spelled(tmp_path / "declared", ["区人社局", "区人力资源和社会保障局"])
    monkeypatch.chdir(tmp_path)
    (tmp_path / "compliance.toml").write_text('[units]\n"区人社局" = []\n"区人力资源和社会保障局" = []\n',
                                              encoding="utf-8")
    assert units_of(declared, tmp_path / "d.xlsx") == ({"区人社局", "区人力资源和社会保障局"}, None)


def test_a_unit_outside_the_declared_list_is_said_not_silently_ranked(tmp_path, monkeypatch):
    # [units] lists 区人社局 and 区安监局 without aliases. The usual spellings of a declared unit (西塞山区人力资源和
    # 社会保障局, 西塞山区安全生产监督管理局) are that unit, said as a merge: the list adds names, it does not take
    # the usual ones away (else 区人社局 is 未报送 beside its own records). A name that spells no declared unit
    # (区城管局) is counted and ranked on its own, and said, where the clerk can add it to the list.
    folder = _spelled(tmp_path / "in", ["区人社局", "西塞山区人力资源和社会保障局", "西塞山区安全生产监督管理局", "区城管局"])
    monkeypatch.chdir(tmp_path)
    (tmp_path / "compliance.toml").write_text('[units]\n"区人社局" = []\n"区安监局" = []\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2016-12-31", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    payload = json.loads(result.stdout)
    assert payload["units_not_declared"] == ["区城管局"]
    assert payload["unit_spellings"] == {"区人社局": ["西塞山区人力资源和社会保障局"], "区安监局": ["西塞山区安全生产监督管理局"]}
    assert sorted(r["unit"] for r in payload["records"]) == ["区人社局", "区人社局", "区城管局", "区安监局"]
    assert set(summary(tmp_path / "r.xlsx")) == {"区人社局", "区安监局", "区城管局", "合计"}  # none 未报送
    shown = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2016-12-31", "-o", str(tmp_path / "r2.xlsx")])
    said = "不在 compliance.toml [units] 名单中的单位，按各自的名称单独统计、排名：区城管局。"
    assert said in shown.output
    assert "未报送" not in shown.output
    about = [r[1] for r in openpyxl.load_workbook(tmp_path / "r2.xlsx")["说明"].iter_rows(values_only=True)]
    assert any(said in str(line) for line in about)
    assert any("按同一单位统计：区人社局（另写作 西塞山区人力资源和社会保障局）" in str(line) for line in about)
    (tmp_path / "compliance.toml").write_text('[units]\n"区人社局" = []\n"区安监局" = []\n"区城管局" = []\n',
                                              encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2016-12-31", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r3.xlsx")])
    assert "units_not_declared" not in json.loads(result.stdout)


def test_a_declared_unit_spelt_with_two_districts_names_is_not_guessed(tmp_path, monkeypatch):
    """A city's run that declares 区人社局 while 西塞山区人社局 and 黄石港区人社局 both sent: which is the declared
    one is not ours to pick; both stay apart and are said as outside the list."""
    folder = _spelled(tmp_path / "in", ["区人社局", "西塞山区人社局", "黄石港区人力资源和社会保障局"])
    monkeypatch.chdir(tmp_path)
    (tmp_path / "compliance.toml").write_text('[units]\n"区人社局" = []\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2016-12-31", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    payload = json.loads(result.stdout)
    assert payload["units_not_declared"] == ["西塞山区人社局", "黄石港区人力资源和社会保障局"]
    assert "unit_spellings" not in payload


def test_names_of_one_office_under_two_districts_are_kept_apart_and_said(tmp_path):
    import json

    city = _spelled(tmp_path / "city", ["西塞山区安监局", "黄石港区安全生产监督管理局", "区安监局"])
    result = CliRunner().invoke(main, ["check", str(city), "--as-of", "2016-12-31", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    payload = json.loads(result.stdout)
    assert {r["unit"] for r in payload["records"]} == {"西塞山区安监局", "黄石港区安全生产监督管理局", "区安监局"}
    assert payload["unit_spellings_unmerged"] == [["区安监局", "西塞山区安监局", "黄石港区安全生产监督管理局"]]
    shown = CliRunner().invoke(main, ["check", str(city), "--as-of", "2016-12-31", "-o", str(tmp_path / "r2.xlsx")])
    assert "但写了不同的区名，没有合并、分别统计：区安监局、西塞山区安监局、黄石港区安全生产监督管理局。" in shown.output


def test_a_compiled_workbook_counts_each_sheet_under_the_unit_it_is_named_after(tmp_path):
    # 区政府办 compiled the units' ledgers, a sheet each, without a unit column: the sheets name who decided.
    import json

    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"]
    book = write_xlsx(tmp_path / "区政府办_2024年各单位行政处罚汇总.xlsx", {
        "区安监局": [header, [1, "西安监罚〔2024〕1号", "甲", D(2024, 3, 5), D(2024, 3, 8)]],
        "区环保局": [header, [1, "西环罚〔2024〕1号", "乙", D(2024, 3, 5), D(2024, 5, 8)]]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--no-history", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    payload = json.loads(result.stdout)
    assert [(r["sheet"], r["unit"], r["status"]) for r in payload["records"]] == [
        ("区安监局", "区安监局", "on_time"), ("区环保局", "区环保局", "late")]
    assert payload["inputs"][0]["notes"] == [
        "各工作表以单位命名（区安监局、区环保局），记录按工作表名记在各单位名下，不记在文件名的“区政府办”名下"]


def test_a_folder_per_unit_names_the_unit_of_a_file_whose_name_names_none(tmp_path):
    import json

    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"]
    for unit, published in (("区安监局", D(2024, 3, 8)), ("区环保局", D(2024, 5, 8))):
        (tmp_path / "in" / unit).mkdir(parents=True)
        write_xlsx(tmp_path / "in" / unit / "2024年行政处罚台账.xlsx", {"行政处罚": [header, [1, f"{unit}罚〔2024〕1号", "甲",
                                                                                      D(2024, 3, 5), published]]})
    result = CliRunner().invoke(main, ["check", str(tmp_path / "in"), "--as-of", "2024-12-31", "--no-history", "--json",
                                       "-", "-q", "-o", str(tmp_path / "r.xlsx")])
    payload = json.loads(result.stdout)
    assert sorted((r["unit"], r["status"], [i["code"] for i in r["issues"]]) for r in payload["records"]) == [
        ("区安监局", "on_time", ["unit-by-folder"]), ("区环保局", "late", ["unit-by-folder"])]  # each says so
    assert sorted(n for i in payload["inputs"] for n in i["notes"]) == [
        "文件名中没有单位名称，按所在文件夹“区安监局”记在“区安监局”名下，请核对",
        "文件名中没有单位名称，按所在文件夹“区环保局”记在“区环保局”名下，请核对"]


def test_a_files_title_names_its_unit_before_its_folder_and_a_folder_two_levels_up_counts(tmp_path):
    import json

    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"]
    # 区政府办 collected the units' sheets in its folder: each sheet's title names its unit
    (tmp_path / "in" / "区政府办").mkdir(parents=True)
    write_xlsx(tmp_path / "in" / "区政府办" / "台账1.xlsx", {"Sheet1": [["区教育局2016年10月行政处罚信息报送表"], header,
                                                                    [1, "西教罚〔2016〕1号", "甲", D(2016, 10, 10), None]]})
    # a unit's folder with a month folder inside
    (tmp_path / "in" / "区人社局" / "2016年11月").mkdir(parents=True)
    write_xlsx(tmp_path / "in" / "区人社局" / "2016年11月" / "行政处罚台账.xlsx", {"Sheet1": [header,
        [1, "西人社罚〔2016〕1号", "乙", D(2016, 11, 1), D(2016, 11, 4)]]})
    result = CliRunner().invoke(main, ["check", str(tmp_path / "in"), "--as-of", "2016-12-31", "--no-history", "--json",
                                       "-", "-q", "-o", str(tmp_path / "r.xlsx")])
    payload = json.loads(result.stdout)
    assert sorted((r["unit"], r["status"]) for r in payload["records"]) == [("区人社局", "on_time"), ("区教育局", "overdue")]


def test_a_compiled_workbooks_summary_sheet_repeats_and_sections_are_no_units(tmp_path):
    import json

    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"]
    aj = [1, "西安监罚〔2024〕1号", "甲", D(2024, 3, 5), D(2024, 3, 8)]
    hb = [1, "西环罚〔2024〕1号", "乙", D(2024, 3, 5), None]
    rs = [1, "西人社罚〔2024〕1号", "丙", D(2024, 3, 5), None]
    for folder in ("in", "in2", "in3"):
        (tmp_path / folder).mkdir()
    compiled = write_xlsx(tmp_path / "in" / "区政府办_2024年各单位行政处罚汇总.xlsx", {
        "区安监局": [header, aj], "区环保局": [header, hb], "人社": [header, rs], "汇总": [header, aj, hb]})
    sections = write_xlsx(tmp_path / "in2" / "区综合执法局_2024年行政处罚.xlsx", {
        "城东中队": [header, [1, "西综执罚〔2024〕1号", "丁", D(2024, 3, 5), D(2024, 3, 8)]],
        "城西中队": [header, [1, "西综执罚〔2024〕2号", "戊", D(2024, 3, 5), None]]})
    one = write_xlsx(tmp_path / "in3" / "区政府办_各单位台账汇总.xlsx", {"区安监局": [header, aj]})

    def check(book):
        result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--no-history", "--json", "-",
                                           "-q", "-o", str(book.with_suffix(".report.xlsx"))])
        return json.loads(result.stdout)

    payload = check(compiled)
    # 人社 is 区人社局 written short (probe p78 H2): its decision went to 区政府办, which only compiled the book
    assert sorted((r["unit"], r["status"]) for r in payload["records"]) == [
        ("人社", "overdue"), ("区安监局", "on_time"), ("区环保局", "overdue")]  # 汇总's rows: repeats
    assert payload["summary"]["repeats"] == 2
    assert not any("名称看不出是哪个单位" in n for n in payload["inputs"][0]["notes"])
    assert {r["unit"] for r in check(sections)["records"]} == {"区综合执法局"}
    assert [r["unit"] for r in check(one)["records"]] == ["区安监局"]


def test_a_compiled_workbook_whose_sheets_name_no_unit_says_its_records_went_to_the_compiler(tmp_path):
    # probe: sheets 1.人社 / 2、安监 / 环保（2件） (short names, no unit column) in 区政府办's 各单位 汇总: every
    # record went to 区政府办 without a word; a unit's own 汇总 of its year is its own and says nothing
    import json

    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    compiled = write_xlsx(tmp_path / "a" / "区政府办_2024年7月各单位行政处罚汇总.xlsx", {
        "1.人社": [header, [1, "西人社罚〔2024〕1号", "甲", D(2024, 7, 1), None]],
        "2、安监": [header, [1, "西安监罚〔2024〕1号", "乙", D(2024, 7, 1), D(2024, 7, 5)]]})
    own = write_xlsx(tmp_path / "b" / "区人社局_2024年行政处罚汇总.xlsx", {
        "上半年": [header, [1, "西人社罚〔2024〕1号", "甲", D(2024, 3, 1), None]],
        "下半年": [header, [1, "西人社罚〔2024〕9号", "乙", D(2024, 7, 1), D(2024, 7, 5)]]})

    def notes(book):
        result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--no-history", "--json", "-",
                                           "-q", "-o", str(book.with_suffix(".report.xlsx"))])
        return json.loads(result.stdout)["inputs"][0]["notes"]

    assert any("工作表“1.人社、2、安监”的名称看不出是哪个单位，其中的记录记在文件名的“区政府办”名下" in n for n in notes(compiled))
    assert not any("看不出是哪个单位" in n for n in notes(own))
    # review: 全区 / 各乡镇卫生院 in a unit's own file name say its scope, not several senders
    for name in ("区人社局2024年全区行政许可台账.xlsx", "区卫生健康局_各乡镇卫生院行政许可.xlsx"):
        (tmp_path / name).mkdir()
        scoped = write_xlsx(tmp_path / name / name, {"上半年": [header, [1, "西人社罚〔2024〕3号", "丙", D(2024, 3, 1), None]],
                                                     "下半年": [header, [1, "西人社罚〔2024〕4号", "丁", D(2024, 7, 1), None]]})
        assert not any("看不出是哪个单位" in n for n in notes(scoped)), name


def test_a_file_named_after_two_units_says_its_unitless_records_went_to_the_first(tmp_path):
    # probe: 区人社局、区医保局_2024年行政许可.xlsx without a unit column charged 区医保局's overdue permit to
    # 区人社局 without a word; with a unit column nothing needs saying
    header = ["序号", "行政许可决定文书号", "行政相对人名称", "许可决定日期", "公示日期"]
    rows = [[1, "西人社许〔2024〕1号", "甲", D(2024, 7, 1), D(2024, 7, 5)], [2, "西医保许〔2024〕1号", "乙", D(2024, 7, 1), None]]
    book = write_xlsx(tmp_path / "区人社局、区医保局_2024年行政许可.xlsx", {"许可": [header, *rows]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--no-history", "-o", str(tmp_path / "r.xlsx")])
    assert "文件名写了几个单位（区人社局、区医保局），表中的记录没有写单位：按文书号代字分到各单位，看不出的记在“区人社局”名下，请核对" \
        in result.output
    (tmp_path / "b").mkdir()
    book = write_xlsx(tmp_path / "b" / "区人社局、区医保局_2024年行政许可.xlsx", {"许可": [header + ["许可机关"],
                      rows[0] + ["区人社局"], rows[1] + ["区医保局"]]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--no-history", "-o", str(tmp_path / "r2.xlsx")])
    assert "文件名写了几个单位" not in result.output and "区医保局" in result.output
    # review: the offices a file is sent to are no units of it
    (tmp_path / "c").mkdir()
    book = write_xlsx(tmp_path / "c" / "区人社局2024年行政许可台账（报区政府办、区法制办）.xlsx", {"许可": [header, *rows]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--no-history", "-o", str(tmp_path / "r3.xlsx")])
    assert "文件名写了几个单位" not in result.output, result.output


@pytest.mark.parametrize("name, first, units", [
    ("区安监局和区环保局联合执法台账", "区安监局", "区安监局、区环保局"),  # probe: the whole name was the unit
    ("区安监局、区环保局联合执法台账", "区安监局", "区安监局、区环保局"),  # probe: charged to 区安监局 without a word
    ("（报区法制办）区政务服务中心和区大数据局台账", "区政务服务中心", "区政务服务中心、区大数据局"),
    ("区文化和旅游局、区体育局_2024年行政处罚", "区文化和旅游局", "区文化和旅游局、区体育局"),  # 和 in a unit's name
])
def test_a_joint_ledger_named_after_units_joined_by_a_word_names_them_all(tmp_path, name, first, units):
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"]
    book = write_xlsx(tmp_path / f"{name}.xlsx", {"Sheet1": [header, [1, "西安监罚〔2024〕1号", "甲", D(2024, 3, 5), None]]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--no-history", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    assert [r["unit"] for r in json.loads(result.stdout)["records"]] == [first]
    assert f"文件名写了几个单位（{units}），表中的记录没有写单位：按文书号代字分到各单位，看不出的记在“{first}”名下，请核对" in \
        json.loads(result.stdout)["inputs"][0]["notes"]


@pytest.mark.parametrize("name, unit", [("区文化和旅游局_2024年行政处罚", "区文化和旅游局"),
                                        ("（报区政府办、区法制办）区司法局台账", "区司法局")])  # not 报区政府办
def test_a_unit_whose_name_holds_a_joining_word_or_follows_whom_the_file_went_to_is_one_unit(tmp_path, name, unit):
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"]
    book = write_xlsx(tmp_path / f"{name}.xlsx", {"Sheet1": [header, [1, "西安监罚〔2024〕1号", "甲", D(2024, 3, 5), None]]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--no-history", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    assert [r["unit"] for r in json.loads(result.stdout)["records"]] == [unit]
    assert not any("几个单位" in n for n in json.loads(result.stdout)["inputs"][0]["notes"])


def test_short_unit_names_in_a_unit_name_column_beside_a_party_column_stay_units(tmp_path):
    # With a 当事人 column, 单位名称 names the deciding units, abbreviations included (安监, 区气象台).
    import json

    header = ["序号", "单位名称", "行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"]
    book = write_xlsx(tmp_path / "区政府办_2024年各单位处罚汇总.xlsx", {"处罚": [header,
        [1, "安监", "西安监罚〔2024〕1号", "甲", D(2024, 3, 5), D(2024, 3, 8)],
        [2, "区气象台", "西气罚〔2024〕1号", "乙", D(2024, 3, 5), None]]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--no-history", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    assert [(r["unit"], r["party"]) for r in json.loads(result.stdout)["records"]] == [("安监", "甲"), ("区气象台", "乙")]


def test_a_unit_named_only_by_its_file_says_so_on_its_summary_line(tmp_path):
    import json

    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"]
    book = write_xlsx(tmp_path / "自查.xlsx", {"Sheet1": [header, [1, "西安监罚〔2024〕1号", "甲", D(2024, 3, 5), None]]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--no-history", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    table = json.loads(result.stdout)["unit_summary"]
    notes = {row[table["columns"].index("单位")]: row[table["columns"].index("备注")] for row in table["rows"]}
    assert notes["自查"] == "单位不明：文件中看不出是哪个单位，暂按文件名列出"


def test_a_county_workbook_of_streets_and_towns_counts_each_decision_once_under_its_street(tmp_path):
    # Sheets 汇总, 澄月街道, 临江街道, 河口镇; a street's sheet names its unit only by its sheet name and title.
    # 街道 and 镇 were no unit names: the streets' rows went to 区政府办 and counted twice beside 汇总's.
    header = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期"]
    rows = {"澄月街道": [[1, "西澄罚〔2024〕1号", "甲", D(2024, 3, 1), D(2024, 3, 8)],
                      [2, "西澄罚〔2024〕2号", "乙", D(2024, 3, 1), D(2024, 6, 8)]],
            "临江街道": [[1, "西临江罚〔2024〕1号", "丙", D(2024, 4, 1), D(2024, 4, 8)]],
            "河口镇": [[1, "西河罚〔2024〕1号", "丁", D(2024, 5, 6), None]]}
    summary = [["序号", "单位", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期"]]
    summary += [[i, unit, *row[1:]] for unit, body in rows.items() for i, row in enumerate(body, start=1)]
    sheets = {"汇总": summary}
    sheets.update({unit: [[f"{unit}2024年行政处罚台账"], header, *body] for unit, body in rows.items()})
    book = write_xlsx(tmp_path / "区政府办_各乡镇街道2024年行政处罚汇总.xlsx", sheets)
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    import json

    records = json.loads(result.stdout)["records"]
    assert sorted((r["unit"], r["document_number"]) for r in records) == sorted(
        (unit, row[1]) for unit, body in rows.items() for row in body)
    assert "区政府办" not in {r["unit"] for r in records}


def test_a_blank_deciding_office_takes_the_rows_own_data_source_unit_not_the_row_above(tmp_path):
    header = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关", "数据来源单位"]
    book = write_xlsx(tmp_path / "区政府办_信用平台导出.xlsx", {"行政处罚": [
        header,
        [1, "西市监罚〔2024〕21号", "甲", D(2024, 3, 1), D(2024, 3, 5), "西塞山区市场监督管理局", "西塞山区市场监督管理局"],
        [2, "西城管罚〔2024〕7号", "乙", D(2024, 3, 1), D(2024, 6, 5), None, "西塞山区城市管理执法局"],
        [3, "西城管罚〔2024〕8号", "丙", D(2024, 3, 1), None, None, "西塞山区城市管理执法局"],
    ]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    import json

    units = {r["document_number"]: r["unit"] for r in json.loads(result.stdout)["records"]}
    assert units["西城管罚〔2024〕7号"] == units["西城管罚〔2024〕8号"] == "西塞山区城市管理执法局"
    assert units["西市监罚〔2024〕21号"] == "西塞山区市场监督管理局"


@pytest.mark.parametrize("source", ["同上", "某某建材有限公司", "〃"])
def test_a_data_source_that_names_no_office_leaves_the_unit_above(tmp_path, source):
    header = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关", "数据来源单位"]
    book = write_xlsx(tmp_path / "区城管局_台账.xlsx", {"行政处罚": [
        header, [1, "西城管罚〔2024〕1号", "甲", D(2024, 3, 1), D(2024, 3, 5), "西塞山区城市管理局", "西塞山区城市管理局"],
        [2, "西城管罚〔2024〕2号", "乙", D(2024, 3, 1), D(2024, 3, 5), None, source]]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    import json

    assert {r["unit"] for r in json.loads(result.stdout)["records"]} == {"西塞山区城市管理局"}


def test_a_bureaus_ledger_split_into_sheets_by_town_stays_the_bureaus(tmp_path):
    header = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期"]
    book = write_xlsx(tmp_path / "区市场监管局_2024年行政处罚.xlsx", {
        "河口镇": [header, [1, "西市监罚〔2024〕1号", "甲", D(2024, 3, 1), D(2024, 3, 5)]],
        "澄月街道": [header, [1, "西市监罚〔2024〕2号", "乙", D(2024, 3, 1), D(2024, 3, 5)]]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    import json

    assert {r["unit"] for r in json.loads(result.stdout)["records"]} == {"区市场监管局"}


def test_a_file_named_for_a_unit_but_filled_in_by_another_is_said_on_that_units_line(tmp_path):
    # 区环保局_10月.xlsx whose 填报单位 is 区安监局: its records count under 区安监局; 区环保局's line says a file
    # of its name came (not "没有收到该单位的表格")
    (tmp_path / "compliance.toml").write_text(UNITS, encoding="utf-8")
    body = [[1, "西安监罚〔2016〕1号", "甲", D(2016, 9, 1), D(2016, 9, 5), None]]
    write_xlsx(tmp_path / "区环保局_2016年10月.xlsx", {"Sheet1": [["填报单位：区安监局"], PENALTY_HEADER] + body})
    result = run(tmp_path, tmp_path / "区环保局_2016年10月.xlsx", "--config", tmp_path / "compliance.toml")
    assert result.exit_code == 0, result.output
    rows = summary(tmp_path / "r.xlsx")
    assert rows["区安监局"]["决定总数"] == 1
    assert rows["区环保局"]["备注"] == "收到以该单位命名的表格，但表中填报单位是 区安监局，记录已计入 区安监局"
    assert rows["区环保局"]["类别"] == "计入他单位" and "计入他单位：区环保局" in result.stdout  # not 未报送
    assert rows["区编办"]["备注"] == "未报送（没有收到该单位的表格）"


def test_a_file_counted_under_another_unit_has_its_line_without_declared_units(tmp_path):
    # probe 18: with no [units] the named unit vanished from 汇总: 法制办 saw an office that sent a file vanish
    folder = tmp_path / "报送"
    folder.mkdir()
    header = ["序号", "单位", "行政许可决定文书号", "行政相对人名称", "许可决定日期", "公示日期"]
    write_xlsx(folder / "区住建局_行政许可.xlsx", {"Sheet1": [
        header, [1, "区自然资源和规划局", "西自规许〔2016〕1号", "甲公司", D(2016, 9, 1), D(2016, 9, 5)]]})
    result = run(tmp_path, folder)
    assert result.exit_code == 0, result.output
    rows = summary(tmp_path / "r.xlsx")
    assert rows["区自然资源和规划局"]["决定总数"] == 1
    assert rows["区住建局"]["类别"] == "计入他单位" and "区自然资源和规划局" in rows["区住建局"]["备注"]
    assert "计入他单位：区住建局" in result.stdout


def test_a_blank_unit_cell_in_a_roll_up_of_other_units_is_said_not_silently_the_compilers(tmp_path):
    # probe 18: 区政府办's table, first row's 单位 blank: counted under 区政府办, ranked last at 0%, no word
    folder = tmp_path / "报送"
    folder.mkdir()
    header = ["序号", "单位", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期"]
    write_xlsx(folder / "区政府办_10月汇总表.xlsx", {"Sheet1": [
        header, [1, None, "西交罚〔2016〕1号", "甲公司", D(2016, 9, 1), None],
        [2, "区交通运输局", "西交罚〔2016〕2号", "乙公司", D(2016, 9, 1), D(2016, 9, 5)],
        [3, None, "西交罚〔2016〕3号", "丙公司", D(2016, 9, 1), D(2016, 9, 5)]]})
    result = run(tmp_path, folder, "--json", tmp_path / "r.json")
    import json

    records = {r["row"]: r for r in json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["records"]}
    assert [i["code"] for i in records[2]["issues"]] == ["unit-blank-among-units"]
    assert records[4]["unit"] == "区交通运输局" and records[4]["issues"] == []  # blank under a named row: the unit above
    rows = summary(tmp_path / "r.xlsx")
    assert "单位栏空着" in rows["区政府办"]["备注"]


def test_a_blank_unit_cell_under_a_repeated_page_header_is_the_unit_of_the_page_above(tmp_path):
    # probe p84 F2: the header printed again on each page; the first row under it, its 单位 blank, went to the
    # compiler (区政府办, ranked at 0%) instead of 区市场监管局 above.
    folder = tmp_path / "报送"
    folder.mkdir()
    header = ["序号", "单位", "文书号", "当事人", "决定日期", "公开日期"]
    other = ["序号", "文书号", "单位", "当事人", "决定日期", "公开日期"]
    write_xlsx(folder / "区政府办_各单位处罚汇总.xlsx", {"汇总": [
        header, [1, "区市场监管局", "西市监罚〔2016〕1号", "甲", D(2016, 3, 5), D(2016, 3, 8)],
        [2, None, "西市监罚〔2016〕2号", "乙", D(2016, 3, 5), D(2016, 3, 8)],
        header, [3, None, "西市监罚〔2016〕3号", "丙", D(2016, 4, 1), None],
        [4, "区卫健局", "西卫罚〔2016〕1号", "丁", D(2016, 4, 1), D(2016, 4, 5)],
        other, [5, "西卫罚〔2016〕2号", None, "戊", D(2016, 4, 1), D(2016, 4, 5)]]})
    result = run(tmp_path, folder, "--json", tmp_path / "r.json")
    assert result.exit_code == 1, result.output
    records = {r["row"]: r for r in json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["records"]}
    assert (records[5]["unit"], records[5]["status"], records[5]["issues"]) == ("区市场监管局", "overdue", [])
    assert records[6]["unit"] == "区卫健局"
    # another table (another column order): nothing carried into it, and its blank cell is said, as in the first
    assert [i["code"] for i in records[8]["issues"]] == ["unit-blank-among-units"]


def test_a_blank_unit_cell_under_the_same_header_after_a_section_row_is_said_not_carried(tmp_path):
    # review rev62: 一、行政许可 and 二、行政处罚, each under the same printed header: the penalty table's first
    # row, its 单位 blank, went silently to 区人社局 (the permits' last unit); a new table takes nothing from above
    folder = tmp_path / "报送"
    folder.mkdir()
    header = ["序号", "单位", "行政相对人名称", "决定文书号", "决定日期", "公开日期"]
    write_xlsx(folder / "区政府办_10月汇总.xlsx", {"汇总": [
        ["一、行政许可"], header, [1, "区人社局", "黄石甲公司", "西人社许〔2016〕1号", D(2016, 10, 10), D(2016, 10, 12)],
        ["二、行政处罚"], header, [1, None, "黄石丙公司", "西安监罚〔2016〕7号", D(2016, 9, 1), D(2016, 11, 20)],
        [2, "区环保局", "黄石丁公司", "西环罚〔2016〕2号", D(2016, 10, 10), D(2016, 10, 12)]]})
    result = run(tmp_path, folder, "--json", tmp_path / "r.json")
    records = {r["row"]: r for r in json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["records"]}
    assert records[6]["unit"] != "区人社局" and records[6]["status"] == "late", records[6]
    assert [i["code"] for i in records[6]["issues"]] == ["unit-blank-among-units"]


@pytest.mark.parametrize("column", ["办理部门", "受理部门", "部门名称"])
def test_a_service_centres_department_column_names_each_records_unit(tmp_path, column):
    # probe p86 F2: a 政务服务中心 export's 办理部门 was not read: every department's permits, an overdue one of
    # 区市场监管局 too, were charged to 区政务服务中心 without a word. A bureau's own section there stays the bureau's.
    folder = tmp_path / "报送"
    folder.mkdir()
    header = ["序号", "办件编号", "事项名称", column, "申请人", "许可决定日期", "决定文书号", "公开日期"]
    write_xlsx(folder / "区政务服务中心_行政许可办件导出.xlsx", {"导出": [
        header, [1, "B001", "食品经营许可", "区市场监管局", "黄石甲餐饮有限公司", D(2016, 3, 1), "西市监许〔2016〕1号", None],
        [2, "B002", "建筑工程施工许可", "区住建局", "黄石乙建设有限公司", D(2016, 3, 1), "西住建许〔2016〕1号", D(2016, 3, 8)]]})
    write_xlsx(folder / "区卫健局_行政许可.xlsx", {"许可": [
        header, [1, "W001", "医疗机构执业许可", "医政科", "黄石丙诊所", D(2016, 3, 1), "西卫许〔2016〕1号", D(2016, 3, 8)]]})
    result = run(tmp_path, folder, "--json", tmp_path / "r.json")
    assert result.exit_code == 1, result.output
    records = {r["document_number"]: r for r in json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["records"]}
    assert (records["西市监许〔2016〕1号"]["unit"], records["西市监许〔2016〕1号"]["status"]) == ("区市场监管局", "overdue")
    assert records["西住建许〔2016〕1号"]["unit"] == "区住建局"
    assert records["西卫许〔2016〕1号"]["unit"] == "区卫健局"


@pytest.mark.parametrize("measure", ["单位：件", "单位：个", "单位：件、万元", "单位:  项"])
def test_a_measure_line_above_the_header_names_no_unit(tmp_path, measure):
    # probe: 单位：件 above a table made the unit 件 (its lateness taken off 区科技局, which vanished from 汇总)
    header = ["序号", "文号", "相对人", "决定日期", "公开日期"]
    rows = [["区科技局2025年行政许可公示表", None, None, None, None], [None, None, None, None, measure], header,
            [1, "西科许〔2025〕1号", "黄石甲科技公司", D(2025, 3, 5), D(2025, 4, 3)]]
    for name in ("台账.xlsx", "区科技局_2025年行政许可.xlsx"):
        (tmp_path / name).mkdir()
        book = write_xlsx(tmp_path / name / name, {"Sheet1": rows})
        result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2025-12-31", "--no-history", "--json", "-", "-q",
                                           "-o", str(tmp_path / name / "r.xlsx")])
        data = json.loads(result.stdout)
        assert [r["unit"] for r in data["records"]] == ["区科技局"], name
        assert not any("填报单位" in n for n in data["inputs"][0]["notes"]), name


@pytest.mark.parametrize("spellings, kept", [
    (["区卫健委", "区卫健委", "区卫生健康委员会"], "区卫健委"),
    (["区发改委", "区发改委", "西塞山区发展和改革委员会"], "区发改委"),
    (["开发区管委会", "开发区管委会", "开发区管理委员会"], "开发区管委会"),
    # probe 39: an office's official name against its short one (办公室 = 办; 自然资源和规划局 = 自然资源局)
    (["区人防办", "区人防办", "西塞山区人民防空办公室"], "区人防办"),
    (["区政府办", "区政府办", "西塞山区人民政府办公室"], "区政府办"),
    (["区自然资源局", "区自然资源局", "西塞山区自然资源和规划局"], "区自然资源局"),
    # probe 56: 市监 is the bureau's other short name (区市监局 and 区市场监管局 were ranked as two units)
    (["区市监局", "区市监局", "区市场监管局", "西塞山区市场监督管理局"], "区市监局"),
    # probe 71 M3: one office called 委 and 局 (the 2018 reform renamed it in some districts, not in others)
    (["区卫健局", "区卫健局", "区卫生健康委员会"], "区卫健局"),
    (["区行政审批局", "区行政审批局", "区审批局", "西塞山区行政审批服务局"], "区行政审批局"),
    (["区公安分局", "区公安分局", "黄石市公安局西塞山分局"], "区公安分局")])
def test_a_committee_written_short_and_long_is_one_unit(tmp_path, spellings, kept):
    """区卫生健康委员会 is 区卫健委 as 区人力资源和社会保障局 is 区人社局: ranked against itself, it was two units."""
    import json

    folder = _spelled(tmp_path / "in", spellings)
    result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2016-12-31", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    payload = json.loads(result.stdout)
    assert {r["unit"] for r in payload["records"]} == {kept}
    assert set(summary(tmp_path / "r.xlsx")) == {kept, "合计"}


@pytest.mark.parametrize("spellings", [["区民政局", "区民委"], ["区公安分局", "森林公安分局"], ["区教育局", "区科委"],
                                       ["西塞山公安分局", "黄石港公安分局"], ["区城管委", "区城管执法局"],
                                       ["区审计局", "区委审计委员会"], ["区农业局", "区农业委员会"],
                                       ["区公安分局", "高速公安分局"], ["区公安分局", "港口公安分局"]])
def test_offices_alike_in_name_stay_apart(tmp_path, spellings):
    """Guards of the spellings above: 区民委 is not 区民政局, the 森林 or 高速 police is no district's branch, two
    districts' branches are two units, and not every 委 is a 局 (review 59: 区城管委 is not 区城管执法局)."""
    import json

    folder = _spelled(tmp_path / "in", spellings)
    result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2016-12-31", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    assert {r["unit"] for r in json.loads(result.stdout)["records"]} == set(spellings)


def test_an_unreadable_file_named_for_two_units_is_each_ones(tmp_path):
    """A zip (or any unreadable file) named 区住建局、区自然资源局10月台账 was charged to the first unit only;
    the second had no line at all."""
    import json
    import zipfile

    folder = _spelled(tmp_path / "in", ["区司法局"])
    with zipfile.ZipFile(folder / "区住建局、区自然资源局10月台账.zip", "w") as archive:
        archive.writestr("区住建局.xlsx", b"not really")
    result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2016-12-31", "--json", "-", "-q",
                                       "-o", str(tmp_path / "r.xlsx")])
    table = json.loads(result.stdout)["unit_summary"]
    lines = {row[table["columns"].index("单位")]: row[table["columns"].index("类别")] for row in table["rows"]}
    assert lines.get("区住建局") == "文件无法读取" and lines.get("区自然资源局") == "文件无法读取", lines


def test_a_unit_named_with_the_office_it_shares_staff_with_is_one_unit(tmp_path):
    # probe 58 M3: 西塞山区住房和城乡建设局（区人民防空办公室）_行政处罚.csv, its 处罚机关 the same name: ranked once,
    # and listed again as a 计入他单位 unit under the name without the brackets.
    name = "西塞山区住房和城乡建设局（区人民防空办公室）"
    path = tmp_path / f"{name}_行政处罚.csv"
    path.write_text("行政处罚决定书文号,当事人,处罚决定日期,上网公开日期,处罚机关\n"
                    f"西住建罚〔2016〕1号,甲,2016-09-01,2016-09-05,{name}\n", encoding="utf-8")
    result = run(tmp_path, path)
    assert result.exit_code == 0, result.output
    units = summary(tmp_path / "r.xlsx")
    assert [u for u in units if u != "合计"] == ["西塞山区住房和城乡建设局(区人民防空办公室)"], units
    assert all(row["类别"] != "计入他单位" for row in units.values())


def test_a_street_named_under_its_district_government_is_the_street(tmp_path):
    # probe p91 F3: 西塞山区人民政府澄月街道办事处 beside 澄月街道 stayed a unit of its own, ranked last with the late
    # decision, though the two are one office
    folder = tmp_path / "报送"
    folder.mkdir()
    header = ["序号", "单位", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期"]
    write_xlsx(folder / "区政府办_各单位处罚汇总.xlsx", {"汇总": [
        header, [1, "澄月街道", "澄街罚〔2016〕1号", "甲", D(2016, 9, 1), D(2016, 9, 5)],
        [2, "西塞山区人民政府澄月街道办事处", "澄街罚〔2016〕2号", "乙", D(2016, 9, 1), D(2016, 11, 20)]]})
    result = run(tmp_path, folder, "--json", tmp_path / "r.json")
    assert result.exit_code == 1, result.output
    units = {r["unit"] for r in json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["records"]}
    assert units == {"澄月街道"}, units
