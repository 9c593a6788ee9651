"""History store safety. A store written by an earlier version keeps that version's number keys (…字第18号, …601号（已送达）).
Read with today's rule, its open items still meet this month's records: otherwise a published decision
stayed open, or a still-open one looked deleted from the ledger (台账中消失). Real .xlsx files, the real CLI,
a real SQLite store."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import openpyxl

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

D = dt.date
HEADER = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期"]


def _month(tmp_path, month: str, as_of: str, rows: list[list], *extra: str) -> dict:
    folder = tmp_path / month
    folder.mkdir()
    write_xlsx(folder / "区综合执法局_行政处罚.xlsx", {"处罚": [HEADER, *rows]})
    out = tmp_path / f"{month}.json"
    result = CliRunner().invoke(main, ["check", str(folder), "--month", month, "--as-of", as_of, "--db",
                                       str(tmp_path / "h.sqlite"), "-o", str(tmp_path / f"{month}.xlsx"),
                                       "--json", str(out), *extra])
    assert result.exit_code in (0, 1), result.output
    return json.loads(out.read_text(encoding="utf-8"))


def test_open_items_stored_under_an_earlier_versions_keys_meet_this_months_records(tmp_path):
    march = [[1, "（2025）西综执罚字第18号", "甲公司", D(2025, 3, 3), None],
             [2, "西综执罚〔2025〕601号（已送达）", "乙公司", D(2025, 3, 3), None]]
    _month(tmp_path, "2025-03", "2025-04-30", march)
    with sqlite3.connect(tmp_path / "h.sqlite") as store:  # as the earlier version keyed them
        # (before 2026-12-06 the year-first form kept its order: 〔2025〕西综执罚字18号; earlier still, with its 第)
        store.execute("UPDATE followups SET number_key = '〔2025〕西综执罚字第18号' WHERE number_key = '西综执罚〔2025〕18号'")
        store.execute("UPDATE followups SET number_key = '西综执罚〔2025〕601号〔已送达〕' WHERE number_key = '西综执罚〔2025〕601号'")
        assert store.execute("SELECT count(*) FROM followups WHERE number_key LIKE '%第18号' OR number_key LIKE '%送达%'").fetchone() == (2,)
    april = [[1, "（2025）西综执罚字第18号", "甲公司", D(2025, 3, 3), D(2025, 5, 8)],
             [2, "西综执罚〔2025〕601号（已送达）", "乙公司", D(2025, 3, 3), None]]
    payload = _month(tmp_path, "2025-04", "2025-05-30", april)
    states = {item["document_number"]: item["state"] for item in payload["history"]["carried_over"]}
    assert states == {"（2025）西综执罚字第18号": "resolved", "西综执罚〔2025〕601号（已送达）": "open"}


def test_history_json_never_replaces_the_store_a_ledger_or_any_file_it_did_not_write(tmp_path):
    """`history open|list|trend --json FILE` wrote over whatever FILE was: the store itself (the whole history
    lost), a ledger. Refused now, as check --json refuses; a JSON of its own it replaces, atomically."""
    _month(tmp_path, "2025-03", "2025-04-30", [[1, "西综执罚〔2025〕1号", "甲公司", D(2025, 3, 3), None]])
    store = tmp_path / "h.sqlite"
    ledger = tmp_path / "2025-03" / "区综合执法局_行政处罚.xlsx"
    kept = {path: path.read_bytes() for path in (store, ledger)}
    for command in ("open", "list", "trend"):
        for target in (store, ledger, tmp_path):
            result = CliRunner().invoke(main, ["history", command, "--db", str(store), "--json", str(target)])
            assert result.exit_code == 2, (command, target, result.output)
            assert "拒绝覆盖" in result.output or "是一个文件夹" in result.output, result.output
            assert "Traceback" not in result.output
    assert {path: path.read_bytes() for path in kept} == kept
    mine = tmp_path / "open.json"
    for _ in range(2):  # the second run replaces the first's own JSON
        result = CliRunner().invoke(main, ["history", "open", "--db", str(store), "--json", str(mine)])
        assert result.exit_code == 0, result.output
        assert json.loads(mine.read_text(encoding="utf-8"))["tool"] == "compliance"


def test_an_item_confirmed_exempt_is_closed_as_the_run_judges_it(tmp_path):
    """March: 2号 overdue. April: the ledger says 不予公开 and compliance.toml confirms it ([exempt] confirmed):
    the run judges it 无需公开, and the follow-up closes it; before, 整改跟踪 kept it 仍未整改 (逾期未公开)
    and the verdict counted it against the unit."""
    rows = [[1, "西综执罚〔2025〕1号", "甲公司", D(2025, 3, 3), D(2025, 3, 10)],
            [2, "西综执罚〔2025〕2号", "乙公司", D(2025, 3, 5), None]]
    _month(tmp_path, "2025-03", "2025-04-30", rows)
    config = tmp_path / "compliance.toml"
    config.write_text('[exempt]\nconfirmed = ["西综执罚〔2025〕2号"]\n', encoding="utf-8")
    rows[1][4] = "不予公开"
    payload = _month(tmp_path, "2025-04", "2025-05-30", rows, "--config", str(config))
    [item] = [i for i in payload["history"]["carried_over"] if i["document_number"] == "西综执罚〔2025〕2号"]
    assert (item["state"], item["status"]) == ("resolved", "exempt")
    result = CliRunner().invoke(main, ["history", "open", "--db", str(tmp_path / "h.sqlite"), "--json", "-"])
    assert [i["document_number"] for i in json.loads(result.stdout)["items"]] == []


def test_history_open_says_an_item_found_pending_is_overdue_now(tmp_path):
    """First recorded as 未到期 in March, overdue by May: `history open` said only 未到期 (a clerk reads it as
    not yet due)."""
    rows = [[1, "西综执罚〔2025〕5号", "甲公司", D(2025, 3, 31), None]]
    _month(tmp_path, "2025-03", "2025-03-31", rows)
    _month(tmp_path, "2025-05", "2025-06-30", rows)
    result = CliRunner().invoke(main, ["history", "open", "--db", str(tmp_path / "h.sqlite")])
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.output.splitlines() if "5号" in line]
    assert "未到期（现为逾期未公开）" in line, line
    data = json.loads(CliRunner().invoke(main, ["history", "open", "--db", str(tmp_path / "h.sqlite"),
                                                "--json", "-"]).stdout)
    assert [(i["problem"], i["status"], i["status_label"]) for i in data["items"]] == [("pending", "overdue", "逾期未公开")]


def test_history_open_for_a_units_old_name_finds_its_items_under_the_new_one(tmp_path):
    """March's ledger came as 区人社局, April's as 西塞山区人力资源和社会保障局: `history open --unit 区人社局` said
    there was nothing open (exit 0), a clean bill for an office with an overdue decision."""
    row = [1, "西人社罚〔2025〕1号", "甲公司", D(2025, 3, 3), None]
    for month, as_of, name in (("2025-03", "2025-03-31", "区人社局"), ("2025-04", "2025-04-30", "西塞山区人力资源和社会保障局")):
        folder = tmp_path / month
        folder.mkdir()
        write_xlsx(folder / f"{name}_行政处罚.xlsx", {"处罚": [HEADER, row]})
        result = CliRunner().invoke(main, ["check", str(folder), "--month", month, "--as-of", as_of, "--db",
                                           str(tmp_path / "h.sqlite"), "-o", str(tmp_path / f"{month}.xlsx"), "-q"])
        assert result.exit_code in (0, 1), result.output
    result = CliRunner().invoke(main, ["history", "open", "--db", str(tmp_path / "h.sqlite"), "--unit", "区人社局"])
    assert result.exit_code == 0, result.output
    assert "西人社罚〔2025〕1号" in result.stdout, result.output


def test_a_numberless_decision_whose_unreadable_date_is_fixed_next_month_is_no_late_report(tmp_path):
    """September's ledger lists 李四 with 见附件 for a date (数据有误, counted in September); October's cumulative
    ledger gives 2025-09-18 (probe 62 F1-F2): it was also called 补报 and counted again in October, and its
    整改跟踪 row read 原问题 逾期未公开 beside 已更正."""
    september = [[1, "无", "李四", "见附件", None]]
    first = _month(tmp_path, "2025-09", "2025-10-31", september)
    assert [r["status"] for r in first["records"]] == ["invalid"]
    october = [[1, "无", "李四", D(2025, 9, 18), None], [2, "西综执罚〔2025〕5号", "王五", D(2025, 10, 9), D(2025, 10, 10)]]
    payload = _month(tmp_path, "2025-10", "2025-11-28", october)
    assert [r["party"] for r in payload["records"]] == ["王五"], payload["records"]  # 李四 is September's
    [item] = payload["history"]["carried_over"]
    assert (item["party"], item["problem"], item["state"], item["status"]) == ("李四", "invalid", "corrected", "overdue")
    november = _month(tmp_path, "2025-11", "2025-12-31", october)
    [item] = november["history"]["carried_over"]  # followed as what it is now: still unpublished
    assert (item["problem"], item["state"]) == ("overdue", "open"), item
    # its 文书号 cell in 整改跟踪 says it has none, as the terminal does, not an empty cell (probe p80 L5)
    sheet = openpyxl.load_workbook(tmp_path / "2025-11.xlsx")["整改跟踪"]
    header = next(r for r in sheet.iter_rows(values_only=True) if "文书号" in r)
    row = next(r for r in sheet.iter_rows(values_only=True) if "李四" in r)
    assert row[header.index("文书号")] == "（无文书号）", row


def _monthly_runs(tmp_path, months: list[tuple[str, str, str]]):
    """(month, as-of, unit) each run in turn with one on-time penalty of that unit, recorded in one store;
    report and JSON as <month>.xlsx / .json. Returns the last run's result."""
    for number, (month, as_of, unit) in enumerate(months, start=1):
        folder = tmp_path / month
        folder.mkdir()
        day = D(int(month[:4]), int(month[5:]), 10)
        write_xlsx(folder / f"{unit}_行政处罚.xlsx", {"处罚": [HEADER, [1, f"西卫罚〔2025〕{number}号", "甲", day, day]]})
        result = CliRunner().invoke(main, ["check", str(folder), "--month", month, "--as-of", as_of, "--db",
                                           str(tmp_path / "h.sqlite"), "-o", str(tmp_path / f"{month}.xlsx"),
                                           "--json", str(tmp_path / f"{month}.json")])
        assert result.exit_code in (0, 1), result.output
    return result


