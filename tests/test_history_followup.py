"""Month-to-month follow-up (整改跟踪) on hand-made ledgers: no problem closed or dropped on weak grounds.

Each case runs October and then November through the real CLI on real .xlsx files and a real SQLite
store, and reads the November JSON's carried-over items. The right answer is worked out in each test.
"""

from __future__ import annotations

import csv
import datetime as dt
import json

import openpyxl
from click.testing import CliRunner

from compliance.cli import main
from helpers import PENALTY_HEADER, write_xlsx

HEAD = {"penalty": ("行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期", "处罚机关"),
        "permit": ("行政许可决定文书号", "行政相对人名称", "许可决定日期", "上网公开日期", "许可机关")}
SHEET = {"penalty": "行政处罚", "permit": "行政许可"}


def _day(text):
    """A date cell; a text cell for what is no date (2016-10-32, as a clerk may type it)."""
    try:
        return None if text is None else dt.datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        return text


def ledger(path, category, rows, unit, extra_sheets=()):
    """rows: (number, party, decided, published or None); extra_sheets: (name, rows) more sheets."""
    path.parent.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    for k, (name, sheet_rows) in enumerate([(SHEET[category], rows), *extra_sheets]):
        sheet = book.active if k == 0 else book.create_sheet(name)
        sheet.title = name
        sheet.append(HEAD[category])
        for number, party, decided, published in sheet_rows:
            sheet.append((number, party, _day(decided), _day(published), unit))
    book.save(path)


def month(tmp_path, folder: str, period: str, as_of: str, *extra: str) -> tuple[int, list[dict]]:
    out = tmp_path / f"r{period}.json"
    result = CliRunner().invoke(main, ["check", str(tmp_path / folder), "--month", period, "--as-of", as_of,
                                       "--db", str(tmp_path / "h.sqlite"), "--out", str(tmp_path / f"r{period}.xlsx"),
                                       "--json", str(out), "-q", *extra])
    assert result.exit_code in (0, 1), result.output
    carried = json.loads(out.read_text(encoding="utf-8"))["history"]["carried_over"]
    return result.exit_code, carried


def states(carried: list[dict], key: str = "document_number") -> dict:
    return {item[key]: item["state"] for item in carried}


def online_list(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"])
        writer.writerows(rows)


def test_a_decision_not_found_online_stays_open_until_a_list_shows_it(tmp_path):
    # October: 1号's ledger says online on 10-12, the website list lacks it: 网站未见. November: unchanged.
    # The list runs to 11-22, past 1号's deadline (11-07): a list that ended earlier could not tell.
    rows = [("西安监罚〔2016〕1号", "甲", "2016-10-10", "2016-10-12"), ("西安监罚〔2016〕2号", "乙", "2016-10-11", "2016-10-20"),
            ("西安监罚〔2016〕4号", "丁", "2016-10-20", "2016-11-22")]
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", rows, "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty", rows + [("西安监罚〔2016〕5号", "戊", "2016-11-01", "2016-11-03")],
           "区安监局")
    online_list(tmp_path / "online10.csv", [("西安监罚〔2016〕2号", "乙", "2016-10-11", "2016-10-20", "区安监局"),
                                            ("西安监罚〔2016〕4号", "丁", "2016-10-20", "2016-11-22", "区安监局")])
    month(tmp_path, "10", "2016-10", "2016-11-25", "--online", str(tmp_path / "online10.csv"),
          "--online-since", "2016-10-01")
    # Without a list the ledger's old date proves nothing new: still open, and as it was (逾期未公开); and
    # no "两期台账矛盾": October's ledger had the same date, only the website lacked it.
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    item = {i["document_number"]: i for i in carried}["西安监罚〔2016〕1号"]
    assert (item["problem"], item["state"], item["status"]) == ("not-found", "open", "overdue")
    # late by the working days after its deadline (11-07) up to this run's as-of (12-26), as every overdue
    # item is: not October's 14 days, kept as if time had stood still
    assert item["working_days_late"] == 35
    sheet = openpyxl.load_workbook(tmp_path / "r2016-11.xlsx")["整改跟踪"]
    said = [" ".join(str(c) for c in row if c) for row in sheet.iter_rows(values_only=True)]
    assert not [line for line in said if "西安监罚〔2016〕1号" in line and "矛盾" in line], said
    # A list that shows it closes it (re-run of November with the list).
    online_list(tmp_path / "online11.csv", [("西安监罚〔2016〕2号", "乙", "2016-10-11", "2016-10-20", "区安监局"),
                                            ("西安监罚〔2016〕4号", "丁", "2016-10-20", "2016-11-22", "区安监局"),
                                            ("西安监罚〔2016〕1号", "甲", "2016-10-10", "2016-11-18", "区安监局"),
                                            ("西安监罚〔2016〕5号", "戊", "2016-11-01", "2016-11-03", "区安监局")])
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26", "--online", str(tmp_path / "online11.csv"),
                       "--online-since", "2016-10-01")
    item = {i["document_number"]: i for i in carried}["西安监罚〔2016〕1号"]
    assert (item["state"], item["status"], item["published_date"]) == ("resolved", "late", "2016-11-18")


def test_a_party_retyped_is_the_same_decision_never_a_dropped_one(tmp_path):
    # No numbers: matched by party and date. November retypes （） as () and 张三 as 张 三; 张三 is now online.
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty",
           [("无", "黄石某机械有限公司（西塞山分公司）", "2016-10-10", None), ("无", "张三", "2016-10-11", None),
            ("西安监罚〔2016〕2号", "乙", "2016-10-11", "2016-10-20")], "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty",
           [("无", "黄石某机械有限公司(西塞山分公司)", "2016-10-10", None), ("无", "张 三", "2016-10-11", "2016-11-20"),
            ("西安监罚〔2016〕2号", "乙", "2016-10-11", "2016-10-20"), ("西安监罚〔2016〕3号", "丙", "2016-11-01", "2016-11-02")],
           "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    code, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    assert states(carried, "party") == {"黄石某机械有限公司（西塞山分公司）": "open", "张三": "resolved"}
    assert code == 1  # nothing dropped (no 瞒报 flag), but one item still open: no pass while it is


