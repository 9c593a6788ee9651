"""A file is a ledger or the online list, never both, on real files through the real CLI.

Checked against itself, a ledger confirmed every record (一致), and its blank publication dates beside a
数据更新时间戳 column turned an overdue decision into 数据有误: a unit's lateness hidden, exit as if checked."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_csv, write_xlsx

D = dt.date
HEADER = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "网上公示日期", "数据更新时间戳"]
ROWS = [["西安监罚〔2016〕1号", "甲公司", D(2016, 3, 1), D(2016, 3, 4), dt.datetime(2016, 12, 30, 9, 15)],
        ["西安监罚〔2016〕2号", "乙公司", D(2016, 3, 2), None, dt.datetime(2016, 12, 30, 9, 15)]]


def run(tmp_path: Path, *args: str):
    out = tmp_path / "结果.json"
    result = CliRunner().invoke(main, ["check", *args, "--as-of", "2016-12-31", "--json", str(out),
                                       "-o", str(tmp_path / "报告.xlsx"), "--no-history"])
    data = json.loads(out.read_text(encoding="utf-8")) if out.exists() else None
    return result, data


def ledger_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "报送"
    folder.mkdir()
    write_xlsx(folder / "区安监局_行政处罚.xlsx", {"Sheet1": [HEADER, *ROWS]})
    write_csv(folder / "区环保局_行政处罚.csv", [HEADER[:4], ["西环罚〔2016〕1号", "丙公司", "2016-04-01", ""]])
    return folder


def test_a_ledger_named_as_both_ledger_and_online_list_is_refused_naming_the_file(tmp_path):
    folder = ledger_folder(tmp_path)
    ledger = folder / "区安监局_行政处罚.xlsx"
    result, data = run(tmp_path, str(ledger), "--online", str(ledger))
    assert result.exit_code == 2, result.output
    assert f"网站清单 {ledger}：这个文件同时作为台账给出" in result.output
    assert "Traceback" not in result.output and data is None and not (tmp_path / "报告.xlsx").exists()
    # a copy under another name is the same file to this check
    copy = tmp_path / "网站导出.xlsx"
    shutil.copyfile(ledger, copy)
    result, _ = run(tmp_path, str(ledger), "--online", str(copy))
    assert result.exit_code == 2
    assert f"网站清单 {copy}：与台账 {ledger} 内容完全相同" in result.output


def test_the_online_list_found_in_the_ledger_folder_is_passed_over_as_a_ledger_and_said_so(tmp_path):
    folder = ledger_folder(tmp_path)
    ledger = folder / "区安监局_行政处罚.xlsx"
    result, data = run(tmp_path, str(folder), "--online", str(ledger))
    assert result.exit_code == 1, result.output
    assert f"已跳过：{ledger} online-list-not-ledger 这是 --online 给出的网站清单，不当作台账读取" in result.output
    # the other unit is still checked; no record comes from the list, none is confirmed by itself
    assert [(Path(r["file"]).name, r["status"]) for r in data["records"]] == [("区环保局_行政处罚.csv", "overdue")]
    assert [r["online"]["result"] for r in data["records"]] != ["confirmed"]
    assert [Path(x["file"]) for x in data["online_lists"]] == [ledger]
    entry = next(e for e in data["inputs"] if Path(e["file"]) == ledger)
    assert entry["not_read"] == "这是 --online 给出的网站清单，不当作台账读取"


def test_a_copy_of_the_online_list_in_the_folder_is_passed_over_naming_the_list(tmp_path):
    folder = ledger_folder(tmp_path)
    online = tmp_path / "信用网站导出.xlsx"
    shutil.copyfile(folder / "区安监局_行政处罚.xlsx", online)
    result, data = run(tmp_path, str(folder), "--online", str(online))
    assert f"（与 {online} 内容完全相同）" in result.output
    assert {Path(r["file"]).name for r in data["records"]} == {"区环保局_行政处罚.csv"}


def test_without_the_mix_up_the_same_ledger_is_judged_as_before(tmp_path):
    """The guard: the overdue decision of the ledger is 逾期未公开 when no online list is given."""
    folder = ledger_folder(tmp_path)
    result, data = run(tmp_path, str(folder))
    statuses = {(Path(r["file"]).name, r["document_number"]): r["status"] for r in data["records"]}
    assert statuses[("区安监局_行政处罚.xlsx", "西安监罚〔2016〕2号")] == "overdue"
    assert statuses[("区安监局_行政处罚.xlsx", "西安监罚〔2016〕1号")] == "on_time"


def test_the_tools_own_report_given_as_the_online_list_is_refused(tmp_path):
    """Its 全部记录 lists every record with the ledger's own dates: as a list it confirmed them all, and two
    never-published decisions became 数据有误 (网站已公开，日期不明): a unit's lateness hidden."""
    folder = ledger_folder(tmp_path)
    result, _ = run(tmp_path, str(folder))
    assert result.exit_code == 1 and (tmp_path / "报告.xlsx").exists(), result.output
    report = tmp_path / "上月报告.xlsx"
    (tmp_path / "报告.xlsx").rename(report)
    (tmp_path / "结果.json").unlink()
    result, data = run(tmp_path, str(folder), "--online", str(report))
    assert result.exit_code == 2, result.output
    assert f"网站清单 {report}：这是本工具生成的检查报告，不是网站清单" in result.output
    assert "Traceback" not in result.output and data is None


