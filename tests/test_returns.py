"""Issue 21 item 15: a report that cannot be written still shows what was computed, then the error, exit 2.

The real CLI (subprocess, so the supervised worker and its streams are the real ones) on a real ledger;
the folder is made read-only for real (skipped as root, who can write anywhere).
"""

import datetime as dt
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import PENALTY_HEADER, write_xlsx

D = dt.date


def ledger(path: Path) -> Path:
    rows = [(D(2016, 9, 1), D(2016, 9, 5)), (D(2016, 9, 1), D(2016, 11, 30)), (D(2016, 9, 1), None)]
    body = [[i, f"西安监罚〔2016〕{i}号", f"公司{i}", d, p, "区安监局"] for i, (d, p) in enumerate(rows, start=1)]
    return write_xlsx(path, {"处罚": [PENALTY_HEADER] + body})


def check(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "compliance", "check", "区安监局.xlsx", "--as-of", "2016-12-31", *args],
                          cwd=cwd, capture_output=True, text=True, encoding="utf-8")


def assert_results_then_error(proc: subprocess.CompletedProcess, error: str) -> None:
    assert proc.returncode == 2, proc.stderr
    out = proc.stdout
    assert out.splitlines()[1].startswith("排名") and "区安监局" in out  # the table
    assert "区安监局.xlsx:处罚:3 late 西安监罚〔2016〕2号：逾期公开" in out  # the problem lines
    assert "区安监局.xlsx:处罚:4 overdue" in out
    # never the plain verdict beside exit 2: the report is missing (probe p87 L4)
    assert out.rstrip().splitlines()[-1] == "未完成：报告未能保存。本次检查：共 3 条记录，逾期 2 条。"
    assert "报告已保存" not in out
    assert error in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder(tmp_path):
    ledger(tmp_path / "区安监局.xlsx")
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        proc = check(tmp_path, "--out", "只读/报告.xlsx")
    finally:
        folder.chmod(stat.S_IRWXU)
    assert_results_then_error(proc, "无法写入报告")


def test_a_report_path_that_is_a_file_in_the_way(tmp_path):
    """As root a read-only folder is writable; a path under a plain file fails for everyone (ENOTDIR)."""
    ledger(tmp_path / "区安监局.xlsx")
    (tmp_path / "占位").write_text("not a folder", encoding="utf-8")
    assert_results_then_error(check(tmp_path, "--out", "占位/报告.xlsx"), "无法写入报告")


def test_quiet_still_gives_the_verdict(tmp_path):
    ledger(tmp_path / "区安监局.xlsx")
    (tmp_path / "占位").write_text("not a folder", encoding="utf-8")
    proc = check(tmp_path, "--out", "占位/报告.xlsx", "-q")
    assert proc.returncode == 2 and proc.stdout == "未完成：报告未能保存。本次检查：共 3 条记录，逾期 2 条。\n"
    assert "无法写入报告" in proc.stderr
    # a file in the way of the folder is no file open in Excel: no such advice (probe p87 L4)
    assert "占位 不是文件夹）。请用 --out 换一个位置" in proc.stderr and "Excel" not in proc.stderr, proc.stderr


def test_json_on_stdout_says_on_stderr_where_the_report_went(tmp_path):
    ledger(tmp_path / "区安监局.xlsx")
    proc = check(tmp_path, "--json", "-")
    assert proc.returncode == 1 and proc.stdout.lstrip().startswith("{")
    assert "报告已保存：reports/公开时限检查_2016-12-31.xlsx" in proc.stderr
    assert (tmp_path / "reports" / "公开时限检查_2016-12-31.xlsx").is_file()


def test_the_worker_leaves_at_once_yet_every_output_is_whole(tmp_path):
    """The supervised worker ends with os._exit (supervise.end_worker): the JSON on a pipe, far larger
    than the pipe's buffer, must arrive whole, and the history recorded in the same run must be intact."""
    import json
    import sqlite3

    body = [[i, f"西安监罚〔2016〕{i}号", f"公司{i}", D(2016, 10, 1 + i % 28), None, "区安监局"] for i in range(1, 3001)]
    write_xlsx(tmp_path / "区安监局.xlsx", {"处罚": [PENALTY_HEADER] + body})
    proc = check(tmp_path, "--month", "2016-10", "--json", "-", "--db", "历史.sqlite")
    assert proc.returncode == 1, proc.stderr
    assert len(proc.stdout) > 1 << 19  # a pipe holds 64 KB: the worker waited for the reader before leaving
    payload = json.loads(proc.stdout)
    assert payload["summary"]["records"] == 3000 and len(payload["records"]) == 3000
    with sqlite3.connect(tmp_path / "历史.sqlite") as store:
        assert store.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        recorded = [r[0] for r in store.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert recorded and not (tmp_path / "历史.sqlite-journal").exists()
