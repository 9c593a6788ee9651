"""The terminal's 需要处理的记录 lists what a clerk must fix: a note whose advice is 无需处理 (an online list that
cannot cover the record, a repeat counted once, 无需公开 by rule) is in the report, not in that list."""

from __future__ import annotations

import datetime as dt

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

D = dt.date


def test_the_terminal_lists_records_to_fix_not_notes_that_need_nothing(tmp_path):
    # An online list that covers none of a unit's records: 25 on-time records "无法核对" filled the first
    # screenful and pushed the late one out of sight.
    header = ["决定书文号", "当事人", "处罚决定日期", "公示日期"]
    rows = [[f"西综执罚〔2024〕{i}号", f"公司{i}", D(2024, 3, 1), D(2024, 3, 5)] for i in range(1, 26)]
    rows.append(["西综执罚〔2024〕99号", "迟报公司", D(2024, 3, 1), D(2024, 6, 5)])
    book = write_xlsx(tmp_path / "区综合执法局_行政处罚.xlsx", {"行政处罚": [header, *rows]})
    online = write_xlsx(tmp_path / "网站清单.xlsx", {"清单": [["标题", "发布日期", "发布单位"],
                                                         ["关于某事的通知", D(2024, 11, 1), "区教育局"]]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--online", str(online),
                                       "-o", str(tmp_path / "r.xlsx")])
    listed = result.stdout.split("需要处理的记录：")[1].split("报告已保存")[0]
    assert "西综执罚〔2024〕99号：逾期公开" in listed, listed
    assert "西综执罚〔2024〕1号" not in listed and "另有" not in listed


def test_a_pending_record_whose_deadline_no_calendar_covers_says_so(tmp_path):
    # 2003 precedes every calendar the tool has: two days after the decision nothing can be late yet, but
    # the deadline's day cannot be told. It was left blank without a word.
    header = ["决定书文号", "当事人", "处罚决定日期", "公示日期"]
    book = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"行政处罚": [
        header, ["西安监罚〔2003〕1号", "甲", D(2003, 12, 1), None]]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2003-12-03", "-o", str(tmp_path / "r.xlsx"),
                                       "--json", str(tmp_path / "r.json")])
    record = __import__("json").loads((tmp_path / "r.json").read_text(encoding="utf-8"))["records"][0]
    assert record["status"] == "pending" and record["deadline"] is None
    assert [i["code"] for i in record["issues"]] == ["deadline-beyond-calendar"]
    assert "有 1 条未到期的记录，截止日期在 2003 年" in result.output