def test_a_renamed_unit_keeps_one_line_on_the_trend_sheet(tmp_path):
    """区卫健委 for two months, then 西塞山区卫生健康委员会 (probe 62 F3): 汇总 followed the rename, 趋势 split the unit
    in two lines, as if one had stopped reporting and another begun."""
    import openpyxl
    months = [("2025-09", "2025-10-31", "区卫健委"), ("2025-10", "2025-11-28", "区卫健委"),
              ("2025-11", "2025-12-31", "西塞山区卫生健康委员会")]
    _monthly_runs(tmp_path, months)
    rows = [r for r in openpyxl.load_workbook(tmp_path / "2025-11.xlsx")["趋势"].iter_rows(values_only=True)]
    units = [r[0] for r in rows[3:] if r[0] and r[0] != "合计"]
    assert units == ["西塞山区卫生健康委员会"], rows


def test_a_unit_spelled_back_and_forth_is_one_unit_every_month_and_on_the_trend(tmp_path):
    """区卫健局, then 区卫生健康委员会, then 区卫健局 again (probe 73): November said 未报送：区卫生健康委员会, had no
    上期 rate for 区卫健局, and `history trend` showed the one office on two lines."""
    import json

    import openpyxl
    months = [("2025-09", "2025-10-31", "区卫健局"), ("2025-10", "2025-11-28", "区卫生健康委员会"),
              ("2025-11", "2025-12-31", "区卫健局")]
    result = _monthly_runs(tmp_path, months)
    assert "未报送" not in result.output, result.output
    november = json.loads((tmp_path / "2025-11.json").read_text(encoding="utf-8"))
    assert [(u["unit"], u["previous_rate"]) for u in november["history"]["units"] if u["unit"] != "合计"] == [
        ("区卫健局", 1.0)]
    trend = CliRunner().invoke(main, ["history", "trend", "--db", str(tmp_path / "h.sqlite"), "--json", "-"])
    lines = {(u["unit"], u["category"]) for u in json.loads(trend.stdout)["units"] if u["unit"] != "合计"}
    assert {unit for unit, _ in lines} == {"区卫健局"}, lines
    rows = [r for r in openpyxl.load_workbook(tmp_path / "2025-11.xlsx")["趋势"].iter_rows(values_only=True)]
    assert [r[0] for r in rows[3:] if r[0] and r[0] != "合计"] == ["区卫健局"], rows