def test_a_monthly_permit_ledger_is_not_covered_by_the_units_cumulative_penalty_ledger(tmp_path):
    # 区安监局 sends penalties cumulatively and permits monthly. October: 罚1号 and 许1号 overdue.
    # November: 罚1号 deleted from the cumulative ledger (dropped); 许1号 absent as every October permit is.
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2016〕1号", "甲", "2016-10-10", None), ("西安监罚〔2016〕2号", "乙", "2016-10-11", "2016-10-20")], "区安监局")
    ledger(tmp_path / "10" / "区安监局_行政许可.xlsx", "permit",
           [("西安监许〔2016〕1号", "丙", "2016-10-10", None), ("西安监许〔2016〕2号", "丁", "2016-10-12", "2016-10-13")], "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2016〕2号", "乙", "2016-10-11", "2016-10-20"), ("西安监罚〔2016〕3号", "戊", "2016-11-01", "2016-11-03")],
           "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政许可.xlsx", "permit", [("西安监许〔2016〕3号", "己", "2016-11-02", "2016-11-04")],
           "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    code, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    assert states(carried) == {"西安监罚〔2016〕1号": "dropped", "西安监许〔2016〕1号": "open"}
    assert code == 1
    # 整改跟踪 says why each is where it is: the dropped one (the 瞒报 red flag) had an empty 说明
    lines = [" ".join(str(c) for c in row if c is not None)
             for row in openpyxl.load_workbook(tmp_path / "r2016-11.xlsx")["整改跟踪"].iter_rows(values_only=True)]
    [dropped] = [line for line in lines if "西安监罚〔2016〕1号" in line]
    assert "这一条却没有了" in dropped, dropped
    [absent] = [line for line in lines if "西安监许〔2016〕1号" in line]
    assert "本期未读到这一条" in absent, absent


def test_items_listed_again_are_no_proof_that_the_ledger_covers_their_month(tmp_path):
    # A monthly unit: 1号 and 2号 overdue in October. November's workbook holds its November sheet and a
    # 整改情况 sheet with 1号 (now online); a second case re-lists the fixed 1号 on the November sheet.
    october = [("西人社许〔2016〕1号", "甲", "2016-10-10", None), ("西人社许〔2016〕2号", "乙", "2016-10-11", None)]
    fixed = ("西人社许〔2016〕1号", "甲", "2016-10-10", "2016-11-20")
    november = ("西人社许〔2016〕4号", "丁", "2016-11-01", "2016-11-02")
    for case, (rows, extra) in {"sheet": ([november], [("整改情况", [fixed])]), "relisted": ([fixed, november], [])}.items():
        base = tmp_path / case
        ledger(base / "10" / "区人社局_行政许可.xlsx", "permit", october, "区人社局")
        ledger(base / "11" / "区人社局_行政许可.xlsx", "permit", rows, "区人社局", extra_sheets=extra)
        month(base, "10", "2016-10", "2016-11-25")
        code, carried = month(base, "11", "2016-11", "2016-12-26")
        assert states(carried) == {"西人社许〔2016〕1号": "resolved", "西人社许〔2016〕2号": "open"}, case
        assert code == 1, case  # nothing dropped; 2号 still open keeps the month from passing


def test_a_cumulative_zhenggai_sheet_relisting_an_item_closed_before_is_no_proof_either(tmp_path):
    # October: 1号, 2号 and 3号 overdue. November's 整改情况 sheet: 1号 published (closed). December's, kept
    # cumulative: 1号 again and 3号 now published. 2号 is in neither: still open, never 台账中消失 (1号, closed
    # in November and carried no more, was taken as proof that December's workbook holds October).
    october = [("西人社许〔2016〕1号", "甲", "2016-10-10", None), ("西人社许〔2016〕2号", "乙", "2016-10-11", None),
               ("西人社许〔2016〕3号", "丙", "2016-10-12", None)]
    one = ("西人社许〔2016〕1号", "甲", "2016-10-10", "2016-11-20")
    three = ("西人社许〔2016〕3号", "丙", "2016-10-12", "2016-12-20")
    ledger(tmp_path / "10" / "区人社局_行政许可.xlsx", "permit", october, "区人社局")
    ledger(tmp_path / "11" / "区人社局_行政许可.xlsx", "permit", [("西人社许〔2016〕4号", "丁", "2016-11-01", "2016-11-02")],
           "区人社局", extra_sheets=[("整改情况", [one])])
    ledger(tmp_path / "12" / "区人社局_行政许可.xlsx", "permit", [("西人社许〔2016〕5号", "戊", "2016-12-01", "2016-12-02")],
           "区人社局", extra_sheets=[("整改情况", [one, three])])
    month(tmp_path, "10", "2016-10", "2016-11-25")
    month(tmp_path, "11", "2016-11", "2016-12-26")
    _, carried = month(tmp_path, "12", "2016-12", "2017-01-25")
    assert states(carried) == {"西人社许〔2016〕2号": "open", "西人社许〔2016〕3号": "resolved"}


def test_two_decisions_sharing_a_number_each_keep_their_own_state(tmp_path):
    # 8号 was typed for two parties; both overdue in October. In November one of them is online.
    for online_party in ("甲公司", "乙公司"):
        base = tmp_path / online_party
        rows10 = [("西安监罚〔2016〕8号", "甲公司", "2016-10-10", None), ("西安监罚〔2016〕8号", "乙公司", "2016-10-12", None),
                  ("西安监罚〔2016〕9号", "丙公司", "2016-10-12", "2016-10-13")]
        rows11 = [(n, p, d, "2016-11-20" if p == online_party else pub) for n, p, d, pub in rows10]
        ledger(base / "10" / "区安监局_行政处罚.xlsx", "penalty", rows10, "区安监局")
        ledger(base / "11" / "区安监局_行政处罚.xlsx", "penalty", rows11, "区安监局")
        month(base, "10", "2016-10", "2016-11-25")
        _, carried = month(base, "11", "2016-11", "2016-12-26")
        got = {i["party"]: (i["state"], i["published_date"]) for i in carried}
        other = "乙公司" if online_party == "甲公司" else "甲公司"
        assert got == {online_party: ("resolved", "2016-11-20"), other: ("open", None)}, online_party


