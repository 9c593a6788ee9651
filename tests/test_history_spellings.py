"""A unit that writes its name another way next month is still the same unit to the follow-up (整改跟踪).

Without compliance.toml [units], a run names a unit by the spelling its records use (区安监局 in October,
西塞山区安全生产监督管理局 in November). The items carried from October must still be found in
November's ledger: a decision published since is 销号, and one that vanished from the ledger is 台账中消失,
not a false 仍未整改 under a name the unit no longer uses. Real files, real CLI, a real SQLite store.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

D = dt.date
HEADER = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "网上公示日期"]


def month(tmp_path: Path, name: str, period: str, as_of: str, file_name: str, rows: list[list]) -> dict:
    folder = tmp_path / name
    folder.mkdir()
    write_xlsx(folder / file_name, {"Sheet1": [HEADER, *rows]})
    out = tmp_path / f"{name}.json"
    result = CliRunner().invoke(main, ["check", str(folder), "--month", period, "--as-of", as_of,
                                       "--db", str(tmp_path / "h.sqlite"), "-o", str(tmp_path / f"{name}.xlsx"),
                                       "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    return json.loads(out.read_text(encoding="utf-8"))


OCTOBER = [["西安监罚〔2016〕1号", "甲公司", D(2016, 10, 8), None],  # overdue by 11-30: carried into November
           ["西安监罚〔2016〕2号", "乙公司", D(2016, 10, 10), D(2016, 10, 12)],
           ["西安监罚〔2016〕3号", "丙公司", D(2016, 10, 9), None]]  # overdue by 11-30: carried into November


def states(payload: dict) -> dict[str, tuple[str, str]]:
    return {i["document_number"]: (i["state"], i["unit"]) for i in payload["history"]["carried_over"]}


def test_an_item_published_since_is_closed_though_the_unit_now_writes_its_full_name(tmp_path):
    october = month(tmp_path, "十月", "2016-10", "2016-11-30", "区安监局_行政处罚.xlsx", OCTOBER)
    assert {r["unit"] for r in october["records"]} == {"区安监局"}
    november = month(tmp_path, "十一月", "2016-11", "2016-12-30", "西塞山区安全生产监督管理局_行政处罚.xlsx", [
        ["西安监罚〔2016〕1号", "甲公司", D(2016, 10, 8), D(2016, 12, 3)],  # 补公开
        OCTOBER[1],  # the cumulative copy still holds October's other rows …
        # … and no longer holds 3号, unpublished: 台账中消失
        ["西安监罚〔2016〕4号", "丁公司", D(2016, 11, 7), D(2016, 11, 8)]])
    assert {r["unit"] for r in november["records"]} == {"西塞山区安全生产监督管理局"}
    found = states(november)
    assert found["西安监罚〔2016〕1号"][0] == "resolved"
    assert found["西安监罚〔2016〕3号"][0] == "dropped"
    # one name per unit in the follow-up: the run's, as in the rest of the report
    assert {unit for _, unit in found.values()} == {"西塞山区安全生产监督管理局"}
    # probe: its October rate under the old name was lost (上期及时公开率 blank, as if it had not sent)
    unit = next(u for u in november["history"]["units"] if u["unit"] == "西塞山区安全生产监督管理局")
    assert abs(unit["previous_rate"] - 1 / 3) < 1e-9  # October: 2号 on time, 1号 and 3号 overdue


def test_two_offices_of_the_same_kind_in_two_districts_are_never_taken_for_each_other(tmp_path):
    """A city's run: 西塞山区人社局's October item is not found in 黄石港区人社局's November ledger."""
    month(tmp_path, "十月", "2016-10", "2016-11-30", "西塞山区人社局_行政处罚.xlsx", OCTOBER[:1])
    november = month(tmp_path, "十一月", "2016-11", "2016-12-30", "黄石港区人社局_行政处罚.xlsx", [
        ["西安监罚〔2016〕1号", "甲公司", D(2016, 10, 8), D(2016, 12, 3)]])
    assert states(november) == {"西安监罚〔2016〕1号": ("open", "西塞山区人社局")}


def test_a_renamed_unit_without_open_items_keeps_its_rate_and_two_offices_never_merge_theirs(tmp_path):
    # fourth review: the previous rate followed a new name only where the unit had open items; and two
    # districts' 区人社局 both taken for this run's 区人社局 crashed --json (two rates for one unit)
    month(tmp_path, "十月", "2016-10", "2016-11-30", "区安监局_行政处罚.xlsx", [OCTOBER[1]])
    november = month(tmp_path, "十一月", "2016-11", "2016-12-30", "西塞山区安全生产监督管理局_行政处罚.xlsx",
                     [["西安监罚〔2016〕4号", "丁公司", D(2016, 11, 7), D(2016, 11, 8)]])
    assert [u["previous_rate"] for u in november["history"]["units"]] == [1.0]
    other = tmp_path / "two"
    (other / "十月").mkdir(parents=True)
    write_xlsx(other / "十月" / "西塞山区人社局_行政处罚.xlsx", {"Sheet1": [HEADER, OCTOBER[0]]})
    write_xlsx(other / "十月" / "黄石港区人社局_行政处罚.xlsx", {"Sheet1": [HEADER, OCTOBER[1]]})
    result = CliRunner().invoke(main, ["check", str(other / "十月"), "--month", "2016-10", "--as-of", "2016-11-30",
                                       "--db", str(other / "h.sqlite"), "-o", str(other / "r10.xlsx"), "-q"])
    assert result.exit_code == 1, result.output
    november = month(other, "十一月", "2016-11", "2016-12-30", "区人社局_行政处罚.xlsx",
                     [["西人社罚〔2016〕4号", "丁公司", D(2016, 11, 7), D(2016, 11, 8)]])
    assert [u["previous_rate"] for u in november["history"]["units"] if u["unit"] == "区人社局"] == [None]


