"""The columns of the record sheets (全部记录, 逾期清单), declared once.

Each column names its header, its kind (how it is written), its width cap and
the field of the classified records it shows. ``record_frame`` turns records
into the sheet's cells column-wise; dates become ``datetime.date`` objects
only here, at the writer's door.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..dates import as_days
from ..rules import CATEGORY_LABELS
from ..status import STATUS_LABELS
from .layout import DATE, INT, TEXT


@dataclass(frozen=True)
class RecordColumn:
    header: str
    kind: str
    width_cap: int
    source: str  # a field of the classified records; "issues" is the joined problem messages


RECORD_COLUMNS = (
    RecordColumn("来源文件", TEXT, 24, "source_file"),
    RecordColumn("工作表", TEXT, 10, "sheet"),
    RecordColumn("行号", INT, 6, "row"),
    RecordColumn("类别", TEXT, 10, "category"),
    RecordColumn("单位", TEXT, 26, "unit"),
    RecordColumn("文书号", TEXT, 22, "document_number"),
    RecordColumn("行政相对人", TEXT, 28, "party"),
    RecordColumn("决定日期", DATE, 12, "decision_date"),
    RecordColumn("公开日期", DATE, 12, "published_date"),
    RecordColumn("应公开截止日期", DATE, 12, "deadline"),
    RecordColumn("状态", TEXT, 12, "status"),
    RecordColumn("逾期工作日数", INT, 10, "working_days_late"),
    RecordColumn("问题说明", TEXT, 36, "issues"),
    RecordColumn("逾期天数（日历日）", INT, 10, "calendar_days_late"),
    RecordColumn("剩余工作日", INT, 8, "working_days_left"),
    RecordColumn("适用规则", TEXT, 16, "rule"),
    RecordColumn("决定日期原文", TEXT, 18, "decision_text"),
    RecordColumn("公开日期原文", TEXT, 18, "published_text"),
)
# With --online, 全部记录 shows the ledger's and the website's dates and the check's result after 公开日期.
ONLINE_COLUMNS = (
    RecordColumn("台账公开日期", DATE, 12, "ledger_published_date"),
    RecordColumn("网站公开日期", DATE, 12, "online_published_date"),
    RecordColumn("核对结果", TEXT, 12, "online_result"),
)
BY_HEADER = {c.header: c for c in RECORD_COLUMNS + ONLINE_COLUMNS}
# 全部记录 prints its first 13 columns: all 18 on one A4 width make the type unreadably small.
ALL_RECORDS_PRINTED = 13
# 逾期清单 is read on paper: what was late and by how much first, where it came from last.
LATE_LIST = ("单位", "文书号", "行政相对人", "决定日期", "公开日期", "应公开截止日期", "逾期工作日数", "状态",
             "类别", "来源文件", "工作表", "行号")


def short_paths(paths: pd.Series) -> pd.Series:
    """Input paths relative to the folder they share: usually just the file name."""
    unique = [p for p in paths.unique() if isinstance(p, str)]
    if not unique:
        return paths
    try:
        root = Path(os.path.commonpath([str(Path(p).parent.resolve()) for p in unique]))
        names = {p: str(Path(p).resolve().relative_to(root)) for p in unique}
    except ValueError:
        names = {p: Path(p).name for p in unique}
    return paths.map(names)


def dates_for_excel(values: pd.Series) -> np.ndarray:
    """datetime64 column -> object array of shared ``datetime.date`` objects, None where empty.

    One date object per distinct day, looked up with numpy: no Timestamp per
    cell. Object dtype on purpose: pandas would turn None back into NaT,
    which the Rust writer cannot place in a cell.
    """
    days = as_days(values).view(np.int64)
    missing = np.isnat(days.view("datetime64[D]"))
    out = np.full(len(days), None, dtype=object)
    if (~missing).any():
        present = days[~missing]
        unique, inverse = np.unique(present, return_inverse=True)
        epoch = dt.date(1970, 1, 1).toordinal()
        objects = np.array([dt.date.fromordinal(epoch + int(d)) for d in unique], dtype=object)
        out[~missing] = objects[inverse]
    return out


def _text(values: pd.Series) -> np.ndarray:
    out = values.to_numpy(object, copy=True)
    out[pd.isna(out) | (out == "")] = None
    return out


def _numbers(values: pd.Series) -> np.ndarray:
    """Whole numbers as Python ints, None where empty.

    rustpy-xlsxwriter boxes a float column cell by cell while it writes: at
    1,000,000 records the four number columns cost 0.9 s and 180 MB more
    than ints made here (small ones are shared by Python).
    """
    numbers = values.astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    out = np.full(len(numbers), None, dtype=object)
    present = ~np.isnan(numbers)
    out[present] = numbers[present].astype(np.int64).astype(object)
    return out


def record_frame(records: pd.DataFrame, issues: list[list[dict]],
                 columns: tuple[RecordColumn, ...] = RECORD_COLUMNS) -> pd.DataFrame:
    """The record sheet's cells, column-wise, for ``columns`` in their order."""
    def cells(column: RecordColumn):
        if column.source == "issues":  # most records have none
            out = np.full(len(issues), None, dtype=object)
            for i in [i for i, items in enumerate(issues) if items]:
                out[i] = "；".join(item["message"] for item in issues[i]) or None
            return out
        values = records[column.source]
        if column.source == "source_file":
            return short_paths(values).to_numpy(object)
        if column.source == "category":
            return values.map(CATEGORY_LABELS).fillna("未知").to_numpy(object)
        if column.source == "status":
            return values.astype(object).map(STATUS_LABELS).to_numpy(object)
        if column.source == "online_result":
            from ..online import RESULT_LABELS

            return values.astype(object).map(RESULT_LABELS).to_numpy(object)
        if column.kind == DATE:
            return dates_for_excel(values)
        if column.kind == INT:
            return _numbers(values)
        return _text(values)

    return pd.DataFrame({c.header: _compact(cells(c)) if c.kind == TEXT else cells(c) for c in columns})


def _compact(texts: np.ndarray):
    """A text column of few distinct values as a categorical: a byte per row instead of a pointer.

    Measured at 1,000,000 records: the report's peak memory fell by about 50 MB;
    both writers read categoricals as the texts they stand for.
    """
    if len(texts) < 1000:
        return texts
    sample = texts[::len(texts) // 1000][:1000]
    if len(set(sample.tolist())) > 500:  # mostly distinct (document numbers, parties)
        return texts
    codes, uniques = pd.factorize(texts)
    if len(uniques) > len(texts) // 4:
        return texts
    return pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype=object))


def columns_named(headers: tuple[str, ...]) -> tuple[RecordColumn, ...]:
    return tuple(BY_HEADER[h] for h in headers)


def all_record_columns(with_online: bool) -> tuple[RecordColumn, ...]:
    if not with_online:
        return RECORD_COLUMNS
    at = [c.header for c in RECORD_COLUMNS].index("公开日期") + 1
    return RECORD_COLUMNS[:at] + ONLINE_COLUMNS + RECORD_COLUMNS[at:]
