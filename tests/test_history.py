"""The history walk (issue 23): October, November, December, and November again, through the real CLI.

Ledgers are real .xlsx files (tests/history_ledgers.py). The walk runs twice: on a real SQLite file in
tmp_path, and on a real PostgreSQL server that the tests start themselves (tests/postgres_server.py).
"""

from __future__ import annotations

import json

import openpyxl
import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.history.queries import trend_table
from tests.history_ledgers import RUNS, write_month


def _check(tmp_path, month: str, as_of: str, *extra: str, db=None):
    folder = tmp_path / month
    if not folder.exists():
        write_month(folder, month)
    result = CliRunner().invoke(main, ["check", str(folder), "--month", month, "--as-of", as_of,
                                       "--db", str(db or tmp_path / "h.sqlite"), "--out", str(tmp_path / f"r{month}.xlsx"),
                                       "--json", str(tmp_path / f"r{month}.json"), *extra])
    payload = json.loads((tmp_path / f"r{month}.json").read_text(encoding="utf-8"))
    return result, payload


def _history(tmp_path, *args: str, db=None):
    result = CliRunner().invoke(main, ["history", *args, "--db", str(db or tmp_path / "h.sqlite"), "--json", "-"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # warnings go to stderr


def new_store(backend: str, tmp_path, request) -> str:
    """An empty store of ``backend``: a file path, or a fresh database on the session's PostgreSQL server."""
    if backend == "sqlite":
        return str(tmp_path / "h.sqlite")
    return request.getfixturevalue("postgres_cluster").new_database()


def _states(payload) -> dict[str, str]:
    return {item["document_number"] or item["party"]: item["state"] for item in payload["history"]["carried_over"]}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def walk(request, tmp_path_factory):
    """The walk on each backend: (folder, results by month, the store's --db)."""
    tmp_path = tmp_path_factory.mktemp("walk")
    db = new_store(request.param, tmp_path, request)
    out = {}
    for _, month, as_of in RUNS:
        out[month] = _check(tmp_path, month, as_of, db=db)
    out["list_before"] = _history(tmp_path, "list", db=db)
    out["rerun"] = _check(tmp_path, "2016-11", "2016-12-26", db=db)
    return tmp_path, out, db


def test_october_is_the_first_period(walk):
    tmp_path, out, _ = walk
    result, payload = out["2016-10"]
    assert result.exit_code == 1  # overdue records
    assert payload["history"]["previous_period"] is None and payload["history"]["carried_over"] == []
    assert "历史：本期 2016-10 为首次记录，下期起跟踪本期未整改的 6 条。" in result.output
    # on paper too: no 上期遗留 0 / 本期销号 0 (read as "all fixed"), and 整改跟踪 says there is no previous period
    book = openpyxl.load_workbook(tmp_path / "r2016-10.xlsx")
    rows = list(book["汇总"].iter_rows(values_only=True))
    header = next(r for r in rows if r and r[0] == "排名")
    totals = next(r for r in rows if r and r[1] == "合计")
    assert [totals[header.index(h)] for h in ("上期遗留", "本期销号", "仍未整改", "台账中消失")] == [None] * 4
    subtitle = [c for c in list(book["整改跟踪"].iter_rows(values_only=True))[1] if c][0]
    assert subtitle.startswith("本期 2016-10 为首次记录，没有上期"), subtitle


def test_november_gives_every_state(walk):
    _, out, _ = walk
    result, payload = out["2016-11"]
    assert _states(payload) == {
        "西安监罚〔2016〕2号": "resolved",   # published 2016-11-20 in the cumulative copy (补公开)
        "西安监罚〔2016〕3号": "dropped",    # gone from the copy that still holds its other October rows
        "西安监罚〔2016〕4号": "corrected",  # a publication date before the decision, fixed
        "西安监罚〔2016〕5号": "open",       # was pending, is now overdue
        "西人社许〔2016〕2号": "open",       # monthly ledger: October is not in November's file
        "张三": "resolved",                 # no number: found by party in the 整改 sheet
    }
    items = {i["document_number"] or i["party"]: i for i in payload["history"]["carried_over"]}
    assert items["西安监罚〔2016〕2号"]["published_date"] == "2016-11-20"
    assert items["西安监罚〔2016〕2号"]["status"] == "late"
    # deadline 2016-11-07; 11-08..11-18 are 9 working days, and Sunday 11-20 counts as Monday 11-21
    assert items["西安监罚〔2016〕2号"]["working_days_late"] == 10
    assert items["西安监罚〔2016〕4号"]["status"] == "on_time" and items["西安监罚〔2016〕4号"]["problem"] == "invalid"
    assert items["西安监罚〔2016〕5号"]["problem"] == "pending" and items["西安监罚〔2016〕5号"]["periods_open"] == 2
    assert result.exit_code == 1
    assert "上期（2016-10）遗留 6 条：已整改 2，已更正 1，仍未整改 2，台账中消失 1。" in result.output
    assert "  台账中消失：区安监局 西安监罚〔2016〕3号（决定日期 2016-10-11）" in result.output
    units = {u["unit"]: u for u in payload["history"]["units"]}
    assert units["区安监局"] == {"unit": "区安监局", "category": "penalty", "rate": 0.5, "previous_rate": 1 / 3,
                                "carried": 4, "resolved": 2, "open": 1, "dropped": 1}
    assert units["区人社局"]["carried"] == 2 and units["区人社局"]["resolved"] == 1
    # 较上期 in the JSON's 汇总: 50% - 33.3% in percentage points, without float noise (16.666666666666664; p80 L6)
    summary = payload["unit_summary"]
    line = next(dict(zip(summary["columns"], r)) for r in summary["rows"] if r[summary["columns"].index("单位")] == "区安监局")
    assert line["较上期"] == 16.666667, line


def test_a_rectification_sheet_covers_no_month(walk):
    """区人社局's 整改 sheet holds only 张三's October row: 西人社许〔2016〕2号 stays open, not dropped."""
    _, out, _ = walk
    assert _states(out["2016-11"][1])["西人社许〔2016〕2号"] == "open"


def test_december_follows_what_november_left(walk):
    _, out, _ = walk
    result, payload = out["2016-12"]
    states = _states(payload)
    assert states == {"西安监罚〔2016〕3号": "dropped", "西安监罚〔2016〕5号": "resolved",
                      "西安监罚〔2016〕7号": "open", "西人社许〔2016〕2号": "open"}
    items = {i["document_number"]: i for i in payload["history"]["carried_over"]}
    assert items["西安监罚〔2016〕3号"]["periods_open"] == 3
    assert items["西安监罚〔2016〕5号"]["published_date"] == "2016-12-20"


def test_rerun_of_november_changes_no_count(walk):
    tmp_path, out, db = walk
    first, again = out["2016-11"][1], out["rerun"][1]
    assert again["summary"] == first["summary"]
    assert again["history"]["units"] == first["history"]["units"]
    assert _states(again) == _states(first)
    listed = {p["period"]: p for p in _history(tmp_path, "list", db=db)["periods"]}
    assert listed["2016-11"]["revision"] == 2 and len(listed["2016-11"]["earlier_revisions"]) == 1
    assert listed["2016-11"]["records"] == 4  # replaced, not added
    assert listed["2016-12"]["stale"] and not listed["2016-10"]["stale"]
    before = {p["period"]: p for p in out["list_before"]["periods"]}
    assert not before["2016-12"]["stale"]


def test_trend_matches_hand_computed_rates(walk):
    tmp_path, _, db = walk
    trend = _history(tmp_path, "trend", "--unit", "区安监局", db=db)
    assert trend["periods"] == ["2016-10", "2016-11", "2016-12"]
    penalty = next(u for u in trend["units"] if u["category"] == "penalty")
    # October: on time 1 of (1 on time + 2 overdue); November: 1 of (1 + 1 overdue); December: 1 of 1
    assert penalty["rates"] == {"2016-10": pytest.approx(1 / 3), "2016-11": 0.5, "2016-12": 1.0}
    assert {u["unit"] for u in trend["units"]} == {"区安监局"}
    whole = _history(tmp_path, "trend", db=db)
    total = next(u for u in whole["units"] if u["unit"] == "合计")
    # October 2 of 6 judged; November 2 of 4; December 2 of 2
    assert total["rates"] == {"2016-10": pytest.approx(1 / 3), "2016-11": 0.5, "2016-12": 1.0}


def test_open_lists_what_is_still_open(walk):
    tmp_path, _, db = walk
    items = _history(tmp_path, "open", db=db)["items"]
    assert {i["document_number"] for i in items} == {"西安监罚〔2016〕3号", "西安监罚〔2016〕7号", "西人社许〔2016〕2号"}
    only = _history(tmp_path, "open", "--unit", "区人社局", db=db)["items"]
    assert [i["document_number"] for i in only] == ["西人社许〔2016〕2号"]


def test_report_has_the_history_sheets_and_columns(walk):
    tmp_path, _, db = walk
    book = openpyxl.load_workbook(tmp_path / "r2016-12.xlsx", read_only=True)
    assert book.sheetnames[:4] == ["汇总", "逾期清单", "整改跟踪", "趋势"]
    header = [c for c in next(book["汇总"].iter_rows(min_row=3, max_row=3, values_only=True))]
    assert header[header.index("上期及时公开率"):header.index("台账中消失") + 1] == [
        "上期及时公开率", "较上期", "上期遗留", "本期销号", "仍未整改", "台账中消失"]
    rows = list(book["整改跟踪"].iter_rows(min_row=4, values_only=True))
    assert sorted(r[2] for r in rows if r[0]) == sorted(["西人社许〔2016〕2号", "西安监罚〔2016〕3号",
                                                        "西安监罚〔2016〕7号", "西安监罚〔2016〕5号"])
    trend = list(book["趋势"].iter_rows(min_row=3, max_row=4, values_only=True))
    assert trend[0][:5] == ("单位", "类别", "2016-10", "2016-11", "2016-12")


def test_no_history_and_plain_runs_leave_no_store(tmp_path):
    folder = write_month(tmp_path / "2016-10", "2016-10")
    db = tmp_path / "h.sqlite"
    for extra in (["--month", "2016-10", "--no-history"], []):
        result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2016-11-25", "--db", str(db),
                                           "--out", str(tmp_path / "r.xlsx"), *extra])
        assert result.exit_code == 1, result.output
        assert not db.exists()
    result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2016-11-25", "--db", str(db),
                                       "--out", str(tmp_path / "r.xlsx"), "--record"])
    assert db.exists() and "已记入历史库" in result.output
    assert [p["period"] for p in _history(tmp_path, "list")["periods"]] == ["2016-11"]  # the as-of month


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_forget_asks_and_marks_later_periods_stale(backend, tmp_path, request):
    db = new_store(backend, tmp_path, request)
    for _, month, as_of in RUNS[:2]:  # October, November: a store of its own, since forget changes it
        _check(tmp_path, month, as_of, db=db)
    refused = CliRunner().invoke(main, ["history", "forget", "2016-10", "--db", db], input="n\n")
    assert "未删除" in refused.output
    # no answer at all (a script, < /dev/null): a usage error telling --yes, not a Ctrl-C's 已中止 (exit 130)
    unanswered = CliRunner().invoke(main, ["history", "forget", "2016-10", "--db", db], input="")
    assert unanswered.exit_code == 2 and "--yes" in unanswered.stderr and "已中止" not in unanswered.output
    # a month written short is the month; one that is none is refused, never "no records of 2016-13"
    bad = CliRunner().invoke(main, ["history", "forget", "2016-13", "--db", db, "--yes"])
    assert bad.exit_code == 2 and "不是有效的月份" in bad.stderr
    done = CliRunner().invoke(main, ["history", "forget", "2016-10", "--db", db, "--yes"])
    assert done.exit_code == 0 and "已删除 2016-10 的记录。" in done.output
    listed = {p["period"]: p for p in _history(tmp_path, "list", db=db)["periods"]}
    assert "2016-10" not in listed and listed["2016-11"]["stale"]


