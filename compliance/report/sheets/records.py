"""全部记录: every record in scope, one row each, continued on 全部记录(2) … past Excel's row limit."""

from __future__ import annotations

import pandas as pd

from ...rules import CATEGORY_LABELS
from ...status import STATUS_LABELS
from ..layout import DATE, INT, TEXT, SheetSpec
from ..record_columns import RecordColumn, record_frame, record_specs

NAME = "全部记录"
COLUMNS = (
    RecordColumn("来源文件", TEXT, 24, "source_file"),
    RecordColumn("工作表", TEXT, 10, "sheet"),
    RecordColumn("行号", INT, 6, "row"),
    RecordColumn("类别", TEXT, 10, "category", labels=CATEGORY_LABELS, unlabelled="未知"),
    RecordColumn("单位", TEXT, 26, "unit"),
    RecordColumn("文书号", TEXT, 30, "document_number"),  # the record's name: printed whole where it can be
    RecordColumn("行政相对人", TEXT, 28, "party"),
    RecordColumn("决定日期", DATE, 12, "decision_date"),
    RecordColumn("公开日期", DATE, 12, "published_date"),
    RecordColumn("应公开截止日期", DATE, 12, "deadline"),
    RecordColumn("状态", TEXT, 12, "status", labels=STATUS_LABELS),
    RecordColumn("逾期工作日数", INT, 10, "working_days_late"),
    RecordColumn("问题说明", TEXT, 36, "issues"),
    RecordColumn("逾期天数（日历日）", INT, 10, "calendar_days_late"),
    RecordColumn("剩余工作日", INT, 8, "working_days_left"),
    RecordColumn("适用规则", TEXT, 16, "rule"),
    RecordColumn("决定日期原文", TEXT, 18, "decision_text"),
    RecordColumn("公开日期原文", TEXT, 18, "published_text"),
)
# The first 13 columns print (with the parts' columns among them): all 18 on one A4 width make
# the type unreadably small.
PRINTED = 13


def columns_of(parts) -> tuple[RecordColumn, ...]:
    """COLUMNS with each part's columns placed after the column it names."""
    columns = list(COLUMNS)
    for part in parts:
        for after, column in reversed(part.record_columns()):
            at = [c.header for c in columns].index(after) + 1
            columns.insert(at, column)
    return tuple(columns)


def frame(run, columns) -> pd.DataFrame:
    return record_frame(run.records, run.issues, columns)


def specs(sheet) -> list[SheetSpec]:
    printed = PRINTED + len(sheet.columns) - len(COLUMNS)
    wrap = WRAPPED if len(sheet.everything) <= PRINTABLE_ROWS else ()
    return record_specs(NAME, sheet.everything, sheet.columns, sheet.statuses, sheet.footer, sheet.header, printed,
                        wrap=wrap)


WRAPPED = ("文书号", "行政相对人", "问题说明")  # printed columns whose long texts say what the record is
# Past this many records (some 500 pages) the sheet is for the screen, not for print: its rows are not made
# taller (setting them rewrites the whole sheet after writing, report/repair.py: a second or more at 100,000)
PRINTABLE_ROWS = 20_000
