"""Issue 17 items 1-4 and 6: never a silently short read, never a killed process, clear messages.

Every file is built here in tmp_path and checked through the CLI (17.4 also
through the real server). Hostile files run under a generous timeout that
turns a hang into a failure (a guard, not a speed target).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from helpers import PENALTY_HEADER, penalty_rows, write_csv, write_xlsx
from xlsx_forms import Form, grid, workbook

HANG = 300  # seconds: a hang becomes a failure
AS_OF = "2016-12-31"
TEXT_ROWS = [[str(v) if not hasattr(v, "isoformat") else v.isoformat() for v in row] for row in penalty_rows(3)]


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The installed CLI as a user runs it: a process of its own."""
    return subprocess.run([sys.executable, "-m", "compliance", "check", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=HANG, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def check(paths: list[Path], tmp_path: Path, *extra: str) -> tuple[object, dict]:
    result = CliRunner().invoke(main, ["check", *map(str, paths), "--as-of", AS_OF, "--out", str(tmp_path / "r.xlsx"),
                                       "--json", str(tmp_path / "r.json"), *extra])
    assert "Traceback" not in result.output, result.output
    return result, json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))


def errors_of(payload: dict) -> dict[str, dict]:
    return {Path(i["file"]).name: i["error"] for i in payload["inputs"] if i["error"]}


def good_book(folder: Path) -> Path:
    return write_xlsx(folder / "区环保局_处罚.xlsx", {"处罚": [PENALTY_HEADER] + penalty_rows(3)})


# -- 17.1 every valid XML form is read whole ---------------------------------------------------------
def _tail_t_first(path: Path, rows: int) -> None:
    """Rewrite the last ``rows`` rows of sheet1 with t= before r=, as some writers do."""
    with zipfile.ZipFile(path) as archive:
        items = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    xml = items["xl/worksheets/sheet1.xml"]
    cut = [m.start() for m in re.finditer(rb"<row ", xml)][-rows]
    tail = re.sub(rb'<c r="([A-Z]+\d+)" t="([a-zA-Z]+)"', rb'<c t="\2" r="\1"', xml[cut:])
    items["xl/worksheets/sheet1.xml"] = xml[:cut] + tail
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in items.items():
            archive.writestr(name, data)


def test_a_sheet_whose_last_rows_put_t_before_r_is_read_whole(tmp_path):
    records = [[i, f"西安监罚〔2016〕{i}号", f"公司{i}", "2016-09-01", "2016-09-10", "区安监局"] for i in range(1, 40_001)]
    path = workbook(tmp_path / "区安监局_处罚.xlsx", {"处罚": grid([PENALTY_HEADER] + records)}, Form(shared=True))
    _tail_t_first(path, 10)
    assert b'<c t="s" r="F40001"' in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    result, payload = check([path], tmp_path)
    assert result.exit_code == 0, result.output
    assert payload["summary"]["records"] == 40_000 and "通过：40000 条记录" in result.output


@pytest.mark.parametrize("form", [Form(t_first=True), Form(cell_r=False, row_r=False), Form(quote="'"),
                                  Form(prefix="x"), Form(prefix="x", t_first=True, quote="'", cell_r=False,
                                                         row_r=False, shared=True, spaces=True)],
                         ids=["t-first", "no-r", "single-quotes", "prefix", "all-at-once"])
def test_a_sheet_written_wholly_in_another_form_is_read(tmp_path, form):
    path = workbook(tmp_path / "区安监局_处罚.xlsx", {"处罚": grid([PENALTY_HEADER] + TEXT_ROWS)}, form)
    result, payload = check([path], tmp_path)
    assert result.exit_code == 0, result.output
    assert payload["summary"]["records"] == 3


def test_comments_and_cdata_in_the_sheet_data_are_read_exactly(tmp_path):
    from compliance.ingest.sheetxml import scan_workbook

    path = workbook(tmp_path / "区安监局_处罚.xlsx", {"处罚": grid([PENALTY_HEADER] + TEXT_ROWS)})
    with zipfile.ZipFile(path) as archive:
        items = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    xml = items["xl/worksheets/sheet1.xml"].replace(b'<row r="3">', b'<!-- <row r="99"><c r="ZZ99"><v>1</v></c> -->'
                                                    b'<row r="3">')
    items["xl/worksheets/sheet1.xml"] = xml.replace("<t>公司1</t>".encode(), "<t><![CDATA[公司1]]></t>".encode())
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in items.items():
            archive.writestr(name, data)
    scan = scan_workbook(path).sheets["处罚"]
    assert (scan.rows, scan.columns, scan.method) == (4, 6, "exact")
    result, payload = check([path], tmp_path)
    assert result.exit_code == 0 and payload["summary"]["records"] == 3, result.output


