"""The report's sheets, one module each, and their order.

汇总 (summary.py), 逾期清单 (late.py), the parts' sheets (公开核对 with
--online: online_check.py), 数据问题 (problems.py), 全部记录 (records.py,
continued on 全部记录(2) … past Excel's row limit) and 说明 (about.py). Each
module gives its sheet's columns, formats and print settings; the run's parts
add their columns, 汇总 headers and 说明 lines (report/parts/).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..layout import SheetSpec
from ..scope import scope_text
from ..shape import ReportShape
from . import about, late, problems, records, summary


@dataclass
class SheetContext:
    """What every sheet of one report shares: the run, its page header and footer, the record cells."""

    run: object
    footer: str
    header: str
    statuses: np.ndarray  # each record's status key
    columns: tuple  # 全部记录's columns, the parts' included
    everything: pd.DataFrame  # 全部记录's cells, which 数据问题 and 公开核对 pick rows from
    shape: ReportShape = ReportShape()
    cuts: list = field(default_factory=list)  # (sheet, rows kept, rows in all): 说明 says what was left out


def page_header(scope: str) -> str:
    """Every printed page says which list it is and for which scope."""
    return f'&C&"-,Bold"&A（{scope}）'


def build_specs(run, writer_label: str, shape: ReportShape | None = None) -> list[SheetSpec]:
    scope = scope_text(run)
    columns = records.columns_of(run.parts)
    sheet = SheetContext(run, f"&L&A&C第 &P 页，共 &N 页&R{scope}", page_header(scope),
                         run.records["status"].astype(object).to_numpy(object), columns,
                         records.frame(run, columns), shape or ReportShape())
    specs = [summary.spec(sheet)]
    specs += late.specs(sheet)
    for part in run.parts:
        specs += part.sheets(sheet)
    specs.append(problems.spec(sheet))
    if sheet.shape.records_sheet:
        specs += records.specs(sheet)
    specs.append(about.spec(sheet, writer_label))
    return specs
