"""A 填报单位 line that names another unit than the file name (or the title row): a template's line left over
from the unit that lent it, or a wrong name. The records go where their 文书号's 代字 point, and each says its
unit is in doubt; neither source is taken on trust in silence (probe p68). Real files, the real CLI."""

import openpyxl

from helpers import cli_check, write_xlsx
from test_unit_parts import DECIDED, HEADER, LATE, ON_TIME

PERMIT_HEADER = ["序号", "行政许可决定书文号", "行政相对人名称", "许可决定日期", "上网公开日期"]
NO_UNIT_HEADER = HEADER[:-1]  # no 处罚机关 column: only the line and the file name say whose rows these are


def _records(payload) -> list[tuple[str, str, list[str]]]:
    return [(r["document_number"], r["unit"], [i["code"] for i in r["issues"]]) for r in payload["records"]]


def _summary_notes(tmp_path) -> dict[str, str]:
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["汇总"]
    rows = list(sheet.iter_rows(values_only=True))
    at = next(i for i, row in enumerate(rows) if row and "单位" in row and "备注" in row)
    unit, note = rows[at].index("单位"), rows[at].index("备注")
    return {row[unit]: row[note] for row in rows[at + 1:] if row and row[unit]}


def _ledger(tmp_path, name: str, sheet: list) -> list[tuple[str, str, list[str]]]:
    """The records of ``name`` holding ``sheet`` (as Sheet1), checked through the CLI."""
    _, payload, _ = cli_check(tmp_path, write_xlsx(tmp_path / name, {"Sheet1": sheet}), "2025-11-28")
    return _records(payload)


def _all_disputed(records) -> bool:
    return all("unit-line-disputed" in codes for _, _, codes in records)


def _sheet_notes(payload) -> list[str]:
    return [n for f in payload["inputs"] for s in f.get("sheets", []) for n in s.get("notes", [])]


def test_a_template_line_of_another_unit_does_not_take_the_files_records(tmp_path):
    """区人社局's file kept 区卫健局's 填报单位 line: its late permits went to 区卫健局, whose 汇总 line said nothing."""
    rows = [[i, f"西人社许〔2025〕{i}号", f"申请人{i}", DECIDED, LATE if i <= 3 else ON_TIME] for i in range(1, 8)]
    path = write_xlsx(tmp_path / "区人社局_10月行政许可.xlsx",
                      {"行政许可": [["2025年10月行政许可公示台账"], ["填报单位：区卫健局"], PERMIT_HEADER, *rows]})
    code, payload, output = cli_check(tmp_path, path, "2025-11-28")
    records = _records(payload)
    assert len(records) == 7 and {unit for _, unit, _ in records} == {"区人社局"}
    assert all("unit-line-disputed" in codes for _, _, codes in records)
    assert {line["unit"] for line in payload["units"]} == {"区人社局", "合计"}
    note = next(n for n in _sheet_notes(payload) if "表中写的填报单位是“区卫健局”" in n)
    assert "已按“区人社局”计" in note
    assert "单位不明" in (_summary_notes(tmp_path)["区人社局"] or "")
    assert "unit-line-disputed" in output


def test_a_footer_signed_by_the_unit_the_numbers_name_keeps_them_but_says_so(tmp_path):
    """区自然资源局's file signed 填报单位（盖章）：区林业局 under 西林业罚 numbers: the numbers side with the
    line; still in doubt, and said on every record."""
    rows = [[i, f"西林业罚〔2025〕{i}号", f"当事人{i}", DECIDED, LATE] for i in range(1, 4)]
    records = _ledger(tmp_path, "区自然资源局_10月行政处罚.xlsx",
                      [NO_UNIT_HEADER, *rows, [], ["填报单位（盖章）：区林业局", None, None, "填报人：王五"]])
    assert {unit for _, unit, _ in records} == {"区林业局"} and len(records) == 3
    assert _all_disputed(records)


def test_numbers_that_name_neither_unit_leave_the_line_and_flag_every_record(tmp_path):
    rows = [[i, f"西罚〔2025〕{i}号", f"当事人{i}", DECIDED, ON_TIME] for i in range(1, 4)]
    records = _ledger(tmp_path, "区城管局_10月行政处罚.xlsx", [["填报单位：区司法局"], NO_UNIT_HEADER, *rows])
    assert {unit for _, unit, _ in records} == {"区司法局"}
    assert _all_disputed(records)
    assert "单位不明" in (_summary_notes(tmp_path)["区司法局"] or "")