def test_rows_out_of_order_are_read_or_the_disagreement_is_said_on_the_file(tmp_path):
    """Row 9 written before row 3: calamine 0.9 reads it, calamine 0.4 (the declared lower bound, run by
    .ci/run) drops it. The scan sees row 9 either way, so the record is read or the file says it is not."""
    rows = grid([PENALTY_HEADER] + TEXT_ROWS)
    rows.update({(9, c): v for (r, c), v in grid([PENALTY_HEADER, [9, "西安监罚〔2016〕9号", "公司9", "2016-09-01",
                                                                  "2016-09-10", "区安监局"]]).items() if r == 2})
    path = workbook(tmp_path / "区安监局_处罚.xlsx", {"处罚": rows})
    with zipfile.ZipFile(path) as archive:
        items = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    xml = items["xl/worksheets/sheet1.xml"]
    nine = re.search(rb'<row r="9">.*?</row>', xml).group(0)
    items["xl/worksheets/sheet1.xml"] = xml.replace(nine, b"").replace(b'<row r="3">', nine + b'<row r="3">')
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in items.items():
            archive.writestr(name, data)
    from compliance.ingest.sheetxml import scan_workbook

    assert scan_workbook(path).sheets["处罚"].rows == 9
    result, payload = check([path], tmp_path)
    [entry] = payload["inputs"]
    if payload["summary"]["records"] == 4:  # every record read: nothing to say
        assert entry["notes"] == [] and result.exit_code == 0, result.output
    else:  # a record lost by the reader is never a silent pass
        assert payload["summary"]["records"] == 3
        assert any("读取程序读到第 4 行" in note for note in entry["notes"]), entry
        assert result.exit_code == 1 and "1 个文件读到的行数与文件不一致" in result.output
        assert "注意：" in result.output and "两者不一致" in result.output


# -- 17.2 mixed encodings: never silent mojibake ------------------------------------------------------
def test_a_gbk_file_with_one_utf8_line_is_refused_naming_the_line(tmp_path):
    lines = [",".join(PENALTY_HEADER)] + [",".join(r) for r in TEXT_ROWS]
    raw = [line.encode("gbk") for line in lines]
    raw[3] = "3,A-3,B,2016-09-01,2016-09-10,区环保局".encode("utf-8")  # line 4: UTF-8 that GB18030 also decodes
    assert raw[3].decode("gb18030").endswith("鍖虹幆淇濆眬")
    path = tmp_path / "区安监局_处罚.csv"
    path.write_bytes(b"\n".join(raw) + b"\n")
    result, payload = check([path, good_book(tmp_path)], tmp_path)
    error = errors_of(payload)["区安监局_处罚.csv"]
    assert error["code"] == "mixed-encoding" and "第 4 行是 UTF-8 编码" in error["message"], error
    assert "鍖" not in result.output and payload["summary"]["records"] == 3 and result.exit_code == 1


def test_an_undecodable_line_is_named_by_its_own_number(tmp_path):
    lines = [",".join(PENALTY_HEADER)] + [",".join(r) for r in TEXT_ROWS]
    raw = [line.encode("gbk") for line in lines]
    raw[3] = raw[3] + b"\x80\xff"  # no encoding decodes these
    path = tmp_path / "区安监局_处罚.csv"
    path.write_bytes(b"\r\n".join(raw))
    result, payload = check([path, good_book(tmp_path)], tmp_path)
    error = errors_of(payload)["区安监局_处罚.csv"]
    assert error["code"] == "undecodable-text" and error["message"].endswith(
        "第 4 行有无法识别的字符（不是 UTF-8、GBK/GB18030 或 UTF-16 编码），请用 Excel/WPS 打开后另存为 .xlsx 或 UTF-8 CSV")


