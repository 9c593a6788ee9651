"""An optional part of a run's outputs, and what each output may ask of it.

A part is what a run carries beyond the core check: the website check
(--online) today, the month-over-month history and the data-quality checks
next. The outputs ask every part of the run (``run.parts``) and never test
for one by name; a part adds nothing unless it says so here.
"""

from __future__ import annotations

import pandas as pd

from ..layout import INT, SheetSpec
from ..record_columns import RecordColumn


class Part:
    #: added to the default report name (公开时限检查_2016-12-31_网站核对.xlsx)
    name_suffix = ""

    def record_columns(self) -> list[tuple[str, RecordColumn]]:
        """Columns of 全部记录, each placed after the column with the header given."""
        return []

    def summary_columns(self, table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
        """汇总 with the part's count columns added (placed before 备注), and their headers."""
        return table, []

    def summary_kinds(self, headers: list[str]) -> list[str]:
        """The cell kinds of the part's 汇总 columns (counts by default)."""
        return [INT] * len(headers)

    def sheets(self, sheet) -> list[SheetSpec]:
        """Sheets of the part's own, placed after 逾期清单 (``sheet``: the report's SheetContext)."""
        return []

    def about_lines(self) -> list[tuple[str, str]]:
        """Lines of 说明, after the input files."""
        return []

    def add_json(self, payload: dict, rows: list[dict]) -> None:
        """What the part adds to the JSON: to each record's row, and at the top level."""

    def terminal_lines(self) -> list[str]:
        """Lines of the terminal's results, after the units with the highest 迟报率."""
        return []

    def findings(self) -> list[str]:
        """What the part found that makes the run "problems found" (exit 1), in the verdict's words."""
        return []
