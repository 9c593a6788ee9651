"""A unit that made no decision says so in its ledger; its 汇总 line is its own, under the unit the
ledger names, never 未报送 and never a unit made up from the file name. Real files, the real CLI."""

import datetime as dt

from helpers import PENALTY_HEADER, cli_check, write_xlsx

D = dt.date


def _rows(data: dict) -> list[dict]:
    """汇总's rows, as {header: value}."""
    table = data["unit_summary"]
    return [dict(zip(table["columns"], row)) for row in table["rows"]]


def _lines(data: dict) -> dict[str, list[str]]:
    """{unit: its 汇总 categories}."""
    lines: dict[str, list[str]] = {}
    for row in _rows(data):
        lines.setdefault(row["单位"], []).append(row["类别"])
    return lines


def test_a_zero_report_counts_under_the_unit_its_line_names_not_its_file_name(tmp_path):
    folder = tmp_path / "2016年10月"
    folder.mkdir()
    write_xlsx(folder / "区司法局10月.xlsx", {"处罚": [PENALTY_HEADER, [1, "西司罚〔2016〕1号", "甲", D(2016, 10, 10),
                                                                 D(2016, 10, 12), "区司法局"]]})
    # no header at all: a 填报单位 line and 本月无
    write_xlsx(folder / "新建 Microsoft Excel 工作表.xlsx", {"Sheet1": [["填报单位：区民政局"], ["本月无行政处罚决定"]]})
    # the template sent back with its header only, its unit on the line above
    write_xlsx(folder / "附件1.xlsx", {"Sheet1": [["填报单位：区审计局", None, "填报日期：2016年11月3日"], PENALTY_HEADER]})
    # a public 馆 is a unit, in its file name as on its line
    write_xlsx(folder / "区档案馆10月.xlsx", {"Sheet1": [["区档案馆2016年10月行政处罚公示台账"], ["本月无"]]})
    # a file named for one unit, filled in by another: counted under the line, and said
    write_xlsx(folder / "区人社局10月.xlsx", {"Sheet1": [["填报单位：区卫健委"], ["本月无行政许可和行政处罚决定"]]})
    code, data, output = cli_check(tmp_path, folder)
    assert code == 0, output
    lines = _lines(data)
    for unit in ("区民政局", "区审计局", "区档案馆", "区卫健委"):
        assert lines.get(unit) == ["本期无决定"], (unit, lines)
    assert not any(name.startswith(("新建", "附件1", "区档案馆10月")) for name in lines), lines
    assert "区人社局" not in lines, lines
    notes = [n for entry in data["inputs"] for n in entry.get("notes", [])]
    assert any("区卫健委" in n and "区人社局" in n for n in notes), notes


def test_a_sheet_holding_only_no_under_its_title_is_a_zero_report_not_an_unreadable_file(tmp_path):
    folder = tmp_path / "sent"
    folder.mkdir()
    write_xlsx(folder / "区统计局10月.xlsx", {"Sheet1": [["无"]]})
    write_xlsx(folder / "区编办10月.xlsx", {"Sheet1": [["区编办2016年10月行政许可台账"], [], ["无。"]]})
    # a sheet of a few words that are not 无 stays unreadable: no table is no zero report
    write_xlsx(folder / "区科技局10月.xlsx", {"Sheet1": [["见附件"]]})
    code, data, output = cli_check(tmp_path, folder)
    lines = _lines(data)
    assert lines.get("区统计局") == ["本期无决定"] and lines.get("区编办") == ["本期无决定"], lines
    assert lines.get("区科技局") == ["文件无法读取"], lines
    assert code == 1, output  # the unreadable one


def test_a_zero_report_sent_with_its_scan_has_one_line(tmp_path):
    folder = tmp_path / "sent"
    folder.mkdir()
    write_xlsx(folder / "区文旅局10月行政处罚台账.xlsx", {"Sheet1": [["填报单位：区文旅局"], ["本月无行政处罚决定"]]})
    (folder / "区文旅局10月行政处罚台账（盖章扫描件）.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    code, data, output = cli_check(tmp_path, folder)
    rows = [r for r in _rows(data) if r["单位"] == "区文旅局"]
    assert [r["类别"] for r in rows] == ["本期无决定"], rows
    assert "无法读取" in (rows[0]["备注"] or ""), rows
    assert output.count("区文旅局") >= 1 and "文件无法读取：区文旅局\n" not in output


def test_the_terminal_tells_last_months_ledger_from_a_zero_report(tmp_path):
    folder = tmp_path / "sent"
    folder.mkdir()
    write_xlsx(folder / "区农业局10月.xlsx", {"处罚": [PENALTY_HEADER, [1, "西农罚〔2016〕1号", "甲", D(2016, 9, 10),
                                                                   D(2016, 9, 12), "区农业局"]]})
    write_xlsx(folder / "区文旅局10月.xlsx", {"Sheet1": [["本月无行政处罚决定"]]})
    write_xlsx(folder / "区司法局10月.xlsx", {"处罚": [PENALTY_HEADER, [1, "西司罚〔2016〕1号", "乙", D(2016, 10, 10),
                                                                   D(2016, 10, 12), "区司法局"]]})
    from click.testing import CliRunner

    from compliance.cli import main

    result = CliRunner().invoke(main, ["check", str(folder), "--month", "2016-10", "--as-of", "2016-12-31",
                                       "--no-history", "-o", str(tmp_path / "r.xlsx")])
    lines = result.output.splitlines()
    at = lines.index(next(line for line in lines if line.startswith("本期无决定：")))
    assert set(lines[at].split("：")[1].split("、")) == {"区农业局", "区文旅局"}
    assert lines[at + 1] == "  其中报送的决定都不在统计范围内（可能报错了月份的台账）：区农业局", lines[at:at + 2]


def test_the_tools_own_blank_template_sent_back_invents_no_unit_from_its_instructions(tmp_path):
    """填表说明 item 9 gives an example unit name (如西塞山区人力资源和社会保障局): a blank template sent back
    was that unit's 本期无决定. Named for its unit, it is that unit's."""
    from compliance.template import write_template

    folder = tmp_path / "sent"
    folder.mkdir()
    write_template(folder / "报送模板.xlsx")
    write_template(folder / "区安监局_11月.xlsx")
    code, data, output = cli_check(tmp_path, folder)
    lines = _lines(data)
    assert lines.get("区安监局") == ["本期无决定"], lines
    assert not any("人力资源" in unit for unit in lines), lines