def test_a_utf8_file_with_one_gbk_line_names_the_gbk_line(tmp_path):
    lines = [",".join(PENALTY_HEADER)] + [",".join(r) for r in TEXT_ROWS]
    raw = [line.encode("utf-8") for line in lines]
    raw[2] = lines[2].encode("gbk")
    path = tmp_path / "区安监局_处罚.csv"
    path.write_bytes(b"\n".join(raw))
    _, payload = check([path, good_book(tmp_path)], tmp_path)
    assert "第 3 行是 GBK/GB18030 编码，其余是 UTF-8 编码" in errors_of(payload)["区安监局_处罚.csv"]["message"]


# -- 17.3 entries that are not regular files are listed, never opened --------------------------------
def test_entries_that_are_not_regular_files_are_listed_with_their_reason(tmp_path):
    folder = tmp_path / "报送"
    folder.mkdir()
    good_book(folder)
    (folder / "区安监局_处罚.xlsx").symlink_to(folder / "不存在.xlsx")
    (folder / "循环.csv").symlink_to(folder / "循环.csv")
    os.mkfifo(folder / "管道.csv")  # opening it would block the run
    (folder / "设备.csv").symlink_to("/dev/null")
    (folder / "另一处").symlink_to(tmp_path, target_is_directory=True)
    proc = run_cli(str(folder), "--as-of", AS_OF, "--out", str(tmp_path / "r.xlsx"), "--json",
                   str(tmp_path / "r.json"), cwd=tmp_path)
    payload = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    said = {Path(i["file"]).name: (i["error"] or {}).get("message") or i["not_read"] for i in payload["inputs"]}
    assert "符号链接指向的文件不存在，不是普通文件，未读取" in said["区安监局_处罚.xlsx"]
    assert "符号链接形成循环" in said["循环.csv"]
    assert "这是命名管道（FIFO）" in said["管道.csv"]
    assert "这是设备文件" in said["设备.csv"]
    assert "符号链接指向文件夹" in said["另一处"]
    assert payload["summary"]["records"] == 3 and proc.returncode == 1, proc.stderr
    for name in ("区安监局_处罚.xlsx", "循环.csv", "管道.csv", "设备.csv"):
        assert name in proc.stderr


def test_a_fifo_named_on_the_command_line_is_not_opened(tmp_path):
    os.mkfifo(tmp_path / "管道.csv")
    result, payload = check([tmp_path / "管道.csv", good_book(tmp_path)], tmp_path)
    assert errors_of(payload)["管道.csv"]["code"] == "not-regular-file" and result.exit_code == 1


# -- 17.4 a reader that aborts costs only its file ------------------------------------------------------
def abort_book(path: Path) -> Path:
    """A few KB: one character at XFD1048576, its r written with spaces around = and a comment after it that
    holds a cell, so the guard's cheap look misses it; calamine then asks for 512 GiB and aborts."""
    path = write_xlsx(path, {"处罚": [PENALTY_HEADER] + penalty_rows(2)})
    with zipfile.ZipFile(path) as archive:
        items = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    xml = re.sub(rb'<dimension ref="[^"]*"/>', b"", items["xl/worksheets/sheet1.xml"])
    far = (b'<row r="1048576"><c r = "XFD1048576" t="inlineStr"><is><t>x</t></is></c>'
           b'<!-- <c r="A1"><v>1</v></c> --></row></sheetData>')
    items["xl/worksheets/sheet1.xml"] = xml.replace(b"</sheetData>", far)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in items.items():
            archive.writestr(name, data)
    return path


def test_an_aborting_file_alone_is_reported_not_read_and_the_cli_survives(tmp_path):
    bad = abort_book(tmp_path / "区安监局_处罚.xlsx")
    assert bad.stat().st_size < 8192
    proc = run_cli(str(bad), "--as-of", AS_OF, "--out", str(tmp_path / "r.xlsx"), cwd=tmp_path)
    assert proc.returncode == 2, (proc.returncode, proc.stderr)  # nothing could be read: exit 2, not 134
    assert "文件无法读取" in proc.stderr and "区安监局_处罚.xlsx" in proc.stderr
    assert "panicked" not in proc.stderr and "memory allocation" not in proc.stderr
    with_debug = run_cli(str(bad), good_book(tmp_path).as_posix(), "--as-of", AS_OF, "--out",
                         str(tmp_path / "r2.xlsx"), "--debug", cwd=tmp_path)
    assert with_debug.returncode == 1 and "memory allocation of" in with_debug.stderr  # the library's words
    assert (tmp_path / "r2.xlsx").exists()


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _upload(port: int, path: Path) -> dict:
    import urllib.request

    boundary = "----compliance-test"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="as_of"\r\n\r\n{AS_OF}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{path.name}"\r\n'
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + path.read_bytes() + \
        f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/check", data=body, method="POST",
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(request, timeout=HANG) as response:
        return json.loads(response.read())