def test_months_recorded_out_of_order_say_what_must_run_again(tmp_path):
    # October, then December, then November (December was built without it), then January on December.
    decided = {"2016-10": "2016-10-10", "2016-11": "2016-11-10", "2016-12": "2016-12-09", "2017-01": "2017-01-10"}
    for k, (period, day) in enumerate(decided.items(), start=1):
        rows = [(f"西安监罚〔2016〕{j}号", f"当事人{j}", list(decided.values())[j - 1], None) for j in range(1, k + 1)]
        ledger(tmp_path / period / "区安监局_行政处罚.xlsx", "penalty", rows, "区安监局")

    def record(period, as_of):
        result = CliRunner().invoke(main, ["check", str(tmp_path / period), "--month", period, "--as-of", as_of,
                                           "--db", str(tmp_path / "h.sqlite"), "--out", str(tmp_path / f"r{period}.xlsx")])
        assert result.exit_code in (0, 1), result.output
        return result.stderr

    assert "注意" not in record("2016-10", "2016-11-25")
    assert "注意：历史库中没有 2016-11 的记录" in record("2016-12", "2017-01-26")  # not yet recorded
    said = record("2016-11", "2016-12-26")
    assert "之后的 2016-12 已经记录" in said and "需按月份顺序重新运行" in said
    said = record("2017-01", "2017-02-24")
    assert "以 2016-12 的记录为上期，而 2016-12 需重新运行" in said
    # Run again in order: December (which makes January stale, and says so), then January: nothing left.
    assert "之后的 2017-01 已经记录" in record("2016-12", "2017-01-26")
    assert "注意" not in record("2017-01", "2017-02-24")


def test_corrected_but_still_unpublished_is_counted_open_not_closed(tmp_path):
    # October: 1号's decision date is 2016-10-32 (数据有误). November: it reads 2016-10-10, still unpublished.
    rows = [("西安监罚〔2016〕2号", "乙", "2016-10-11", "2016-10-20")]
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕1号", "甲", "2016-10-32", None), *rows],
           "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕1号", "甲", "2016-10-10", None), *rows,
                                                                ("西安监罚〔2016〕3号", "丙", "2016-11-01", "2016-11-03")],
           "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "11"), "--month", "2016-11", "--as-of", "2016-12-26",
                                       "--db", str(tmp_path / "h.sqlite"), "--out", str(tmp_path / "r11.xlsx"),
                                       "--json", str(tmp_path / "r11.json")])
    assert "已整改 0，已更正 1（其中 1 条仍未公开，下期继续跟踪），仍未整改 0，台账中消失 0。" in result.output
    history = json.loads((tmp_path / "r11.json").read_text(encoding="utf-8"))["history"]
    [item] = history["carried_over"]
    assert (item["state"], item["status"]) == ("corrected", "overdue")
    [unit] = [u for u in history["units"] if u["unit"] == "区安监局" and u["category"] == "penalty"]
    assert (unit["resolved"], unit["open"]) == (0, 1)  # not 销号: the next period follows it
    opened = CliRunner().invoke(main, ["history", "open", "--db", str(tmp_path / "h.sqlite"), "--json", "-"])
    assert [i["document_number"] for i in json.loads(opened.output)["items"]] == ["西安监罚〔2016〕1号"]


def test_a_decision_re_dated_after_it_was_found_overdue_is_not_let_off(tmp_path):
    # October: 1号 decided 10-10, unpublished (逾期未公开). November's cumulative ledger gives it 11-01 and
    # publication on 11-20: on time by the new date, 10 working days late by the old one. Neither is chosen.
    rows = [("西安监罚〔2016〕2号", "乙", "2016-10-11", "2016-10-20")]
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕1号", "甲", "2016-10-10", None), *rows],
           "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2016〕1号", "甲", "2016-11-01", "2016-11-20"), *rows], "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "11"), "--month", "2016-11", "--as-of", "2016-12-26",
                                       "--db", str(tmp_path / "h.sqlite"), "--out", str(tmp_path / "r11.xlsx"),
                                       "--json", str(tmp_path / "r11.json")])
    assert result.exit_code == 1
    assert ("history-decision-date-turns 西安监罚〔2016〕1号：数据有误 — 2016-10 记录时这项决定的决定日期是 2016-10-10"
            in result.output)
    payload = json.loads((tmp_path / "r11.json").read_text(encoding="utf-8"))
    assert payload["summary"]["on_time"] == 0 and payload["summary"]["invalid"] == 1  # not counted on time
    [item] = payload["history"]["carried_over"]
    assert (item["state"], item["status"]) == ("open", "invalid")
    book = openpyxl.load_workbook(tmp_path / "r11.xlsx", read_only=True)
    followed = [row for row in book["整改跟踪"].iter_rows(values_only=True) if row[2] == "西安监罚〔2016〕1号"]
    assert [row[4] for row in followed] == [dt.datetime(2016, 10, 10)]  # the recorded date stays until the ledgers agree


def test_a_re_dating_that_changes_no_verdict_is_a_note_and_the_item_closes(tmp_path):
    # 10-10 becomes 11-01; published 12-20: late by either date (deadlines 11-07 and 11-29), so the note is
    # told on the record and the item is closed. 整改跟踪 keeps the date first recorded (probe 38: followed by the
    # new date, a re-dating while unpublished made the next month's publication on time by it alone).
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕1号", "甲", "2016-10-10", None)], "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2016〕1号", "甲", "2016-11-01", "2016-12-20"), ("西安监罚〔2016〕3号", "丙", "2016-11-01", "2016-11-02")],
           "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    [item] = carried
    assert (item["state"], item["status"]) == ("resolved", "late")
    book = openpyxl.load_workbook(tmp_path / "r2016-11.xlsx", read_only=True)
    followed = [row for row in book["整改跟踪"].iter_rows(values_only=True) if row[2] == "西安监罚〔2016〕1号"]
    assert [row[4] for row in followed] == [dt.datetime(2016, 10, 10)]
    problems = [" ".join(str(c) for c in row if c) for row in book["数据问题"].iter_rows(values_only=True)]
    assert any("2016-10 记录时这项决定的决定日期是 2016-10-10" in line and "结论都一样" in line for line in problems)


