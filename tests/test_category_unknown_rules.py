"""A record whose category is unknown, under a config giving permits and penalties different deadlines
(许可 7, 处罚 20 working days): judged where both deadlines give the same answer, 数据有误 only where the answer
hangs on the category. Before, every such record was 数据有误 and its unit ranked at 0 %. Real files, real CLI.

2026-09-03 + 7 working days = 2026-09-14; + 20 = 2026-10-08 (国庆 Oct 1–7 and 中秋 Sep 25 off, Sep 20 and
Oct 10 worked); 2026-11-20 + 7 = 2026-12-01."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

D = dt.date


def test_unknown_category_judged_where_both_deadlines_agree(tmp_path):
    rows = [["文书号", "当事人", "决定日期", "公开日期"],
            ["西城2026-1", "甲", D(2026, 9, 3), D(2026, 9, 10)],  # on time under both
            ["西城2026-2", "乙", D(2026, 9, 3), D(2026, 9, 20)],  # late under 7, on time under 20: hangs on it
            ["西城2026-3", "丙", D(2026, 9, 3), D(2026, 10, 20)],  # late under both
            ["西城2026-4", "丁", D(2026, 9, 3), None],  # overdue under both
            ["西城2026-5", "戊", D(2026, 11, 20), None]]  # pending under both: by the earlier deadline
    write_xlsx(tmp_path / "区城管局台账.xlsx", {"Sheet1": rows})
    config = tmp_path / "compliance.toml"
    config.write_text("[rules]\npermit = 7\npenalty = 20\n", encoding="utf-8")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(tmp_path / "区城管局台账.xlsx"), "--config", str(config),
                                       "--as-of", "2026-11-30", "--no-history", "-o", str(tmp_path / "r.xlsx"),
                                       "--json", str(out)])
    assert result.exit_code == 1, result.output
    got = {r["document_number"]: (r["status"], r["deadline"], [i["code"] for i in r["issues"]][0])
           for r in json.loads(out.read_text(encoding="utf-8"))["records"]}
    assert got == {"西城2026-1": ("on_time", "2026-09-14", "category-unknown-either"),
                   "西城2026-2": ("invalid", None, "category-unknown"),
                   "西城2026-3": ("late", "2026-10-08", "category-unknown-either"),
                   "西城2026-4": ("overdue", "2026-10-08", "category-unknown-either"),
                   # 未到期 under both: 数据有误 would have counted against the unit's rank before the day came
                   "西城2026-5": ("pending", "2026-12-01", "category-unknown-either")}
    late = {r["document_number"]: r["working_days_late"] for r in json.loads(out.read_text(encoding="utf-8"))["records"]
            if r["status"] == "late"}
    assert late == {"西城2026-3": 9}  # from the later deadline, 2026-10-08: the lenient count
    assert "按许可和处罚的期限判定结果相同" in result.output
