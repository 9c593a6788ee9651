"""A report of many records holds every cell: the record sheets' text columns of few distinct values
(file, sheet, category, unit, status, rule) were handed to the writer as categoricals, which
rustpy-xlsxwriter 0.8 writes as empty cells. Below 1,000 records they were plain text, so the small
reports every other test reads looked right; these ledgers are larger than that."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.report.writers import write_workbook
from helpers import PENALTY_HEADER, write_xlsx

D = dt.date


def ledger(folder: Path, count: int) -> Path:
    """``count`` penalties of 区安监局 over two sheets: a third published on time, a third late, a third not."""
    rows = []
    for i in range(1, count + 1):
        published = (D(2016, 9, 10), D(2016, 11, 30), None)[i % 3]
        rows.append([i, f"西安监罚〔2016〕{i}号", f"公司{i}", D(2016, 9, 1), published, "区安监局"])
    half = count // 2
    return write_xlsx(folder / "区安监局_行政处罚.xlsx",
                      {"9月": [PENALTY_HEADER] + rows[:half], "10月": [PENALTY_HEADER] + rows[half:]})


def sheet_rows(path: Path, name: str) -> tuple[list, list[tuple]]:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book[name].iter_rows(values_only=True))
    book.close()
    header_at = next(i for i, row in enumerate(rows) if row and "来源文件" in row)
    return list(rows[header_at]), [r for r in rows[header_at + 1:] if any(c is not None for c in r)]


@pytest.mark.parametrize("backend", ["rust", "xlsxwriter"])
def test_every_cell_of_a_large_report_is_written(tmp_path, backend, monkeypatch):
    if backend == "xlsxwriter":  # the fallback writer, as a report would be written without the Rust one
        from compliance.report import workbook

        monkeypatch.setattr(workbook, "write_workbook", lambda specs_for, path, _backend: write_workbook(
            specs_for, path, backend="xlsxwriter"))
    ledger(tmp_path, 2400)
    report, answer = tmp_path / "r.xlsx", tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(tmp_path / "区安监局_行政处罚.xlsx"), "--as-of", "2016-12-31",
                                       "--out", str(report), "--json", str(answer), "--no-history"])
    assert result.exit_code == 1, result.output
    summary = json.loads(answer.read_text(encoding="utf-8"))["summary"]
    assert (summary["on_time"], summary["late"], summary["overdue"]) == (800, 800, 800)

    header, rows = sheet_rows(report, "全部记录")
    assert len(rows) == 2400
    for name in ("来源文件", "工作表", "类别", "单位", "状态", "适用规则"):
        column = header.index(name)
        blank = [r for r in rows if r[column] in (None, "")]
        assert not blank, (name, len(blank), blank[:2])
    status = [r[header.index("状态")] for r in rows]
    assert (status.count("按时公开"), status.count("逾期公开"), status.count("逾期未公开")) == (800, 800, 800)
    assert {r[header.index("工作表")] for r in rows} == {"9月", "10月"}
    assert {r[header.index("来源文件")] for r in rows} == {"区安监局_行政处罚.xlsx"}

    header, late = sheet_rows(report, "逾期清单")
    assert len(late) == 1600
    for name in ("来源文件", "工作表", "单位", "状态"):
        assert all(r[header.index(name)] not in (None, "") for r in late), name