def test_an_item_pending_last_month_and_not_listed_again_is_overdue_once_its_deadline_passed(tmp_path):
    # 区人社局 reports monthly: 9号 (decided 10-31, deadline 11-28) was 未到期 on 11-25. November's ledger
    # does not list October's decisions; on 12-26 nothing shows 9号 published: 逾期未公开, not 未到期.
    ledger(tmp_path / "10" / "区人社局_行政许可.xlsx", "permit", [("西人社许〔2016〕9号", "丙", "2016-10-31", None)], "区人社局")
    ledger(tmp_path / "11" / "区人社局_行政许可.xlsx", "permit", [("西人社许〔2016〕10号", "戊", "2016-11-02", "2016-11-03")],
           "区人社局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    assert [(i["state"], i["status"]) for i in carried] == [("open", "overdue")]
    # Still before the deadline (as of 11-28 itself): 未到期 it stays.
    _, carried = month(tmp_path, "11", "2016-11", "2016-11-28")
    assert [(i["state"], i["status"]) for i in carried] == [("open", "pending")]


def test_an_overdue_item_not_listed_again_is_late_by_the_working_days_to_this_as_of(tmp_path):
    # 9号 (decided 10-10, deadline 11-07) is unpublished: 14 working days late on 11-25 (11-08 to 11-25).
    # November's monthly ledger does not list it; on 12-26 it is 35 working days late (11-08 to 12-26, no
    # holiday), as an item found again would be, not October's 14.
    ledger(tmp_path / "10" / "区人社局_行政许可.xlsx", "permit", [("西人社许〔2016〕9号", "丙", "2016-10-10", None)], "区人社局")
    ledger(tmp_path / "11" / "区人社局_行政许可.xlsx", "permit", [("西人社许〔2016〕10号", "戊", "2016-11-02", "2016-11-03")],
           "区人社局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    october = json.loads((tmp_path / "r2016-10.json").read_text(encoding="utf-8"))["records"]
    assert [r["working_days_late"] for r in october] == [14]
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    assert [(i["state"], i["status"], i["working_days_late"]) for i in carried] == [("open", "overdue", 35)]


def test_a_number_filled_in_since_is_the_same_decision_never_a_dropped_one(tmp_path):
    # October: 李四's decision has no number (无) and is unpublished: 逾期未公开. November's ledger gives it
    # 西安监罚〔2016〕5号 and publishes it on 11-18, past its deadline (11-07): 已整改, 逾期公开.
    # 王五 and 赵六 share a decision day without numbers; November numbers both: still one record each.
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty",
           [("无", "李四", "2016-10-10", None), ("", "王五", "2016-10-12", None), ("", "赵六", "2016-10-12", None),
            ("西安监罚〔2016〕2号", "乙", "2016-10-11", "2016-10-20")], "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2016〕5号", "李四", "2016-10-10", "2016-11-18"), ("西安监罚〔2016〕6号", "王五", "2016-10-12", None),
            ("西安监罚〔2016〕7号", "赵六", "2016-10-12", "2016-11-01"),
            ("西安监罚〔2016〕2号", "乙", "2016-10-11", "2016-10-20"), ("西安监罚〔2016〕8号", "丙", "2016-11-01", "2016-11-02")],
           "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    code, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    by_party = {i["party"]: i for i in carried}
    assert {p: (i["state"], i["status"]) for p, i in by_party.items()} == {
        "李四": ("resolved", "late"), "王五": ("open", "overdue"), "赵六": ("resolved", "on_time")}
    assert (by_party["李四"]["published_date"], by_party["李四"]["working_days_late"]) == ("2016-11-18", 9)  # 11-08 to 11-18: 9 working days
    assert code == 1  # nothing dropped (王五, still open, is followed, as carried items are, and fails the run)
    assert not [i for i in carried if i["state"] == "dropped"]


def test_every_units_open_items_are_on_its_own_line_of_the_summary_and_the_lines_add_up(tmp_path):
    # October: three units, one overdue item each (区安监局 two: a penalty and a permit). November: 区安监局
    # sends penalties only, 区环保局 sends nothing, 区食药监局's file is broken. Each unit's 上期遗留 and
    # 仍未整改 stand on its own line (a line for 区安监局's permits, 未报送 for 区环保局), and the lines add up.
    for unit, category, number in (("区安监局", "penalty", "西安监罚〔2016〕1号"), ("区安监局", "permit", "西安监许〔2016〕1号"),
                                   ("区环保局", "penalty", "西环罚〔2016〕1号"), ("区食药监局", "penalty", "西食药罚〔2016〕1号")):
        ledger(tmp_path / "10" / f"{unit}_{SHEET[category]}.xlsx", category, [(number, "甲", "2016-10-10", None)], unit)
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕9号", "乙", "2016-11-01", "2016-11-02")],
           "区安监局")
    (tmp_path / "11" / "区食药监局_行政处罚.xlsx").write_bytes(b"PK\x03\x04 not a whole workbook")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    month(tmp_path, "11", "2016-11", "2016-12-26")
    sheet = openpyxl.load_workbook(tmp_path / "r2016-11.xlsx")["汇总"]
    header = [c.value for c in sheet[3]]
    lines = [dict(zip(header, row)) for row in sheet.iter_rows(min_row=4, values_only=True) if row[1]]
    figures = {(line["单位"], line["类别"]): (line["上期遗留"], line["仍未整改"]) for line in lines}
    assert figures == {("区安监局", "行政处罚"): (1, 1), ("区安监局", "行政许可"): (1, 1),
                       ("区食药监局", "文件无法读取"): (1, 1), ("区环保局", "未报送"): (1, 1), ("合计", None): (4, 4)}
    assert next(line for line in lines if line["单位"] == "区环保局")["备注"] == "本期没有收到该单位的表格；上期遗留事项照常跟踪"
    units = json.loads((tmp_path / "r2016-11.json").read_text(encoding="utf-8"))["history"]["units"]
    assert sorted((u["unit"], u["category"], u["carried"], u["open"]) for u in units) == [
        ("区安监局", "penalty", 1, 1), ("区安监局", "permit", 1, 1), ("区环保局", "penalty", 1, 1), ("区食药监局", "penalty", 1, 1)]


