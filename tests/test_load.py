"""The loader on real files written in tmp_path: messy sheets and file-level faults."""

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
import xlwt
from msoffcrypto.format.ooxml import OOXMLFile

from compliance.config import load_config
from compliance.ingest.load import load
from helpers import PENALTY_HEADER, penalty_rows, write_csv, write_xlsx


def accounting_holds(result):
    for entry in result.inputs:
        for sheet in entry.sheets:
            assert sheet.record_count + sheet.skipped_rows == sheet.rows_after_header
    assert len(result.records) == sum(f.records for f in result.inputs)


def test_messy_sheet(tmp_path):
    rows = [
        ["区安监局2016年行政处罚决定公示情况表"],
        ["填报单位：区安监局", None, None, "填报日期：2016年11月5日"],
        PENALTY_HEADER,
        [1, "西安监罚〔2016〕1号", "甲公司", dt.datetime(2016, 5, 3), "2016/5/20", "区安监局"],
        [2, "西安监罚〔2016〕2号", "乙公司", "2016年9月14日", "二〇一六年十月十日", None],
        [],
        [3, "西安监罚〔2016〕3号", "丙", "2016-02-30", None, None],
        [4, "西安监罚〔2016〕4号", "丁", 42491, "#VALUE!", None],
        ["注：本表由各单位填写"],
        ["制表人：张三", None, "审核人：李四"],
        [],
    ]
    path = write_xlsx(tmp_path / "安监.xlsx",
                      {"填表说明": [["请按下表填写"], ["日期请写成 2016-05-03"]], "处罚": rows},
                      merges={"处罚": ["A1:F1", "F4:F8"]})
    result = load([path])
    accounting_holds(result)
    entry = result.inputs[0]
    assert entry.error is None
    guide, data = entry.sheets
    assert guide.header_row is None and guide.notes == []  # an instructions sheet needs no word (issue 11)
    assert data.header_row == 3
    assert data.skipped == {"blank": 1, "note": 2, "header": 0, "example": 0}
    records = result.records
    assert list(records["row"]) == [4, 5, 7, 8]
    assert list(records["category"]) == ["penalty"] * 4
    assert list(records["unit"]) == ["区安监局"] * 4  # merged unit cells fill down
    assert str(records["published_date"][1].date()) == "2016-10-10"
    assert list(records["decision_problem"].fillna("")) == ["", "", "date-impossible", ""]
    assert records["published_problem"][3] == "date-formula-error"
    assert records["published_text"][3] == "#VALUE!"  # a real error cell, kept as text
    assert records["decision_text"][2] == "2016-02-30"


def test_two_row_header_and_national_permit_names(tmp_path):
    rows = [
        ["行政许可决定书文号", "行政相对人名称", "许可决定日期", "公开情况", None],
        [None, None, None, "公示日期", "公示网址"],
        ["西人社许〔2016〕1号", "甲", "2016-05-03", "2016-05-10", "http://x"],
    ]
    path = write_xlsx(tmp_path / "人社.xlsx", {"Sheet1": rows},
                      merges={"Sheet1": ["A1:A2", "B1:B2", "C1:C2", "D1:E1"]})
    result = load([path])
    accounting_holds(result)
    sheet = result.inputs[0].sheets[0]
    assert sheet.columns["published_date"] == "公示日期"
    assert result.records["category"][0] == "permit"  # from 许可决定日期
    assert result.records["row"][0] == 3


def test_missing_decision_column_lists_headers_and_keeps_rows(tmp_path):
    path = write_xlsx(tmp_path / "处罚.xlsx", {"S": [["文书号", "当事人", "公开日期"], ["A1", "x", "2016-5-3"]]})
    result = load([path])
    sheet = result.inputs[0].sheets[0]
    [found] = sheet.problems
    assert found.code == "sheet-columns-missing" and (found.file, found.sheet) == (str(path), "S")
    assert "找不到决定日期列" in found.message and "当事人" in found.message
    assert list(result.records["decision_problem"]) == ["decision-column-missing"]


