"""A corpus of bad input files, each checked next to one good workbook through the CLI.

Every case is generated here at test time (no committed binaries). The folder
holds ``good_处罚.xlsx`` (3 on-time penalty records) and the one bad file; the
test runs ``compliance check <folder> --as-of 2016-12-31 --out r.xlsx --json
r.json`` with click's CliRunner and checks the exit code, the Chinese message
naming the file (and row/issue for cell-level cases), that the good file's 3
records are all there, and that no traceback leaks out.

Cases (id: what the bad file is -> what must happen):
empty-xlsx: a 0-byte .xlsx -> unreadable, empty-file
empty-csv: a .csv holding only blanks -> unreadable, empty-file
blank-workbook: an .xlsx whose only sheet has no cell filled -> unreadable, empty-sheets (not "no header")
truncated-xlsx: the first half of a real workbook -> unreadable, corrupt-file
text-as-xlsx: a GBK CSV renamed .xlsx -> readable by content, correct records
binary-as-xlsx: bytes that are neither a workbook nor text, named .xlsx -> unreadable, not-a-spreadsheet
zip-without-workbook: a zip holding readme.txt, named .xlsx -> unreadable, no-workbook-in-zip
encrypted-xlsx: a password-protected workbook (msoffcrypto) -> unreadable, 文件已加密
html-as-xls: an office system's HTML table export named .xls -> readable, records present
csv-gbk: a GBK CSV -> readable, correct records
csv-utf8-bom: a UTF-8 CSV with BOM -> readable, correct records
csv-utf16: a UTF-16 CSV (with BOM) -> readable, correct records
csv-mixed-line-endings: a CSV mixing \\r\\n, \\n and \\r -> readable, correct records and rows
csv-undecodable: a CSV with bytes no encoding decodes -> unreadable, undecodable-text naming the line
instructions-only: a workbook with only a 填表说明 sheet -> unreadable, no-header
duplicate-columns: two 处罚决定日期 columns -> readable, judged by the first where they agree or one is no date;
  a row where both hold dates that differ, and the verdict turns on which, is invalid (second-decision-date-turns)
two-field-column: a 决定及公开日期 column left of proper columns -> readable, it steals neither field
too-large-handmade-zip: a zip whose sheet1.xml is 5 MB of spaces, limit 1 MB -> file-too-large in < 2 s
too-large-workbook: a real workbook with long compressible cells, limit 1 MB -> file-too-large
error-cell-value: a real #VALUE! error cell as decision date -> invalid, message has #VALUE!
error-cell-ref: a real #REF! error cell as decision date -> invalid, message has #REF!
error-cell-na: a real #N/A error cell as publication date -> invalid, message has #N/A
error-text-value: "#VALUE!" typed as text as decision date -> invalid, message has #VALUE!
error-text-ref: "#REF!" typed as text as publication date -> invalid, message has #REF!
error-text-na: "#N/A" typed as text as decision date -> invalid, message has #N/A
bool-true: TRUE as decision date -> invalid, message says 单元格不是日期 and quotes TRUE
bool-false: FALSE as publication date -> invalid, message says 单元格不是日期 and quotes FALSE
huge-number: 1e15 as decision date -> invalid, message has 1000000000000000
negative-number: -5 (General format) as decision date -> invalid, message has -5
negative-in-date-format: -5 typed into a yyyy-mm-dd formatted decision cell -> invalid, message has -5
before-1990-date-cell: a real date cell 1985-03-01 as decision date -> invalid, message has 1985-03-01
before-1990-text: "1989-12-31" as decision date -> invalid, message has 1989-12-31
after-2100-text: "2101-01-01" as publication date -> invalid, message has 2101-01-01
after-2100-date-cell: a real date cell 2150-05-03 as decision date -> invalid, message has 2150-05-03
free-text-published: 已公开 as publication date -> invalid, message has 已公开
free-text-decision: 见附件 as decision date -> invalid, message has 见附件
whitespace-decision: "   " as decision date -> blank: invalid, 日期为空
whitespace-published: "  \\u3000 " as publication date -> blank: not published (overdue), no issue
merged-unit: the unit column merged over 3 records -> every record gets the unit
merged-decision-date: the decision-date column merged over 3 records -> every record gets the date
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import openpyxl
import pytest
from click.testing import CliRunner
from msoffcrypto.format.ooxml import OOXMLFile

from compliance.cli import main
from helpers import PENALTY_HEADER, penalty_rows, write_csv, write_xlsx

GOOD_NAME = "good_处罚.xlsx"
GOOD_DOCS = [f"西安监罚〔2016〕{i}号" for i in (1, 2, 3)]
CJK = re.compile(r"[\u4e00-\u9fff]")
D1, P1 = dt.date(2016, 9, 1), dt.date(2016, 9, 10)  # 20 working days: deadline 2016-09-29
ROW_CSV = [["文书号", "当事人", "处罚决定日期", "公开日期"],
           ["坏样〔2016〕1号", "张三", "2016年5月3日", "2016/5/20"],
           ["坏样〔2016〕2号", "李四", "2016-06-01", "2016-06-08"]]


@dataclass
class Case:
    id: str
    build: Callable[[Path, Path], Path]  # (folder, tmp_path) -> the bad file
    kind: str  # "file" (unreadable), "readable", "cell"
    code: str | None = None  # file-level error code
    words: tuple[str, ...] = ()  # must appear in the file error message / the issue message
    records: list[dict] = field(default_factory=list)  # expected records of the bad file (subset of keys)
    row: int | None = None  # cell-level: the bad record's row
    status: str = "invalid"  # cell-level: the bad record's status
    config: str | None = None  # compliance.toml text for the working directory
    max_seconds: float | None = None
    xfail: str | None = None
    # cell-level: the cell as Excel/WPS shows it, which the issue message must quote; when the
    # package gets this wrong, ``quote_bug`` says how, and test_issue_quotes_the_cell_as_shown xfails
    quote: str | None = None
    quote_bug: str | None = None


# -- builders ------------------------------------------------------------------
def _good_bytes(tmp_path: Path) -> bytes:
    return write_xlsx(tmp_path / "plain.xlsx", {"处罚": [PENALTY_HEADER] + penalty_rows(3)}).read_bytes()


def _zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _raw(name: str, make: Callable[[Path], bytes]):
    def build(folder: Path, tmp_path: Path) -> Path:
        path = folder / name
        path.write_bytes(make(tmp_path))
        return path
    return build


def _encrypted(folder, tmp_path):
    plain = write_xlsx(tmp_path / "plain.xlsx", {"处罚": [PENALTY_HEADER] + penalty_rows(3, start=11)})
    path = folder / "加密_处罚.xlsx"
    with open(plain, "rb") as src, open(path, "wb") as out:
        OOXMLFile(src).encrypt("pw", out)
    return path


def _html(folder, tmp_path):
    html = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'></head><body>"
            "<table border=1><tr><td colspan='4'>区工商分局行政处罚公示</td></tr>"
            "<tr><th>文书号</th><th>当事人</th><th>处罚决定日期</th><th>公示日期</th></tr>"
            "<tr><td>坏样〔2016〕1号</td><td>张三</td><td>2016-05-03</td><td>2016-05-20</td></tr>"
            "<tr><td>坏样〔2016〕2号</td><td>李四</td><td>2016年6月1日</td><td>2016/6/8</td></tr>"
            "</table></body></html>")
    path = folder / "工商导出.xls"
    path.write_bytes(html.encode("gbk"))
    return path


def _csv(name, encoding):
    def build(folder, tmp_path):
        return write_csv(folder / name, ROW_CSV, encoding=encoding)
    return build


def _csv_mixed(folder, tmp_path):
    path = folder / "换行_处罚.csv"
    path.write_bytes(("文书号,当事人,处罚决定日期,公开日期\r\n"
                      "坏样〔2016〕1号,张三,2016-05-03,2016-05-20\n"
                      "坏样〔2016〕2号,李四,2016-06-01,2016-06-08\r"
                      "\r\n"
                      "坏样〔2016〕3号,王五,2016-07-01,2016-07-05\r\n").encode("utf-8"))
    return path


def _csv_undecodable(folder, tmp_path):
    path = folder / "乱码_处罚.csv"
    path.write_bytes("文书号,处罚决定日期\n坏样〔2016〕1号,2016-05-03\n".encode("utf-8")
                     + b"\xff\xfe\xfd,\xff\xff\n")
    return path


def _instructions_only(folder, tmp_path):
    return write_xlsx(folder / "说明.xlsx", {"填表说明": [["填表说明"], ["1. 日期请写成 2016-05-03"],
                                                      ["2. 每个决定一行"]]})


def _duplicate_columns(folder, tmp_path):
    header = ["序号", "行政处罚决定书文号", "处罚决定日期", "上网公开日期", "处罚决定日期"]
    rows = [header, [1, "坏样〔2016〕1号", D1, P1, "见附件"], [2, "坏样〔2016〕2号", "2016-09-02", "2016-09-12", "2015-01-01"]]
    return write_xlsx(folder / "重复列_处罚.xlsx", {"处罚": rows})


def _two_field_column(folder, tmp_path):
    header = ["序号", "决定及公开日期", "行政处罚决定书文号", "处罚决定日期", "上网公开日期"]
    rows = [header, [1, "见备注", "坏样〔2016〕1号", D1, P1], [2, "2015-01-01", "坏样〔2016〕2号", "2016-09-02", "2016-09-12"]]
    return write_xlsx(folder / "双义列_处罚.xlsx", {"处罚": rows})


def _handmade_bomb(folder, tmp_path):
    content_types = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                     b'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
                     b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                     b'officedocument.spreadsheetml.sheet.main+xml"/></Types>')
    workbook = (b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
                b'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
    sheet = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             b'spreadsheetml/2006/main"><sheetData>' + b" " * (5 << 20) + b"</sheetData></worksheet>")
    path = folder / "炸弹_处罚.xlsx"
    path.write_bytes(_zip_of({"[Content_Types].xml": content_types, "xl/workbook.xml": workbook,
                              "xl/worksheets/sheet1.xml": sheet}))
    return path


def _big_workbook(folder, tmp_path):
    rows = [PENALTY_HEADER] + [[i, f"坏样〔2016〕{i}号", "公" * 30000 + str(i), D1, P1, "区安监局"]
                               for i in range(1, 61)]
    return write_xlsx(folder / "超大_处罚.xlsx", {"处罚": rows})


DECISION, PUBLISHED = 4, 5  # columns of PENALTY_HEADER (1-based)


def _cell(name: str, value, column: int = DECISION, as_text: bool = False, number_format: str | None = None):
    """A penalty workbook: one fine record (row 2), then the bad one (row 3)."""
    def build(folder, tmp_path):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = "处罚"
        sheet.append(PENALTY_HEADER)
        sheet.append([1, "坏样〔2016〕1号", "甲公司", D1, P1, "区安监局"])
        sheet.append([2, "坏样〔2016〕2号", "乙公司", D1, P1, "区安监局"])
        cell = sheet.cell(row=3, column=column, value=value)
        # openpyxl keeps the yyyy-mm-dd format of the date it overwrites; a plain cell has General
        cell.number_format = number_format or ("yyyy-mm-dd" if isinstance(value, dt.date) else "General")
        if as_text:
            cell.data_type = "s"
        elif isinstance(value, str) and value.startswith("#"):
            assert cell.data_type == "e"  # openpyxl makes it a real error cell
        path = folder / f"{name}.xlsx"
        workbook.save(path)
        return path
    return build


def _merged(name: str, column: str, value):
    def build(folder, tmp_path):
        rows = [PENALTY_HEADER] + [[i, f"坏样〔2016〕{i}号", f"公司{i}", D1, P1, None] for i in (1, 2, 3)]
        col = ord(column) - ord("A")
        for row in rows[1:]:
            row[col] = None
        rows[1][col] = value
        return write_xlsx(folder / f"{name}.xlsx", {"处罚": rows}, merges={"处罚": [f"{column}2:{column}4"]})
    return build


def _rec(doc, decision, published, row, status="on_time", **extra):
    return {"document_number": doc, "decision_date": decision, "published_date": published, "row": row,
            "status": status, **extra}


CSV_RECORDS = [_rec("坏样〔2016〕1号", "2016-05-03", "2016-05-20", 2, party="张三"),
               _rec("坏样〔2016〕2号", "2016-06-01", "2016-06-08", 3, party="李四")]

NEGATIVE_BUG = ("-5 in a yyyy-mm-dd formatted cell reaches the loader as datetime.time(0, 0) from "
                "python-calamine; the issue says 单元格不是日期：00:00:00 and the number is lost")

CASES = [
    Case("empty-xlsx", _raw("空_处罚.xlsx", lambda t: b""), "file", "empty-file", ("文件是空的",)),
    Case("empty-csv", _raw("空_处罚.csv", lambda t: b"  \r\n \n"), "file", "empty-file", ("文件是空的",)),
    Case("blank-workbook", _raw("空表_处罚.xlsx", lambda t: write_xlsx(t / "blank.xlsx", {"Sheet1": []}).read_bytes()),
         "file", "empty-sheets", ("都是空的",)),
    Case("truncated-xlsx", _raw("截断_处罚.xlsx", lambda t: _good_bytes(t)[: len(_good_bytes(t)) // 2]),
         "file", "corrupt-file", ("损坏",)),
    # a CSV renamed .xlsx is read by its content, as a text export named .xls is; the name is said wrong
    Case("text-as-xlsx", _raw("文本_处罚.xlsx", lambda t: ("行政处罚决定书文号,当事人,处罚决定日期,公示日期\n"
                                                        "坏样〔2016〕1号,张三,2016-05-03,2016-05-20\n").encode("gbk")),
         "readable", records=[_rec("坏样〔2016〕1号", "2016-05-03", "2016-05-20", 2, party="张三")]),
    Case("binary-as-xlsx", _raw("乱码_处罚.xlsx", lambda t: bytes(range(256)) * 64),
         "file", "not-a-spreadsheet", ("不是 Excel", "也不是文本表格", "重新导出")),
    Case("zip-without-workbook", _raw("压缩包_处罚.xlsx", lambda t: _zip_of({"readme.txt": b"hi"})),
         "file", "no-workbook-in-zip", ("压缩包",)),
    Case("encrypted-xlsx", _encrypted, "file", "encrypted-file", ("文件已加密",)),
    Case("html-as-xls", _html, "readable",
         records=[_rec("坏样〔2016〕1号", "2016-05-03", "2016-05-20", 3, category="penalty"),
                  _rec("坏样〔2016〕2号", "2016-06-01", "2016-06-08", 4, category="penalty")]),
    Case("csv-gbk", _csv("gbk_处罚.csv", "gbk"), "readable", records=CSV_RECORDS),
    Case("csv-utf8-bom", _csv("bom_处罚.csv", "utf-8-sig"), "readable", records=CSV_RECORDS),
    Case("csv-utf16", _csv("utf16_处罚.csv", "utf-16"), "readable", records=CSV_RECORDS),
    Case("csv-mixed-line-endings", _csv_mixed, "readable",
         records=[_rec("坏样〔2016〕1号", "2016-05-03", "2016-05-20", 2),
                  _rec("坏样〔2016〕2号", "2016-06-01", "2016-06-08", 3),
                  _rec("坏样〔2016〕3号", "2016-07-01", "2016-07-05", 5)]),
    Case("csv-undecodable", _csv_undecodable, "file", "undecodable-text", ("第 3 行",)),
    Case("instructions-only", _instructions_only, "file", "no-header", ("表头", "填表说明")),
    Case("duplicate-columns", _duplicate_columns, "record", row=3,
         words=("决定日期", "两列决定日期不一致", "2016-09-02", "2015-01-01")),
    Case("two-field-column", _two_field_column, "readable",
         records=[_rec("坏样〔2016〕1号", "2016-09-01", "2016-09-10", 2),
                  _rec("坏样〔2016〕2号", "2016-09-02", "2016-09-12", 3)]),
    Case("too-large-handmade-zip", _handmade_bomb, "file", "file-too-large", ("超过上限",),
         config="[limits]\nmax_uncompressed_mb = 1\n", max_seconds=2.0),
    Case("too-large-workbook", _big_workbook, "file", "file-too-large", ("超过上限",),
         config="[limits]\nmax_uncompressed_mb = 1\n", max_seconds=2.0),
    Case("error-cell-value", _cell("err_value_处罚", "#VALUE!"), "cell", row=3, words=("决定日期", "#VALUE!")),
    Case("error-cell-ref", _cell("err_ref_处罚", "#REF!"), "cell", row=3, words=("决定日期", "#REF!")),
    Case("error-cell-na", _cell("err_na_处罚", "#N/A", PUBLISHED), "cell", row=3, words=("公开日期", "#N/A")),
    Case("error-text-value", _cell("txt_value_处罚", "#VALUE!", as_text=True), "cell", row=3,
         words=("决定日期", "#VALUE!")),
    Case("error-text-ref", _cell("txt_ref_处罚", "#REF!", PUBLISHED, as_text=True), "cell", row=3,
         words=("公开日期", "#REF!")),
    Case("error-text-na", _cell("txt_na_处罚", "#N/A", as_text=True), "cell", row=3, words=("决定日期", "#N/A")),
    Case("bool-true", _cell("bool_true_处罚", True), "cell", row=3, words=("决定日期", "单元格不是日期"),
         quote="TRUE"),
    Case("bool-false", _cell("bool_false_处罚", False, PUBLISHED), "cell", row=3,
         words=("公开日期", "单元格不是日期"), quote="FALSE"),
    Case("huge-number", _cell("huge_处罚", 1e15), "cell", row=3, words=("决定日期", "1000000000000000")),
    Case("negative-number", _cell("negative_处罚", -5), "cell", row=3, words=("决定日期", "-5")),
    Case("negative-in-date-format", _cell("negative_fmt_处罚", -5, number_format="yyyy-mm-dd"), "cell", row=3,
         words=("决定日期",), quote="-5", quote_bug=NEGATIVE_BUG),
    Case("before-1990-date-cell", _cell("old_cell_处罚", dt.date(1985, 3, 1)), "cell", row=3,
         words=("决定日期", "1985-03-01")),
    Case("before-1990-text", _cell("old_text_处罚", "1989-12-31"), "cell", row=3, words=("决定日期", "1989-12-31")),
    Case("after-2100-text", _cell("future_text_处罚", "2101-01-01", PUBLISHED), "cell", row=3,
         words=("公开日期", "2101-01-01")),
    Case("after-2100-date-cell", _cell("future_cell_处罚", dt.date(2150, 5, 3)), "cell", row=3,
         words=("决定日期", "2150-05-03")),
    Case("free-text-published", _cell("yigongkai_处罚", "已公开", PUBLISHED), "cell", row=3,
         words=("公开日期", "已公开")),
    Case("free-text-decision", _cell("jianfujian_处罚", "见附件"), "cell", row=3, words=("决定日期", "见附件")),
    Case("whitespace-decision", _cell("blank_dec_处罚", "   "), "cell", row=3, words=("决定日期", "日期为空")),
    Case("whitespace-published", _cell("blank_pub_处罚", "  \u3000 ", PUBLISHED), "cell", row=3,
         status="overdue"),
    Case("merged-unit", _merged("合并单位_处罚", "F", "区综合执法局"), "readable",
         records=[_rec(f"坏样〔2016〕{i}号", "2016-09-01", "2016-09-10", i + 1, unit="区综合执法局")
                  for i in (1, 2, 3)]),
    Case("merged-decision-date", _merged("合并日期_处罚", "D", D1), "readable",
         records=[_rec(f"坏样〔2016〕{i}号", "2016-09-01", "2016-09-10", i + 1) for i in (1, 2, 3)]),
]


def test_docstring_lists_every_case():
    listed = [line.split(":")[0] for line in __doc__.split("Cases (")[1].splitlines()[1:] if ":" in line]
    assert listed == [case.id for case in CASES]
    assert len(CASES) >= 28


# -- running -------------------------------------------------------------------
def _params_iter():
    for case in CASES:
        marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
        yield pytest.param(case, id=case.id, marks=marks)


def _invoke(folder: Path, work: Path):
    out, js = work / "r.xlsx", work / "r.json"
    started = time.monotonic()
    result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2016-12-31",
                                       "--out", str(out), "--json", str(js)])
    elapsed = time.monotonic() - started
    payload = json.loads(js.read_text(encoding="utf-8")) if js.exists() else None
    return result, payload, elapsed



def _issues(record: dict) -> list[dict]:
    """A record's issues but the unit one: the catalogue's file names (gbk_处罚.csv) name no unit, which is
    said on each record (unit-from-file-name, tests/test_unit_files.py); here only the bad input counts."""
    return [i for i in record["issues"] if i["code"] != "unit-from-file-name"]

@pytest.mark.parametrize("case", list(_params_iter()))
def test_bad_input(case: Case, tmp_path, monkeypatch):
    work = tmp_path / "work"
    folder = tmp_path / "报送"
    work.mkdir()
    folder.mkdir()
    monkeypatch.chdir(work)  # compliance.toml is read from the working directory
    if case.config:
        (work / "compliance.toml").write_text(case.config, encoding="utf-8")
    good = write_xlsx(folder / GOOD_NAME, {"处罚": [PENALTY_HEADER] + penalty_rows(3)})
    bad = case.build(folder, tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == sorted([GOOD_NAME, bad.name])

    result, payload, elapsed = _invoke(folder, work)

    # never a traceback, never an unexpected exception
    everything = result.output + (result.stderr or "") + json.dumps(payload or {}, ensure_ascii=False)
    assert "Traceback" not in everything
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert payload is not None, result.output
    if case.max_seconds is not None:
        assert elapsed < case.max_seconds, f"took {elapsed:.2f} s"

    # the good file is read in full
    inputs = {Path(e["file"]).name: e for e in payload["inputs"]}
    assert set(inputs) == {GOOD_NAME, bad.name}
    assert inputs[GOOD_NAME]["error"] is None
    good_records = [r for r in payload["records"] if r["file"] == str(good)]
    assert [r["document_number"] for r in good_records] == GOOD_DOCS
    assert [r["status"] for r in good_records] == ["on_time"] * 3
    assert all(r["issues"] == [] for r in good_records)

    bad_records = [r for r in payload["records"] if r["file"] == str(bad)]
    error = inputs[bad.name]["error"]
    if case.kind == "file":
        assert result.exit_code == 1, result.output
        assert error is not None and error["code"] == case.code, error
        message = error["message"]
        assert CJK.search(message.replace(str(bad), "")), message
        assert str(bad) in message
        for word in case.words:
            assert word in message
        # the clerk sees it on the screen too, ruff-style: 文件 代码 说明
        assert f"{bad} {case.code} {message.removeprefix(f'{bad}：')}" in result.stderr
        assert "文件无法读取" in result.stderr and bad.name in result.stderr
        assert bad_records == []
        return

    assert error is None, error
    if case.kind == "readable":
        assert result.exit_code == 0, result.output
        assert len(bad_records) == len(case.records)
        for got, want in zip(bad_records, case.records):
            assert {k: got[k] for k in want} == want
            assert _issues(got) == []
        return

    # cell level: the bad record is flagged, with its row and a Chinese message holding the text
    fine, record = bad_records
    assert fine["row"] == 2 and fine["status"] == "on_time" and _issues(fine) == []
    assert record["row"] == case.row
    assert record["document_number"] == "坏样〔2016〕2号"
    assert record["status"] == case.status
    if case.status == "invalid":
        assert result.exit_code == 1, result.output
        assert "数据有误" in result.stdout  # results go to stdout (issue 11)
        messages = [issue["message"] for issue in _issues(record)]
        assert len(messages) == 1, messages
        assert CJK.search(messages[0])
        for word in case.words:
            assert word in messages[0], messages
        if case.quote and not case.quote_bug:
            assert case.quote in messages[0], messages
    else:  # blank publication: simply not published yet
        assert record["published_date"] is None
        assert _issues(record) == []
        assert result.exit_code == 1  # an overdue record


@pytest.mark.parametrize("case", [
    pytest.param(c, id=c.id, marks=[pytest.mark.xfail(reason=c.quote_bug, strict=True)] if c.quote_bug else [])
    for c in CASES if c.quote])
def test_issue_quotes_the_cell_as_shown(case: Case, tmp_path, monkeypatch):
    """The message quotes the cell as the clerk sees it in Excel/WPS (a known limit: see quote_bug)."""
    work, folder = tmp_path / "work", tmp_path / "报送"
    work.mkdir()
    folder.mkdir()
    monkeypatch.chdir(work)
    bad = case.build(folder, tmp_path)
    result, payload, _ = _invoke(folder, work)
    record = next(r for r in payload["records"] if r["file"] == str(bad) and r["row"] == case.row)
    assert any(case.quote in issue["message"] for issue in record["issues"]), record["issues"]


def test_duplicate_column_note_says_which_column_is_used(tmp_path, monkeypatch):
    work, folder = tmp_path / "work", tmp_path / "报送"
    work.mkdir()
    folder.mkdir()
    monkeypatch.chdir(work)
    bad = _duplicate_columns(folder, tmp_path)
    _, payload, _ = _invoke(folder, work)
    notes = [n for e in payload["inputs"] if e["file"] == str(bad) for s in e["sheets"] for n in s["notes"]]
    assert len(notes) == 1 and "处罚决定日期" in notes[0]
    assert any(where in notes[0] for where in ("C 列", "C列", "第 3 列", "第3列")), notes
