"""Whom a website list speaks for: another district's office on a city platform, the unit named only above a
list's header, and the period a list says it holds. Each wrong answer here was a false 网站未见 (an accusation)
or a hidden one (无法核对). Real files in tmp_path, the real CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

D = dt.date
LEDGER = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期"]
CREDIT = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"]


def run(tmp_path: Path, ledger_rows: list[list], online: Path) -> dict:
    folder = tmp_path / "led"
    folder.mkdir(exist_ok=True)
    write_xlsx(folder / "区安监局_处罚台账.xlsx", {"处罚": [LEDGER, *ledger_rows]})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(folder), "--online", str(online), "--as-of", "2024-09-30",
                                       "--no-history", "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    return json.loads(out.read_text(encoding="utf-8"))


def results(data: dict) -> dict:
    return {r["document_number"]: (r["status"], r["online"]["result"]) for r in data["records"]}


OURS = [[1, "西安监罚〔2024〕5号", "黄石甲公司", D(2024, 3, 11), D(2024, 3, 14)]]


def test_another_districts_office_on_a_city_list_is_not_ours(tmp_path):
    """Only 黄石港区安全生产监督管理局's rows (港安监罚): by spelling it was our 区安监局, so 5号 was 网站未见 and
    their decisions our 台账未登记. Their numbers' issuer is not ours: the list does not speak for us."""
    online = write_xlsx(tmp_path / "信用黄石_行政处罚导出.xlsx", {"导出": [CREDIT,
        ["港安监罚〔2024〕1号", "黄石港乙公司", "2024-01-05", "2024-01-09", "黄石港区安全生产监督管理局"],
        ["港安监罚〔2024〕20号", "黄石港丙公司", "2024-08-05", "2024-08-09", "黄石港区安全生产监督管理局"]]})
    data = run(tmp_path, OURS, online)
    assert results(data) == {"西安监罚〔2024〕5号": ("on_time", "not-verifiable")}
    assert {o["unit"] for o in data["online_only"]} == {"黄石港区安全生产监督管理局"}


def test_a_city_list_with_two_districts_still_speaks_for_ours(tmp_path):
    """西塞山区 and 黄石港区 offices on one list: the bare 区安监局 merged with neither, and 8号, missing from the
    list, was 无法核对 (a 网站未见 hidden). Our numbers' issuer (西安监罚) says which is ours."""
    online = write_xlsx(tmp_path / "信用黄石_行政处罚导出.xlsx", {"导出": [CREDIT,
        ["西安监罚〔2024〕1号", "黄石丁公司", "2024-01-05", "2024-01-09", "西塞山区安全生产监督管理局"],
        ["西安监罚〔2024〕20号", "黄石戊公司", "2024-08-05", "2024-08-09", "西塞山区安全生产监督管理局"],
        ["港安监罚〔2024〕3号", "黄石港乙公司", "2024-03-05", "2024-03-09", "黄石港区安全生产监督管理局"]]})
    rows = [[1, "西安监罚〔2024〕1号", "黄石丁公司", D(2024, 1, 5), D(2024, 1, 9)],
            [2, "西安监罚〔2024〕8号", "黄石甲公司", D(2024, 3, 12), D(2024, 3, 15)],
            [3, "西安监罚〔2024〕20号", "黄石戊公司", D(2024, 8, 5), D(2024, 8, 9)]]
    data = run(tmp_path, rows, online)
    assert results(data)["西安监罚〔2024〕8号"] == ("overdue", "not-found")
    assert [o["document_number"] for o in data["online_only"]] == ["港安监罚〔2024〕3号"]
    # 逾期清单 says why a decision the ledger dates is 逾期未公开 (its 公开日期 cell is blank there)
    [row] = [r for r in openpyxl.load_workbook(tmp_path / "r.xlsx")["逾期清单"].iter_rows(values_only=True)
             if "西安监罚〔2024〕8号" in r]
    # ... and gives the ledger's date (probe 58 L3: the clerk had to look it up on 全部记录)
    assert "逾期未公开（台账填的公开日期 2024-03-15，网站清单中没有）" in row, row


def test_a_list_whose_unit_is_named_only_above_its_header_speaks_for_that_unit_only(tmp_path):
    """Another office's sheet passed as --online, its unit in a 填报单位 line: every record of ours was 网站未见."""
    online = write_xlsx(tmp_path / "2024年行政处罚台账.xlsx", {"Sheet1": [["填报单位：区环保局"], LEDGER,
        [1, "西环罚〔2024〕1号", "黄石丙化工有限公司", "2024-01-05", "2024-01-10"],
        [2, "西环罚〔2024〕3号", "黄石戊化工有限公司", "2024-08-06", "2024-08-12"]]})
    data = run(tmp_path, OURS, online)
    assert results(data) == {"西安监罚〔2024〕5号": ("on_time", "not-verifiable")}


