"""Safe output and internal consistency: atomic reports, unwritable paths, reconciliation, hostile XML."""

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
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
    monkeypatch.setitem(compliance.report.writers.BACKENDS, "xlsxwriter", broken)  # write_workbook's table
    result = run(str(good_file), "--out", str(out))
    assert result.exit_code == 2
    assert "无法写入报告" in result.stderr and str(out) in result.stderr
    assert out.read_bytes() == previous  # the old report is untouched
    assert sorted(p.name for p in out.parent.iterdir()) == ["报告.xlsx"]  # no temporary file left
    assert "Traceback" not in result.output


# Loaded through PYTHONPATH by the interpreter itself: rustpy-xlsxwriter cannot be imported in that
# process (and its children), as on a machine where it is not installed. Each refused import is logged.
BLOCKER = """
import os, sys


class BlockRustWriter:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "rustpy_xlsxwriter":
            with open(os.environ["BLOCKED_LOG"], "a", encoding="utf-8") as log:
                log.write(name + "\\n")
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, BlockRustWriter())
"""


def _cells(path):
    book = openpyxl.load_workbook(path)
    return {sheet.title: [[c.value for c in row] for row in sheet.iter_rows()] for sheet in book.worksheets}


def test_without_the_rust_writer_the_fallback_writes_the_same_report(tmp_path):
    """A real process in which rustpy-xlsxwriter cannot be imported: xlsxwriter writes the report."""
    rows = [PENALTY_HEADER] + penalty_rows(3) + [[9, "A9", "x", dt.date(2016, 9, 1), None, "区安监局"]]  # overdue
    ledger = write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"S": rows})
    fast = CliRunner().invoke(main, ["check", str(ledger), "--as-of", "2016-12-31", "--out", str(tmp_path / "fast.xlsx")])
    assert fast.exit_code == 1 and "后备" not in fast.stderr  # the reference: written by the Rust writer
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    log, out = tmp_path / "blocked.log", tmp_path / "fallback.xlsx"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(blocker), *filter(None, [os.environ.get("PYTHONPATH")])]),
           "BLOCKED_LOG": str(log), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "compliance", "check", str(ledger), "--as-of", "2016-12-31",
                           "--out", str(out), "--json", str(tmp_path / "r.json")],
                          capture_output=True, text=True, encoding="utf-8", env=env, cwd=tmp_path, timeout=300)
    assert done.returncode == 1, done.stderr
    assert log.read_text(encoding="utf-8").split() == ["rustpy_xlsxwriter"]  # the fast writer was tried, and refused
    assert done.stderr.splitlines() == [
        "注意：报告由后备程序 xlsxwriter（后备；rustpy-xlsxwriter 不可用：未安装） 生成，内容相同，写入较慢。"]
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["report_writer"] == {
        "name": "xlsxwriter", "fallback_reason": "未安装"}
    fallback, reference = _cells(out), _cells(tmp_path / "fast.xlsx")
    assert list(fallback) == list(reference) == ["汇总", "逾期清单", "数据问题", "全部记录", "说明"]
    about = dict(row[:2] for row in fallback["说明"])
    assert about["报告生成程序"] == "xlsxwriter（后备；rustpy-xlsxwriter 不可用：未安装）"
    for name in ("汇总", "逾期清单", "数据问题", "全部记录"):
        assert fallback[name] == reference[name], name
    moving = ("检查时间", "报告生成程序")  # the clock, and the line that names the writer
    assert [r for r in fallback["说明"] if r[0] not in moving] == [r for r in reference["说明"] if r[0] not in moving]
    overdue_row = openpyxl.load_workbook(out)["全部记录"][5]  # the overdue record carries its fill
    assert {cell.fill.fgColor.rgb for cell in overdue_row} == {"FFF4B084"}


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
    # the two counts that disagree, each where it belongs (not just a digit somewhere in stderr)
    assert "内部核对失败" in result.stderr and "各状态之和 2 与记录数 3" in result.stderr, result.stderr
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


def _with_doctype(source, target, secret, reference):
    """``source`` with a billion-laughs DTD and an external entity (XXE) in its sheet and workbook XML."""
    import zipfile

    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    entities += f'<!ENTITY x SYSTEM "{secret.as_uri()}">'
    with zipfile.ZipFile(source) as book, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in book.infolist():
            data = book.read(info.filename)
            if info.filename in ("xl/workbook.xml", "xl/worksheets/sheet1.xml"):
                text = data.decode("utf-8")
                start = text.index("<", text.index("?>") + 2 if text.startswith("<?xml") else 0)
                root = text[start + 1:].split()[0]
                text = text[:start] + f"<!DOCTYPE {root} [{entities}]>" + text[start:]
                data = (text.replace("公司1<", f"公司1{reference}<", 1) if reference else text).encode("utf-8")
            out.writestr(info, data)
    return target


@pytest.mark.parametrize("reference", ["", "&j;", "&x;"])
def test_xml_entities_are_never_expanded(tmp_path, reference):
    """No reader expands a DTD's entities: calamine's parser has no DTD support, the pre-scan reads bytes.

    So the package needs no defusedxml: ten billion 'a's and a local file's content never appear.
    """
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LINE", encoding="utf-8")
    plain = write_xlsx(tmp_path / "plain.xlsx", {"S": [PENALTY_HEADER] + penalty_rows(3)})
    folder = tmp_path / "报送"
    folder.mkdir()
    _with_doctype(plain, folder / "区安监局_处罚.xlsx", secret, reference)
    write_xlsx(folder / "区环保局_处罚.xlsx", {"S": [PENALTY_HEADER] + penalty_rows(2, start=7)})
    out, as_json = tmp_path / "r.xlsx", tmp_path / "r.json"
    done = subprocess.run([sys.executable, "-m", "compliance", "check", str(folder), "--as-of", "2016-12-31",
                           "--out", str(out), "--json", str(as_json)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode in (0, 1), done.stderr
    payload = json.loads(as_json.read_text(encoding="utf-8"))
    everything = done.stdout + done.stderr + json.dumps(payload, ensure_ascii=False) + str(_cells(out))
    assert "TOP-SECRET" not in everything and "aaaaaaaaaa" not in everything
    parties = sorted(r["party"] for r in payload["records"])
    if reference:  # refused as a broken file, the other file still checked
        assert parties == ["公司7", "公司8"]
        assert [Path(i["file"]).name for i in payload["inputs"] if i["error"]] == ["区安监局_处罚.xlsx"]
    else:  # declared but never used: read as it is
        assert parties == ["公司1", "公司2", "公司3", "公司7", "公司8"]


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
    out = write_report(run, tmp_path / "r.xlsx", backend=backend)
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
    out = write_report(run, tmp_path / "r.xlsx", backend="rust")
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
    out = write_report(run, tmp_path / "r.xlsx", backend="rust")
    with zipfile.ZipFile(out) as book:
        assert book.testzip() is None  # every entry's CRC checks
        names = book.namelist()
        assert len(names) == len(set(names))
    assert openpyxl.load_workbook(out)["全部记录"].max_row == 5