def test_a_title_and_a_line_that_disagree_in_a_file_named_for_no_unit(tmp_path):
    """2025年10月报送.xlsx: the title says 区发改局, the line 区统计局, the numbers 西发改许."""
    rows = [[i, f"西发改许〔2025〕{i}号", f"申请人{i}", DECIDED, ON_TIME] for i in range(1, 6)]
    records = _ledger(tmp_path, "2025年10月报送.xlsx",
                      [["区发改局2025年10月行政许可台账"], ["填报单位：区统计局"], PERMIT_HEADER, *rows])
    assert {unit for _, unit, _ in records} == {"区发改局"} and len(records) == 5
    assert _all_disputed(records)


def test_the_same_unit_in_two_spellings_or_a_unit_column_is_no_dispute(tmp_path):
    rows = [[i, f"西人社罚〔2025〕{i}号", f"当事人{i}", DECIDED, ON_TIME] for i in range(1, 4)]
    path = write_xlsx(tmp_path / "区人社局_10月行政处罚.xlsx",
                      {"Sheet1": [["填报单位：西塞山区人力资源和社会保障局"], NO_UNIT_HEADER, *rows]})
    _, payload, _ = cli_check(tmp_path, path, "2025-11-28")
    assert not any("unit-line-disputed" in codes for _, _, codes in _records(payload))
    assert len({unit for _, unit, _ in _records(payload)}) == 1
    # rows whose own unit cell names their office are not in doubt: the line is a compiler's
    (tmp_path / "b").mkdir()
    rows = [[1, "西安监罚〔2025〕1号", "甲", DECIDED, ON_TIME, "区安监局"],
            [2, "西环保罚〔2025〕1号", "乙", DECIDED, ON_TIME, "区环保局"]]
    path = write_xlsx(tmp_path / "b" / "区政府办_10月汇总.xlsx", {"Sheet1": [["填报单位：区法制办"], HEADER, *rows]})
    _, payload, _ = cli_check(tmp_path / "b", path, "2025-11-28")
    assert {(n, u) for n, u, _ in _records(payload)} == {("西安监罚〔2025〕1号", "区安监局"), ("西环保罚〔2025〕1号", "区环保局")}
    assert not any("unit-line-disputed" in codes for _, _, codes in _records(payload))


def test_a_file_named_for_two_units_gives_each_row_the_unit_its_number_names(tmp_path):
    """区人社局、区医保局_…xlsx with no unit column put 区医保局's late permits under 区人社局; a row whose 代字
    names neither stays under the first and says its unit is unknown."""
    rows = [[1, "西人社许〔2025〕1号", "甲", DECIDED, ON_TIME], [2, "西人社许〔2025〕2号", "乙", DECIDED, ON_TIME],
            [3, "西医保许〔2025〕1号", "丙", DECIDED, LATE], [4, "西医保许〔2025〕2号", "丁", DECIDED, LATE],
            [5, "西许〔2025〕9号", "戊", DECIDED, ON_TIME]]
    path = write_xlsx(tmp_path / "区人社局、区医保局_2025年10月行政许可.xlsx", {"Sheet1": [PERMIT_HEADER, *rows]})
    _, payload, _ = cli_check(tmp_path, path, "2025-11-28")
    got = {n: (u, codes) for n, u, codes in _records(payload)}
    assert got["西医保许〔2025〕1号"][0] == got["西医保许〔2025〕2号"][0] == "区医保局"
    assert got["西人社许〔2025〕1号"][0] == "区人社局" and "unit-file-several-row" not in got["西人社许〔2025〕1号"][1]
    assert got["西许〔2025〕9号"][0] == "区人社局" and "unit-file-several-row" in got["西许〔2025〕9号"][1]
    late = {r["unit"] for r in payload["records"] if r["status"] == "late"}
    assert late == {"区医保局"}
    assert "单位不明" in (_summary_notes(tmp_path)["区人社局"] or "")