def test_the_server_survives_an_aborting_upload_and_answers_the_next_visitor(tmp_path):
    import time
    import urllib.request

    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "compliance", "serve", "--port", str(port)], cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/calendar", timeout=5).read()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        answer = _upload(port, abort_book(tmp_path / "区安监局_处罚.xlsx"))
        [entry] = answer["inputs"]
        assert entry["error"]["code"] in ("read-memory-limit", "read-aborted"), entry
        assert "memory allocation" not in json.dumps(answer, ensure_ascii=False)
        assert server.poll() is None  # still serving
        other = _upload(port, good_book(tmp_path))
        assert other["summary"]["records"] == 3 and [r["status"] for r in other["records"]] == ["on_time"] * 3
    finally:
        server.terminate()
        server.wait(timeout=30)


# -- 17.6 no library text in a user's message -------------------------------------------------------------
def _broken_ole(path: Path) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    return path


def _truncated_zip(path: Path) -> Path:
    data = write_xlsx(path, {"处罚": [PENALTY_HEADER] + penalty_rows(3)}).read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def _long_field_csv(path: Path) -> Path:
    path.write_text(",".join(PENALTY_HEADER) + "\n1,\"" + "x" * (3 << 20) + "\",甲,2016-09-01,2016-09-10,区安监局\n",
                    encoding="utf-8")
    return path


def _entity_xlsx(path: Path) -> Path:
    path = write_xlsx(path, {"处罚": [PENALTY_HEADER] + penalty_rows(3)})
    with zipfile.ZipFile(path) as archive:
        items = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    items["xl/worksheets/sheet1.xml"] = items["xl/worksheets/sheet1.xml"].replace(b"<t>", b"<t>&nbsp;", 1)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in items.items():
            archive.writestr(name, data)
    return path


def _lying_sizes(path: Path) -> Path:
    """A workbook whose sheet says it is far smaller than it is."""
    path = write_xlsx(path, {"处罚": [PENALTY_HEADER] + penalty_rows(30)})
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    small = (100).to_bytes(4, "little")
    data[info.header_offset + 22: info.header_offset + 26] = small  # local header
    central = data.find(b"xl/worksheets/sheet1.xml", data.find(b"PK\x01\x02")) - 46
    data[central + 24: central + 28] = small  # central directory
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("build, code, library", [
    (_broken_ole, "ole-damaged", "Cfb"),
    (_truncated_zip, "corrupt-file", "EOCD"),
    (_long_field_csv, "csv-line-too-long", "field larger than field limit"),  # refused before the csv module
    (_entity_xlsx, "xml-malformed", "entity"),
    (_lying_sizes, None, "larger than"),
], ids=["ole", "zip", "csv-field", "entity", "lying-size"])
def test_library_texts_become_registry_messages(tmp_path, build, code, library):
    from compliance.problems import PROBLEMS

    name = "区安监局_处罚.xls" if build is _broken_ole else "区安监局_处罚.csv" if build is _long_field_csv \
        else "区安监局_处罚.xlsx"
    bad = build(tmp_path / name)
    result, payload = check([bad, good_book(tmp_path)], tmp_path)
    error = errors_of(payload)[name]
    assert code is None or error["code"] == code, error
    assert error["message"].endswith(PROBLEMS[error["code"]].template.split("{")[-1].split("}")[-1])
    said = json.dumps([{k: v for k, v in i.items() if k != "sha256"} for i in payload["inputs"]], ensure_ascii=False)
    assert library.lower() not in (result.output + said).lower()  # (a SHA-256 may hold "cfb" by chance)
    assert re.search(r"[\u4e00-\u9fff]", error["message"]) and payload["summary"]["records"] == 3
    debug = CliRunner().invoke(main, ["check", str(bad), "--as-of", AS_OF, "--out", str(tmp_path / "d.xlsx"),
                                      "--debug"])
    assert ("（--debug）" in debug.output) == (build is not _long_field_csv)  # the library's words, if any
