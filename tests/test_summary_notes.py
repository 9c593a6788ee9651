"""What the report prints where a figure does not apply and where a file could not be read: 汇总 writes "—" for a
rate with nothing to count (as the terminal and 说明 say), never a blank that reads as "not filled in"; a 读取失败
row of 数据问题 names the unit 汇总 lists the file under, and says the file once (it has its own column)."""

from __future__ import annotations

import datetime as dt

import openpyxl

from helpers import PENALTY_HEADER, SAMPLE, cli_check, penalty_rows, write_xlsx


def _rows(sheet, header_row: int) -> list[dict]:
    values = list(sheet.iter_rows(values_only=True))
    heads = values[header_row - 1]
    return [dict(zip(heads, row)) for row in values[header_row:]]


def test_a_rate_with_nothing_to_count_prints_a_dash_and_an_unreadable_file_names_its_unit(tmp_path):
    folder = tmp_path / "报送"
    folder.mkdir()
    # 区安监局: decided 2016-12-20, not yet due as of 12-31 (未到期): 及时公开率 has nothing to count.
    write_xlsx(folder / "区安监局_处罚.xlsx",
               {"处罚": [PENALTY_HEADER, *penalty_rows(2, decision=dt.date(2016, 12, 20), published=None)]})
    (folder / "区教育局_处罚.xlsx").write_bytes(b"PK\x03\x04not a workbook")
    code, data, output = cli_check(tmp_path, folder)
    assert code == 1, output
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    summary = _rows(book["汇总"], 3)
    anjian = next(r for r in summary if r["单位"] == "区安监局")
    assert anjian["未到期"] == 2, anjian
    # no ledger in the national standard's layout: 完整率 does not apply; nothing due: no rate applies
    assert [anjian[h] for h in ("排名及时率", "及时公开率", "迟报率", "完整率")] == ["—"] * 4, anjian
    total = next(r for r in summary if r["单位"] == "合计")
    assert total["完整率"] == "—", total
    assert isinstance(anjian["合规率"], float)  # a rate that applies is still a number, formatted as a percent
    unreadable = [r for r in _rows(book["数据问题"], 1) if r["类型"] == "读取失败"]
    assert [(r["来源文件"], r["单位"]) for r in unreadable] == [("区教育局_处罚.xlsx", "区教育局")], unreadable
    assert "区教育局_处罚.xlsx" not in unreadable[0]["问题说明"] and "损坏" in unreadable[0]["问题说明"], unreadable
    about = [value for _, value in book["说明"].iter_rows(values_only=True) if value and "区教育局_处罚.xlsx" in value]
    assert len(about) == 1 and about[0].count("区教育局_处罚.xlsx") == 1, about


def test_a_number_shared_by_two_decisions_is_counted_twice_and_summary_says_so(tmp_path):
    rows = penalty_rows(3, decision=dt.date(2016, 9, 1), published=dt.date(2016, 9, 10))
    # the same 文书号 again, another party, another date: perhaps two decisions, perhaps a typo; each counts
    rows.append([4, "西安监罚〔2016〕2号", "另一公司", dt.date(2016, 10, 10), dt.date(2016, 10, 12), "区安监局"])
    path = write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"处罚": [PENALTY_HEADER, *rows]})
    code, data, output = cli_check(tmp_path, path)
    assert code == 0, output
    summary = _rows(openpyxl.load_workbook(tmp_path / "r.xlsx")["汇总"], 3)
    anjian = next(r for r in summary if r["单位"] == "区安监局")
    assert (anjian["决定总数"], anjian["按时公开"]) == (4, 4), anjian
    assert "有 1 条记录的文书号与前面的记录重复，各按一个决定计入" in anjian["备注"], anjian
    total = next(r for r in summary if r["单位"] == "合计")
    assert "有 1 条记录的文书号与前面的记录重复" in total["备注"], total


def test_a_long_note_on_a_bold_line_wraps_as_on_the_others(tmp_path):
    """汇总's 小计 and 合计 lines are bold by their row's format, which took the place of the 备注 column's wrap: a
    two-part note was cut at the cell's edge in a row made tall for it (the sample data's 区食药监局 and 合计)."""
    code, _, output = cli_check(tmp_path, SAMPLE)
    assert code == 1, output
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["汇总"]
    heads = [c.value for c in sheet[3]]
    bold = [row for row in sheet.iter_rows(min_row=4) if row[heads.index("类别")].value == "小计"
            or row[heads.index("单位")].value == "合计"]
    notes = [row[heads.index("备注")] for row in bold if row[heads.index("备注")].value
             and "文书号与前面的记录重复" in row[heads.index("备注")].value]
    assert len(notes) == 2, [row[heads.index("备注")].value for row in bold]
    for note in notes:
        assert note.alignment.wrap_text and sheet.row_dimensions[note.row].height >= 45, (note.coordinate, note.value)