def test_one_office_in_two_spellings_is_no_dispute_and_the_usual_short_forms_are_read(tmp_path):
    """区卫健局's file with the line 区卫生健康委员会, 区行政审批局's with 区审批局: one office each, nothing in doubt.
    西市监罚 names 区市场监管局, 西人社许 the 区人力资源和社会保障局 (the core's short forms)."""
    cases = [("区卫健局_2025年行政许可.xlsx", "区卫生健康委员会", "西卫健许", set()),
             ("区行政审批局_2025年行政许可.xlsx", "区审批局", "西审批许", set()),
             ("区市场监管局_2025年行政处罚.xlsx", "区卫健局", "西市监罚", {"区市场监管局"}),
             ("区人力资源和社会保障局_2025年行政许可.xlsx", "区医保局", "西人社许", {"区人力资源和社会保障局"})]
    for k, (name, line, word, units) in enumerate(cases):
        (tmp_path / str(k)).mkdir()
        rows = [[i, f"{word}〔2025〕{i}号", f"某公司{i}", DECIDED, ON_TIME] for i in (1, 2)]
        path = write_xlsx(tmp_path / str(k) / name, {"Sheet1": [[f"填报单位：{line}"], NO_UNIT_HEADER, *rows]})
        _, payload, _ = cli_check(tmp_path / str(k), path, "2025-11-28")
        records = _records(payload)
        disputed = all("unit-line-disputed" in codes for _, _, codes in records)
        assert disputed == bool(units), name
        if units:
            assert {unit for _, unit, _ in records} == units, name


def test_a_street_whose_name_starts_with_a_numeral_keeps_it(tmp_path):
    """八泉街道 was read 泉街道 (the 八 taken for numbering): a phantom unit, and its decisions counted twice
    beside the compiled sheet's 八泉街道 copies."""
    from compliance.ingest.unit_text import unit_in_text

    assert [unit_in_text(t) for t in ("八泉街道", "九龙街道", "一、区安监局", "（3）区司法局台账")] == \
        ["八泉街道", "九龙街道", "区安监局", "区司法局"]
    rows = [[i, f"西八泉罚〔2025〕{i}号", f"当事人{i}", DECIDED, LATE] for i in (1, 2)]
    path = write_xlsx(tmp_path / "八泉街道_10月行政处罚.xlsx", {"Sheet1": [NO_UNIT_HEADER, *rows]})
    _, payload, _ = cli_check(tmp_path, path, "2025-11-28")
    assert {unit for _, unit, _ in _records(payload)} == {"八泉街道"}


def test_two_units_in_a_file_name_joined_by_a_hyphen_or_a_space(tmp_path):
    for k, name in enumerate(("区商务局-区统计局10月双公示.xlsx", "区商务局 区统计局 10月报送.xlsx")):
        (tmp_path / str(k)).mkdir()
        rows = [[1, "西商务罚〔2025〕1号", "甲", DECIDED, ON_TIME], [2, "西统计罚〔2025〕1号", "乙", DECIDED, LATE]]
        path = write_xlsx(tmp_path / str(k) / name, {"Sheet1": [NO_UNIT_HEADER, *rows]})
        _, payload, _ = cli_check(tmp_path / str(k), path, "2025-11-28")
        assert {n: u for n, u, _ in _records(payload)} == {"西商务罚〔2025〕1号": "区商务局", "西统计罚〔2025〕1号": "区统计局"}


def test_a_unit_column_copied_from_another_offices_template_yields_to_the_file_and_the_numbers(tmp_path):
    """Every 处罚机关 cell says 区住建局 in 区文旅局's file of 西文旅罚 numbers: 区住建局 was ranked on 区文旅局's
    overdue penalties with no word anywhere."""
    rows = [[i, f"西文旅罚〔2025〕{i}号", f"当事人{i}", DECIDED, LATE, "区住建局"] for i in (1, 2, 3)]
    path = write_xlsx(tmp_path / "区文旅局_10月行政处罚.xlsx", {"Sheet1": [HEADER, *rows]})
    _, payload, _ = cli_check(tmp_path, path, "2025-11-28")
    records = _records(payload)
    assert {unit for _, unit, _ in records} == {"区文旅局"}
    assert all("unit-cell-differs" in codes for _, _, codes in records)
    # a compiler's file whose unit column names the deciding offices, by their own 代字: untouched
    (tmp_path / "b").mkdir()
    rows = [[1, "西住建罚〔2025〕1号", "甲", DECIDED, LATE, "区住建局"], [2, "西文旅罚〔2025〕1号", "乙", DECIDED, LATE, "区文旅局"]]
    path = write_xlsx(tmp_path / "b" / "区政府办_10月汇总.xlsx", {"Sheet1": [HEADER, *rows]})
    _, payload, _ = cli_check(tmp_path / "b", path, "2025-11-28")
    assert {(n, u) for n, u, codes in _records(payload) if not codes} == \
        {("西住建罚〔2025〕1号", "区住建局"), ("西文旅罚〔2025〕1号", "区文旅局")}


