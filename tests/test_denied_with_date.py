"""是否公开 否 (未公开, 不公开) beside a filled publication date: the mark or the date is wrong. On time by the
date is 数据有误 (the date may be a day planned, the decision not online); late by the date stays late (not
online by the deadline either way). Both said. It was judged 按时公开 without a word. Real files, real CLI.

2026-09-03 + 20 working days = 2026-10-08 (国庆 Oct 1–7 and 中秋 Sep 25 off, Sep 20 and Oct 10 worked)."""

from __future__ import annotations

from helpers import cli_check, write_xlsx


def test_a_mark_of_no_beside_a_date_is_said_and_never_on_time(tmp_path):
    rows = [["填报单位：区城管执法局"], ["序号", "处罚决定书文号", "当事人", "处罚决定日期", "是否公开", "公开时间"],
            [1, "区城管罚〔2026〕1号", "甲", "2026-09-03", "是", "2026-10-09"],
            [2, "区城管罚〔2026〕2号", "乙", "2026-09-03", "否", "2026-10-08"],
            [3, "区城管罚〔2026〕3号", "丙", "2026-09-03", "未公开", "2026-10-20"],
            [4, "区城管罚〔2026〕4号", "丁", "2026-09-03", "是", "2026-10-08"]]
    path = write_xlsx(tmp_path / "区城管执法局处罚公开台账.xlsx", {"2026": rows})
    code, data, output = cli_check(tmp_path, path, "2026-11-30")
    assert code == 1, output
    got = {r["row"]: (r["status"], [i["code"] for i in r["issues"]])
           for r in data["records"]}
    assert got == {3: ("late", []), 4: ("invalid", ["published-denied-with-date"]),
                   5: ("late", ["published-denied-with-date"]), 6: ("on_time", [])}
    assert "“是否公开”一栏说没有公开，公开日期却填了 2026-10-08" in output
