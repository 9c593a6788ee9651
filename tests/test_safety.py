"""Safe output and internal consistency: atomic reports, unwritable paths, reconciliation, hostile XML."""

import datetime as dt
import json

import openpyxl.xml
import pytest
from click.testing import CliRunner

import compliance.api
import compliance.report.writers
from compliance.cli import main
from helpers import PENALTY_HEADER, penalty_rows, write_xlsx


@pytest.fixture()
def good_file(tmp_path):
    return write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"S": [PENALTY_HEADER] + penalty_rows(3)})


def run(*args):
    return CliRunner().invoke(main, ["check", *args, "--as-of", "2016-12-31"])


def test_failed_write_leaves_no_half_written_report(tmp_path, good_file, monkeypatch):
    out = tmp_path / "reports" / "报告.xlsx"
    assert run(str(good_file), "--out", str(out)).exit_code == 0  # last month's report, ours to replace
    previous = out.read_bytes()

    def broken(specs, path):
        path.write_bytes(b"PK\x03\x04 half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(compliance.report.writers.BACKENDS, "rust", broken)
    monkeypatch.setitem(compliance.report.writers.BACKENDS, "xlsxwriter", broken)
    monkeypatch.setattr(compliance.report.writers, "write_rust", broken)
    monkeypatch.setattr(compliance.report.writers, "write_xlsxwriter", broken)
    result = run(str(good_file), "--out", str(out))
    assert result.exit_code == 2
    assert "无法写入报告" in result.stderr and str(out) in result.stderr
    assert out.read_bytes() == previous  # the old report is untouched
    assert sorted(p.name for p in out.parent.iterdir()) == ["报告.xlsx"]  # no temporary file left
    assert "Traceback" not in result.output


def test_fast_writer_failure_falls_back_to_xlsxwriter(tmp_path, good_file, monkeypatch):
    def broken(specs, path):
        raise RuntimeError("rust writer broke")

    monkeypatch.setattr(compliance.report.writers, "write_rust", broken)
    out = tmp_path / "r.xlsx"
    result = run(str(good_file), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(out)["全部记录"].max_row == 4


@pytest.mark.parametrize("make_out", [
    lambda tmp: tmp / "a_file.txt" / "报告.xlsx",  # the parent is a file, not a folder
])
def test_unwritable_output_path_exits_2_with_a_message(tmp_path, good_file, make_out):
    (tmp_path / "a_file.txt").write_text("x", encoding="utf-8")
    (tmp_path / "报告目录").mkdir()
    out = make_out(tmp_path)
    result = run(str(good_file), "--out", str(out))
    assert result.exit_code == 2
    assert "无法写入报告" in result.stderr and str(out) in result.stderr
    assert "Traceback" not in result.output


def test_reconciliation_mismatch_is_an_internal_error_with_counts(tmp_path, good_file, monkeypatch):
    real = compliance.api.summarise

    def miscounting(records):
        counts = real(records)
        counts["on_time"] -= 1  # a record without a status
        return counts

    monkeypatch.setattr(compliance.api, "summarise", miscounting)
    out = tmp_path / "r.xlsx"
    result = run(str(good_file), "--out", str(out), "--json", str(tmp_path / "r.json"))
    assert result.exit_code == 2
    assert "核对失败" in result.stderr and "2" in result.stderr and "3" in result.stderr
    assert not out.exists() and not (tmp_path / "r.json").exists()  # never a silently wrong report


def test_unexpected_error_is_one_chinese_line_unless_debug(tmp_path, good_file, monkeypatch):
    def boom(*args, **kwargs):
        raise KeyError("surprise")

    monkeypatch.setattr(compliance.api, "classify", boom)
    result = run(str(good_file), "--out", str(tmp_path / "r.xlsx"))
    assert result.exit_code == 2
    assert "内部错误" in result.stderr and "--debug" in result.stderr
    assert "Traceback" not in result.output
    debug = CliRunner().invoke(main, ["check", str(good_file), "--out", str(tmp_path / "r.xlsx"), "--debug"])
    assert isinstance(debug.exception, KeyError)  # --debug lets the traceback through


def test_openpyxl_parses_input_through_defusedxml():
    assert openpyxl.xml.DEFUSEDXML is True


def test_json_counts_reconcile(tmp_path, good_file):
    result = run(str(good_file), "--out", str(tmp_path / "r.xlsx"), "--json", "-")
    payload = json.loads(result.stdout)
    s = payload["summary"]
    assert s["records"] == len(payload["records"]) == sum(
        s[k] for k in ("on_time", "late", "overdue", "pending", "invalid", "undetermined"))
    sheet = payload["inputs"][0]["sheets"][0]
    assert sheet["records"] + sheet["skipped_rows"] == 3


DANGEROUS = ["=HYPERLINK(\"http://evil\",\"点我\")", "+86-1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("backend", ["rust", "xlsxwriter"])
def test_formula_looking_text_stays_text_in_every_sheet(tmp_path, backend):
    from compliance.report.workbook import write_report
    from compliance.api import check

    rows = [PENALTY_HEADER]
    for i, text in enumerate(DANGEROUS, start=1):
        # the unit reaches 汇总, the party 全部记录/逾期清单, a bad date 数据问题
        rows.append([i, f"{text}号{i}", text, dt.date(2016, 9, 1), None, text])
    rows.append([99, "=1+1", "x", "=NOW()", None, "区安监局"])
    folder = tmp_path / "报送"
    folder.mkdir()
    path = write_xlsx(folder / "=cmd_处罚.xlsx", {"S": rows}, text_cells=True)
    run = check([path], as_of=dt.date(2016, 12, 31), run_date=dt.date(2016, 12, 31))
    out = tmp_path / "r.xlsx"
    write_report(run, out, backend=backend)
    book = openpyxl.load_workbook(out)
    seen = {name: set() for name in book.sheetnames}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value[:1] in ("=", "+", "-", "@", "\t", "\r"):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    seen[sheet.title].add(cell.value)
    for name in ("汇总", "逾期清单", "全部记录"):
        assert seen[name] & set(DANGEROUS), name  # the dangerous texts were really written there
    assert "=NOW()" in seen["数据问题"]
    assert any(v.startswith("=cmd") for v in seen["全部记录"])


def test_rust_report_has_no_duplicated_rows(tmp_path):
    """rustpy-xlsxwriter 0.8 writes a formatted last row twice; the repair must remove it."""
    import re
    import zipfile

    from compliance.report.workbook import write_report
    from compliance.api import check

    # the last record is overdue, so the last row of every list sheet carries a row format
    rows = [PENALTY_HEADER] + penalty_rows(3) + [[9, "A9", "x", dt.date(2016, 9, 1), None, "区安监局"]]
    path = write_xlsx(tmp_path / "处罚.xlsx", {"S": rows})
    run = check([path], as_of=dt.date(2016, 12, 31), run_date=dt.date(2016, 12, 31))
    out = tmp_path / "r.xlsx"
    write_report(run, out, backend="rust")
    with zipfile.ZipFile(out) as book:
        sheets = [n for n in book.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)]
        assert len(sheets) == 5
        for name in sheets:
            numbers = re.findall(rb'<row r="(\d+)"', book.read(name))
            assert len(numbers) == len(set(numbers)), name
        chart = book.read("xl/charts/chart1.xml")
    assert b"<c:min val=" in chart and b"<c:dLbls>" in chart  # xlsxwriter's chart definition (axis scale, labels)
    assert openpyxl.load_workbook(out)["全部记录"].max_row == 5


@pytest.mark.parametrize("zip64", [False, True])
def test_repair_copies_untouched_entries_and_keeps_a_valid_zip(tmp_path, monkeypatch, zip64):
    """The repair copies unchanged entries' compressed bytes; the archive must stay whole (Zip64 too)."""
    import zipfile

    from compliance.report import repair
    from compliance.report.workbook import write_report
    from compliance.api import check

    if zip64:  # every entry and offset past the limit: the Zip64 records are written and read back
        monkeypatch.setattr(repair._ZipAssembler, "LIMIT", 64)
    rows = [PENALTY_HEADER] + penalty_rows(3) + [[9, "A9", "x", dt.date(2016, 9, 1), None, "区安监局"]]
    path = write_xlsx(tmp_path / "处罚.xlsx", {"S": rows})
    run = check([path], as_of=dt.date(2016, 12, 31), run_date=dt.date(2016, 12, 31))
    out = tmp_path / "r.xlsx"
    write_report(run, out, backend="rust")
    with zipfile.ZipFile(out) as book:
        assert book.testzip() is None  # every entry's CRC checks
        names = book.namelist()
        assert len(names) == len(set(names))
    assert openpyxl.load_workbook(out)["全部记录"].max_row == 5