def test_a_csv_copy_of_the_ledger_given_as_the_online_list_is_refused(tmp_path):
    """Not the same file (no SHA-256 to match): the unit's ledger exported to CSV and passed as --online.
    A website shows no unpublished decision; the copy's blank dates made 2号 数据有误 (网站已公开，日期不明)."""
    for folder in ("报送", "误传"):
        (tmp_path / folder).mkdir()
    ledger = write_xlsx(tmp_path / "报送" / "区安监局_行政处罚.xlsx", {"处罚": [HEADER[:4], *[row[:4] for row in ROWS]]})
    copy = write_csv(tmp_path / "误传" / "区安监局_行政处罚_导出.csv",
                     [HEADER[:4], *[[c.isoformat() if isinstance(c, dt.date) else c for c in row[:4]] for row in ROWS]])
    result, data = run(tmp_path, str(ledger.parent), "--online", str(copy))
    assert result.exit_code == 2, result.output
    assert "这是台账的副本" in result.output and "区安监局_行政处罚_导出.csv" in result.output, result.output
    assert "Traceback" not in result.output


def test_a_real_list_with_a_blank_date_is_not_taken_for_a_ledger_copy(tmp_path):
    """A site's export whose one entry lacks a date, and whose other entries differ from the ledger's rows."""
    for folder in ("报送", "网站"):
        (tmp_path / folder).mkdir()
    ledger = write_xlsx(tmp_path / "报送" / "区安监局_行政处罚.xlsx", {"处罚": [HEADER[:4], *[row[:4] for row in ROWS]]})
    site = write_csv(tmp_path / "网站" / "信用西塞山_行政处罚.csv", [["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"],
        ["西安监罚〔2016〕1号", "甲公司", "2016-03-01", "2016-03-05", "区安监局"],
        ["西安监罚〔2016〕3号", "丙公司", "2016-03-03", "", "区安监局"],
        ["西安监罚〔2016〕4号", "丁公司", "2016-03-04", "2016-03-08", "区安监局"]])
    result, data = run(tmp_path, str(ledger.parent), "--online", str(site))
    assert result.exit_code == 1, result.output
    assert {r["document_number"]: r["status"] for r in data["records"]} == {"西安监罚〔2016〕1号": "on_time",
                                                                           "西安监罚〔2016〕2号": "overdue"}
