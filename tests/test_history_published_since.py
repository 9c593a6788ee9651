"""An earlier month's open item that this month's (monthly) ledger no longer lists is closed when it is known
published by now: the website list given this time shows it, or the unit's ledger gave a publication day
after that month's as-of date that has now come. A 网站未见 item's ledger date closes nothing (the list
did not show it then); only the list does. Real ledgers, lists and history store through the real CLI.

Deadlines by hand: 2026-08-03 + 20 working days = 2026-08-31; 2026-08-04 -> 2026-09-01;
2026-08-05 -> 2026-09-02. 2026 中秋 Sep 25 and 国庆 Oct 1–7 off; Sep 20 and Oct 10 worked."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

HEADER = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"]


def run(tmp_path, month: str, as_of: str, rows: list[list], online: list[list] | None = None):
    folder = tmp_path / month
    folder.mkdir()
    write_xlsx(folder / "区城管局_行政处罚.xlsx", {"行政处罚": [HEADER, *rows]})
    extra = []
    if online is not None:
        listed = write_xlsx(tmp_path / f"信用网站_{month}.xlsx", {"行政处罚": [HEADER, *online]})
        extra = ["--online", str(listed)]
    out = tmp_path / f"{month}.json"
    result = CliRunner().invoke(main, ["check", str(folder), "--month", month, "--as-of", as_of,
                                       "--db", str(tmp_path / "h.sqlite"), "-o", str(tmp_path / f"{month}.xlsx"),
                                       "--json", str(out), *extra])
    assert result.exit_code in (0, 1), result.output
    return result, json.loads(out.read_text(encoding="utf-8"))


def test_items_no_longer_listed_are_closed_by_the_list_or_by_a_ledger_day_that_has_come(tmp_path):
    august = [["西城管罚〔2026〕1号", "甲", dt.date(2026, 8, 3), None, "区城管局"],  # overdue, blank
              ["西城管罚〔2026〕2号", "乙", dt.date(2026, 8, 4), dt.date(2026, 10, 9), "区城管局"],  # after 09-30
              ["西城管罚〔2026〕3号", "丙", dt.date(2026, 8, 5), dt.date(2026, 8, 20), "区城管局"],  # claimed, unseen
              ["西城管罚〔2026〕4号", "丁", dt.date(2026, 8, 5), None, "区城管局"]]  # nothing shows it
    listed_august = [["西城管罚〔2026〕7号", "辛", "2026-07-20", "2026-07-24", "区城管局"],
                     ["西城管罚〔2026〕9号", "戊", "2026-08-06", "2026-08-10", "区城管局"],
                     ["西城管罚〔2026〕8号", "庚", "2026-08-28", "2026-09-28", "区城管局"]]  # covers to 09-28
    run(tmp_path, "2026-08", "2026-09-30", august, listed_august)
    september = [["西城管罚〔2026〕20号", "己", dt.date(2026, 9, 7), dt.date(2026, 9, 10), "区城管局"]]
    listed = listed_august + september[:1] + [["西城管罚〔2026〕1号", "甲", "2026-08-03", "2026-10-20", "区城管局"]]
    result, payload = run(tmp_path, "2026-09", "2026-10-31", september, [[*r[:2], str(r[2]), str(r[3]), r[4]]
                                                                          for r in listed])
    items = {c["document_number"]: c for c in payload["history"]["carried_over"]}
    got = {n: (c["state"], c["status"], c["published_date"], c["working_days_late"]) for n, c in items.items()}
    assert got["西城管罚〔2026〕1号"] == ("resolved", "late", "2026-10-20", 32)  # the list shows it (中秋 9-25 off)
    assert got["西城管罚〔2026〕2号"] == ("resolved", "late", "2026-10-09", 23)  # the ledger's day has come
    assert got["西城管罚〔2026〕3号"][0] == "open"  # 网站未见: its ledger date proves nothing; not on the list
    assert got["西城管罚〔2026〕4号"][:2] == ("open", "overdue")
    assert "网站清单显示已于 2026-10-20 公开" in items["西城管罚〔2026〕1号"]["note"]
    assert "已整改 2" in result.output
