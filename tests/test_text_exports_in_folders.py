"""Text exports as offices send them: Excel's 「Unicode 文本」 saved under its default .txt name inside the
month's folder (read when named, refused in a folder), and a stray NUL byte in a CSV cell (kept in the party
name, it showed as _x0000_ in the report and kept the name from matching). Real files, the real CLI."""

from __future__ import annotations

import codecs
import json

from click.testing import CliRunner

from compliance.cli import main

HEADER = "行政处罚决定书文号\t行政相对人名称\t处罚决定日期\t上网公开日期"
ROWS = ["西安监罚〔2023〕1号\t黄石甲公司\t2023-10-09\t2023-10-12",
        "西安监罚〔2023〕2号\t黄石乙公司\t2023-10-09\t"]


def run(*paths) -> tuple[int, dict]:
    out = paths[0].parent / "r.json"
    result = CliRunner().invoke(main, ["check", *map(str, paths), "--as-of", "2023-12-29", "--no-history",
                                       "-o", str(paths[0].parent / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1, 2), result.output
    return result.exit_code, json.loads(out.read_text(encoding="utf-8"))


def test_a_unicode_text_export_named_txt_is_read_in_a_folder_as_when_named(tmp_path):
    folder = tmp_path / "10月"
    folder.mkdir()
    (folder / "区安监局_办案系统导出.txt").write_bytes(codecs.BOM_UTF16_LE + "\r\n".join([HEADER, *ROWS]).encode("utf-16-le"))
    (folder / "区环保局_导出.txt").write_bytes("\r\n".join([HEADER, *ROWS]).replace("安监", "环保").encode("gbk"))
    (folder / "说明.txt").write_text("本月报送说明：\n区安监局、区环保局的台账见附件。\n", encoding="utf-8")
    code, data = run(folder)
    statuses = {(r["unit"], r["document_number"]): r["status"] for r in data["records"]}
    assert statuses == {("区安监局", "西安监罚〔2023〕1号"): "on_time", ("区安监局", "西安监罚〔2023〕2号"): "overdue",
                        ("区环保局", "西环保罚〔2023〕1号"): "on_time", ("区环保局", "西环保罚〔2023〕2号"): "overdue"}
    # a note is still no table: not read, and said (issue 20.10: a file that cannot be read, exit 1)
    assert [f["file"].endswith("说明.txt") for f in data["inputs"] if f["error"]] == [True], data["inputs"]


def test_a_text_note_named_after_a_unit_is_that_units_submission_in_the_wrong_form(tmp_path):
    folder = tmp_path / "10月"
    folder.mkdir()
    (folder / "区环保局_导出.txt").write_bytes("\r\n".join([HEADER, *ROWS]).replace("安监", "环保").encode("gbk"))
    (folder / "区司法局10月报送.txt").write_text("本月无行政处罚决定。\n", encoding="utf-8")
    _, data = run(folder)
    sent = next(f for f in data["inputs"] if f["file"].endswith("区司法局10月报送.txt"))
    assert sent["error"]["code"] == "wrong-form", sent


def test_a_nul_byte_in_a_csv_cell_is_dropped_as_an_invisible_character(tmp_path):
    path = tmp_path / "区安监局_导出.csv"
    path.write_bytes("行政处罚决定书文号,行政相对人名称,处罚决定日期,上网公开日期\n"
                     "西安监罚〔2023〕1号,黄石甲化工\x00有限公司,2023-10-09,2023-10-12\n".encode("utf-8"))
    _, data = run(path)
    assert [r["party"] for r in data["records"]] == ["黄石甲化工有限公司"]


def test_a_utf16_export_without_a_byte_order_mark_starting_in_chinese_is_read(tmp_path):
    # probe 42: some exporting systems write UTF-16 without a BOM; a header of Chinese words first (no ASCII at
    # the start to give it away) was refused as "不是 … UTF-16 编码". Its 开 (U+5F00) puts a NUL on the other side.
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / encoding / "区安监局_上网公开导出.txt"
        path.parent.mkdir()
        path.write_bytes("\r\n".join([HEADER, *ROWS]).encode(encoding))
        code, data = run(path)
        assert [(r["document_number"], r["status"]) for r in data["records"]] == [
            ("西安监罚〔2023〕1号", "on_time"), ("西安监罚〔2023〕2号", "overdue")], encoding


def test_a_comma_separated_ledger_saved_as_txt_is_no_note(tmp_path):
    # review rev62: a CSV saved as 2026年10月行政处罚台账.txt (no unit in its name) was skipped as a text note, its
    # late decisions with it, and the run passed; it is a ledger in the wrong form, as before
    folder = tmp_path / "10月"
    folder.mkdir()
    (folder / "2016年10月行政处罚台账.txt").write_text(
        "序号,行政相对人名称,处罚决定书文号,作出处罚决定日期,公示日期\n1,黄石乙公司,西安监罚〔2016〕2号,2016-09-01,2016-11-20\n",
        encoding="utf-8")
    (folder / "区环保局_导出.txt").write_bytes("\r\n".join([HEADER, *ROWS]).replace("安监", "环保").encode("gbk"))
    code, data = run(folder)
    sent = next(f for f in data["inputs"] if f["file"].endswith("台账.txt"))
    assert sent["error"] is not None and sent["error"]["code"] == "wrong-form", sent
    assert code == 1

