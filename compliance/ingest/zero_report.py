"""Whose is a ledger with no decisions (本月无行政处罚决定, or the template sent back with its header only).

Its 填报单位 line names the unit before its file name does, as for a ledger with records (docs/rules.md
§8): 新建 Microsoft Excel 工作表.xlsx or 附件1.xlsx with 填报单位：区民政局 is 区民政局's 本期无决定, not a
unit named after the file, and 区民政局 is then not 未报送.
"""

from __future__ import annotations

import re
from itertools import islice

from ..fields import unit_name
from ..problems import problem
from .cells import is_blank
from .header import footer_unit, sheet_unit, title_unit
from .records import INSTRUCTIONS
from .unit_text import unit_in_text


def set_zero_report_unit(entry, raw_sheets, named: str | None) -> None:
    """``entry.unit_line``: the unit a file without records names; said on the file where its name gives another."""
    found = zero_report_unit(raw_sheets, entry.sheets, named is not None)
    if found:
        entry.unit_line = found[0]
        if named and unit_name(named) != unit_name(found[0]):
            entry.notes.append(problem("unit-line-differs", file=entry.path, sheet=found[1], line=found[0], named=named,
                                       counted=found[0]))


def zero_report_unit(raw_sheets, sheets, file_named: bool) -> tuple[str, str] | None:
    """(unit, sheet) a ledger without records names: a 填报单位 line above its header (anywhere in a sheet
    with no header) or in its sign-off lines; where the file name names no unit, a title that does."""
    # not a 填表说明 sheet's sentence (9. 填报单位：写全称，如西塞山区人力资源和社会保障局): no unit's line
    ends = [(raw, sheet.header_row - 1 if sheet.header_row else len(raw.rows)) for raw, sheet in zip(raw_sheets, sheets)
            if not INSTRUCTIONS.fullmatch(raw.name.strip())]
    for raw, end in ends:
        unit = sheet_unit(raw.rows, end) or footer_unit(raw.rows, end)
        if unit and unit_in_text(unit) == unit:
            return unit, raw.name
    for raw, end in ends if not file_named else ():
        unit = title_unit(raw.rows, end)
        if unit:
            return unit, raw.name
    return None


# 本月无行政处罚决定, 本期没有行政许可和行政处罚决定。, 本季度无: a unit's word that it made no decision.
_NO_DECISIONS = re.compile(r"^本(月|期|季度?|年度?)?(份)?(内)?(无|没有|未作出|未产生)[^，,；;]{0,20}(决定|案件|信息|事项|数据|记录)?[。.！!]?$")


_ONLY_NONE = re.compile(r"^(?:无|没有|暂无|本月无|无数据|无记录)[。.！!]?$")  # alone, or under a title: nothing


def declares_no_decisions(rows: list[list], scan: int = 30) -> bool:
    """A sheet's first rows hold a line saying the unit made no decision (a handful of cells, not records),
    or the sheet holds little more than a 无 (a title and 无, no table)."""
    texts = [re.sub(r"\s+", "", cell) for row in rows[:scan] for cell in row if isinstance(cell, str)]
    if any(_NO_DECISIONS.match(text) for text in texts):
        return True
    if not any(_ONLY_NONE.match(text) for text in texts):
        return False
    filled = (cell for row in rows for cell in row if not is_blank(cell))
    return sum(1 for _ in islice(filled, 4)) <= 3  # counted no further than needed: a sheet may be large
