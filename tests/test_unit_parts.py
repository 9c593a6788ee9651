"""Which unit and category a record counts under, where a ledger names a part of its office, or a folder or a
number says more than a cell (cases a probe of district submissions met: p68). Real files, the real CLI."""

import datetime as dt
import json

from click.testing import CliRunner

from compliance.cli import main

from helpers import cli_check, write_xlsx

HEADER = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期", "处罚机关"]
DECIDED, ON_TIME, LATE = dt.date(2025, 10, 9), dt.date(2025, 10, 14), dt.date(2025, 11, 24)


def _units(payload) -> dict:
    return {r["document_number"]: (r["unit"], r["category"], r["status"]) for r in payload["records"]}


def test_a_part_of_the_office_named_in_its_own_ledger_counts_under_the_office(tmp_path):
    """区市场监管局黄石港所 and 区公安分局交警大队 in the bureau's own ledger were units of their own, ranked apart,
    and the bureau ranked first at 100 % without its late rows."""
    rows = [[1, "西市监罚〔2025〕1号", "甲", DECIDED, ON_TIME, "区市场监管局"],
            [2, "西市监罚〔2025〕2号", "乙", DECIDED, LATE, "区市场监管局黄石港所"],
            [3, "西市监罚〔2025〕3号", "丙", DECIDED, LATE, "区市场监管局执法大队"]]
    code, payload, _ = cli_check(tmp_path, write_xlsx(tmp_path / "区市场监管局_10月行政处罚.xlsx", {"行政处罚": [HEADER, *rows]}),
                                 "2025-11-28")
    assert {u for u, _, _ in _units(payload).values()} == {"区市场监管局"}
    said = [i["message"] for r in payload["records"] for i in r["issues"] if i["code"] == "unit-section"]
    assert len(said) == 2 and "记在 区市场监管局 名下" in said[0]
    assert {line["unit"] for line in payload["units"]} == {"区市场监管局", "合计"}
    # the file's name in another spelling (市场监管局): the same office
    (tmp_path / "b").mkdir()
    path = write_xlsx(tmp_path / "b" / "市场监管局_10月处罚.xlsx", {"行政处罚": [HEADER, *rows[1:]]})
    _, payload, _ = cli_check(tmp_path / "b", path, "2025-11-28")
    assert len({u for u, _, _ in _units(payload).values()}) == 1


def test_sheets_named_after_the_offices_stations_are_the_offices(tmp_path):
    """Sheets 黄石港所 and 澄月所 in 区市场监管局's file were ranked as units, and the bureau was 计入他单位."""
    def sheet(first):
        return [HEADER, *[[k, f"西市监罚〔2025〕{first + k}号", "甲", DECIDED, LATE if k == 1 else ON_TIME, None]
                          for k in (1, 2)]]
    path = write_xlsx(tmp_path / "区市场监管局_10月行政处罚.xlsx", {"黄石港所": sheet(0), "澄月所": sheet(10)})
    _, payload, _ = cli_check(tmp_path, path, "2025-11-28")
    assert {u for u, _, _ in _units(payload).values()} == {"区市场监管局"}


def test_a_public_security_number_with_a_word_in_brackets_says_penalty(tmp_path):
    """西公(治)行罚决字: the 代字 after the bracket was never read, and the records were 类别不明."""
    header = ["序号", "文书号", "当事人", "决定日期", "公开日期", "单位"]
    rows = [[1, "西公(治)行罚决字〔2025〕1号", "甲", DECIDED, ON_TIME, "区公安分局"],
            [2, "西公（交）行罚决字〔2025〕2号", "乙", DECIDED, ON_TIME, "区公安分局"]]
    _, payload, _ = cli_check(tmp_path, write_xlsx(tmp_path / "区公安分局_10月.xlsx", {"Sheet1": [header, *rows]}),
                              "2025-11-28")
    assert {c for _, c, _ in _units(payload).values()} == {"penalty"}


def test_a_units_folder_holding_a_months_folder_named_with_its_submission_gives_the_unit(tmp_path):
    """区民政局/2025年10月报送/台账.xlsx: only a bare period was climbed over, and three units' records were
    one unit called 台账."""
    for unit, issuer in (("区民政局", "西民政"), ("区司法局", "西司法"), ("区残联", "西残联")):
        folder = tmp_path / "in" / unit / "2025年10月报送"
        folder.mkdir(parents=True)
        write_xlsx(folder / "台账.xlsx", {"Sheet1": [HEADER[:5], [1, f"{issuer}罚〔2025〕1号", "甲", DECIDED, ON_TIME]]})
    _, payload, _ = cli_check(tmp_path, tmp_path / "in", "2025-11-28")
    assert sorted(u for u, _, _ in _units(payload).values()) == ["区司法局", "区残联", "区民政局"]


