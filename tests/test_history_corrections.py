"""Month-to-month follow-up when a unit corrects a decision's number or date between months: the
correction is the 整改 asked for, never a 台账中消失 (the assessments' red flag for 瞒报).

Each case runs October and then November through the real CLI on real .xlsx files and a real SQLite
store (helpers from test_history_followup), and reads November's carried-over items.
"""

from __future__ import annotations

import datetime as dt

import openpyxl
from click.testing import CliRunner
from test_history_followup import ledger, month

from compliance.api import check as run_check
from compliance.cli import main
from compliance.cli_history import record_period
from compliance.history import HistoryStore


def test_a_number_corrected_since_is_the_same_decision_never_a_dropped_one(tmp_path):
    # October: 甲's decision is typed 〔2015〕6号 (the year wrong) and is unpublished: 逾期未公开 by 11-25.
    # November's ledger has it as 〔2016〕6号, same party and day, published 11-18 past its deadline
    # (11-07): 已整改, 逾期公开, 9 working days late (11-08 to 11-18). Two same-day decisions of 乙 and 丙
    # whose numbers both change are no guess; a number that another item still holds is not taken.
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2015〕6号", "甲", "2016-10-10", None), ("西安监罚〔2016〕2号", "丁", "2016-10-11", "2016-10-20")],
           "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2016〕6号", "甲", "2016-10-10", "2016-11-18"), ("西安监罚〔2016〕2号", "丁", "2016-10-11", "2016-10-20"),
            ("西安监罚〔2016〕8号", "戊", "2016-11-01", "2016-11-02")], "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    code, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    [item] = carried
    assert (item["document_number"], item["state"], item["status"]) == ("西安监罚〔2015〕6号", "resolved", "late")
    assert (item["published_date"], item["working_days_late"]) == ("2016-11-18", 9)
    assert code == 0
    # which row closed it, and the decision's day, are said (the old number alone hid the correction)
    assert item["decision_date"] == "2016-10-10"
    assert item["note"].startswith("本期台账中的文书号是 西安监罚〔2016〕6号（按相对人和决定日期对应）"), item["note"]
    sheet = openpyxl.load_workbook(tmp_path / "r2016-11.xlsx")["整改跟踪"]
    assert any("本期台账中的文书号是 西安监罚〔2016〕6号" in str(cell) for row in sheet.iter_rows(values_only=True)
               for cell in row)


def test_two_numbers_changed_for_one_party_and_day_are_no_guess(tmp_path):
    # 乙 had two unpublished decisions on 10-12 (〔2015〕3号 and 〔2015〕4号); November renumbers both.
    # Which is which cannot be told: neither is matched, and both stay followed (台账中消失 says so).
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2015〕3号", "乙", "2016-10-12", None), ("西安监罚〔2015〕4号", "乙", "2016-10-12", None),
            ("西安监罚〔2016〕2号", "丁", "2016-10-11", "2016-10-20")], "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2016〕3号", "乙", "2016-10-12", "2016-11-18"), ("西安监罚〔2016〕4号", "乙", "2016-10-12", None),
            ("西安监罚〔2016〕2号", "丁", "2016-10-11", "2016-10-20")], "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    assert {i["document_number"]: i["state"] for i in carried} == {"西安监罚〔2015〕3号": "dropped",
                                                                   "西安监罚〔2015〕4号": "dropped"}


def test_a_decision_date_retyped_on_a_decision_without_a_number_is_the_same_decision(tmp_path):
    # October: 张某's decision (no number) of 10-10 is unpublished: 逾期未公开. November's ledger dates it
    # 10-11 (a typo put right) and publishes it on 11-20: 已整改, 逾期公开. 李某's October decision is gone
    # and a decision of 李某 41 days later is another decision: 台账中消失 stands for it.
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty",
           [("无", "张某", "2016-10-10", None), ("", "李某", "2016-10-10", None),
            ("西安监罚〔2016〕2号", "丁", "2016-10-11", "2016-10-20")], "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty",
           [("无", "张某", "2016-10-11", "2016-11-20"), ("", "李某", "2016-11-20", "2016-11-21"),
            ("西安监罚〔2016〕2号", "丁", "2016-10-11", "2016-10-20")], "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    by_party = {i["party"]: i for i in carried}
    assert (by_party["张某"]["state"], by_party["张某"]["status"]) == ("resolved", "late")
    assert by_party["李某"]["state"] == "dropped"
    # nor is 张某's decision an October decision sent late (补报): rerunning October would change nothing
    result = CliRunner().invoke(main, ["check", str(tmp_path / "11"), "--month", "2016-11", "--as-of", "2016-12-26",
                                       "--db", str(tmp_path / "h.sqlite"), "-o", str(tmp_path / "again.xlsx")])
    assert result.exit_code == 1 and "台账中消失：区安监局 李某" in result.output, result.output
    assert "补报" not in result.output


