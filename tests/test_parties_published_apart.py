"""One decision with two parties, its 文书号 and 决定日期 merged over their two rows, each party published
on its own day: one decision, published in full on the later day (逾期 when that day is past the deadline),
each party's day said. It was 数据有误 (two copies of one decision disagreeing) and listed as 重复报送,
which hid a late publication. Real files, real CLI.

2026-09-03 + 20 working days = 2026-10-08 (国庆 Oct 1–7 and 中秋 Sep 25 off, Sep 20 and Oct 10 worked)."""

from __future__ import annotations

import datetime as dt
from helpers import cli_check, write_xlsx

D = dt.date


def test_two_parties_published_on_their_own_days_are_one_decision_judged_by_the_later(tmp_path):
    rows = [["序号", "文书号", "当事人", "处罚决定日期", "上网公开日期"],
            [1, "区环罚〔2026〕14号", "戊公司", D(2026, 8, 3), D(2026, 8, 31)],
            [2, "区环罚〔2026〕15号", "己公司", D(2026, 9, 3), D(2026, 9, 10)],
            [None, None, "庚公司", None, D(2026, 10, 20)],  # under the merge: the same decision, another party
            [3, "区环罚〔2026〕16号", "辛公司", D(2026, 9, 3), D(2026, 9, 10)],
            [None, None, "壬公司", None, D(2026, 9, 30)]]  # both parties on time: on time, no doubt
    path = write_xlsx(tmp_path / "区生态环境分局行政处罚台账.xlsx", {"处罚": rows},
                      merges={"处罚": ["A3:A4", "B3:B4", "D3:D4", "A5:A6", "B5:B6", "D5:D6"]})
    code, data, output = cli_check(tmp_path, path, "2026-11-30")
    assert code == 1, output
    got = {r["document_number"]: (r["party"], r["status"], r["published_date"], [i["code"] for i in r["issues"]])
           for r in data["records"]}
    assert got["区环罚〔2026〕15号"] == ("己公司、庚公司", "late", "2026-10-20", ["published-per-party"])
    assert got["区环罚〔2026〕16号"][:3] == ("辛公司、壬公司", "on_time", "2026-09-30")
    assert got["区环罚〔2026〕14号"][1] == "on_time" and len(got) == 3
    assert "己公司 2026-09-10；庚公司 2026-10-20" in output
    assert "其他当事人，并入那一条决定" in output and "同一决定（单位、类别" not in output


def test_a_second_party_under_a_merged_serial_number_joins_the_decision_above(tmp_path):
    # 序号 merged over two rows; the second row has only its party (number and dates left blank, as a clerk
    # does): the same decision's other party. It was a record of its own, 数据有误 (no number, no date).
    rows = [["序号", "文书号", "当事人", "处罚决定日期", "上网公开日期", "处罚内容"],
            [1, "区环罚〔2026〕13号", "丙公司", D(2026, 10, 9), None, "罚款"],
            [None, None, "丁公司", None, None, "罚款"],
            [2, "区环罚〔2026〕14号", "戊公司", D(2026, 8, 3), D(2026, 8, 31), "警告"]]
    path = write_xlsx(tmp_path / "区生态环境分局行政处罚台账.xlsx", {"处罚": rows}, merges={"处罚": ["A2:A3"]})
    code, data, output = cli_check(tmp_path, path, "2026-11-30")
    got = [(r["document_number"], r["party"], r["status"]) for r in data["records"]]
    assert got == [("区环罚〔2026〕13号", "丙公司、丁公司", "overdue"), ("区环罚〔2026〕14号", "戊公司", "on_time")], output


def test_a_party_left_without_a_publication_day_is_never_on_time(tmp_path):
    # 甲 published on time, 乙 (the same decision, its number merged) left blank or 未公开: not all of it is
    # said to be online. It was 按时公开 (the blank taken as "the same"), and the run could pass.
    rows = [["序号", "文书号", "当事人", "处罚决定日期", "上网公开日期"],
            [1, "区环罚〔2026〕51号", "甲公司", D(2026, 9, 3), D(2026, 9, 10)], [None, None, "乙公司", None, None],
            [2, "区环罚〔2026〕52号", "丙公司", D(2026, 9, 3), D(2026, 10, 20)], [None, None, "丁公司", None, "未公开"]]
    path = write_xlsx(tmp_path / "区生态环境分局行政处罚台账.xlsx", {"处罚": rows},
                      merges={"处罚": ["A2:A3", "B2:B3", "D2:D3", "A4:A5", "B4:B5", "D4:D5"]})
    code, data, output = cli_check(tmp_path, path, "2026-11-30")
    assert code == 1, output
    got = {r["document_number"]: (r["status"], [i["code"] for i in r["issues"]])
           for r in data["records"]}
    assert got == {"区环罚〔2026〕51号": ("invalid", ["published-party-blank"]),
                   "区环罚〔2026〕52号": ("late", ["published-party-blank"])}
    assert "当事人“乙公司”没有公开日期" in output