def test_a_unit_cell_pasted_from_another_ledger_does_not_move_the_row(tmp_path):
    """Two late rows of 区司法局's own ledger whose 处罚机关 cell said 区城管局 (their numbers 西司法罚, as every
    other row's) were counted under 区城管局 without a word: 区司法局 ranked first at 100 %."""
    rows = [[k, f"西司法罚〔2025〕{k}号", "甲", DECIDED, LATE if k > 4 else ON_TIME, "区城管局" if k > 4 else "区司法局"]
            for k in range(1, 7)]
    _, payload, _ = cli_check(tmp_path, write_xlsx(tmp_path / "区司法局_10月行政处罚.xlsx", {"行政处罚": [HEADER, *rows]}),
                              "2025-11-28")
    assert {u for u, _, _ in _units(payload).values()} == {"区司法局"}
    said = {r["row"]: [i["message"] for i in r["issues"] if i["code"] == "unit-cell-differs"] for r in payload["records"]}
    assert [row for row, words in said.items() if words] == [6, 7]
    assert "记在 区司法局 名下" in said[6][0]


def test_a_blank_unit_cell_does_not_go_to_the_data_platform_named_on_every_row(tmp_path):
    """The national template's 数据来源单位 said 区政务服务和大数据管理局 on every row: a blank 处罚机关 took it,
    and the platform was ranked with 区城管局's late decisions."""
    header = HEADER + ["数据来源单位"]
    rows = [[k, f"西城管罚〔2025〕{k}号", "甲", DECIDED, LATE if k > 3 else ON_TIME, None if k > 3 else "区城管局",
             "区政务服务和大数据管理局"] for k in range(1, 6)]
    _, payload, _ = cli_check(tmp_path, write_xlsx(tmp_path / "区城管局_10月行政处罚.xlsx", {"行政处罚": [header, *rows]}),
                              "2025-11-28")
    assert {u for u, _, _ in _units(payload).values()} == {"区城管局"}


def test_a_data_source_column_that_names_the_deciding_office_still_fills_its_blank_cells(tmp_path):
    """Where 数据来源单位 is each row's own office (a compiled table of several offices), a blank 处罚机关 takes it."""
    header = HEADER + ["数据来源单位"]
    rows = [[1, "西城管罚〔2025〕1号", "甲", DECIDED, ON_TIME, "区城管局", "区城管局"],
            [2, "西安监罚〔2025〕1号", "乙", DECIDED, ON_TIME, "区安监局", "区安监局"],
            [3, "西安监罚〔2025〕2号", "丙", DECIDED, ON_TIME, None, "区安监局"],
            [4, "西城管罚〔2025〕2号", "丁", DECIDED, ON_TIME, None, "区城管局"]]
    _, payload, _ = cli_check(tmp_path, write_xlsx(tmp_path / "区政府办_各单位汇总.xlsx", {"汇总": [header, *rows]}),
                              "2025-11-28")
    units = _units(payload)
    assert units["西安监罚〔2025〕2号"][0] == "区安监局" and units["西城管罚〔2025〕2号"][0] == "区城管局"


def test_a_rows_own_number_names_its_category_against_the_sheet(tmp_path):
    """西交通许 rows in a file named 行政处罚, with a permit's 20 days and a penalty's 7: they were penalties, and
    on-time permits became late ones without a word."""
    config = tmp_path / "compliance.toml"
    config.write_text("[rules]\npermit = 20\npenalty = 7\n", encoding="utf-8")
    rows = [[1, "西交通罚〔2025〕1号", "甲", DECIDED, ON_TIME, "区交通运输局"],
            [2, "西交通许〔2025〕1号", "乙", DECIDED, dt.date(2025, 10, 24), "区交通运输局"]]
    path = write_xlsx(tmp_path / "区交通运输局_10月行政处罚.xlsx", {"Sheet1": [HEADER, *rows]})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2025-11-28", "--no-history", "--config", str(config),
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(tmp_path / "r.json")])
    payload = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    units = _units(payload)
    assert units["西交通罚〔2025〕1号"][1:] == ("penalty", "on_time")
    assert units["西交通许〔2025〕1号"][1:] == ("permit", "on_time"), result.output
    [record] = [r for r in payload["records"] if r["document_number"] == "西交通许〔2025〕1号"]
    assert [i["code"] for i in record["issues"]] == ["category-by-number"]