def test_a_title_naming_another_unit_than_the_file_name_is_said(tmp_path):
    """区人社局's file whose title names 区卫健局 (no 填报单位 line): the file name won in silence; it still decides
    (a renamed office keeps its old 代字, so the 代字 do not decide here), and each record says its unit is in
    doubt. A part of the office is no dispute."""
    rows = [[i, f"西卫健许〔2025〕{i}号", f"申请人{i}", DECIDED, LATE] for i in (1, 2)]
    path = write_xlsx(tmp_path / "区人社局_10月行政许可(1).xlsx",
                      {"Sheet1": [["区卫健局2025年10月行政许可台账"], PERMIT_HEADER, *rows]})
    _, payload, _ = cli_check(tmp_path, path, "2025-11-28")
    records = _records(payload)
    assert {unit for _, unit, _ in records} == {"区人社局"}
    assert all("unit-line-disputed" in codes for _, _, codes in records)
    (tmp_path / "b").mkdir()
    rows = [[i, f"西公交罚〔2025〕{i}号", f"当事人{i}", DECIDED, LATE] for i in (1, 2)]
    path = write_xlsx(tmp_path / "b" / "区公安分局交警大队_10月行政处罚.xlsx",
                      {"Sheet1": [["区公安分局2025年10月行政处罚台账"], NO_UNIT_HEADER, *rows]})
    _, payload, _ = cli_check(tmp_path / "b", path, "2025-11-28")
    assert not any("unit-line-disputed" in codes for _, _, codes in _records(payload))


def test_a_unit_read_only_from_its_folders_name_is_said_on_its_summary_line(tmp_path):
    """新建 Microsoft Excel 工作表.xlsx in 法制办's own folder 区法制办: ranked under 区法制办 with an empty 备注."""
    folder = tmp_path / "区法制办"
    folder.mkdir()
    rows = [[i, f"西医保许〔2025〕{i}号", f"申请人{i}", DECIDED, ON_TIME] for i in (1, 2)]
    path = write_xlsx(folder / "新建 Microsoft Excel 工作表.xlsx", {"Sheet1": [PERMIT_HEADER, *rows]})
    cli_check(tmp_path, path, "2025-11-28")
    assert "单位不明" in (_summary_notes(tmp_path)["区法制办"] or "")


def test_the_owner_in_another_spelling_in_the_unit_column_is_no_pasted_cell(tmp_path):
    """填报单位：西塞山区市场监督管理局 and 处罚机关 区市场监管局 on two rows: one office; they were flagged
    unit-cell-differs (另一个单位)."""
    rows = [[1, "西市监罚〔2025〕1号", "甲", DECIDED, ON_TIME, "区市场监管局黄石港所"],
            [2, "西市监罚〔2025〕2号", "乙", DECIDED, ON_TIME, "区市场监管局澄月所"],
            [3, "西市监罚〔2025〕3号", "丙", DECIDED, ON_TIME, "区市场监管局"],
            [4, "西市监罚〔2025〕4号", "丁", DECIDED, ON_TIME, "西塞山区市场监督管理局"]]
    path = write_xlsx(tmp_path / "区市场监管局_10月行政处罚.xlsx",
                      {"Sheet1": [["填报单位：西塞山区市场监督管理局"], HEADER, *rows]})
    _, payload, _ = cli_check(tmp_path, path, "2025-11-28")
    assert not any("unit-cell-differs" in codes for _, _, codes in _records(payload))
    assert len({unit for _, unit, _ in _records(payload)}) == 1


