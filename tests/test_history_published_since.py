"""An earlier month's open item that this month's (monthly) ledger no longer lists is closed only on firm
evidence that it is published by now (a false 已整改 hides a problem from 法制办):
- the website list given this time holds its number under its unit, with its party and (where the list
  gives one) its decision date, first published between its decision and this as-of date, and that entry
  fits no other item; a list without decision dates (a 信息公开目录) counts though it files the entry under
  its publication month;
- without a list this time, a publication day an earlier ledger gave after that month's as-of has come;
  never for a 网站未见 item, and never for a row deleted from a cumulative ledger (台账中消失).
Real ledgers, lists and history store through the real CLI.

Deadlines by hand: 2026-08-03 + 20 working days = 2026-08-31; 2026-08-04 -> 2026-09-01;
2026-08-05 -> 2026-09-02. 2026 中秋 Sep 25 and 国庆 Oct 1–7 off; Sep 20 and Oct 10 worked."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

HEADER = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"]
D = dt.date
# covers the unit from before August to late September: what it does not show was not online
COVER = [["西城管罚〔2026〕7号", "辛", "2026-07-20", "2026-07-24", "区城管局"],
         ["西城管罚〔2026〕8号", "庚", "2026-08-28", "2026-09-28", "区城管局"]]


def run(tmp_path, month: str, as_of: str, rows: list[list], online: list[list] | None = None,
        header: list[str] = HEADER):
    folder = tmp_path / month
    folder.mkdir()
    write_xlsx(folder / "区城管局_行政处罚.xlsx", {"行政处罚": [HEADER, *rows]})
    extra = []
    if online is not None:
        listed = write_xlsx(tmp_path / f"信用网站_{month}.xlsx", {"行政处罚": [header, *online]})
        extra = ["--online", str(listed)]
    out = tmp_path / f"{month}.json"
    result = CliRunner().invoke(main, ["check", str(folder), "--month", month, "--as-of", as_of,
                                       "--db", str(tmp_path / "h.sqlite"), "-o", str(tmp_path / f"{month}.xlsx"),
                                       "--json", str(out), *extra])
    assert result.exit_code in (0, 1), result.output
    payload = json.loads(out.read_text(encoding="utf-8"))
    items = payload["history"]["carried_over"] if month != "2026-08" else []
    return result, {(c["document_number"], c["decision_date"]): c for c in items}


AUGUST = [["西城管罚〔2026〕1号", "甲", D(2026, 8, 3), None, "区城管局"],  # overdue, blank
          ["西城管罚〔2026〕2号", "乙", D(2026, 8, 4), D(2026, 10, 9), "区城管局"],  # after 09-30: overdue then
          ["西城管罚〔2026〕3号", "丙", D(2026, 8, 5), D(2026, 8, 20), "区城管局"],  # claimed, not on the list
          ["西城管罚〔2026〕4号", "丁", D(2026, 8, 5), None, "区城管局"],  # nothing shows it
          ["西城管罚〔2026〕5号", "戊", D(2026, 8, 3), None, "区城管局"],  # one number, two decisions …
          ["西城管罚〔2026〕5号", "己", D(2026, 8, 4), None, "区城管局"]]  # … the list shows 戊's only
SEPTEMBER = [["西城管罚〔2026〕20号", "壬", D(2026, 9, 7), D(2026, 9, 10), "区城管局"]]


def state(items, number, day):
    item = items[(number, day)]
    return item["state"], item["status"], item["published_date"], item["working_days_late"]


def test_the_list_closes_what_it_shows_of_the_item_itself_and_nothing_else(tmp_path):
    run(tmp_path, "2026-08", "2026-09-30", AUGUST, COVER)
    listed = COVER + [["西城管罚〔2026〕20号", "壬", "2026-09-07", "2026-09-10", "区城管局"],
                      ["西城管罚〔2026〕1号", "甲", "2026-08-03", "2026-10-20", "区城管局"],
                      ["西城管罚〔2026〕5号", "戊", "2026-08-03", "2026-10-12", "区城管局"],
                      ["西城管罚〔2026〕4号", "丁", "2026-08-05", "2026-08-01", "区城管局"]]  # before its decision
    result, items = run(tmp_path, "2026-09", "2026-10-31", SEPTEMBER, listed)
    assert state(items, "西城管罚〔2026〕1号", "2026-08-03") == ("resolved", "late", "2026-10-20", 32)
    assert state(items, "西城管罚〔2026〕5号", "2026-08-03") == ("resolved", "late", "2026-10-12", 26)
    assert state(items, "西城管罚〔2026〕5号", "2026-08-04")[:2] == ("open", "overdue")  # another party
    assert state(items, "西城管罚〔2026〕4号", "2026-08-05")[:2] == ("open", "overdue")  # a day before its decision
    assert state(items, "西城管罚〔2026〕2号", "2026-08-04")[:2] == ("open", "overdue")  # a list this time: it decides
    assert state(items, "西城管罚〔2026〕3号", "2026-08-05")[0] == "open"
    assert "网站清单显示已于 2026-10-20 公开" in items[("西城管罚〔2026〕1号", "2026-08-03")]["note"]
    assert "已整改 2" in result.output


def test_without_a_list_the_ledgers_own_day_closes_it_but_never_a_website_unseen_one(tmp_path):
    run(tmp_path, "2026-08", "2026-09-30", AUGUST, COVER)
    _, items = run(tmp_path, "2026-09", "2026-10-31", SEPTEMBER)
    assert state(items, "西城管罚〔2026〕2号", "2026-08-04") == ("resolved", "late", "2026-10-09", 23)
    assert "之前的台账所填公开日期 2026-10-09 已到" in items[("西城管罚〔2026〕2号", "2026-08-04")]["note"]
    assert state(items, "西城管罚〔2026〕3号", "2026-08-05")[0] == "open"  # 网站未见 in August
    assert state(items, "西城管罚〔2026〕1号", "2026-08-03")[:2] == ("open", "overdue")


def test_a_row_deleted_from_a_cumulative_ledger_stays_gone_whatever_day_it_once_gave(tmp_path):
    published = [["西城管罚〔2026〕6号", "癸", D(2026, 8, 5), D(2026, 8, 10), "区城管局"]]  # no item: shows the copy
    run(tmp_path, "2026-08", "2026-09-30", AUGUST[:2] + AUGUST[3:4] + published)
    september = [AUGUST[0], AUGUST[3], *published, *SEPTEMBER]  # August's rows again, 乙's deleted
    _, items = run(tmp_path, "2026-09", "2026-10-31", september)
    assert state(items, "西城管罚〔2026〕2号", "2026-08-04")[0] == "dropped"


def test_a_catalogue_without_decision_dates_closes_by_party_and_number(tmp_path):
    """信息公开目录: no decision date; the August item published in September is filed under September."""
    run(tmp_path, "2026-08", "2026-09-30", AUGUST[:1], COVER)
    catalogue = [["文号", "标题", "发布日期"],
                 ["西城管罚〔2026〕20号", "区城管局关于壬的行政处罚决定书", "2026-09-10"],
                 ["西城管罚〔2026〕1号", "区城管局关于甲的行政处罚决定书", "2026-09-22"],
                 ["西城管罚〔2026〕7号", "区城管局关于辛的行政处罚决定书", "2026-07-24"]]
    result, items = run(tmp_path, "2026-09", "2026-10-31", SEPTEMBER, catalogue[1:], header=catalogue[0])
    assert state(items, "西城管罚〔2026〕1号", "2026-08-03") == ("resolved", "late", "2026-09-22", 17)
    # the entry that closed it is no 台账未登记 of September: August's ledger held the decision
    payload = json.loads((tmp_path / "2026-09.json").read_text(encoding="utf-8"))
    assert payload["online_only"] == [] and "台账未登记 0" in result.output


def test_an_earlier_ledgers_day_the_list_does_not_show_never_closes_the_item_later(tmp_path):
    """2号's August ledger says published 2026-10-09. September's list covers the unit past that day and does
    not hold it: the day is taken away (said), so that October, run without a list, does not close the item
    as 逾期公开 on a day the website disproved (probe 66: a hidden lateness)."""
    run(tmp_path, "2026-08", "2026-09-30", AUGUST, COVER)
    listed = COVER + [["西城管罚〔2026〕20号", "壬", "2026-09-07", "2026-09-10", "区城管局"],
                      ["西城管罚〔2026〕1号", "甲", "2026-08-03", "2026-10-20", "区城管局"]]
    _, items = run(tmp_path, "2026-09", "2026-10-31", SEPTEMBER, listed)
    item = items[("西城管罚〔2026〕2号", "2026-08-04")]
    assert (item["state"], item["status"], item["published_date"]) == ("open", "overdue", None)
    assert "网站清单中也没有它：之前的台账所填公开日期 2026-10-09 未见于网站" in item["note"], item["note"]
    october = [["西城管罚〔2026〕30号", "癸", D(2026, 10, 12), D(2026, 10, 14), "区城管局"]]
    _, items = run(tmp_path, "2026-10", "2026-11-30", october)
    assert state(items, "西城管罚〔2026〕2号", "2026-08-04")[:3] == ("open", "overdue", None)


def test_a_website_unseen_item_listed_again_with_a_day_waits_for_a_list_and_says_so(tmp_path):
    """3号 was 网站未见 in August (claimed 08-20, the list covering it does not hold it). September's ledger
    lists it again with a day, and no list is given: it stays open, and the row says why and what to do."""
    run(tmp_path, "2026-08", "2026-09-30", AUGUST, COVER)
    again = SEPTEMBER + [["西城管罚〔2026〕3号", "丙", D(2026, 8, 5), D(2026, 9, 15), "区城管局"]]
    _, items = run(tmp_path, "2026-09", "2026-10-31", again)
    item = items[("西城管罚〔2026〕3号", "2026-08-05")]
    assert item["state"] == "open"
    assert "原问题是网站未见，只有网站清单能销号：本期台账填了公开日期 2026-09-15" in item["note"], item["note"]


def test_an_item_without_a_number_is_closed_by_the_entry_of_its_unit_party_and_decision_date(tmp_path):
    # probe p80 M4: the list showed 张三's decision published, and the numberless item stayed 仍未整改
    august = [["", "张三", D(2026, 8, 3), None, "区城管局"], ["", "李四", D(2026, 8, 4), None, "区城管局"],
              ["", "王五", D(2026, 8, 5), None, "区城管局"]]
    run(tmp_path, "2026-08", "2026-09-30", august, COVER)
    listed = COVER + [["", "张三", "2026-08-03", "2026-10-20", "区城管局"],  # all three: closed, late
                      ["", "李四", "2026-08-05", "2026-10-12", "区城管局"],  # another decision day: not its entry
                      ["西城管罚〔2026〕30号", "王五", "2026-08-05", "2026-10-14", "区城管局"]]  # the number it lacked
    permits = [["", "李四", "2026-08-04", "2026-10-12", "区城管局"]]  # 李四's day, a permit: never a penalty's close
    folder = tmp_path / "2026-09"
    folder.mkdir()
    write_xlsx(folder / "区城管局_行政处罚.xlsx", {"行政处罚": [HEADER, *SEPTEMBER]})
    lists = [write_xlsx(tmp_path / "信用网站_行政处罚.xlsx", {"行政处罚": [HEADER, *listed]}),
             write_xlsx(tmp_path / "信用网站_行政许可.xlsx", {"行政许可": [["行政许可决定文书号", "行政相对人名称", "许可决定日期",
                                                                     "公示日期", "许可机关"], *permits]})]
    out = tmp_path / "2026-09.json"
    result = CliRunner().invoke(main, ["check", str(folder), "--month", "2026-09", "--as-of", "2026-10-31",
                                       "--db", str(tmp_path / "h.sqlite"), "-o", str(tmp_path / "2026-09.xlsx"),
                                       "--json", str(out), *(a for f in lists for a in ("--online", str(f)))])
    assert result.exit_code in (0, 1), result.output
    items = {(c["document_number"], c["decision_date"]): c for c in json.loads(out.read_text(encoding="utf-8"))["history"]["carried_over"]}
    assert state(items, None, "2026-08-03") == ("resolved", "late", "2026-10-20", 32)
    assert state(items, None, "2026-08-04")[:2] == ("open", "overdue")
    assert state(items, None, "2026-08-05")[:3] == ("resolved", "late", "2026-10-14")