def test_re_dating_a_decision_without_a_number_cannot_make_it_on_time(tmp_path):
    # 王某's decision (no number) of 10-10 was unpublished in October. November dates it 10-20 and
    # publishes it on 11-10: on time by 10-20 (deadline 11-17), late by 10-10 (11-07). Which date is
    # right the ledgers cannot say, so it is 数据有误 and stays open, as for a decision with a number.
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty",
           [("", "王某", "2016-10-10", None), ("西安监罚〔2016〕2号", "丁", "2016-10-11", "2016-10-20")], "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty",
           [("", "王某", "2016-10-20", "2016-11-10"), ("西安监罚〔2016〕2号", "丁", "2016-10-11", "2016-10-20")], "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    [item] = carried
    assert (item["party"], item["state"], item["status"]) == ("王某", "open", "invalid")


def test_a_row_dropped_last_month_and_restored_is_judged_on_its_date_with_no_contradiction(tmp_path):
    # 丙's decision of 10-20 (deadline 11-17) was unpublished in October; November's ledger (through
    # 11-25) left its row out (台账中消失); December's restores it, published 11-10: on time. November's
    # ledger never held it, so it contradicts nothing ("两期台账矛盾" would be false): 已整改, 按时.
    rows = [("西安监罚〔2016〕2号", "丁", "2016-10-11", "2016-10-20")]
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", rows + [("西安监罚〔2016〕5号", "丙", "2016-10-20", None)],
           "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty", rows + [("西安监罚〔2016〕8号", "戊", "2016-11-01", "2016-11-25")],
           "区安监局")
    ledger(tmp_path / "12" / "区安监局_行政处罚.xlsx", "penalty",
           rows + [("西安监罚〔2016〕5号", "丙", "2016-10-20", "2016-11-10"), ("西安监罚〔2016〕8号", "戊", "2016-11-01", "2016-11-25")],
           "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-16")
    _, november = month(tmp_path, "11", "2016-11", "2016-12-26")
    assert [(i["document_number"], i["state"]) for i in november] == [("西安监罚〔2016〕5号", "dropped")]
    _, december = month(tmp_path, "12", "2016-12", "2017-01-25")
    [item] = december
    assert (item["document_number"], item["state"], item["status"]) == ("西安监罚〔2016〕5号", "resolved", "on_time")


def test_another_decision_of_the_same_party_is_never_taken_for_a_corrected_one(tmp_path):
    # October: 甲's 6号 (unpublished) and 7号 (on time), both of 10-10; 张某's decisions of 10-10
    # (unpublished, no number) and 10-24 (on time). November drops 6号 and 张某's 10-10 row. 7号 and 张某's
    # 10-24 decision were recorded in October under their own number and day: other decisions, so the
    # dropped rows are 台账中消失, not 已整改 or 仍未整改 by another decision's data.
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2016〕6号", "甲", "2016-10-10", None), ("西安监罚〔2016〕7号", "甲", "2016-10-10", "2016-10-12"),
            ("", "张某", "2016-10-10", None), ("", "张某", "2016-10-24", "2016-10-26")], "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2016〕7号", "甲", "2016-10-10", "2016-10-12"), ("", "张某", "2016-10-24", "2016-10-26"),
            ("", "张某", "2016-11-05", "2016-11-25")], "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    assert sorted((i["document_number"] or i["party"], i["state"]) for i in carried) == [
        ("张某", "dropped"), ("西安监罚〔2016〕6号", "dropped")]


def test_a_new_decision_of_a_party_already_recorded_that_month_is_sent_late(tmp_path):
    # October recorded 甲's 6号 of 10-10; November's ledger still has it and adds 甲's 8号 of 10-20, an
    # October decision October's record lacks (补报): said, whatever the date's distance from 6号's.
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕6号", "甲", "2016-10-10", "2016-10-12")],
           "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2016〕6号", "甲", "2016-10-10", "2016-10-12"), ("西安监罚〔2016〕8号", "甲", "2016-10-20", "2016-10-21")],
           "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "11"), "--month", "2016-11", "--as-of", "2016-12-26",
                                       "--db", str(tmp_path / "h.sqlite"), "-o", str(tmp_path / "r11.xlsx")])
    assert "1 条是 2016-10 作出、2016-10 的台账中没有、本期才报送的决定（补报）" in result.output, result.output


