"""The kinds of problem: levels, one problem type's fields, and texts several messages share.

problem_codes.py declares every code with these; problems.py renders them.
"""

from __future__ import annotations

from contextvars import ContextVar
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
        if READER.get() == WEB and self.code.startswith("calendar") and isinstance(values.get("where"), str):
            # the server's calendar file: its name, not its path
            values = {**values, "where": values["where"].replace("\\", "/").rsplit("/", 1)[-1]}
        return self.text().format(**values)

    def text(self) -> str:
        """The template for whoever reads it: on the web page a clerk cannot pass --calendar, so the
        advice there is to tell the district office, which serves the page."""
        return _for_the_web(self.template) if READER.get() == WEB else self.template


CALENDAR_ADVICE = ("请准备 {year} 年的日历文件（CSV：date,type,name，type 填 休 或 班，例如“{year}-01-01,休,元旦”），"
                   "用 --calendar {year}.csv 提供后重新运行。")
KEEP_LEDGER = "按台账判定，不算网站问题"
COLUMNS_ADVICE = "可在 compliance.toml 的 [columns] 中为 {fields} 补充同义词"
WEB = "web"
READER: ContextVar[str] = ContextVar("reader", default="cli")  # who reads the messages rendered in this context
# What the command line's user can do, and what a clerk on the web page can do instead.
WEB_WORDING = ((CALENDAR_ADVICE, "请把这个情况告诉区政府办：补充 {year} 年的日历文件后，重新上传检查"),
               (CALENDAR_ADVICE.replace("{year}", "{gap_year}"),
                "请把这个情况告诉区政府办：补充 {gap_year} 年的日历文件后，重新上传检查"),
               (COLUMNS_ADVICE, "请把表头改成常用的列名（如“决定日期”“公开日期”），或请区政府办在配置中补充这些列名"),
               # the page has no folders, and a clerk need not be told of zip bombs (probe 63 F2)
               ("放在同一文件夹中一起检查", "一次选中这几个文件一起上传检查"),
               ("否则可能是恶意文件（压缩炸弹）", "否则请确认文件来源，用 Excel/WPS 打开后另存再上传"))


def _for_the_web(template: str) -> str:
    for cli, web in WEB_WORDING:
        template = template.replace(cli, web)
    return template
