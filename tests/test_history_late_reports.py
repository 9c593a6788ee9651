"""补报: a decision of a month already recorded, first sent in a later month's ledger, counts in the month it
was sent (api.check, history/late_reports.py) and is followed from then — once, whatever happens to it after.

Each case runs months through the real CLI on real .xlsx files and a real SQLite store (helpers from
test_history_followup); the right answer is worked out in each test (20 working days; 国庆 2016: 10-01 to
10-07 off, Saturday 10-08 and Sunday 10-09 worked).
"""

from __future__ import annotations

import json

from click.testing import CliRunner
from test_history_followup import ledger, month

from compliance.cli import main


def run(tmp_path, folder: str, period: str, as_of: str, *extra: str) -> tuple[int, str, dict]:
    out = tmp_path / f"r{period}.json"
    result = CliRunner().invoke(main, ["check", str(tmp_path / folder), "--month", period, "--as-of", as_of,
                                       "--db", str(tmp_path / "h.sqlite"), "-o", str(tmp_path / f"r{period}.xlsx"),
                                       "--json", str(out), *extra])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, result.output, json.loads(out.read_text(encoding="utf-8"))


def test_a_late_report_without_a_number_counts_once_not_again_every_month(tmp_path):
    # probe 41: a 补报 is stored in the period it was sent; compared by that period instead of its decision
    # month, it was a 补报 again every later month (counted again, once as 逾期公开 after its 整改).
    october = [("西安监罚〔2016〕1号", "甲", "2016-10-10", "2016-10-12")]
    november = october + [("无", "李四", "2016-10-18", "2016-10-28"), ("西安监罚〔2016〕2号", "乙", "2016-11-02", "2016-11-04")]
    december = november + [("西安监罚〔2016〕3号", "丙", "2016-12-01", "2016-12-02")]
    for folder, rows in (("10", october), ("11", november), ("12", december)):
        ledger(tmp_path / folder / "区安监局_行政处罚.xlsx", "penalty", rows, "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    _, said, nov = run(tmp_path, "11", "2016-11", "2016-12-26")
    assert "1 条是 2016-10 作出" in said and nov["summary"]["records"] == 2
    code, said, dec = run(tmp_path, "12", "2016-12", "2017-01-25")
    assert "补报" not in said and dec["summary"]["records"] == 1 and code == 0


def test_a_late_report_deleted_from_the_cumulative_ledger_after_is_dropped(tmp_path):
    # probe 41: an overdue 补报 (stored under November) gone from December's cumulative ledger, which still holds
    # every other October row, was 仍未整改 ("台账不含该月份"): the month's rows were looked for under November only.
    october = [("西安监罚〔2016〕1号", "甲", "2016-10-10", "2016-10-12"), ("西安监罚〔2016〕2号", "乙", "2016-10-11", "2016-10-13")]
    late = ("西安监罚〔2016〕9号", "庚", "2016-10-20", None)
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", october, "区安监局")
    ledger(tmp_path / "11" / "区安监局_行政处罚.xlsx", "penalty", october + [late], "区安监局")
    ledger(tmp_path / "12" / "区安监局_行政处罚.xlsx", "penalty", october + [("西安监罚〔2016〕20号", "辛", "2016-12-01", "2016-12-02")],
           "区安监局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    run(tmp_path, "11", "2016-11", "2016-12-26")
    code, said, dec = run(tmp_path, "12", "2016-12", "2017-01-25")
    assert [(i["document_number"], i["state"]) for i in dec["history"]["carried_over"]] == [("西安监罚〔2016〕9号", "dropped")]
    assert "台账中消失：区安监局 西安监罚〔2016〕9号" in said and code == 1


def test_another_districts_office_using_the_same_number_hides_no_late_report(tmp_path):
    # probe 41: both districts' 人社局 number 区人社许〔2016〕N号; 黄石港's overdue 补报 matched 西塞山's stored 3号
    # and was in no month's figures (通过). A number names its issuer only for a unit this run does not name.
    for folder, rows in (("10", {"西塞山区人社局": [("区人社许〔2016〕3号", "西丙", "2016-10-03", "2016-10-05")],
                                 "黄石港区人社局": [("区人社许〔2016〕1号", "港甲", "2016-10-04", "2016-10-05")]}),
                         ("11", {"西塞山区人社局": [("区人社许〔2016〕3号", "西丙", "2016-10-03", "2016-10-05"),
                                                   ("区人社许〔2016〕5号", "西戊", "2016-11-01", "2016-11-02")],
                                 "黄石港区人社局": [("区人社许〔2016〕1号", "港甲", "2016-10-04", "2016-10-05"),
                                                   ("区人社许〔2016〕3号", "港丙", "2016-10-06", None)]})):
        for unit, unit_rows in rows.items():
            ledger(tmp_path / folder / f"{unit}_行政许可.xlsx", "permit", unit_rows, unit)
    month(tmp_path, "10", "2016-10", "2016-11-25")
    code, said, nov = run(tmp_path, "11", "2016-11", "2016-12-26")
    late = [r for r in nov["records"] if r["document_number"] == "区人社许〔2016〕3号" and r["unit"] == "黄石港区人社局"]
    # decided 10-06 (a holiday): day 1 is 10-08 (worked), the deadline 11-02; 11-03 .. 12-26 is 38 working days
    assert [(r["status"], r["deadline"], r["working_days_late"]) for r in late] == [("overdue", "2016-11-02", 38)]
    assert code == 1


def test_a_renamed_units_rows_without_a_number_are_no_late_report(tmp_path):
    # probe 41: 区安监局 renamed 区应急管理局 without [units]: found by its issuer-numbered rows for the follow-up,
    # but not for 补报, where its numberless October rows were counted again (and an open item twice).
    october = [("西安监罚〔2016〕1号", "甲", "2016-10-10", "2016-10-12"), ("无", "王五", "2016-10-12", "2016-10-14"),
               ("无", "赵六", "2016-10-20", None)]
    ledger(tmp_path / "10" / "区安监局_行政处罚.xlsx", "penalty", october, "区安监局")
    ledger(tmp_path / "11" / "区应急管理局_行政处罚.xlsx", "penalty",
           october + [("西应急罚〔2016〕1号", "丁", "2016-11-01", "2016-11-02")], "区应急管理局")
    month(tmp_path, "10", "2016-10", "2016-11-25")
    code, said, nov = run(tmp_path, "11", "2016-11", "2016-12-26")
    assert "补报" not in said and nov["summary"]["records"] == 1
    assert [(i["party"], i["state"], i["unit"]) for i in nov["history"]["carried_over"]] == [("赵六", "open", "区应急管理局")]