def test_readme_monthly_workflow_prints_what_the_readme_shows(tmp_path, monkeypatch):
    """README 按月检查与整改跟踪: October, then November, on sample_monthly/, with the default store."""
    import re
    import shutil
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("### 按月检查与整改跟踪（历史库）", 1)[1].split("\n### ", 1)[0]
    commands = re.search(r"```bash\n(.*?)```", section, re.S).group(1).strip().splitlines()
    shown = re.search(r"11 月的输出.*?```text\n(.*?)```", section, re.S).group(1)
    shutil.copytree(root / "sample_monthly", tmp_path / "sample_monthly")
    monkeypatch.chdir(tmp_path)
    results = [CliRunner().invoke(main, line.split()[1:]) for line in commands]
    assert [r.exit_code for r in results] == [1, 1]
    assert results[1].stdout == shown
    assert (tmp_path / "reports" / "公开时限历史.sqlite").exists()


def test_export_writes_the_ledger_and_the_trend_and_never_overwrites(walk, tmp_path):
    _, _, db = walk
    target = tmp_path / "整改台账.xlsx"
    args = ["history", "export", str(target), "--db", db]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target, read_only=True)
    assert book.sheetnames == ["整改台账", "趋势"]
    numbers = sorted(r[2] for r in book["整改台账"].iter_rows(min_row=4, values_only=True) if r[0])
    # the latest period is December's first run (November's re-run came after it, and December is stale)
    assert numbers == sorted(["西人社许〔2016〕2号", "西安监罚〔2016〕3号", "西安监罚〔2016〕5号", "西安监罚〔2016〕7号"])
    # 遗留 counts the items carried into the latest period; those first found in it are counted apart
    rows = [r for r in book["整改台账"].iter_rows(min_row=4, values_only=True) if r[0]]
    new = sum(1 for r in rows if r[5] == "2016-12")
    subtitle = next(book["整改台账"].iter_rows(min_row=2, max_row=2, values_only=True))[0]
    assert f"遗留 {len(rows) - new} 条：" in subtitle and f"2016-12 新发现未整改 {new} 条" in subtitle, subtitle
    trend = [r for r in book["趋势"].iter_rows(min_row=4, values_only=True) if r[0]]
    assert [(r[0], r[2], r[3], r[4]) for r in trend][-1] == ("合计", pytest.approx(1 / 3), 0.5, 1.0)
    before = target.read_bytes()
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 2 and "已存在，拒绝覆盖" in again.output
    assert target.read_bytes() == before