def test_review_of_the_unit_rules_an_action_word_a_renamed_office_a_part_and_a_compiler(tmp_path):
    """Review of 859fc4e: 审批 inside 区住建局's 西建审批 took a compiler's column; a title with the office's old name
    (区城管局) took 区综合执法局's rows by its old 代字; 区公安分局-交警大队 was split into two units; a title naming
    the compiler, or an office's own 大队, or a street's 办事处 was a dispute."""
    def run(k, name, sheet):
        (tmp_path / k).mkdir()
        return _ledger(tmp_path / k, name, sheet)

    rows = [[1, "西审批许〔2025〕1号", "甲", DECIDED, LATE, "区行政审批局"],
            [2, "西建审批〔2025〕1号", "乙", DECIDED, LATE, "区住建局"], [3, "西建许〔2025〕2号", "丙", DECIDED, LATE, "区住建局"]]
    got = run("a", "区行政审批局_2025年10月行政许可.xlsx", [HEADER, *rows])
    assert [(u, "unit-cell-differs" in c) for _, u, c in got] == [("区行政审批局", False), ("区住建局", False), ("区住建局", False)]
    rows = [[i, f"西城管罚〔2025〕{i}号", f"当事人{i}", DECIDED, LATE] for i in (1, 2)]
    got = run("b", "区综合执法局_行政处罚.xlsx", [["区城管局2025年10月行政处罚公示表"], NO_UNIT_HEADER, *rows])
    assert {u for _, u, _ in got} == {"区综合执法局"} and all("unit-line-disputed" in c for _, _, c in got)
    rows = [[1, "西公交罚〔2025〕1号", "甲", DECIDED, LATE], [2, "西公(治)罚〔2025〕2号", "乙", DECIDED, LATE]]
    got = run("c", "区公安分局-交警大队_10月行政处罚.xlsx", [NO_UNIT_HEADER, *rows])
    assert {u for _, u, _ in got} == {"区公安分局"} and not any(c for _, _, c in got)
    rows = [[i, f"西人社罚〔2025〕{i}号", f"当事人{i}", DECIDED, LATE] for i in (1, 2)]
    got = run("d", "区人社局_10月行政处罚.xlsx", [["区法制办2025年10月行政处罚汇总表"], NO_UNIT_HEADER, *rows])
    assert {u for _, u, _ in got} == {"区人社局"} and not any(c for _, _, c in got)
    rows = [[i, f"西交通罚〔2025〕{i}号", f"当事人{i}", DECIDED, LATE] for i in (1, 2)]
    got = run("e", "区交通运输局_10月行政处罚.xlsx", [["填报单位：区交通运输综合执法大队"], NO_UNIT_HEADER, *rows])
    assert not any(c for _, _, c in got)
    rows = [[i, f"西八泉罚〔2025〕{i}号", f"当事人{i}", DECIDED, LATE] for i in (1, 2)]
    got = run("f", "八泉街道_10月行政处罚.xlsx", [["填报单位：西塞山区人民政府八泉街道办事处"], NO_UNIT_HEADER, *rows])
    assert not any(c for _, _, c in got)


def test_a_renamed_offices_old_name_declared_in_the_config_is_no_dispute(tmp_path):
    """Probe 71 M2: 区应急管理局's file signed with its old name 区安全生产监督管理局, which compliance.toml [units]
    declares as its alias: every row still said 单位不明 and the 汇总 asked to check whose rows they were."""
    import json

    from click.testing import CliRunner

    from compliance.cli import main

    rows = [[i, f"西应急罚〔2025〕{i}号", f"当事人{i}", DECIDED, LATE] for i in range(1, 4)]
    path = write_xlsx(tmp_path / "区应急管理局_10月行政处罚.xlsx",
                      {"Sheet1": [NO_UNIT_HEADER, *rows, [], ["填报单位（盖章）：区安全生产监督管理局"]]})
    config = tmp_path / "compliance.toml"
    config.write_text('[units]\n"区应急管理局" = ["区安全生产监督管理局", "区安监局"]\n', encoding="utf-8")
    args = ["check", str(path), "--as-of", "2025-11-28", "--no-history", "-o", str(tmp_path / "r.xlsx"), "--json", "-"]
    declared = _records(json.loads(CliRunner().invoke(main, [*args, "--config", str(config)]).stdout))
    assert [(unit, codes) for _, unit, codes in declared] == [("区应急管理局", [])] * 3, declared
    assert not _summary_notes(tmp_path)["区应急管理局"]
    config.write_text("", encoding="utf-8")  # undeclared, the two names are still in doubt
    undeclared = _records(json.loads(CliRunner().invoke(main, [*args, "--config", str(config)]).stdout))
    assert _all_disputed(undeclared), undeclared
