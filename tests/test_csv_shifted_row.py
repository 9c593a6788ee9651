"""A CSV row with an unquoted comma inside a cell has more fields than the header: its cells shift right,
a party's name became the decision date and the decision date the publication date. The row is 数据有误
and says why; the other rows are read as they are. Real CSV bytes through the real CLI."""

from __future__ import annotations

import json

from click.testing import CliRunner

from compliance.cli import main


def test_a_row_with_more_fields_than_the_header_is_data_error_saying_so(tmp_path):
    text = ("序号,行政处罚决定书文号,行政相对人名称,处罚决定日期,上网公开日期\n"
            "1,西农罚〔2024〕1号,黄石甲公司,乙分公司,2024-03-05,2024-04-03\n"
            "2,西农罚〔2024〕2号,黄石丙公司,2024-03-05,2024-03-20\n"
            '3,西农罚〔2024〕3号,"黄石丁公司,戊分公司",2024-03-05,2024-05-20\n')
    path = tmp_path / "区农林水利局_2024年行政处罚.csv"
    path.write_bytes(text.encode("utf-8"))
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2024-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code == 1, result.output
    records = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert [(r["document_number"], r["status"]) for r in records] == [
        ("西农罚〔2024〕1号", "invalid"), ("西农罚〔2024〕2号", "on_time"), ("西农罚〔2024〕3号", "late")]
    said = [i["message"] for i in records[0]["issues"] if i["code"] == "row-fields-shifted"]
    assert said == ["这一行比表头多出 1 栏内容（单元格里可能有没加引号的逗号），各栏可能错位，无法判定"]
    assert records[2]["party"] == "黄石丁公司,戊分公司"  # a quoted comma is the cell's own


def test_a_note_or_a_space_beyond_the_header_is_no_shift(tmp_path):
    # A trailing space, and a note in a column without a header: the dates read right, the rows are judged.
    text = ("文书号,当事人,处罚决定日期,上网公开日期\n"
            "西环罚〔2016〕1号,甲公司,2016-05-03,,已整改\n"
            "西环罚〔2016〕2号,乙公司,2016-05-03,2016-08-01, \n")
    path = tmp_path / "区环保局_处罚.csv"
    path.write_bytes(text.encode("utf-8"))
    out = tmp_path / "r.json"
    CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-01", "--no-history",
                              "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    records = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert [(r["status"], r["issues"]) for r in records] == [("overdue", []), ("late", [])]


def test_a_shift_that_lands_a_date_in_the_date_column_is_still_a_shift(tmp_path):
    # 立案日期 before 决定日期: the comma in 当事人 pushed the decision into 立案日期's place and the
    # publication into the decision's; the true publication is beyond the header. Never judged: 数据有误.
    text = ("文书号,当事人,立案日期,决定日期,公开日期\n"
            "西安监罚〔2024〕1号,张三,2024-01-02,2024-01-03,2024-01-10\n"
            "西安监罚〔2024〕2号,李四,王五,2024-01-03,2024-04-11,2024-04-12\n")
    path = tmp_path / "区安监局_处罚台账.csv"
    path.write_bytes(text.encode("utf-8"))
    out = tmp_path / "r.json"
    CliRunner().invoke(main, ["check", str(path), "--as-of", "2024-06-30", "--no-history",
                              "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    records = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert [(r["status"], [i["code"] for i in r["issues"]]) for r in records] == [
        ("on_time", []), ("invalid", ["row-fields-shifted"])]


def test_a_quote_never_closed_refuses_the_file_naming_its_line_instead_of_dropping_the_rows_after(tmp_path):
    """A stray quote in a 违法事实 cell made every later row one cell of it: 2 of 5 records, a pass. The
    file is now refused, naming the line where the quote opens; another file beside it is still read."""
    text = ("序号,行政处罚决定书文号,行政相对人名称,处罚决定日期,上网公开日期,违法事实\n"
            "1,西安监罚〔2024〕1号,甲公司,2024-03-05,2024-03-20,未开展培训\n"
            '2,西安监罚〔2024〕2号,乙公司,2024-03-05,2024-03-21,"未开展培训，经责令改正逾期未改正\n'
            "3,西安监罚〔2024〕3号,丙公司,2024-03-05,,未开展培训\n"
            "4,西安监罚〔2024〕4号,丁公司,2024-03-06,,未开展培训\n")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "区安监局_2024年行政处罚.csv").write_bytes(text.encode("utf-8"))
    (folder / "区农林水利局_2024年行政处罚.csv").write_bytes(
        "行政处罚决定书文号,处罚决定日期,上网公开日期\n西农罚〔2024〕1号,2024-03-05,2024-03-20\n".encode("utf-8"))
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2024-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code == 1, result.output
    payload = json.loads(out.read_text(encoding="utf-8"))
    errors = {i["file"].rsplit("/", 1)[-1]: i["error"] for i in payload["inputs"]}
    assert errors["区安监局_2024年行政处罚.csv"]["code"] == "csv-malformed"
    assert "CSV 第 3 行格式有误" in errors["区安监局_2024年行政处罚.csv"]["message"]
    assert [r["document_number"] for r in payload["records"]] == ["西农罚〔2024〕1号"]


def test_null_none_and_nan_in_the_publication_column_are_blank_not_unreadable(tmp_path):
    """How databases and pandas write an empty cell: 数据有误 (无法识别的日期：NULL) took overdue decisions out
    of 逾期清单 and 迟报率."""
    rows = "".join(f"{i},西安监罚〔2024〕{i}号,公司{i},2024-03-05,{empty}\n"
                   for i, empty in enumerate(["NULL", "null", "None", "NaN", "nan", "(null)"], start=1))
    path = tmp_path / "区安监局_导出.csv"
    path.write_bytes(("序号,行政处罚决定书文号,行政相对人名称,处罚决定日期,上网公开日期\n" + rows).encode("utf-8"))
    out = tmp_path / "r.json"
    CliRunner().invoke(main, ["check", str(path), "--as-of", "2024-12-31", "--no-history",
                              "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    records = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert [(r["status"], r["deadline"]) for r in records] == [("overdue", "2024-04-02")] * 6


def test_a_json_export_named_on_the_command_line_is_refused_as_in_a_folder(tmp_path):
    """A one-line JSON file named directly was read as a CSV of one header row: 本期无决定 and a pass."""
    path = tmp_path / "区安监局_导出.json"
    path.write_text('[{"文书号": "西安监罚〔2024〕1号", "处罚决定日期": "2024-03-05", "公示日期": ""}]', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2024-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 2, result.output
    assert "这是 JSON 数据文件，不是表格" in result.output and "本期无决定" not in result.output