def test_the_store_is_named_and_never_with_its_password(walk):
    """JSON history.store and every message name the store; a server's URL appears without its password."""
    _, out, db = walk
    for month in ("2016-10", "2016-11", "2016-12", "rerun"):
        result, payload = out[month]
        assert "已记入历史库 " in result.output
        shown = payload["history"]["store"]
        assert f"已记入历史库 {shown}：" in result.output
        if db.startswith("postgresql://"):
            password = db.split("//", 1)[1].split("@", 1)[0].split(":", 1)[1]
            assert shown == db.replace(f":{password}@", "@")
            assert password not in result.output and password not in json.dumps(payload, ensure_ascii=False)
        else:
            assert shown == db


def test_trend_change_is_in_percentage_points_and_the_sparkline_uses_the_rows_range(walk):
    """81% -> 84% is +3.0 points, not +3.0%; on a fixed 0-100% scale 81/84/86% were three equal bars."""
    tmp_path, _, _ = walk
    sheet = openpyxl.load_workbook(tmp_path / "r2016-12.xlsx")["趋势"]
    header = [c.value for c in sheet[3]]
    row = next(r for r in sheet.iter_rows(min_row=4) if r[0].value == "区安监局")
    change = row[header.index("较上期")]
    assert change.value == pytest.approx(50.0)  # November 50% -> December 100%
    assert "个百分点" in change.number_format and "%" not in change.number_format
    assert row[header.index("走势")].value == "▁▃█"  # 33.3%, 50%, 100%
    summary = openpyxl.load_workbook(tmp_path / "r2016-12.xlsx")["汇总"]
    names = [c.value for c in summary[3]]
    column = names.index("较上期") + 1
    assert "个百分点" in summary.cell(4, column).number_format