def test_the_exported_ledger_counts_as_left_over_only_what_the_period_before_left(tmp_path):
    # October leaves 1号 open; November finds 9号 overdue too. The 整改台账 lists both, and says 1 left over
    # from October and 1 new in November, as the November report does (not 2 left over).
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕1号", "甲", "2016-10-10", None)], "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2016〕1号", "甲", "2016-10-10", None), ("西安监罚〔2016〕9号", "乙", "2016-11-01", None)], "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    month(tmp_path, "11", "2016-11", "2016-12-30")
    target = tmp_path / "整改台账.xlsx"
    result = CliRunner().invoke(main, ["history", "export", str(target), "--db", str(tmp_path / "h.sqlite")])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(target)["整改台账"]
    assert sorted(r[2] for r in sheet.iter_rows(min_row=4, values_only=True) if r[0]) == [
        "西安监罚〔2016〕1号", "西安监罚〔2016〕9号"]
    assert sheet["A2"].value.startswith("上期（2016-10）遗留 1 条：台账中消失 0，仍未整改 1，已更正 0，已整改 0；"
                                        "2016-11 新发现未整改 1 条"), sheet["A2"].value
    report = openpyxl.load_workbook(tmp_path / "r2016-11.xlsx")["整改跟踪"]
    assert report["A2"].value.split("。")[0] == sheet["A2"].value.split("；")[0]