def test_a_stated_period_of_decisions_covers_a_record_decided_within_it(tmp_path):
    """统计期间 01-01 to 03-31 (处罚决定日期): 5号 (03-11) is missing from it, though its latest entry is 03-08:
    网站未见, not 无法核对 (the stated period says no March decision was filtered out)."""
    online = write_xlsx(tmp_path / "信用西塞山_导出.xlsx", {"导出": [
        ["统计期间：2024年1月1日至2024年3月31日（处罚决定日期）"], ["导出时间：2024-09-20"], CREDIT,
        ["西安监罚〔2024〕1号", "黄石丁公司", "2024-01-05", "2024-01-09", "区安监局"],
        ["西安监罚〔2024〕2号", "黄石乙公司", "2024-03-08", "2024-04-10", "区安监局"]]})
    data = run(tmp_path, OURS, online)
    assert results(data) == {"西安监罚〔2024〕5号": ("overdue", "not-found")}


def test_the_terminals_count_of_records_to_check_is_the_sheets(tmp_path):
    """With --online, 无法核对 records carry a word on how they were judged (按台账判定), which asks nothing of
    the unit: the terminal said 需核实 38 while 数据问题 listed 80 rows typed 需核实. Now the sheet types those
    说明, and the terminal says how many more the sheet lists."""
    online = write_xlsx(tmp_path / "信用西塞山_导出.xlsx", {"导出": [CREDIT,
        ["西安监罚〔2024〕1号", "黄石丁公司", "2024-01-05", "2024-01-09", "区安监局"],
        ["西安监罚〔2024〕2号", "黄石乙公司", "2024-03-08", "2024-03-12", "区安监局"]]})
    rows = [[1, "西安监罚〔2024〕1号", "黄石丁公司", D(2024, 1, 5), D(2024, 1, 9)],
            [2, "西安监罚〔2024〕3号", "黄石丙公司", D(2024, 2, 5), None],  # in the list's span, missing: 网站未见
            [3, "西安监罚〔2024〕5号", "黄石甲公司", D(2024, 6, 11), D(2024, 6, 14)],  # after it: 无法核对
            [4, "西安监罚〔2024〕6号", "黄石戊公司", "2024-02-30", None]]  # 数据有误
    folder = tmp_path / "led"
    folder.mkdir()
    write_xlsx(folder / "区安监局_处罚台账.xlsx", {"处罚": [LEDGER, *rows]})
    result = CliRunner().invoke(main, ["check", str(folder), "--online", str(online), "--as-of", "2024-09-30",
                                       "--no-history", "-o", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 1, result.output
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["数据问题"]
    kinds = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] in ("需核实", "数据有误", "说明")]
    line = next(line for line in result.output.splitlines() if line.startswith("需核实的"))
    asked = kinds.count("需核实") + kinds.count("数据有误")
    assert line.startswith(f"需核实的 {asked} 条（数据有误 {kinds.count('数据有误')} 条）"), (line, kinds)
    assert kinds.count("说明") >= 1 and f"另列出 {kinds.count('说明')} 条" in line, (line, kinds)


def test_the_same_number_and_day_under_the_city_bureaus_name_with_the_legal_form_short_is_one_decision(tmp_path):
    """The city bureau's list writes 黄石乙贸易公司 where the ledger has 黄石乙贸易有限公司: taken for another decision,
    the record was 无法核对 (a late publication hidden) and the entry 台账未登记."""
    online = write_xlsx(tmp_path / "信用黄石_导出.xlsx", {"导出": [CREDIT,
        ["西市监罚〔2024〕1号", "黄石零有限公司", "2024-01-05", "2024-01-09", "黄石市市场监督管理局"],
        ["西市监罚〔2024〕5号", "黄石乙贸易公司", "2024-03-11", "2024-05-20", "黄石市市场监督管理局"],
        ["西市监罚〔2024〕20号", "黄石末有限公司", "2024-08-05", "2024-08-09", "黄石市市场监督管理局"]]})
    data = run(tmp_path, [[1, "西市监罚〔2024〕5号", "黄石乙贸易有限公司", D(2024, 3, 11), D(2024, 3, 14)]], online)
    assert results(data) == {"西市监罚〔2024〕5号": ("late", "date-differs")}
    assert "西市监罚〔2024〕5号" not in [o["document_number"] for o in data["online_only"]]