# -- what the rules above must not take (a review of bc604e3) --------------------------------------------------------
def test_a_data_source_column_that_spells_the_offices_otherwise_still_fills_blank_cells(tmp_path):
    header = HEADER + ["数据来源单位"]
    rows = [[1, "西城管罚〔2025〕1号", "甲", DECIDED, ON_TIME, "西塞山区城市管理执法局", "区城管局"],
            [2, "西安监罚〔2025〕1号", "乙", DECIDED, ON_TIME, "西塞山区应急管理局", "区应急管理局"],
            [3, "西城管罚〔2025〕2号", "丁", DECIDED, LATE, None, "区城管局"]]
    _, payload, _ = cli_check(tmp_path, write_xlsx(tmp_path / "区政府办_各单位汇总.xlsx", {"汇总": [header, *rows]}),
                              "2025-11-28")
    assert _units(payload)["西城管罚〔2025〕2号"][0] == "区城管局"


def test_a_compiled_workbooks_sheet_named_after_a_district_brigade_is_that_brigade(tmp_path):
    def sheet(issuer):
        return [HEADER[:5], *[[k, f"{issuer}〔2025〕{k}号", "甲", DECIDED, LATE] for k in (1, 2)]]
    path = write_xlsx(tmp_path / "区司法局_各单位汇总.xlsx",
                      {"区城管局": sheet("西城管罚"), "区交警大队": sheet("西公交罚"), "区安监局": sheet("西安监罚")})
    _, payload, _ = cli_check(tmp_path, path, "2025-11-28")
    assert _units(payload)["西公交罚〔2025〕1号"][0] == "区交警大队"


def test_another_office_with_its_own_bracketed_code_word_keeps_its_rows(tmp_path):
    """西公(消)行罚决字 is not 西公(治)行罚决字: the 代字 is read with its bracketed word, as written."""
    rows = [[k, f"西公(治)行罚决字〔2025〕{k}号", "甲", DECIDED, ON_TIME, "区公安分局"] for k in range(1, 5)]
    rows += [[5, "西公(消)行罚决字〔2025〕5号", "乙", DECIDED, LATE, "区消防大队"]]
    _, payload, _ = cli_check(tmp_path, write_xlsx(tmp_path / "区公安分局_10月行政处罚.xlsx", {"Sheet1": [HEADER, *rows]}),
                              "2025-11-28")
    assert _units(payload)["西公(消)行罚决字〔2025〕5号"][0] == "区消防大队"


def test_a_bare_submission_folder_is_no_months_folder(tmp_path):
    """区政府办/上报/: the folder of a compiler, not a month's inside a unit's: the files' rows are not 区政府办's."""
    folder = tmp_path / "in" / "区政府办" / "上报"
    folder.mkdir(parents=True)
    write_xlsx(folder / "安监10月台账.xlsx", {"Sheet1": [HEADER[:5], [1, "西安监罚〔2025〕1号", "甲", DECIDED, LATE]]})
    _, payload, _ = cli_check(tmp_path, tmp_path / "in", "2025-11-28")
    assert _units(payload)["西安监罚〔2025〕1号"][0] != "区政府办"


def test_a_police_station_named_with_the_district_without_qu_is_the_branchs(tmp_path):
    """Probe 71 H5: 西塞山公安分局澄月派出所 in 区公安分局's ledger was a unit of its own, ranked last with the branch's
    overdue decision (西塞山公安分局 is how the police branch is usually written: the district without 区)."""
    rows = [[1, "西公(治)行罚决字〔2025〕501号", "甲", DECIDED, ON_TIME, "区公安分局"],
            [2, "西公(治)行罚决字〔2025〕503号", "乙", DECIDED, None, "西塞山公安分局澄月派出所"],
            [3, "西公(治)行罚决字〔2025〕505号", "丙", DECIDED, LATE, "西塞山公安分局黄思湾派出所"]]
    _, payload, _ = cli_check(tmp_path, write_xlsx(tmp_path / "区公安分局_10月行政处罚.xlsx", {"行政处罚": [HEADER, *rows]}),
                              "2025-11-28")
    assert {u for u, _, _ in _units(payload).values()} == {"区公安分局"}, _units(payload)
    assert sum(i["code"] == "unit-section" for r in payload["records"] for i in r["issues"]) == 2
    assert {line["unit"] for line in payload["units"]} == {"区公安分局", "合计"}
