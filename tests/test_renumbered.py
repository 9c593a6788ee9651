"""A 修改版 that corrected a 文书号 (原24号系笔误), sent beside the first version: the same unit, party and decision
date under two numbers in two files. It was counted twice and the old number called 逾期未公开 with no word.
Neither row is dropped (they may be two decisions), but each names the other and is judged by the other's
publication date too. Real files through the real CLI."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

D = dt.date
HEADER = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期", "备注"]


def run(folder) -> dict:
    out = folder.parent / "r.json"
    result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2023-12-29", "--no-history",
                                       "-o", str(folder.parent / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    return {r["document_number"]: (r["status"], [i["code"] for i in r["issues"]]) for r in data["records"]}


def test_a_renumbered_copy_in_a_second_file_is_said_and_never_an_unsaid_accusation(tmp_path):
    folder = tmp_path / "10月"
    folder.mkdir()
    write_xlsx(folder / "区应急管理局10月.xlsx", {"Sheet1": [HEADER,
        [1, "西应急罚〔2023〕24号", "黄石戊三加油站", D(2023, 10, 9), None, ""],
        [2, "西应急罚〔2023〕25号", "黄石戊四加油站", D(2023, 10, 9), D(2023, 10, 12), ""],
        # 同一相对人同一天的另一决定，在同一文件中：两个决定，照常判定
        [3, "西应急罚〔2023〕27号", "黄石戊五加油站", D(2023, 10, 9), D(2023, 10, 12), ""],
        [4, "西应急罚〔2023〕28号", "黄石戊五加油站", D(2023, 10, 9), None, ""],
        [5, "西应急罚〔2023〕31号", "黄石戊六商店", D(2023, 10, 10), D(2023, 10, 13), ""],
        [6, "西应急罚〔2023〕33号", "张某", D(2023, 10, 10), None, ""]]})
    write_xlsx(folder / "区应急管理局 10月 修改版.xlsx", {"Sheet1": [HEADER,
        [1, "西应急罚〔2023〕26号", "黄石戊三加油站", D(2023, 10, 9), D(2023, 10, 12), "原24号系笔误"],
        [2, "西应急罚〔2023〕25号", "黄石戊四加油站", D(2023, 10, 9), D(2023, 10, 12), ""],
        [3, "西应急罚〔2023〕32号", "黄石市戊六商店", D(2023, 10, 10), D(2023, 10, 16), ""],
        # a masked name: two people may be written so
        [4, "西应急罚〔2023〕34号", "张某", D(2023, 10, 10), D(2023, 10, 16), ""]]})
    records = run(folder)
    # blank by one row, on time by the other: the verdict turns on which row is right
    assert records["西应急罚〔2023〕24号"] == ("invalid", ["renumbered-turns"])
    assert records["西应急罚〔2023〕26号"] == ("invalid", ["renumbered-turns"])
    # on time by either row: the verdict stands, with the note
    assert records["西应急罚〔2023〕31号"] == ("on_time", ["renumbered-differs"])
    assert records["西应急罚〔2023〕32号"] == ("on_time", ["renumbered-differs"])
    # the same number in both files is one decision, as before; two rows of one file are two decisions
    assert records["西应急罚〔2023〕25号"][0] == "on_time"
    assert records["西应急罚〔2023〕27号"] == ("on_time", [])
    assert records["西应急罚〔2023〕28号"] == ("overdue", [])
    assert records["西应急罚〔2023〕33号"] == ("overdue", [])
    assert records["西应急罚〔2023〕34号"] == ("on_time", [])
    assert len(records) == 9
