"""The Excel report handed to 法制办: which sheets, in which order, and the atomic write.

Sheets: 汇总, 逾期清单, 数据问题, 全部记录 (continued on 全部记录(2) … past
Excel's row limit), 说明. Input text is always written as a string cell,
never as a formula. The file is written to a temporary name in the target
folder and renamed into place, so a failed run leaves no half-written report.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from ..status import LATE
from .layout import STATUS_FILLS, SheetSpec, column_widths
from .record_columns import ALL_RECORDS_PRINTED, LATE_LIST, all_record_columns, columns_named, record_frame
from .sheets import about_spec, problems_spec, scope_text, summary_spec
from . import tempfiles
from .writers import write_workbook

EXCEL_MAX_ROWS = 1_048_576


def record_specs(base_name: str, frame: pd.DataFrame, columns, statuses: np.ndarray, footer: str,
                 header: str, print_columns: int | None = None) -> list[SheetSpec]:
    """One sheet per EXCEL_MAX_ROWS - 1 records: 全部记录, 全部记录(2), …"""
    kinds = [c.kind for c in columns]
    widths = [min(w, c.width_cap) for c, w in zip(columns, column_widths(frame, kinds))]
    per_sheet = EXCEL_MAX_ROWS - 1
    specs = []
    for part, start in enumerate(range(0, max(len(frame), 1), per_sheet), start=1):
        stop = min(start + per_sheet, len(frame))
        chunk = frame.iloc[start:stop].reset_index(drop=True)
        part_status = statuses[start:stop]
        highlight = {}
        for status, color in STATUS_FILLS.items():
            for r in np.flatnonzero(part_status == status):
                highlight[int(r)] = color
        # Overdue rows are bold as well: two fills alone vanish on a black-and-white printer.
        bold = {int(r) for r in np.flatnonzero(part_status == "overdue")}
        specs.append(SheetSpec(base_name if part == 1 else f"{base_name}({part})", chunk, kinds, widths,
                               highlight=highlight, bold_rows=bold, print_columns=print_columns or len(kinds),
                               footer=footer, page_header=header))
    return specs


def page_header(scope: str) -> str:
    """Every printed page says which list it is and for which scope."""
    return f'&C&"-,Bold"&A（{scope}）'


def build_specs(run, writer_label: str) -> list[SheetSpec]:
    records = run.records
    scope = scope_text(run)
    header = page_header(scope)
    footer = f"&L&A&C第 &P 页，共 &N 页&R{scope}"
    statuses = records["status"].astype(object).to_numpy(object)
    online = getattr(run, "online", None)
    columns = all_record_columns(online is not None)
    everything = record_frame(records, run.issues, columns)
    order = _late_order(records, np.isin(statuses, LATE))
    late_columns = columns_named(LATE_LIST)
    late_frame = record_frame(records.iloc[order], [run.issues[i] for i in order], late_columns)
    specs = [summary_spec(run, footer)]
    specs += record_specs("逾期清单", late_frame, late_columns, statuses[order], footer, header)
    if online is not None:
        from .online_sheet import online_check_spec

        specs.append(online_check_spec(run, everything["来源文件"], footer, header))
    specs.append(problems_spec(run, everything, footer, header))
    printed = ALL_RECORDS_PRINTED + len(columns) - len(all_record_columns(False))
    specs += record_specs("全部记录", everything, columns, statuses, footer, header, printed)
    specs.append(about_spec(run, footer, writer_label))
    return specs


def write_report(run, out_path: str | Path, backend: str | None = None) -> Path:
    """Write the report atomically: a temporary file in the same folder, then a rename.

    Temporary files that killed runs left in the folder are removed first (tempfiles.py).
    """
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tempfiles.sweep_reports(out_path.parent)
    temp = tempfiles.new_report_temp(out_path.parent)
    try:
        run.writer = write_workbook(lambda label: build_specs(run, label), temp, backend)
        os.replace(temp, out_path)
    finally:
        tempfiles.remove(temp)
    return out_path


def _late_order(records: pd.DataFrame, late: np.ndarray) -> np.ndarray:
    """Late and overdue rows, by unit, then by working days late (most first)."""
    index = np.flatnonzero(late)
    if not len(index):
        return index
    sub = pd.DataFrame({"unit": records["unit"].to_numpy(object)[index],
                        "late": records["working_days_late"].astype("Float64").to_numpy(float, na_value=-1)[index],
                        "i": index})
    return sub.sort_values(["unit", "late"], ascending=[True, False], kind="stable")["i"].to_numpy()