def test_a_month_never_recorded_and_a_month_to_run_again_are_said_wherever_open_items_are_shown(tmp_path):
    # October, then December: November was never recorded, so what it found was never followed.
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕1号", "甲", "2016-10-10", None)], "区安监局")
    ledger(tmp_path / "12" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕1号", "甲", "2016-10-10", None)], "区安监局")
    db = str(tmp_path / "h.sqlite")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    december = CliRunner().invoke(main, ["check", str(tmp_path / "12"), "--month", "2016-12", "--as-of", "2017-01-20",
                                         "--db", db, "-o", str(tmp_path / "r12.xlsx"), "-q"])
    gap = "注意：历史库中没有 2016-11 的记录：2016-12 的整改跟踪以 2016-10 为上期，2016-11 新发现的问题没有跟踪。"
    assert gap in december.stderr
    for command in (["history", "open", "--db", db], ["history", "export", str(tmp_path / "台账.xlsx"), "--db", db]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 0 and gap in result.stderr, result.output
    # October run again after December: December is to be run again, and `history open` says so first.
    month(tmp_path, "10", "2016-10", "2016-11-25")
    result = CliRunner().invoke(main, ["history", "open", "--db", db, "--json", "-"])
    assert "注意：2016-12 需重新运行" in result.stderr
    assert json.loads(result.stdout)["items"]  # the JSON on stdout stays whole


def test_a_publication_day_the_earlier_ledger_contradicts_is_no_on_time_verdict(tmp_path):
    # October's ledger records 乙's publication on 10-25, so it was written after that day; it lists 1号 and
    # 3号 (both decided 10-10, deadline 11-07) as unpublished. November says 1号 went online on 10-20: on
    # time by it, but the October ledger, written after 10-20, did not have it. Neither ledger is taken on
    # its word: 数据有误, the item stays open, and 整改跟踪 says why. 3号's 10-28 is after anything
    # October recorded: on time, closed.
    october = [("西安监罚〔2016〕1号", "甲", "2016-10-10", None), ("西安监罚〔2016〕2号", "乙", "2016-10-11", "2016-10-25"),
               ("西安监罚〔2016〕3号", "丙", "2016-10-10", None)]
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", october, "区安监局")
    november = [("西安监罚〔2016〕1号", "甲", "2016-10-10", "2016-10-20"), october[1],
                ("西安监罚〔2016〕3号", "丙", "2016-10-10", "2016-10-28")]
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty", november, "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    code, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    assert {i["document_number"]: (i["state"], i["status"]) for i in carried} == {
        "西安监罚〔2016〕1号": ("open", "invalid"), "西安监罚〔2016〕3号": ("resolved", "on_time")}
    assert code == 1  # fourth review: an item left 数据有误 by the contradiction is open: no pass
    sheet = openpyxl.load_workbook(tmp_path / "r2016-11.xlsx")["整改跟踪"]
    header = [c.value for c in sheet[3]]
    notes = {row[2]: row[header.index("说明")] for row in sheet.iter_rows(min_row=4, values_only=True) if row[0]}
    assert notes["西安监罚〔2016〕1号"] == ("2016-10 报送的台账已记到 2016-10-25，其中这项决定还没有公开；本期台账填的公开日期 "
                                     "2016-10-20 却早于那天，按它算是按时公开。两期台账矛盾，无法判定，请核对公开日期")
    assert notes["西安监罚〔2016〕3号"] is None


def test_a_publication_day_after_the_earlier_as_of_date_was_no_publication_then(tmp_path):
    # probe 73: October's ledger (written by 10-25, its latest day) gave 1号 and 3号 publication days after the
    # October as-of date (12-05): unpublished then, both kept open. November moves both back to 10-20, which
    # October's ledger contradicts. 3号 (deadline 11-07) turns on time by it: 数据有误, open. 1号 (decided 09-12,
    # deadline 10-14) is late either way: closed as late, but the six weeks the days late shrank by are said.
    ledger(tmp_path / "09" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕1号", "甲", "2016-09-12", None)], "区安监局")
    october = [("西安监罚〔2016〕1号", "甲", "2016-09-12", "2016-12-05"), ("西安监罚〔2016〕2号", "乙", "2016-10-11", "2016-10-25"),
               ("西安监罚〔2016〕3号", "丙", "2016-10-10", "2016-12-05")]
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", october, "区安监局")
    november = [("西安监罚〔2016〕1号", "甲", "2016-09-12", "2016-10-20"), october[1],
                ("西安监罚〔2016〕3号", "丙", "2016-10-10", "2016-10-20")]
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty", november, "区安监局")
    month(tmp_path, "09", "2016-09", "2016-10-31")
    _, carried = month(tmp_path, "10", "2016-10", "2016-11-25")
    assert {i["document_number"]: (i["state"], i["status"]) for i in carried} == {"西安监罚〔2016〕1号": ("open", "overdue")}
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    items = {i["document_number"]: i for i in carried}
    assert {n: (i["state"], i["status"]) for n, i in items.items()} == {
        "西安监罚〔2016〕1号": ("resolved", "late"), "西安监罚〔2016〕3号": ("open", "invalid")}, items
    assert "按哪一天都是逾期公开" in items["西安监罚〔2016〕1号"]["note"] and "2016-10-25" in items["西安监罚〔2016〕1号"]["note"]
    assert "无法判定" in items["西安监罚〔2016〕3号"]["note"]


def test_the_earlier_ledgers_rows_outside_their_month_also_date_it(tmp_path):
    # probe: the October ledger (cumulative) also held 9号, decided in September and published 11-05: it was
    # written on or after 11-05, with 1号 still unpublished. November's 11-03 for 1号 contradicts it; only
    # the in-scope rows were looked at (latest 10-25), so 1号 was closed as on time.
    october = [("西安监罚〔2016〕1号", "甲", "2016-10-10", None), ("西安监罚〔2016〕2号", "乙", "2016-10-11", "2016-10-25"),
               ("西安监罚〔2016〕9号", "庚", "2016-09-20", "2016-11-05")]
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", october, "区安监局")
    november = [("西安监罚〔2016〕1号", "甲", "2016-10-10", "2016-11-03"), *october[1:]]
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty", november, "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    assert {i["document_number"]: (i["state"], i["status"]) for i in carried} == {"西安监罚〔2016〕1号": ("open", "invalid")}


def test_an_item_not_yet_due_keeps_the_next_month_passing(tmp_path):
    # third review: 09-30 unpublished, deadline 2016-10-31 (国庆 10-01..07 off, 10-08 and 10-09 worked); carried into
    # October and still 未到期 on 10-28: the October run failed with "仍未整改" though nothing was late
    ledger(tmp_path / "09" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕1号", "甲", "2016-09-30", None)], "区安监局")
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕1号", "甲", "2016-09-30", None),
                                                               ("西安监罚〔2016〕2号", "乙", "2016-10-10", "2016-10-12")], "区安监局")
    month(tmp_path, "09", "2016-09", "2016-09-30")
    code, carried = month(tmp_path, "10", "2016-10", "2016-10-28")
    assert [(i["state"], i["status"]) for i in carried] == [("open", "pending")]
    assert code == 0


def test_an_item_whose_row_is_now_another_kind_of_action_has_not_vanished(tmp_path):
    # third review: a row read as a permit in October (carried, unpublished) and as 其他事项 in November (out of
    # scope) was said to have vanished from the ledger (台账中消失), an accusation of deleting it
    header = ["文书号", "行政相对人名称", "事项类型", "决定日期", "公开日期"]
    for folder, kind in (("10", "行政许可"), ("11", "其他事项")):
        (tmp_path / folder).mkdir()
        write_xlsx(tmp_path / folder / "区人社局_台账.xlsx", {"Sheet1": [
            header, ["西人社〔2016〕50号", "甲", kind, dt.date(2016, 10, 10), None],
            ["西人社许〔2016〕2号", "乙", "行政许可", dt.date(2016, 10, 11), dt.date(2016, 10, 12)]]})
    month(tmp_path, "10", "2016-10", "2016-11-25")
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    assert [i["state"] for i in carried] == ["open"]


def test_an_item_not_read_this_time_says_why_it_is_still_followed(tmp_path):
    # probe: a unit that sent nothing in November: its October item stayed 仍未整改 with an empty 说明
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕1号", "甲", "2016-10-10", None)], "区安监局")
    ledger(tmp_path / "11" / "区环保局_行政处罚.xlsx", "penalty", [("西环罚〔2016〕1号", "乙", "2016-11-01", "2016-11-03")], "区环保局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    assert [(i["document_number"], i["state"]) for i in carried] == [("西安监罚〔2016〕1号", "open")]
    sheet = openpyxl.load_workbook(tmp_path / "r2016-11.xlsx")["整改跟踪"]
    header = [c.value for c in sheet[3]]
    notes = [row[header.index("说明")] for row in sheet.iter_rows(min_row=4, values_only=True) if row[0]]
    assert notes == ["本期未读到这一条（未报送，或台账不含该月份），继续跟踪"]


def test_the_contradiction_is_seen_across_a_skipped_month_and_a_renamed_unit(tmp_path):
    # October's ledger (written by 10-25) lists 1号 unpublished; November 区安监局 sends nothing; December,
    # under its full name, says 1号 went online on 10-20. The contradiction is October's, two periods back,
    # under the name the store knows: 数据有误, never 已整改 按时公开.
    october = [("西安监罚〔2016〕1号", "甲", "2016-10-10", None), ("西安监罚〔2016〕2号", "乙", "2016-10-11", "2016-10-25")]
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", october, "区安监局")
    ledger(tmp_path / "11" / "区环保局_行政处罚.xlsx", "penalty", [("西环罚〔2016〕1号", "丙", "2016-11-01", "2016-11-03")],
           "区环保局")
    december = [("西安监罚〔2016〕1号", "甲", "2016-10-10", "2016-10-20"), october[1]]
    ledger(tmp_path / "12" / "西塞山区安全生产监督管理局_行政处罚.xlsx", "penalty", december, "西塞山区安全生产监督管理局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    month(tmp_path, "11", "2016-11", "2016-12-26")
    _, carried = month(tmp_path, "12", "2016-12", "2017-01-20")
    assert {i["document_number"]: (i["state"], i["status"]) for i in carried} == {
        "西安监罚〔2016〕1号": ("open", "invalid")}
    sheet = openpyxl.load_workbook(tmp_path / "r2016-12.xlsx")["整改跟踪"]
    header = [c.value for c in sheet[3]]
    notes = {row[2]: row[header.index("说明")] for row in sheet.iter_rows(min_row=4, values_only=True) if row[0]}
    assert notes["西安监罚〔2016〕1号"].startswith("2016-10 报送的台账已记到 2016-10-25，其中这项决定还没有公开")


def test_a_decision_sent_after_its_month_was_recorded_counts_in_the_month_it_was_sent(tmp_path):
    # 2号 was decided in October (10-20, deadline 11-17) but first sent in November's ledger, still
    # unpublished: 逾期未公开 by 12-26. It counts in November, said as 补报 (else it would be in no month's
    # figures and the run would pass), and December follows it though December's monthly ledger leaves it out.
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕1号", "甲", "2016-10-10", "2016-10-12")],
           "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕2号", "乙", "2016-10-20", None),
                                                               ("西安监罚〔2016〕3号", "丙", "2016-11-02", "2016-11-04")],
           "区安监局")
    ledger(tmp_path / "12" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕4号", "丁", "2016-12-02", "2016-12-05")],
           "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    out = tmp_path / "r11.json"
    result = CliRunner().invoke(main, ["check", str(tmp_path / "11"), "--month", "2016-11", "--as-of", "2016-12-26",
                                       "--db", str(tmp_path / "h.sqlite"), "--out", str(tmp_path / "r.xlsx"),
                                       "--json", str(out)])
    assert result.exit_code == 1, result.output
    assert "1 条是 2016-10 作出、2016-10 的台账中没有、本期才报送的决定（补报），计入本期" in result.output
    payload = json.loads(out.read_text(encoding="utf-8"))
    late = {r["document_number"]: r for r in payload["records"]}["西安监罚〔2016〕2号"]
    assert late["status"] == "overdue" and late["working_days_late"] == 27  # 11-18 .. 12-26
    assert "history-reported-late" in [p["code"] for p in late["issues"]]
    _, carried = month(tmp_path, "12", "2016-12", "2017-01-20")
    assert [(i["document_number"], i["state"], i["status"]) for i in carried] == [("西安监罚〔2016〕2号", "open", "overdue")]


def test_no_lateness_is_claimed_for_what_the_earlier_month_left_out_of_its_scope(tmp_path):
    # October ran with as-of 10-28: a 10-30 decision and a 行政强制 row were outside its scope, on purpose.
    # November's cumulative ledger lists them again: no 补报.
    rows = [("西安监罚〔2016〕1号", "甲", "2016-10-10", "2016-10-12"), ("西安监罚〔2016〕2号", "乙", "2016-10-30", None)]
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", rows, "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty", rows + [("西安监罚〔2016〕3号", "丙", "2016-11-02", "2016-11-04")],
           "区安监局")
    CliRunner().invoke(main, ["check", str(tmp_path / "10"), "--month", "2016-10", "--as-of", "2016-10-28",
                              "--db", str(tmp_path / "h.sqlite"), "--out", str(tmp_path / "r10.xlsx"), "-q"])
    result = CliRunner().invoke(main, ["check", str(tmp_path / "11"), "--month", "2016-11", "--as-of", "2016-12-26",
                                       "--db", str(tmp_path / "h.sqlite"), "--out", str(tmp_path / "r11.xlsx"), "-q"])
    assert "补报" not in result.output, result.output


def test_a_ledger_that_did_not_hold_the_item_contradicts_no_publication_day(tmp_path):
    # September's ledger lists 1号 (decided 09-20, deadline 10-21) unpublished, and its last recorded day is
    # 2号's publication on 09-08: 逾期未公开 as of 10-25. October's ledger holds October's decisions only
    # (4号, published 10-25): 1号 is not in it, so it stays open without a word on its publication.
    # November's ledger says 1号 went online on 10-20: on time. October's 10-25 is no contradiction (that
    # ledger never held 1号); September's ledger ended 09-08, before 10-20: none either. Closed, on time.
    ledger(tmp_path / "09" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2016〕1号", "甲", "2016-09-20", None), ("西安监罚〔2016〕2号", "乙", "2016-09-05", "2016-09-08")],
           "区安监局")
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2016〕4号", "丁", "2016-10-10", "2016-10-25")], "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2016〕1号", "甲", "2016-09-20", "2016-10-20"), ("西安监罚〔2016〕5号", "戊", "2016-11-07", "2016-11-09")],
           "区安监局")
    month(tmp_path, "09", "2016-09", "2016-10-25")
    _, carried = month(tmp_path, "10", "2016-10", "2016-11-25")
    assert {i["document_number"]: (i["state"], i["status"]) for i in carried} == {"西安监罚〔2016〕1号": ("open", "overdue")}
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    assert {i["document_number"]: (i["state"], i["status"]) for i in carried} == {
        "西安监罚〔2016〕1号": ("resolved", "on_time")}