def test_config_adds_synonyms(tmp_path):
    (tmp_path / "compliance.toml").write_text('[columns]\ndecision_date = ["签发日"]\n', encoding="utf-8")
    path = write_xlsx(tmp_path / "处罚.xlsx", {"S": [["文书号", "签发日", "公开日期"], ["A1", "2016-5-3", ""]]})
    config = load_config(cwd=tmp_path)
    result = load([path], config)
    assert result.records["decision_date"][0].date() == dt.date(2016, 5, 3)
    assert load([path]).inputs[0].sheets[0].problems  # without the config: not found


@pytest.mark.parametrize("where, expected", [
    ({"header": "许可决定日期", "sheet": "Sheet1", "file": "data"}, "permit"),
    ({"header": "决定日期", "sheet": "行政处罚", "file": "data"}, "penalty"),
    ({"header": "决定日期", "sheet": "Sheet1", "file": "区环保局行政许可"}, "permit"),
    ({"header": "决定日期", "sheet": "Sheet1", "file": "data"}, None),
])
def test_category_sources(tmp_path, where, expected):
    path = write_xlsx(tmp_path / f"{where['file']}.xlsx",
                      {where["sheet"]: [["文书号", where["header"]], ["A1", "2016-5-3"]]})
    record = load([path]).records.iloc[0]
    assert record["category"] == expected
    assert (record["category_problem"] == "category-unknown") == (expected is None)


def test_category_column_wins(tmp_path):
    path = write_xlsx(tmp_path / "行政许可.xlsx", {"S": [["信息类别", "文书号", "决定日期"],
                                                      ["行政处罚", "A1", "2016-5-3"],
                                                      ["许可", "A2", "2016-5-3"]]})
    assert list(load([path]).records["category"]) == ["penalty", "permit"]


def test_duplicates_across_files_name_the_first(tmp_path):
    write_xlsx(tmp_path / "a_处罚.xlsx", {"S": [PENALTY_HEADER] + penalty_rows(2)})
    write_xlsx(tmp_path / "b_处罚.xlsx", {"S": [PENALTY_HEADER] + penalty_rows(1, start=2)})
    records = load([tmp_path]).records
    dup = records["duplicate_of"].dropna()
    assert len(dup) == 1
    assert dup.iloc[0] == "a_处罚.xlsx / S / 第 3 行"