def test_periods_open_counts_the_months_a_month_never_run_included(tmp_path):
    """已持续期数 counted runs: found in 2025-03, still open in 2025-05 with 2025-04 never run, it said 2 and
    the third-month highlight came a month late. The months are counted: 3; and closed in 2025-07, 4 (its
    open months before)."""
    rows = [[1, "西综执罚〔2025〕7号", "甲公司", D(2025, 3, 3), None]]
    _month(tmp_path, "2025-03", "2025-04-30", rows)
    may = _month(tmp_path, "2025-05", "2025-06-30", rows)
    [item] = may["history"]["carried_over"]
    assert (item["state"], item["periods_open"]) == ("open", 3)
    july = _month(tmp_path, "2025-07", "2025-08-29", [[1, "西综执罚〔2025〕7号", "甲公司", D(2025, 3, 3), D(2025, 7, 8)]])
    [item] = july["history"]["carried_over"]
    assert (item["state"], item["periods_open"]) == ("resolved", 4)


def test_a_month_recorded_after_later_ones_is_never_called_the_first_record(tmp_path):
    # probe p80 L3: August run after September and October said "2025-08 为首次记录"
    result = _monthly_runs(tmp_path, [("2025-09", "2025-10-31", "区卫健局"), ("2025-10", "2025-11-28", "区卫健局"),
                                      ("2025-08", "2025-09-30", "区卫健局")])
    assert "历史：本期 2025-08 早于历史库中已记录的各期，下期起跟踪" in result.output, result.output
    assert "首次记录" not in result.output
    sheet = openpyxl.load_workbook(tmp_path / "2025-08.xlsx")["整改跟踪"]
    subtitle = next(v for r in sheet.iter_rows(max_row=3, values_only=True) for v in r if v and str(v).startswith("本期"))
    assert subtitle.startswith("本期 2025-08 早于历史库中已记录的各期，没有上期"), subtitle
