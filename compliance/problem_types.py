"""The kinds of problem: levels, one problem type's fields, and texts several messages share.

problem_codes.py declares every code with these; problems.py renders them.
"""

from __future__ import annotations

from dataclasses import dataclass

RUN, FILE, SHEET, RECORD, CELL, UNIT = "run", "file", "sheet", "record", "cell", "unit"
LEVELS = {RUN: "运行", FILE: "文件", SHEET: "工作表", RECORD: "记录", CELL: "单元格", UNIT: "汇总行"}
# A cell problem is shown after the name of its column: 决定日期：不存在的日期：2016-02-30.
FIELD_LABELS = {"decision_date": "决定日期", "published_date": "公开日期"}


@dataclass(frozen=True)
class ProblemType:
    code: str
    level: str
    template: str  # the message, with {values}
    meaning: str = ""  # for docs/problems.md: what it means (tests/test_problems.py requires it)
    action: str = ""  # for docs/problems.md: what the user should do (required likewise)
    short: str | None = None  # where the values stand in columns of their own (公开核对)
    quality: str | None = None  # a data-quality finding: "error" (合规率, exit 1) or "notice" (to act on)

    def message(self, **values) -> str:
        return self.template.format(**values)


CALENDAR_ADVICE = ("请准备 {year} 年的日历文件（CSV：date,type,name，type 填 休 或 班，例如“{year}-01-01,休,元旦”），"
                   "用 --calendar {year}.csv 提供后重新运行")
KEEP_LEDGER = "按台账判定，不算网站问题"