RENAMED = [["西安监罚〔2016〕1号", "甲公司", D(2016, 10, 8), D(2016, 12, 3)],  # 补公开 under the new name
           OCTOBER[1]]  # the cumulative ledger still holds 2号 and no longer 3号: 台账中消失


def test_a_unit_renamed_with_an_alias_declared_only_at_the_rename_is_followed(tmp_path):
    # 区安监局 becomes 区应急管理局 in November; 法制办 declares the alias then, not in October. The items stored
    # under the old name are followed under the new one: 1号 已整改, 3号 台账中消失, and no 未报送 for 区安监局.
    month(tmp_path, "十月", "2016-10", "2016-11-30", "区安监局_行政处罚.xlsx", OCTOBER)
    config = tmp_path / "compliance.toml"
    config.write_text('[units]\n"区应急管理局" = ["区安监局"]\n', encoding="utf-8")
    folder = tmp_path / "十一月"
    folder.mkdir()
    write_xlsx(folder / "区应急管理局_行政处罚.xlsx", {"Sheet1": [HEADER, *RENAMED]})
    result = CliRunner().invoke(main, ["check", str(folder), "--month", "2016-11", "--as-of", "2016-12-30",
                                       "--db", str(tmp_path / "h.sqlite"), "--config", str(config),
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(tmp_path / "r.json")])
    assert result.exit_code == 1, result.output
    november = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert states(november) == {"西安监罚〔2016〕1号": ("resolved", "区应急管理局"),
                                "西安监罚〔2016〕3号": ("dropped", "区应急管理局")}
    assert "未报送" not in result.output and "补报" not in result.output, result.output


def test_a_unit_renamed_without_an_alias_is_followed_by_its_decisions_numbers(tmp_path):
    # No [units]: 区应急管理局's ledger holds 区安监局's numbers (西安监罚…), which name their issuer. It is the
    # same unit under a new name, followed as such and said; 1号 was not 至今逾期未公开 (it was published 12-03).
    month(tmp_path, "十月", "2016-10", "2016-11-30", "区安监局_行政处罚.xlsx", OCTOBER)
    folder = tmp_path / "十一月"
    folder.mkdir()
    write_xlsx(folder / "区应急管理局_行政处罚.xlsx", {"Sheet1": [HEADER, *RENAMED]})
    result = CliRunner().invoke(main, ["check", str(folder), "--month", "2016-11", "--as-of", "2016-12-30",
                                       "--db", str(tmp_path / "h.sqlite"), "-o", str(tmp_path / "r.xlsx"),
                                       "--json", str(tmp_path / "r.json")])
    november = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert states(november) == {"西安监罚〔2016〕1号": ("resolved", "区应急管理局"),
                                "西安监罚〔2016〕3号": ("dropped", "区应急管理局")}
    assert "单位名称与上期不同，按同一单位跟踪：区安监局 → 区应急管理局" in result.output
    assert "未报送" not in result.output and "补报" not in result.output, result.output


def _renamed_then_dropped(tmp_path, published_in_november) -> dict:
    # October under 区安监局; November under the full name, 3号 still unpublished by its as-of date (or given a day
    # after it); December's cumulative ledger holds October's other rows but no 3号 any more
    month(tmp_path, "十月", "2016-10", "2016-11-30", "区安监局_行政处罚.xlsx", OCTOBER)
    full = "西塞山区安全生产监督管理局_行政处罚.xlsx"
    november = [OCTOBER[0], OCTOBER[1], OCTOBER[2][:3] + [published_in_november],
                ["西安监罚〔2016〕4号", "丁公司", D(2016, 11, 7), D(2016, 11, 8)]]
    assert states(month(tmp_path, "十一月", "2016-11", "2016-11-30", full, november))["西安监罚〔2016〕3号"][0] == "open"
    return month(tmp_path, "十二月", "2016-12", "2016-12-30", full, [november[0], november[1], november[3]])


def test_a_row_dropped_a_month_after_the_unit_was_renamed_is_said_to_have_vanished(tmp_path):
    # probe p80 H1: October's rows were looked for under the new name only, so the ledger was not known to
    # hold October: a day given in November that had come closed the item (已整改), and the run passed
    item = next(i for i in _renamed_then_dropped(tmp_path, D(2016, 12, 5))["history"]["carried_over"]
                if i["document_number"] == "西安监罚〔2016〕3号")
    assert item["state"] == "dropped", item
    assert "却没有了" in item["note"], item


