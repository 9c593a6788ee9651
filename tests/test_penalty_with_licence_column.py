"""A penalty ledger that lists the party's licence (食品经营许可证号) beside 违法事实 and 处罚种类: penalties,
judged by the penalty rule, and the licence number is not taken for the decision's 文书号 (two fines on one
licensee would have been merged as one decision sent twice). A licence ledger keeps its number."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

D = dt.date


def run(tmp_path, sheets, *extra):
    book = write_xlsx(tmp_path / "区食药监局_2024年台账.xlsx", sheets)
    (tmp_path / "compliance.toml").write_text("[rules]\npermit = 20\npenalty = 7\n", encoding="utf-8")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--no-history",
                                       "--config", str(tmp_path / "compliance.toml"),
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out), *extra])
    assert result.exit_code in (0, 1), result.output
    return json.loads(out.read_text(encoding="utf-8"))["records"]


def test_a_licence_column_beside_penalty_columns_makes_no_permit_and_no_number(tmp_path):
    header = ["序号", "当事人", "食品经营许可证号", "违法事实", "处罚种类", "决定日期", "公示日期"]
    rows = [[1, "甲超市", "JY14202030012345", "销售过期食品", "警告；罚款", D(2024, 6, 3), D(2024, 6, 20)],
            [2, "甲超市", "JY14202030012345", "未按规定贮存", "罚款", D(2024, 7, 1), D(2024, 7, 5)]]
    records = run(tmp_path, {"Sheet1": [header, *rows]})
    assert [(r["category"], r["document_number"], r["deadline"], r["status"]) for r in records] == [
        ("penalty", "", "2024-06-13", "late"), ("penalty", "", "2024-07-10", "on_time")]


def test_a_licence_ledger_keeps_its_licence_number_as_the_number(tmp_path):
    header = ["序号", "被许可人", "许可证号", "发证日期", "公示日期"]
    records = run(tmp_path, {"Sheet1": [header, [1, "乙公司", "西城管准字第2024001号", D(2024, 3, 1), D(2024, 3, 5)]]})
    assert [(r["category"], r["document_number"], r["status"]) for r in records] == [
        ("permit", "西城管准字第2024001号", "on_time")]