def test_a_date_corrected_but_still_unpublished_ages_as_an_overdue_item(tmp_path):
    # October: 甲's decision date is 2016-10-32 (数据有误). November puts it right (10-10) but it is still
    # unpublished: 已更正, now 逾期未公开, open for a second period. December, unchanged: 仍未整改 for a third
    # (it stayed 已更正 and 1 期 every month, never reaching the long-open highlight).
    rows = [("西安监罚〔2016〕2号", "丁", "2016-10-11", "2016-10-20")]
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕1号", "甲", "2016-10-32", None), *rows],
           "区安监局")
    for folder in ("11", "12"):
        ledger(tmp_path / folder / "区安监局_行政处罚.xlsx", "penalty",
               [("西安监罚〔2016〕1号", "甲", "2016-10-10", None), *rows], "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    [item] = carried
    assert (item["state"], item["status"], item["periods_open"]) == ("corrected", "overdue", 2)
    # 整改跟踪 shows the date put right (its 决定日期 was blank: the stored date was the unreadable one)
    sheet = openpyxl.load_workbook(tmp_path / "r2016-11.xlsx")["整改跟踪"]
    [row] = [r for r in sheet.iter_rows(values_only=True) if "西安监罚〔2016〕1号" in r]
    assert dt.datetime(2016, 10, 10) in row, row  # a date cell, as on every other sheet
    _, carried = month(tmp_path, "12", "2016-12", "2017-01-25")
    [item] = carried
    assert (item["state"], item["status"], item["periods_open"]) == ("open", "overdue", 3)


def test_one_of_two_decisions_that_shared_a_number_renumbered_and_published_is_resolved(tmp_path):
    # October: 8号 typed for 甲 (10-10) and 乙 (10-12), both unpublished. November: 甲 keeps 8号, published 11-18;
    # 乙's number is put right as 9号, published 11-21. Both are 已整改 (乙 stayed 仍未整改 every month: its old
    # number was still there, under 甲, so the renumbering was never looked for).
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2016〕8号", "甲", "2016-10-10", None), ("西安监罚〔2016〕8号", "乙", "2016-10-12", None),
            ("西安监罚〔2016〕2号", "丁", "2016-10-11", "2016-10-20")], "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2016〕8号", "甲", "2016-10-10", "2016-11-18"), ("西安监罚〔2016〕9号", "乙", "2016-10-12", "2016-11-21"),
            ("西安监罚〔2016〕2号", "丁", "2016-10-11", "2016-10-20")], "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    got = {i["party"]: (i["state"], i["status"], i["published_date"]) for i in carried}
    assert got == {"甲": ("resolved", "late", "2016-11-18"), "乙": ("resolved", "late", "2016-11-21")}


def test_a_party_written_without_its_place_this_time_is_the_same_decision(tmp_path):
    # No number. October: 黄石市丙商贸有限公司, unpublished. November: 黄石丙商贸有限公司, same day, published 11-18:
    # 已整改 (it was 台账中消失, the 瞒报 flag, for a decision the unit had just published).
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty",
           [("无", "黄石市丙商贸有限公司", "2016-10-10", None), ("西安监罚〔2016〕2号", "丁", "2016-10-11", "2016-10-20")], "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty",
           [("无", "黄石丙商贸有限公司", "2016-10-10", "2016-11-18"), ("西安监罚〔2016〕2号", "丁", "2016-10-11", "2016-10-20")],
           "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    assert [(i["state"], i["status"]) for i in carried] == [("resolved", "late")]