def test_folder_search_skips_lock_and_hidden_files(tmp_path):
    (tmp_path / "sub").mkdir()
    write_xlsx(tmp_path / "sub" / "处罚.xlsx", {"S": [PENALTY_HEADER] + penalty_rows(3)})
    (tmp_path / "~$处罚.xlsx").write_bytes(b"lock")
    (tmp_path / ".hidden.csv").write_text("x", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result = load([tmp_path])
    assert [e.path for e in result.inputs if not e.error] == [str(tmp_path / "sub" / "处罚.xlsx")]
    # A file in the folder that is not a table is named with its reason (issue 10), never skipped silently;
    # it is a unit's submission in the wrong form, a file that cannot be read (issue 20.10).
    wrong = [(Path(e.path).name, e.error.code, "未读取" in e.error.message) for e in result.inputs if e.error]
    assert wrong == [("notes.txt", "wrong-form", True)]
    assert len(result.records) == 3


def test_real_xls(tmp_path):
    book = xlwt.Workbook()
    sheet = book.add_sheet("行政处罚")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for c, h in enumerate(PENALTY_HEADER):
        sheet.write(0, c, h)
    sheet.write(1, 0, 1)
    sheet.write(1, 1, "西安监罚〔2016〕1号")
    sheet.write(1, 3, dt.datetime(2016, 5, 3), date_style)
    sheet.write(1, 4, "2016.5.20")
    path = tmp_path / "安监.xls"
    book.save(str(path))
    records = load([path]).records
    assert records["decision_date"][0].date() == dt.date(2016, 5, 3)
    assert records["published_date"][0].date() == dt.date(2016, 5, 20)


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig", "utf-16"])
def test_csv_encodings_are_detected(tmp_path, encoding):
    rows = [["文书号", "当事人", "处罚决定日期", "公开日期"], ["西安监罚〔2016〕1号", "张三", "2016年5月3日", "2016/5/20"]]
    path = write_csv(tmp_path / "处罚.csv", rows, encoding=encoding)
    record = load([path]).records.iloc[0]
    assert record["party"] == "张三" and record["decision_date"].date() == dt.date(2016, 5, 3)
    assert record["row"] == 2


def test_a_utf8_mark_before_gbk_text_is_read_as_gbk(tmp_path):
    # An editor put a UTF-8 BOM before a GBK export: the text decides, not the mark.
    rows = [["文书号", "当事人", "处罚决定日期", "公开日期"], ["西安监罚〔2016〕1号", "张三", "2016年5月3日", "2016/5/20"]]
    path = tmp_path / "处罚.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(",".join(r) for r in rows).encode("gbk"))
    result = load([path])
    record = result.records.iloc[0]
    assert result.inputs[0].error is None and record["party"] == "张三" and record["row"] == 2


def test_csv_mixed_line_endings_and_line_numbers(tmp_path):
    path = tmp_path / "处罚.csv"
    path.write_bytes("文书号,处罚决定日期\r\nA1,2016-05-03\nA2,2016-05-04\r\n\r\nA3,2016-05-05\n".encode())
    result = load([path])
    accounting_holds(result)
    assert list(result.records["row"]) == [2, 3, 5]
    assert result.inputs[0].sheets[0].skipped["blank"] == 1


def test_csv_with_undecodable_bytes_names_the_line(tmp_path):
    path = tmp_path / "坏.csv"
    path.write_bytes("文书号,决定日期\n".encode("utf-8") + b"A1,\xff\xfe\xfd\xff\n")
    entry = load([path]).inputs[0]
    assert entry.error.code == "undecodable-text"
    assert str(path) in entry.error.message and "第 2 行" in entry.error.message


def test_html_saved_as_xls(tmp_path):
    html = ("<html><head><meta charset='gbk'></head><body><table>"
            "<tr><td colspan='3'>区工商分局行政处罚公示</td></tr>"
            "<tr><th>文书号</th><th>当事人</th><th>处罚决定日期</th><th>公示日期</th></tr>"
            "<tr><td>西工商罚〔2016〕1号</td><td>某&amp;某</td><td>2016-05-03</td><td>2016-05-09</td></tr>"
            "</table></body></html>")
    path = tmp_path / "工商.xls"
    path.write_bytes(html.encode("gbk"))
    result = load([path])
    assert result.inputs[0].error is None
    record = result.records.iloc[0]
    assert record["party"] == "某&某" and record["row"] == 3 and record["category"] == "penalty"


def _workbook_bytes(tmp_path):
    return write_xlsx(tmp_path / "ok.xlsx", {"S": [PENALTY_HEADER] + penalty_rows(2)}).read_bytes()


@pytest.mark.parametrize("name, make, code, words", [
    ("empty.xlsx", lambda good: b"", "empty-file", "空"),
    ("empty.csv", lambda good: b"  \n", "empty-file", "空"),
    ("truncated.xlsx", lambda good: good[: len(good) // 2], "corrupt-file", "损坏"),
    ("binary.xlsx", lambda good: bytes(range(256)) * 64, "not-a-spreadsheet", "不是 Excel"),
    ("archive.xlsx", lambda good: _zip_of({"readme.txt": b"hi"}), "no-workbook-in-zip", "压缩包"),
    ("nohead.xlsx", None, "no-header", "表头"),
    ("locked.xlsx", "encrypt", "encrypted-file", "文件已加密"),
])
def test_file_faults_are_named_and_others_still_load(tmp_path, name, make, code, words):
    good = _workbook_bytes(tmp_path)
    bad = tmp_path / name
    if make is None:
        write_xlsx(bad, {"说明": [["这是说明"], ["没有数据"]]})
    elif make == "encrypt":
        with open(tmp_path / "ok.xlsx", "rb") as src, open(bad, "wb") as out:
            OOXMLFile(src).encrypt("secret", out)
    else:
        bad.write_bytes(make(good))
    result = load([tmp_path])
    by_path = {e.path: e for e in result.inputs}
    fault = by_path[str(bad)].error
    assert fault is not None and fault.code == code
    assert str(bad) in fault.message and words in fault.message
    assert by_path[str(tmp_path / "ok.xlsx")].error is None
    assert len(result.records) == 2  # the good file's records are all there


def test_missing_path_is_an_error_entry(tmp_path):
    result = load([tmp_path / "nope.xlsx"])
    assert result.inputs[0].error.code == "file-not-found"


def _zip_of(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_template_round_trips_with_zero_problems(tmp_path):
    from click.testing import CliRunner

    import openpyxl
    from compliance.cli import main

    out = tmp_path / "模板.xlsx"
    result = CliRunner().invoke(main, ["template", str(out)])
    assert result.exit_code == 0 and out.exists()
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["填表说明", "行政许可", "行政处罚"]
    permit = workbook["行政许可"]
    headers = [c.value for c in permit[1]]
    assert permit.cell(row=2, column=headers.index("许可决定日期") + 1).number_format == "yyyy-mm-dd"
    assert any(v.type == "date" for v in permit.data_validations.dataValidation)

    def fill(sheet, **cells):
        names = [c.value for c in sheet[1]]
        sheet.append([cells.get(name) for name in names])

    fill(permit, 行政许可决定文书号="西人社许〔2016〕1号", 行政相对人名称="甲公司", 统一社会信用代码="91420200MA0000000X",
         许可决定日期=dt.date(2016, 9, 28), 上网公开日期=dt.date(2016, 10, 10), 许可机关="区人社局")
    fill(workbook["行政处罚"], 行政处罚决定书文号="西安监罚〔2016〕1号", 处罚类别="罚款", 行政相对人名称="乙",
         处罚决定日期=dt.date(2016, 9, 28), 处罚机关="区安监局")
    workbook.save(out)
    loaded = load([out])
    accounting_holds(loaded)
    records = loaded.records
    assert list(records["category"]) == ["permit", "penalty"]
    problems = records[["decision_problem", "published_problem", "category_problem", "duplicate_of"]]
    assert problems.isna().all().all()


SAMPLE_SHEETS = {  # (file, sheet): (records, skipped rows) as tools/samples/README.md lists them
    ("区人社局_2016年行政许可.xlsx", "行政许可"): (48, 5),
    ("区安监局_2016年行政处罚.xlsx", "Sheet1"): (40, 4),
    ("区食药监局_2016年行政许可和行政处罚.xlsx", "行政许可"): (40, 6),
    ("区食药监局_2016年行政许可和行政处罚.xlsx", "行政处罚"): (30, 4),
    ("区工商分局_2016年行政许可及行政处罚.xlsx", "登记许可"): (45, 4),
    ("区工商分局_2016年行政许可及行政处罚.xlsx", "行政处罚"): (35, 4),
    ("区环保局_2016年行政处罚.csv", "区环保局_2016年行政处罚"): (30, 4),
    ("区综合执法局_2016年行政处罚.xls", "区综合执法局_2016年行政处罚"): (45, 4),
    ("区国土分局_2016年行政处罚.xlsx", "行政处罚"): (25, 3),
    ("区编办_2016年行政许可.xlsx", "Sheet1"): (20, 7),
    ("区农林水利局_2016年行政许可.xlsx", "行政许可"): (20, 3),
}


def test_sample_data_loads_with_pinned_counts():
    from pathlib import Path

    result = load([Path(__file__).resolve().parent.parent / "sample_data"])
    accounting_holds(result)
    assert all(entry.error is None for entry in result.inputs)
    got = {(Path(e.path).name, s.name): (s.record_count, s.skipped_rows)
           for e in result.inputs for s in e.sheets if s.header_row}
    assert got == SAMPLE_SHEETS
    assert len(result.records) == 378
    problems = result.records["decision_problem"].dropna().value_counts().to_dict()
    assert problems == {"date-formula-error": 2, "date-impossible": 1, "date-missing": 1}
    assert result.records["duplicate_of"].notna().sum() == 1


def test_words_for_not_published_and_category_codes(tmp_path):
    rows = [["信息类别", "文书号", "决定日期", "公开日期"],
            ["XK", "A1", "2016年5月3号", "未公开"],
            ["cf", "A2", "2016.5.3.", "—"],
            ["CF", "A3", "2016-05-03", "已公开"]]
    records = load([write_xlsx(tmp_path / "data.xlsx", {"S": rows})]).records
    assert list(records["category"]) == ["permit", "penalty", "penalty"]
    assert list(records["decision_date"].dt.strftime("%Y-%m-%d")) == ["2016-05-03"] * 3
    # 已公开 in the date column: the unit's claim without a date, as in a 是否公开 column (tests/test_shapes.py)
    assert list(records["published_problem"].fillna("")) == ["", "", "published-marked-no-date"]
    assert records["published_date"].isna().all()


@pytest.mark.parametrize("name, category", [("双公示_XK_2016", "permit"), ("sgs-cf-10月", "penalty"),
                                            ("checkfile", None)])
def test_category_codes_in_file_names(tmp_path, name, category):
    path = write_xlsx(tmp_path / f"{name}.xlsx", {"S": [["文书号", "决定日期"], ["A1", "2016-5-3"]]})
    assert load([path]).records["category"][0] == category


def test_review_cases_units_reports_duplicates_and_delimiters(tmp_path):
    import datetime as dt

    from compliance.api import check
    from compliance.report.paths import OWN_REPORT
    from compliance.report.workbook import write_report

    # blank unit cells take the sheet's usual unit; the file name gives 区环保局, not the whole name
    rows = [["行政处罚决定书文号", "处罚决定日期", "上网公开日期", "处罚机关"],
            ["A1", "2016-05-03", "2016-05-10", "区安监局"], ["A2", "2016-05-03", "2016-05-10", None]]
    path = write_xlsx(tmp_path / "区安监局_2016年行政处罚.xlsx", {"S": rows})
    assert list(load([path]).records["unit"]) == ["区安监局", "区安监局"]
    plain = write_xlsx(tmp_path / "区环保局_2016年10月行政处罚.xlsx",
                       {"S": [["行政处罚决定书文号", "处罚决定日期", "上网公开日期"], ["2016001", "2016-05-03", ""]]})
    assert list(load([plain]).records["unit"]) == ["区环保局"]
    # the same number at two units is not a duplicate
    both = load([path, plain, write_xlsx(tmp_path / "区安监局_b.xlsx", {"S": [rows[0], ["2016001", "2016-05-03", "", "区安监局"]]})])
    assert both.records["duplicate_of"].notna().sum() == 0
    # our own report, saved under another name, is skipped by its content
    run = check([path], as_of=dt.date(2016, 12, 31), run_date=dt.date(2016, 12, 31))
    write_report(run, tmp_path / "10月检查结果.xlsx")
    again = load([tmp_path / "10月检查结果.xlsx", path], own=OWN_REPORT)
    assert again.inputs[0].is_report and len(again.records) == 2
    # a semicolon CSV with a bare title line
    csv_path = tmp_path / "处罚.csv"
    csv_path.write_text("区环保局行政处罚公开情况表\n文书号;处罚决定日期;公开日期\nB1;2016-05-03;2016-05-09\n",
                        encoding="utf-8")
    assert list(load([csv_path]).records["document_number"]) == ["B1"]


def test_two_row_header_with_group_labels_above(tmp_path):
    rows = [["序号", "行政相对人名称", "行政处罚决定", None, "上网公开", None],
            [None, None, "文书号", "日期", "日期", "网址"],
            [1, "甲", "西罚〔2016〕1号", "2016-05-03", "2016-05-10", "http://x"]]
    path = write_xlsx(tmp_path / "处罚.xlsx", {"S": rows}, merges={"S": ["A1:A2", "B1:B2", "C1:D1", "E1:F1"]})
    result = load([path])
    sheet = result.inputs[0].sheets[0]
    assert sheet.columns["decision_date"] == "行政处罚决定日期" and sheet.columns["published_date"] == "上网公开日期"
    record = result.records.iloc[0]
    assert record["row"] == 3 and str(record["published_date"].date()) == "2016-05-10"


@pytest.mark.parametrize("row", [["合计", 2, None, None, None, None], ["以下空白"] * 6,
                                 ["单位负责人：王五", None, None, "2016年12月5日", None, None],
                                 ["必填", "必填", "必填", "日期型", "日期型", "必填"]])
def test_totals_footers_and_annotations_are_not_records(tmp_path, row):
    path = write_xlsx(tmp_path / "处罚.xlsx", {"S": [PENALTY_HEADER] + penalty_rows(2) + [row]})
    result = load([path])
    assert len(result.records) == 2 and result.inputs[0].sheets[0].skipped["note"] == 1


def test_missing_publication_column_is_a_problem_not_overdue(tmp_path):
    path = write_xlsx(tmp_path / "处罚.xlsx", {"S": [["行政处罚决定书文号", "处罚决定日期", "处罚机关"],
                                                  ["A1", "2016-05-03", "区安监局"]]})
    result = load([path])
    assert "找不到公开日期列" in result.inputs[0].sheets[0].problems[0].message
    assert list(result.records["published_problem"]) == ["published-column-missing"]


def test_html_rowspan_belongs_to_each_row(tmp_path):
    html = ("<table><tr><th>文书号</th><th>处罚决定日期</th><th>公示日期</th><th>处罚机关</th></tr>"
            "<tr><td>C1</td><td rowspan='2'>2016-05-03</td><td>2016-05-09</td><td rowspan='2'>区工商分局</td></tr>"
            "<tr><td>C2</td><td>2016-05-10</td></tr></table>")
    path = tmp_path / "工商.xls"
    path.write_text(html, encoding="utf-8")
    records = load([path]).records
    assert list(records["unit"]) == ["区工商分局"] * 2
    assert records["decision_date"].notna().all()


def test_two_tables_in_one_sheet_are_read_by_their_own_headers(tmp_path):
    rows = [["行政许可决定书文号", "许可决定日期", "上网公开日期"],
            ["许1", "2016-05-03", "2016-05-10"],
            [],
            ["行政处罚决定书文号", "处罚决定日期", "上网公开日期"],
            ["罚1", "2016-06-03", "2016-06-10"],
            ["罚2", "2016-06-04", ""]]
    result = load([write_xlsx(tmp_path / "data.xlsx", {"S": rows})])
    accounting_holds(result)
    records = result.records
    assert list(records["document_number"]) == ["许1", "罚1", "罚2"]
    assert list(records["category"]) == ["permit", "penalty", "penalty"]
    assert list(records["row"]) == [2, 5, 6]
    assert result.inputs[0].sheets[0].skipped == {"blank": 1, "note": 0, "header": 1, "example": 0}


def test_hidden_sheet_is_read_and_noted(tmp_path):
    import openpyxl

    path = write_xlsx(tmp_path / "处罚.xlsx", {"S": [PENALTY_HEADER] + penalty_rows(2),
                                               "旧数据": [PENALTY_HEADER] + penalty_rows(1, start=9)})
    book = openpyxl.load_workbook(path)
    book["旧数据"].sheet_state = "hidden"
    book.save(path)
    result = load([path])
    visible, hidden = result.inputs[0].sheets
    assert not any(n.code == "sheet-hidden" for n in visible.notes)
    assert any(n.code == "sheet-hidden" and "隐藏" in n.message for n in hidden.notes) and hidden.record_count == 1


def test_a_hidden_template_sheet_whose_only_row_is_an_example_is_not_said_to_count(tmp_path):
    import openpyxl

    path = write_xlsx(tmp_path / "处罚.xlsx", {"S": [PENALTY_HEADER] + penalty_rows(2),
                                               "模板": [PENALTY_HEADER, [1, "××罚〔2016〕1号", "示例公司", "2016-05-03", "", None]]})
    book = openpyxl.load_workbook(path)
    book["模板"].sheet_state = "hidden"
    book.save(path)
    result = load([path])
    _, template = result.inputs[0].sheets
    assert template.record_count == 0 and template.skipped["example"] == 1
    assert not any(n.code == "sheet-hidden" for n in template.notes)


def test_a_hidden_sheet_is_said_on_the_terminal(tmp_path):
    # Its records are counted: a clerk must see that on the screen, not only in the report's 说明.
    import openpyxl
    from click.testing import CliRunner

    from compliance.cli import main

    path = write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"S": [PENALTY_HEADER] + penalty_rows(2),
                                                     "旧数据": [PENALTY_HEADER] + penalty_rows(1, start=9)})
    book = openpyxl.load_workbook(path)
    book["旧数据"].sheet_state = "veryHidden"
    book.save(path)
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "-o", str(tmp_path / "r.xlsx")])
    assert "注意：" in result.output and "旧数据 sheet-hidden 这是一个隐藏的工作表，其中的记录也已计入" in result.output


