"""A short note in brackets after a date (2026-09-03（简易程序）, 2026-10-09（信用中国）) and 是（2026-10-09）
in a publication cell: the day is read, as （周四） and 已公开 2026-10-09 already were. They were 数据有误
("不知道哪一天算数"), hiding a late publication. A note that makes the day doubtful (拟, 待定) is still one.
The procedure said in the decision's date cell counts for --rule market's exemption. Real CSV, real CLI.

2026-09-03 + 20 working days = 2026-10-08 (国庆 Oct 1–7 and 中秋 Sep 25 off, Sep 20 and Oct 10 worked)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from compliance.cli import main


def _run(tmp_path, *args):
    lines = ["行政处罚决定书文号,当事人,处罚决定日期,上网公开日期",
             "西交罚〔2026〕1号,甲,2026-09-03（简易程序）,2026-10-09",
             "西交罚〔2026〕2号,乙,2026-09-03,是（2026-10-09）",
             "西交罚〔2026〕3号,丙,2026-09-03,2026-10-08（信用中国）",
             "西交罚〔2026〕4号,丁,2026-09-03,2026-10-09（拟）",
             "西交罚〔2026〕5号,戊,2026-09-03,2026-10-08（审核中）",  # not said online: a step before it
             "西交罚〔2026〕6号,己,2026-08-03（立案）,2026-09-10",  # another step's day, not the decision's
             "西交罚〔2026〕7号,庚,2026-09-03（简易）,2026-10-09"]
    path = tmp_path / "区交通运输局_2026年行政处罚.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2026-11-30", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out), *args])
    assert result.exit_code == 1, result.output
    return {r["document_number"]: (r["decision_date"], r["published_date"], r["status"])
            for r in json.loads(out.read_text(encoding="utf-8"))["records"]}


def test_a_note_after_the_day_and_yes_before_it_leave_the_day_readable(tmp_path):
    got = _run(tmp_path)
    assert got["西交罚〔2026〕1号"] == ("2026-09-03", "2026-10-09", "late")
    assert got["西交罚〔2026〕2号"] == ("2026-09-03", "2026-10-09", "late")
    assert got["西交罚〔2026〕3号"] == ("2026-09-03", "2026-10-08", "on_time")
    assert got["西交罚〔2026〕4号"][1:] == (None, "invalid")  # 拟: a day planned, not a publication
    assert got["西交罚〔2026〕5号"][1:] == (None, "invalid") and got["西交罚〔2026〕6号"][0] is None
    assert got["西交罚〔2026〕6号"][2] == "invalid" and got["西交罚〔2026〕7号"][2] == "late"


def test_the_procedure_in_the_decision_date_cell_counts_for_the_market_rule(tmp_path):
    got = _run(tmp_path, "--rule", "market")
    assert got["西交罚〔2026〕1号"][2] == "exempt" and got["西交罚〔2026〕2号"][2] == "late"
    assert got["西交罚〔2026〕7号"][2] == "exempt"  # （简易）
