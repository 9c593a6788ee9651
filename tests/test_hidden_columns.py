"""A column the clerk hid is not what the sheet reports, on real .xlsx files through the real CLI.

A hidden 公示日期 column of draft dates beside the visible 上网公开日期 filled the visible blank: an
overdue decision came out 按时公开, and a late one 数据有误. What the sheet shows is what is judged; a
hidden column is read only when no visible column names the field, and both cases are said."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from helpers import cli_check
from compliance.ingest.sheetxml import hidden_columns

D = dt.date
HEADER = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期", "公示日期", "备注"]


def workbook(path: Path, rows: list[list], hidden: tuple[str, ...], header: list[str] = HEADER) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "行政处罚"
    for row in [header, *rows]:
        sheet.append(row)
    for letter in hidden:
        sheet.column_dimensions[letter].hidden = True
    book.save(path)
    return path


def check(tmp_path: Path, path: Path):
    code, data, output = cli_check(tmp_path, path)
    assert code in (0, 1), output
    return output, {r["document_number"]: r["status"] for r in data["records"]}, data


ROWS = [[1, "西安监罚〔2016〕1号", "甲公司", D(2016, 10, 10), D(2016, 11, 15), D(2016, 10, 20), None],
        [2, "西安监罚〔2016〕2号", "乙公司", D(2016, 10, 10), None, D(2016, 10, 21), None],
        [3, "西安监罚〔2016〕3号", "丙公司", D(2016, 10, 10), D(2016, 10, 14), None, None]]


def test_a_hidden_column_of_draft_dates_never_fills_or_contradicts_the_visible_one(tmp_path):
    output, statuses, data = check(tmp_path, workbook(tmp_path / "区安监局_处罚.xlsx", ROWS, hidden=("F",)))
    assert statuses == {"西安监罚〔2016〕1号": "late", "西安监罚〔2016〕2号": "overdue", "西安监罚〔2016〕3号": "on_time"}
    said = "第 F 列“公示日期”是隐藏列，未读取（读取的是第 E 列“上网公开日期”）"
    assert f"column-hidden-unused {said}" in output
    assert said in data["inputs"][0]["sheets"][0]["notes"]


def test_shown_the_same_two_columns_are_both_witnesses_as_before(tmp_path):
    """The guard: visible, 公示日期 is a second publication column (rows where the two disagree are 数据有误)."""
    _, statuses, _ = check(tmp_path, workbook(tmp_path / "区安监局_处罚.xlsx", ROWS, hidden=()))
    assert statuses == {"西安监罚〔2016〕1号": "invalid", "西安监罚〔2016〕2号": "on_time", "西安监罚〔2016〕3号": "on_time"}


def test_a_hidden_column_that_alone_names_the_field_is_read_and_said(tmp_path):
    header = HEADER[:4] + HEADER[5:]  # no visible publication column at all; 公示日期 (E) hidden
    book = workbook(tmp_path / "区安监局_处罚.xlsx", [r[:4] + r[5:] for r in ROWS], hidden=("E",), header=header)
    output, statuses, _ = check(tmp_path, book)
    assert statuses == {"西安监罚〔2016〕1号": "on_time", "西安监罚〔2016〕2号": "on_time", "西安监罚〔2016〕3号": "overdue"}
    assert "column-hidden-used 第 E 列“公示日期”是隐藏列，表中只有这一列是公开日期，已读取，请确认" in output


@pytest.mark.parametrize("xml, hidden", [
    (b'<cols><col min="6" max="6" width="12" hidden="1" customWidth="1"/></cols>', {5}),
    (b"<x:cols><x:col hidden='true' max='3' min='2'/></x:cols>", {1, 2}),
    (b'<cols><col min="1" max="4" hidden="0"/><col min="5" max="5"/></cols>', set()),
    (b'<cols><col min="1" max="16384" hidden="1"/></cols>', set()),  # the whole width: a style, no column hidden
    (b'<cols><col min="2" max="2"\n hidden = "1"/></cols>', {1}),
    (b'<cols><col hidden="1"/></cols>', set()),  # no min/max: nothing to hide
])
def test_hidden_columns_are_read_in_every_valid_form(xml, hidden):
    assert hidden_columns(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + xml) == hidden