@pytest.mark.parametrize("rates, bars", [
    ([0.81, 0.84, 0.86], "▁▃▄"),  # small changes still show (at least 10 points span the eight steps)
    ([0.99, 0.991], "██"),  # 0.1 point is no fall: both at the top
    ([0.0, 1.0], "▁█"),
    ([float("nan"), 0.5, 0.6], " ▁█"),  # a period without a rate is a space
    ([float("nan")], " "),
    ([1.0, 1.0, 1.0], "███"),
])
def test_sparkline_steps(rates, bars):
    import numpy as np

    from compliance.report.sheets.history import sparkline

    assert sparkline(np.array(rates, dtype=float)) == bars


def test_the_district_line_comes_after_every_unit_in_the_trend():
    # it sorted among them by name (区… < 合计 < 西塞山…), in the middle of the printed 趋势 sheet
    rows = [("2016-10", unit, "all", 1.0) for unit in ("西塞山区环保局", "合计", "区编办", "黄石市国土资源局西塞山分局")]
    assert [unit for unit, _, _ in trend_table(rows)[1]] == ["区编办", "西塞山区环保局", "黄石市国土资源局西塞山分局", "合计"]


def test_a_month_forgotten_between_two_recorded_ones_is_named_by_history_open(tmp_path):
    """After `history forget 2016-11`, `history open` only said 2016-12 needs a re-run: the month whose
    problems are no longer followed is named too, as a month never run is."""
    db = str(tmp_path / "h.sqlite")
    for _, month, as_of in RUNS[:3]:
        _check(tmp_path, month, as_of, db=db)
    assert CliRunner().invoke(main, ["history", "forget", "2016-11", "--db", db, "--yes"]).exit_code == 0
    result = CliRunner().invoke(main, ["history", "open", "--db", db])
    assert result.exit_code == 0, result.output
    assert "注意：历史库中没有 2016-11 的记录（从未记录，或已用 history forget 删除）" in result.stderr, result.stderr
    assert "2016-12 需重新运行" in result.stderr