def test_a_list_that_says_it_is_one_page_of_several_accuses_no_one(tmp_path):
    """第1页 共3页 under the entries: what the page lacks may be on the next two. 5号 was 网站未见 (逾期未公开)."""
    entries = [["西安监罚〔2024〕1号", "黄石丁公司", "2024-01-05", "2024-01-09", "区安监局"],
               ["西安监罚〔2024〕20号", "黄石戊公司", "2024-08-05", "2024-08-09", "区安监局"]]
    for footer, expected in (("第1页 共3页", ("on_time", "not-verifiable")), ("第1页 共1页", ("overdue", "not-found")),
                             ("共25条记录", ("on_time", "not-verifiable"))):
        (tmp_path / footer).mkdir()
        online = write_xlsx(tmp_path / footer / "信用西塞山_导出.xlsx", {"导出": [CREDIT, *entries, [footer]]})
        data = run(tmp_path / footer, OURS, online)
        assert results(data) == {"西安监罚〔2024〕5号": expected}, footer
        said = [n for item in data["online_lists"] for n in item.get("notes", [])]
        assert bool(said) == (expected[1] == "not-verifiable"), (footer, said)
        # the footer is no unregistered entry
        assert sorted(o["document_number"] for o in data["online_only"]) == ["西安监罚〔2024〕1号", "西安监罚〔2024〕20号"]


def test_every_page_of_an_export_on_a_sheet_of_its_own_is_the_whole_list(tmp_path):
    """第1页 共2页 and 第2页 共2页, each under its sheet's entries: the list is whole, so 5号, on neither page,
    is 网站未见; the footers are no entries (they were 台账未登记 of a unit called 未知单位)."""
    first = [["西安监罚〔2024〕1号", "黄石丁公司", "2024-01-05", "2024-01-09", "区安监局"], ["第1页 共2页"]]
    second = [["西安监罚〔2024〕20号", "黄石戊公司", "2024-08-05", "2024-08-09", "区安监局"], ["第2页 共2页"]]
    online = write_xlsx(tmp_path / "信用西塞山_导出.xlsx", {"第1页": [CREDIT, *first], "第2页": [CREDIT, *second]})
    data = run(tmp_path, OURS, online)
    assert results(data) == {"西安监罚〔2024〕5号": ("overdue", "not-found")}
    assert sorted(o["document_number"] for o in data["online_only"]) == ["西安监罚〔2024〕1号", "西安监罚〔2024〕20号"]


@pytest.mark.parametrize("ledger_party, list_party, list_day", [
    ("黄石市辛子建材有限公司", "黄石辛子建材有限公司", "2024-03-12"),  # the place written short, the day a day later
    ("张某", "张三", "2024-03-12"),  # the ledger masks the name; the site's decision date a day later
])
def test_one_number_of_one_unit_is_never_both_unseen_and_unregistered(tmp_path, ledger_party, list_party, list_day):
    """The same number of the same unit, the party written a little otherwise: taken for another decision,
    the record was 网站未见 (逾期未公开) and the site's entry 台账未登记, one decision counted against the unit twice."""
    online = write_xlsx(tmp_path / "信用西塞山_导出.xlsx", {"导出": [CREDIT,
        ["西安监罚〔2024〕1号", "黄石丁公司", "2024-01-05", "2024-01-09", "区安监局"],
        ["西安监罚〔2024〕5号", list_party, list_day, "2024-03-14", "区安监局"]]})
    data = run(tmp_path, [[1, "西安监罚〔2024〕5号", ledger_party, D(2024, 3, 11), D(2024, 3, 14)]], online)
    status, result = results(data)["西安监罚〔2024〕5号"]
    assert result != "not-found" and status != "overdue", (status, result)
    assert "西安监罚〔2024〕5号" not in [o["document_number"] for o in data["online_only"]]


def test_an_entry_of_a_unit_whose_ledger_was_not_read_is_said_so_not_as_unregistered(tmp_path):
    # probe p82 M1: a district-wide list beside one unit's ledger listed 区发改局's entries as "本单位台账中没有这条记录"
    online = write_xlsx(tmp_path / "信用网站.xlsx", {"处罚": [CREDIT,
        ["西安监罚〔2024〕5号", "黄石甲公司", "2024-03-11", "2024-03-14", "西塞山区安全生产监督管理局"],
        ["西安监罚〔2024〕6号", "黄石乙公司", "2024-03-12", "2024-03-15", "西塞山区安全生产监督管理局"],
        ["西发改罚〔2024〕1号", "黄石丙公司", "2024-03-12", "2024-03-15", "西塞山区发展和改革局"]]})
    run(tmp_path, OURS, online)
    rows = [[c for c in row if c is not None] for row in
            openpyxl.load_workbook(tmp_path / "r.xlsx", read_only=True)["公开核对"].iter_rows(values_only=True)]
    [ours] = [" ".join(map(str, r)) for r in rows if "西安监罚〔2024〕6号" in r]
    [theirs] = [" ".join(map(str, r)) for r in rows if "西发改罚〔2024〕1号" in r]
    assert "本单位台账中没有这条记录" in ours, ours
    assert "没有读到该单位的台账" in theirs and "本单位台账中没有" not in theirs, theirs
