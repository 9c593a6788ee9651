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