def test_a_row_dropped_a_month_after_the_unit_was_renamed_is_never_said_not_read(tmp_path):
    # … and without a day: 仍未整改 with "本期未读到这一条（未报送，或台账不含该月份）", though the ledger holds October
    item = next(i for i in _renamed_then_dropped(tmp_path, None)["history"]["carried_over"]
                if i["document_number"] == "西安监罚〔2016〕3号")
    assert item["state"] == "dropped", item
    assert "未报送" not in item["note"], item


def test_a_renamed_unit_whose_file_cannot_be_read_is_never_said_not_to_have_sent(tmp_path):
    # probe p80 M3: its items stayed under the stored name, whose line said 未报送 beside 文件无法读取 under the new one
    october = tmp_path / "十月"
    october.mkdir()
    write_xlsx(october / "区安监局_行政处罚.xlsx", {"Sheet1": [HEADER, *OCTOBER]})
    write_xlsx(october / "区人社局_行政处罚.xlsx", {"Sheet1": [HEADER, ["西人社罚〔2016〕1号", "戊", D(2016, 10, 10), D(2016, 10, 11)]]})
    run = ["--db", str(tmp_path / "h.sqlite")]
    assert CliRunner().invoke(main, ["check", str(october), "--month", "2016-10", "--as-of", "2016-11-30", *run,
                                     "-o", str(tmp_path / "10.xlsx")]).exit_code == 1
    november = tmp_path / "十一月"
    november.mkdir()
    whole = write_xlsx(tmp_path / "whole.xlsx", {"Sheet1": [HEADER, *OCTOBER]}).read_bytes()
    (november / "西塞山区安全生产监督管理局_行政处罚.xlsx").write_bytes(whole[:len(whole) // 2])  # cut off in transit
    write_xlsx(november / "区人社局_行政处罚.xlsx", {"Sheet1": [HEADER, ["西人社罚〔2016〕2号", "己", D(2016, 11, 7), D(2016, 11, 8)]]})
    result = CliRunner().invoke(main, ["check", str(november), "--month", "2016-11", "--as-of", "2016-12-30", *run,
                                       "-o", str(tmp_path / "11.xlsx"), "--json", str(tmp_path / "11.json")])
    assert result.exit_code == 1, result.output
    assert "未报送" not in result.output and "文件无法读取：西塞山区安全生产监督管理局" in result.output, result.output
    payload = json.loads((tmp_path / "11.json").read_text(encoding="utf-8"))
    lines = [dict(zip(payload["unit_summary"]["columns"], row)) for row in payload["unit_summary"]["rows"]]
    assert "区安监局" not in {line["单位"] for line in lines}, lines
    broken = next(line for line in lines if line["单位"] == "西塞山区安全生产监督管理局")
    assert broken["类别"] == "文件无法读取" and broken["上期遗留"] == 2, broken  # 1号 and 3号, counted on its line
    total = next(line for line in lines if line["单位"] == "合计")
    assert sum(line["上期遗留"] or 0 for line in lines if line["单位"] != "合计") == total["上期遗留"], lines


def test_an_unreadable_file_under_a_third_spelling_never_keeps_a_renamed_units_items_apart(tmp_path):
    # review rev61 H1: February under 西塞山区人力资源和社会保障局; March's readable 区人社局.xlsx and a broken
    # 区人力资源和社会保障局_许可.xlsx: the stored name met two spellings and was renamed to neither (未报送, 仍未整改)
    header = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期"]
    run = ["--db", str(tmp_path / "h.sqlite")]
    february = tmp_path / "二月"
    february.mkdir()
    write_xlsx(february / "西塞山区人力资源和社会保障局.xlsx", {"Sheet1": [header, [1, None, "甲公司", D(2026, 2, 2), None]]})
    assert CliRunner().invoke(main, ["check", str(february), "--month", "2026-02", "--as-of", "2026-03-31", *run,
                                     "-o", str(tmp_path / "2.xlsx")]).exit_code == 1
    march = tmp_path / "三月"
    march.mkdir()
    write_xlsx(march / "区人社局.xlsx", {"Sheet1": [header, [1, None, "甲公司", D(2026, 2, 2), D(2026, 3, 20)],
                                                   [2, "西人社罚〔2026〕2号", "乙公司", D(2026, 3, 2), D(2026, 3, 5)]]})
    (march / "区人力资源和社会保障局_许可.xlsx").write_bytes(b"PK\x03\x04garbage" * 10)
    result = CliRunner().invoke(main, ["check", str(march), "--month", "2026-03", "--as-of", "2026-04-30", *run,
                                       "-o", str(tmp_path / "3.xlsx"), "--json", str(tmp_path / "3.json")])
    payload = json.loads((tmp_path / "3.json").read_text(encoding="utf-8"))
    [item] = payload["history"]["carried_over"]
    assert item["state"] == "resolved", item  # published 03-20, late
    assert "未报送：西塞山区人力资源和社会保障局" not in result.output, result.output