def test_a_contradiction_sent_again_next_month_is_still_a_contradiction(tmp_path):
    # October's ledger (written after 10-25) holds 1号 unpublished; November's says it went online on 10-20:
    # 两期台账矛盾, 数据有误. December sends November's file again: November's ledger, which had the 10-20
    # date, is no evidence either way; October's still is. Still 数据有误 and open, not closed by resending.
    october = [("西安监罚〔2016〕1号", "甲", "2016-10-10", None), ("西安监罚〔2016〕2号", "乙", "2016-10-11", "2016-10-25")]
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", october, "区安监局")
    november = [("西安监罚〔2016〕1号", "甲", "2016-10-10", "2016-10-20"), october[1]]
    for folder in ("11", "12"):
        ledger(tmp_path / folder / "区安监局_行政处罚.xlsx", "penalty", november, "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    for period, as_of in (("11", "2016-12-26"), ("12", "2017-01-20")):
        _, carried = month(tmp_path, period, f"2016-{period}", as_of)
        assert {i["document_number"]: (i["state"], i["status"]) for i in carried} == {
            "西安监罚〔2016〕1号": ("open", "invalid")}, period


def test_a_unit_that_sent_last_month_and_sends_nothing_now_is_said_not_sent_without_units_declared(tmp_path):
    """Without [units], 未报送 named only the units with open items: 区环保局, all on time in October and silent in
    November, vanished from 汇总, and a clerk read the 未报送 list as complete (probe p66 F6)."""
    for unit, number, published in (("区安监局", "西安监罚〔2016〕1号", "2016-10-12"), ("区环保局", "西环罚〔2016〕1号", "2016-10-11"),
                                    ("区城管局", "西城罚〔2016〕1号", None)):
        ledger(tmp_path / "10" / f"{unit}_行政处罚.xlsx", "penalty", [(number, "甲", "2016-10-10", published)], unit)
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕9号", "乙", "2016-11-01", "2016-11-02")],
           "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    month(tmp_path, "11", "2016-11", "2016-12-26")
    sheet = openpyxl.load_workbook(tmp_path / "r2016-11.xlsx")["汇总"]
    header = [c.value for c in sheet[3]]
    lines = {row[header.index("单位")]: (row[header.index("类别")], row[header.index("备注")])
             for row in sheet.iter_rows(min_row=4, values_only=True) if row[1]}
    assert lines["区环保局"] == ("未报送", "本期没有收到该单位的表格（上期报送过）")
    assert lines["区城管局"] == ("未报送", "本期没有收到该单位的表格；上期遗留事项照常跟踪")  # open items: said as before
    assert lines["区安监局"][0] == "行政处罚" and set(lines) == {"区安监局", "区环保局", "区城管局", "合计"}
    lines = json.loads((tmp_path / "r2016-11.json").read_text(encoding="utf-8"))["units"]
    assert {(line["unit"], line["category"]) for line in lines if line["records"] == 0} == {
        ("区城管局", "未报送"), ("区环保局", "未报送")}


def test_an_item_dropped_from_the_ledger_stays_dropped_while_the_unit_sends_nothing(tmp_path):
    """台账中消失 in November; in December the unit sent nothing, and the item became a plain 仍未整改 with the
    note 未报送: the finding that the unit deleted it was lost although nothing explained it (probe p66 F8)."""
    rows = [("西环罚〔2016〕1号", "甲", "2016-10-10", "2016-10-12"), ("西环罚〔2016〕2号", "乙", "2016-10-10", None),
            ("西环罚〔2016〕3号", "丙", "2016-10-11", "2016-10-12")]
    ledger(tmp_path / "10" / "区环保局_行政处罚.xlsx", "penalty", rows, "区环保局")
    ledger(tmp_path / "11" / "区环保局_行政处罚.xlsx", "penalty", [rows[0], rows[2]], "区环保局")
    ledger(tmp_path / "12" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕9号", "丁", "2016-12-01", "2016-12-02")],
           "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    assert states(month(tmp_path, "11", "2016-11", "2016-12-26")[1]) == {"西环罚〔2016〕2号": "dropped"}
    code, carried = month(tmp_path, "12", "2016-12", "2017-01-25")
    assert code == 1 and states(carried) == {"西环罚〔2016〕2号": "dropped"}
    sheet = openpyxl.load_workbook(tmp_path / "r2016-12.xlsx")["整改跟踪"]
    texts = [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v]
    assert any("上期已在台账中消失" in t for t in texts) and "台账中消失" in texts
    # and when the unit's ledger of October is read again without the item: dropped, as the first time
    ledger(tmp_path / "01" / "区环保局_行政处罚.xlsx", "penalty", [rows[0], rows[2]], "区环保局")
    assert states(month(tmp_path, "01", "2017-01", "2017-02-24")[1]) == {"西环罚〔2016〕2号": "dropped"}


def test_a_unit_spelled_anew_keeps_one_line_in_the_trend_of_every_later_month(tmp_path):
    """区交通运输局 in October, 西塞山区交通运输局 from November: November's 趋势 had one line, December's two (the
    October figure under the old name, then blank), as if a unit had stopped reporting (probe p66 F7)."""
    ledger(tmp_path / "10" / "区交通运输局_行政处罚.xlsx", "penalty",
           [("西交罚〔2016〕1号", "甲", "2016-10-10", "2016-10-12"), ("西交罚〔2016〕2号", "乙", "2016-10-10", "2016-11-25")],
           "区交通运输局")
    for folder, number, day in (("11", 3, "2016-11-01"), ("12", 4, "2016-12-01")):
        ledger(tmp_path / folder / "西塞山区交通运输局_行政处罚.xlsx", "penalty",
               [(f"西交罚〔2016〕{number}号", "丙", day, day)], "西塞山区交通运输局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    month(tmp_path, "11", "2016-11", "2016-12-26")
    month(tmp_path, "12", "2016-12", "2017-01-25")
    for period, periods in (("2016-11", ("2016-10", "2016-11")), ("2016-12", ("2016-10", "2016-11", "2016-12"))):
        sheet = openpyxl.load_workbook(tmp_path / f"r{period}.xlsx")["趋势"]
        rows = [r for r in sheet.iter_rows(min_row=3, values_only=True) if r[0]]
        assert rows[0][:2 + len(periods)] == ("单位", "类别", *periods)
        units = [r[0] for r in rows[1:] if r[0] != "合计" and not str(r[0]).startswith(("注", "说明"))]
        assert units == ["西塞山区交通运输局"], (period, rows)
        line = next(r for r in rows if r[0] == "西塞山区交通运输局")
        assert line[2] is not None and line[2 + len(periods) - 1] is not None  # October's rate and this month's


def test_history_open_tells_items_found_in_the_latest_month_from_those_still_open_since(tmp_path):
    rows = [("西安监罚〔2016〕1号", "甲", "2016-10-10", None)]
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", rows, "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty", rows + [("西安监罚〔2016〕9号", "乙", "2016-11-01", None)],
           "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    month(tmp_path, "11", "2016-11", "2016-12-26")
    result = CliRunner().invoke(main, ["history", "open", "--db", str(tmp_path / "h.sqlite")])
    lines = {line.split()[1]: line for line in result.output.splitlines() if "西安监罚" in line}
    assert lines["西安监罚〔2016〕1号"].endswith("现状：仍未整改"), result.output  # carried since October
    assert lines["西安监罚〔2016〕9号"].endswith("现状：本期发现，待整改"), result.output


def test_a_unit_that_sent_under_another_spelling_or_is_counted_elsewhere_is_not_said_not_sent(tmp_path):
    """The previous period's units are looked for under every name this run gives a unit: a 本月无 file under the
    short name, a file of its name filled in by another unit (计入他单位). Neither is 未报送 (review of b1e30aa)."""
    full = "西塞山区人力资源和社会保障局"
    ledger(tmp_path / "10" / f"{full}_行政处罚.xlsx", "penalty", [("西人社罚〔2016〕1号", "甲", "2016-10-10", "2016-10-12")], full)
    ledger(tmp_path / "10" / "区住建局_行政处罚.xlsx", "penalty", [("西建罚〔2016〕1号", "乙", "2016-10-10", "2016-10-12")],
           "区住建局")
    ledger(tmp_path / "11" / "区住建局_行政处罚.xlsx", "penalty", [("西自规罚〔2016〕9号", "丙", "2016-11-01", "2016-11-03")],
           "区自然资源和规划局")
    write_xlsx(tmp_path / "11" / "区人社局_行政处罚.xlsx", {"处罚": [PENALTY_HEADER, [1, "本月无", None, None, None, None]]})
    month(tmp_path, "10", "2016-10", "2016-11-25")
    month(tmp_path, "11", "2016-11", "2016-12-26")
    lines = json.loads((tmp_path / "r2016-11.json").read_text(encoding="utf-8"))["units"]
    assert not [line for line in lines if line["category"] == "未报送"], lines
    assert {line["unit"] for line in lines} == {"区人社局", "区住建局", "区自然资源和规划局", "合计"}