def test_a_sheet_whose_content_starts_far_down_is_not_called_empty(tmp_path):
    rows = [[None]] * 59 + [PENALTY_HEADER] + penalty_rows(1)
    path = write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"台账": rows})
    entry = load([path]).inputs[0]
    assert entry.error is None or entry.error.code != "empty-sheets"


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_a_csv_renamed_as_a_workbook_is_read_by_content_and_the_name_is_said_wrong(tmp_path, suffix):
    # probe 20: text named .xls was read, the same text named .xlsx refused as 不是 Excel
    path = tmp_path / f"区安监局_处罚{suffix}"
    path.write_bytes("行政处罚决定书文号,当事人,处罚决定日期,公示日期\n西安监罚〔2016〕1号,甲,2016-05-03,2016-05-20\n"
                     .encode("gb18030"))
    result = load([path])
    [entry] = result.inputs
    assert entry.error is None and result.records["document_number"].tolist() == ["西安监罚〔2016〕1号"]
    said = [n for n in entry.notes if n.code == "extension-mismatch"]
    assert said and f"文件扩展名是 {suffix}" in said[0].message and "文本表格" in said[0].message, entry.notes


@pytest.mark.parametrize("named, really", [(".csv", "Excel 工作簿"), (".xlsx", "网页表格")])
def test_a_workbook_named_csv_or_a_web_table_named_xlsx_is_read_and_said(tmp_path, named, really):
    # probe p90: read right, but with no word that the name was wrong (a .xlsx named .csv, HTML named .xlsx)
    rows = [PENALTY_HEADER] + penalty_rows(1)
    path = tmp_path / f"区安监局_处罚{named}"
    if really == "Excel 工作簿":
        write_xlsx(tmp_path / "a.xlsx", {"S": rows}).rename(path)
    else:
        cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        path.write_text(f"<html><body><table>{cells}</table></body></html>", encoding="utf-8")
    entry = load([path]).inputs[0]
    said = [n for n in entry.notes if n.code == "extension-mismatch"]
    assert entry.error is None and said and really in said[0].message, entry.notes
