"""A cumulative ledger sent again the next month with the blank publication date filled in (补公开): one
decision, counted once, and the copy kept is not told "文书号重复" (an identical resend is not either).
Two files of one name in two month folders are told apart by their folder. Real CSV files, the real CLI."""

from __future__ import annotations

import json

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_csv

HEADER = ["行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"]


def test_a_refilled_copy_is_one_decision_without_a_repeated_number_note(tmp_path):
    folder = tmp_path / "报送"
    (folder / "10月").mkdir(parents=True)
    (folder / "11月").mkdir()
    write_csv(folder / "10月" / "区农业局_处罚台账.csv", [HEADER,
        ["西农罚〔2024〕1号", "甲", "2024-10-08", ""], ["西农罚〔2024〕2号", "乙", "2024-10-09", "2024-11-06"],
        ["西农罚〔2024〕3号", "丙", "2024-10-10", "2024-11-07"]])
    write_csv(folder / "11月" / "区农业局_处罚台账.csv", [HEADER,
        ["西农罚〔2024〕1号", "甲", "2024-10-08", "2024-11-20"], ["西农罚〔2024〕2号", "乙", "2024-10-09", "2024-11-06"],
        ["西农罚〔2024〕3号", "丙", "2024-10-10", ""]])
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2024-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code == 1, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    got = {r["document_number"]: (r["status"], sorted(i["code"] for i in r["issues"])) for r in data["records"]}
    assert got == {"西农罚〔2024〕1号": ("late", []), "西农罚〔2024〕2号": ("late", []),
                   "西农罚〔2024〕3号": ("invalid", ["duplicate-conflict"])}
    [conflict] = [r for r in data["records"] if r["document_number"] == "西农罚〔2024〕3号"]
    assert "11月/区农业局_处罚台账.csv / 区农业局_处罚台账 / 第 4 行" in conflict["issues"][0]["message"]


def test_a_month_run_keeps_a_conflict_any_copy_dates_in_that_month_and_a_date_after_the_run(tmp_path):
    # 9号 is dated 02-29 in one file and 03-01 in the other: in the March run it is one 数据有误 record, in
    # whichever order the files are read. 22号's 2099 date is impossible (after the run): 数据有误 in any month.
    for first, second in (("区人社局_3月处罚.csv", "区人社局_补报.csv"), ("区人社局_补报.csv", "区人社局_3月处罚.csv")):
        folder = tmp_path / first
        folder.mkdir()
        write_csv(folder / first, [HEADER, ["西人社罚〔2024〕9号", "甲", "2024-02-29", "2024-03-20"],
                                   ["西人社罚〔2024〕10号", "乙", "2024-03-04", "2024-03-08"]])
        write_csv(folder / second, [HEADER, ["西人社罚〔2024〕9号", "甲", "2024-03-01", "2024-03-20"],
                                    ["西人社罚〔2024〕22号", "丙", "2099-03-05", ""]])
        out = tmp_path / f"{first}.json"
        result = CliRunner().invoke(main, ["check", str(folder), "--month", "2024-03", "--as-of", "2024-04-30",
                                           "--no-history", "-o", str(tmp_path / f"{first}.xlsx"), "--json", str(out)])
        assert result.exit_code == 1, result.output
        data = json.loads(out.read_text(encoding="utf-8"))
        got = {r["document_number"]: (r["status"], sorted(i["code"] for i in r["issues"])) for r in data["records"]}
        assert got == {"西人社罚〔2024〕9号": ("invalid", ["duplicate-conflict"]), "西人社罚〔2024〕10号": ("on_time", []),
                       "西人社罚〔2024〕22号": ("invalid", ["decision-after-run-date"])}, first