def test_a_monthly_ledger_listing_one_earlier_row_again_corrected_drops_nothing(tmp_path):
    # 区人社局 sends monthly ledgers. October: 1号 on time, 3号 unpublished (逾期未公开 by 11-25). November's
    # ledger holds November's 4号 and October's 1号 again, its party corrected. A monthly ledger was never going
    # to hold 3号: it is 仍未整改, not 台账中消失 (the red flag for 瞒报 would accuse the unit of deleting it).
    ledger(tmp_path / "10" / "区人社局_2016年10月_行政许可.xlsx", "permit",
           [("西人社许〔2016〕1号", "甲公司", "2016-10-10", "2016-10-12"), ("西人社许〔2016〕3号", "乙", "2016-10-14", None)],
           "区人社局")
    ledger(tmp_path / "11" / "区人社局_2016年11月_行政许可.xlsx", "permit",
           [("西人社许〔2016〕4号", "丙", "2016-11-04", "2016-11-07"),
            ("西人社许〔2016〕1号", "甲公司（更正）", "2016-10-10", "2016-10-12")], "区人社局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    code, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    assert [(i["document_number"], i["state"], i["status"]) for i in carried] == [("西人社许〔2016〕3号", "open", "overdue")]
    assert code == 1


def test_a_monthly_ledger_copying_one_row_of_a_busy_month_is_no_cumulative_ledger(tmp_path):
    # October had six decisions, one unpublished (6号). November's monthly ledger copies October's 1号 unchanged
    # (a clerk pasted it again) beside its own: one row of six is no cumulative ledger, so 6号 is 仍未整改. A
    # cumulative ledger holding the other five keeps it 台账中消失 (the second run, on another store).
    october = [(f"西人社许〔2016〕{k}号", f"相对人{k}", "2016-10-10", "2016-10-12") for k in range(1, 6)]
    october.append(("西人社许〔2016〕6号", "相对人6", "2016-10-14", None))
    ledger(tmp_path / "10" / "区人社局_行政许可.xlsx", "permit", october, "区人社局")
    november = [("西人社许〔2016〕7号", "丙", "2016-11-04", "2016-11-07")]
    ledger(tmp_path / "11" / "区人社局_行政许可.xlsx", "permit", november + october[:1], "区人社局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    assert [(i["document_number"], i["state"]) for i in carried] == [("西人社许〔2016〕6号", "open")]
    cumulative = tmp_path / "cumulative"
    ledger(cumulative / "10" / "区人社局_行政许可.xlsx", "permit", october, "区人社局")
    ledger(cumulative / "11" / "区人社局_行政许可.xlsx", "permit", october[:5] + november, "区人社局")
    month(cumulative, "10", "2016-10", "2016-11-25")
    _, carried = month(cumulative, "11", "2016-11", "2016-12-26")
    assert [(i["document_number"], i["state"]) for i in carried] == [("西人社许〔2016〕6号", "dropped")]


def test_a_month_recorded_by_another_run_meanwhile_asks_for_this_month_again_not_for_itself(tmp_path, capsys):
    # September's check starts on a store holding July only (its follow-up is built on July); August is recorded by
    # another run before September records. Advice: run September again, not "history lacks 2026-08, run it".
    for name, rows in (("07", [("西安监罚〔2016〕1号", "甲", "2016-07-04", "2016-07-06")]),
                       ("08", [("西安监罚〔2016〕2号", "乙", "2016-08-01", "2016-08-03")]),
                       ("09", [("西安监罚〔2016〕3号", "丙", "2016-09-05", "2016-09-07")])):
        ledger(tmp_path / name / "区安监局_行政处罚.xlsx", "penalty", rows, "区安监局")
    month(tmp_path, "07", "2016-07", "2016-08-25")
    store = HistoryStore(tmp_path / "h.sqlite")
    september = run_check([tmp_path / "09"], as_of=dt.date(2016, 10, 25), run_date=dt.date(2016, 12, 1),
                          month="2016-09", history=store, period="2016-09")
    month(tmp_path, "08", "2016-08", "2016-09-23")
    capsys.readouterr()
    assert record_period(september, store) is False
    said = capsys.readouterr().err
    assert "本次运行期间，另一次运行记入了 2016-08" in said and "请重新运行 2016-09" in said, said
    assert "历史库中没有 2016-08" not in said, said


def test_the_first_months_run_at_once_warn_the_later_one_that_it_followed_nothing(tmp_path, capsys):
    # Seen by a probe: October and November started together on a new store. November's follow-up found no earlier
    # month, October was recorded meanwhile with an item left unpublished, and November recorded without a word:
    # its report never followed October's open item.
    for name, rows in (("10", [("西安监罚〔2016〕1号", "甲", "2016-10-10", None)]),
                       ("11", [("西安监罚〔2016〕2号", "乙", "2016-11-01", "2016-11-03")])):
        ledger(tmp_path / name / "区安监局_行政处罚.xlsx", "penalty", rows, "区安监局")
    store = HistoryStore(tmp_path / "h.sqlite")
    november = run_check([tmp_path / "11"], as_of=dt.date(2016, 12, 26), run_date=dt.date(2016, 12, 27),
                         month="2016-11", history=store, period="2016-11")
    assert november.history.previous_period is None
    month(tmp_path, "10", "2016-10", "2016-11-25")
    capsys.readouterr()
    assert record_period(november, store) is False
    said = capsys.readouterr().err
    assert "本次运行期间，另一次运行记入了 2016-10" in said and "没有上期" in said, said
    assert "请重新运行 2016-11" in said, said
    assert [p["stale"] for p in store.periods()] == [False, True]


def test_a_recorded_month_replaced_by_another_folders_files_is_said(tmp_path):
    # probe 38: `check 2016-11 --month 2016-10` replaced the recorded October with November's folder, without a
    # word. The replacement stands (a re-run is how a month is corrected), but the way back is said.
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕1号", "甲", "2016-10-10", "2016-10-12")], "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕3号", "丙", "2016-11-02", "2016-11-04")], "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    again = CliRunner().invoke(main, ["check", str(tmp_path / "10"), "--month", "2016-10", "--as-of", "2016-11-25",
                                      "--db", str(tmp_path / "h.sqlite"), "-o", str(tmp_path / "a.xlsx"), "-q"])
    assert "已替换那次的记录" not in again.output  # the same folder again: a plain re-run
    wrong = CliRunner().invoke(main, ["check", str(tmp_path / "11"), "--month", "2016-10", "--as-of", "2016-11-25",
                                      "--db", str(tmp_path / "h.sqlite"), "-o", str(tmp_path / "b.xlsx"), "-q"])
    assert f"这次的文件在 {tmp_path / '11'}，已替换那次的记录" in wrong.output, wrong.output
    assert "请用原来的文件重新运行 2016-10（--month 2016-10）" in wrong.output
    assert "是单位重新报送的，无需处理" in wrong.output  # a resent sheet is the usual case, no mistake (probe p80 L2)


def test_the_same_folder_given_once_relative_and_once_absolute_is_no_replacement(tmp_path, monkeypatch):
    # probe p80: the re-run of a month from the same folder, given once as files/11 and once as /…/files/11,
    # was told "这次的文件在 …，已替换那次的记录": the stored paths were compared as strings.
    ledger(tmp_path / "files" / "11" / "区安监局_行政处罚.xlsx", "penalty",
           [("西安监罚〔2016〕3号", "丙", "2016-11-02", "2016-11-04")], "区安监局")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(tmp_path)
    args = ["--month", "2016-11", "--as-of", "2016-12-25", "--db", str(tmp_path / "h.sqlite"), "-q"]
    first = CliRunner().invoke(main, ["check", "files/11", *args, "-o", str(tmp_path / "a.xlsx")])
    assert first.exit_code == 0, first.output
    monkeypatch.chdir(elsewhere)  # the stored relative path was relative to another working folder
    again = CliRunner().invoke(main, ["check", str(tmp_path / "files" / "11"), *args, "-o", str(tmp_path / "b.xlsx")])
    assert again.exit_code == 0, again.output
    assert "（第 2 次记录）" in again.output, again.output
    assert "已替换那次的记录" not in again.output, again.output
    other = tmp_path / "other" / "11"
    ledger(other / "区安监局_行政处罚.xlsx", "penalty", [("西安监罚〔2016〕4号", "丁", "2016-11-03", "2016-11-04")], "区安监局")
    moved = CliRunner().invoke(main, ["check", str(other), *args, "-o", str(tmp_path / "c.xlsx")])
    assert f"这次的文件在 {other}，已替换那次的记录" in moved.output, moved.output  # same last folder name, not the same


def test_a_monthly_ledger_relisting_items_it_put_right_drops_no_other_item(tmp_path):
    # probe 41: October had five decisions, 3号, 4号 and 5号 unpublished. November's monthly ledger re-lists 3号
    # and 4号 published (its 整改) and 1号 unchanged: the re-listed items counted as "most of October held", and
    # 5号, simply still unpublished, was 台账中消失. Carried items count on neither side: 5号 is 仍未整改.
    october = [("西城管罚〔2016〕1号", "甲", "2016-10-10", "2016-10-11"), ("西城管罚〔2016〕2号", "乙", "2016-10-11", "2016-10-12"),
               ("西城管罚〔2016〕3号", "丙", "2016-10-12", None), ("西城管罚〔2016〕4号", "丁", "2016-10-13", None),
               ("西城管罚〔2016〕5号", "戊", "2016-10-14", None)]
    november = [("西城管罚〔2016〕6号", "己", "2016-11-01", "2016-11-02"), ("西城管罚〔2016〕3号", "丙", "2016-10-12", "2016-11-20"),
                ("西城管罚〔2016〕4号", "丁", "2016-10-13", "2016-11-20"), october[0]]
    ledger(tmp_path / "10" / "区城管局_行政处罚.xlsx", "penalty", october, "区城管局")
    ledger(tmp_path / "11" / "区城管局_行政处罚.xlsx", "penalty", november, "区城管局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    _, carried = month(tmp_path, "11", "2016-11", "2016-12-26")
    assert {i["document_number"]: i["state"] for i in carried} == {
        "西城管罚〔2016〕3号": "resolved", "西城管罚〔2016〕4号": "resolved", "西城管罚〔2016〕5号": "open"}


def test_a_month_recorded_under_one_rule_is_not_replaced_by_a_run_under_another(tmp_path):
    # probe 73: a clerk's 7-day self-check of September with --month (which records) replaced the 20-day
    # September handed in, with only "第 2 次记录": the trend then said 0 % for a month the report said 100 %.
    # 1号 and 2号 went online 11 and 10 working days after the decision: on time at 20 days, late at 7.
    ledger(tmp_path / "09" / "区发改局_行政许可.xlsx", "permit", [("西发改许〔2016〕1号", "甲", "2016-09-01", "2016-09-19"),
                                                             ("西发改许〔2016〕2号", "乙", "2016-09-02", "2016-09-19")], "区发改局")
    ledger(tmp_path / "10" / "区发改局_行政许可.xlsx", "permit", [("西发改许〔2016〕3号", "丙", "2016-10-10", "2016-10-12")], "区发改局")
    month(tmp_path, "09", "2016-09", "2016-10-31")
    store = HistoryStore(tmp_path / "h.sqlite")
    rates = store.rates().query("unit == '区发改局' and category == 'all'")["rate"].tolist()
    national = CliRunner().invoke(main, ["check", str(tmp_path / "09"), "--month", "2016-09", "--as-of", "2016-10-31",
                                         "--rule", "national", "--db", str(tmp_path / "h.sqlite"),
                                         "-o", str(tmp_path / "n.xlsx"), "-q"])
    assert "不替换那次的记录" in national.output and "history forget 2016-09" in national.output, national.output
    assert (tmp_path / "n.xlsx").exists()  # the report is written all the same
    assert [p["revision"] for p in store.periods()] == [1]
    assert store.rates().query("unit == '区发改局' and category == 'all'")["rate"].tolist() == rates == [1.0]
    again = CliRunner().invoke(main, ["check", str(tmp_path / "09"), "--month", "2016-09", "--as-of", "2016-10-31",
                                      "--db", str(tmp_path / "h.sqlite"), "-o", str(tmp_path / "a.xlsx"), "-q"])
    assert "不替换" not in again.output and [p["revision"] for p in store.periods()] == [2]  # same rule: a re-run
    # a new month under another rule is recorded, and the change of measure is said
    october = CliRunner().invoke(main, ["check", str(tmp_path / "10"), "--month", "2016-10", "--as-of", "2016-11-25",
                                        "--rule", "national", "--db", str(tmp_path / "h.sqlite"),
                                        "-o", str(tmp_path / "o.xlsx"), "-q"])
    assert [p["period"] for p in store.periods()] == ["2016-09", "2016-10"]
    assert "上期 2016-09 是按 行政许可 20 个工作日" in october.output and "本期按 行政许可 7 个工作日" in october.output, \
        october.output


def test_a_month_re_run_with_the_same_days_under_other_words_is_replaced(tmp_path):
    # review 59: --days 20 (the district's 20 days, worded otherwise) was refused as another rule
    ledger(tmp_path / "09" / "区发改局_行政许可.xlsx", "permit", [("西发改许〔2016〕1号", "甲", "2016-09-01", "2016-09-19")], "区发改局")
    month(tmp_path, "09", "2016-09", "2016-10-31")
    again = CliRunner().invoke(main, ["check", str(tmp_path / "09"), "--month", "2016-09", "--as-of", "2016-10-31",
                                      "--days", "20", "--db", str(tmp_path / "h.sqlite"), "-o", str(tmp_path / "a.xlsx"), "-q"])
    assert again.exit_code in (0, 1) and "不替换" not in again.output, again.output
    assert [p["revision"] for p in HistoryStore(tmp_path / "h.sqlite").periods()] == [2]
