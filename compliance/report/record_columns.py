"""What the record sheets (逾期清单, 全部记录) share: a column's declaration, the cells, the split at Excel's row limit.

Each column names its header, its kind (how it is written), its width cap and
the field of the classified records it shows; each sheet lists its own
columns (sheets/late.py, sheets/records.py). ``record_frame`` turns records
into the sheet's cells column-wise; dates become ``datetime.date`` objects
only here, at the writer's door.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

import numpy as np
import pandas as pd

from ..dates import as_days
from .layout import DATE, INT, STATUS_FILLS, TEXT, SheetSpec, column_widths, tallest_rows

EXCEL_MAX_ROWS = 1_048_576


@dataclass(frozen=True)
class RecordColumn:
    header: str
    kind: str
    width_cap: int
    # a field of the classified records, or a function of them; "issues" is the joined problem messages
    source: str | Callable[[pd.DataFrame], pd.Series]
    labels: Mapping[str, str] | None = None  # codes shown as their Chinese labels
    unlabelled: str | None = None  # shown where a code has no label (None: left empty)


def short_paths(paths: pd.Series) -> pd.Series:
    """Input paths relative to the folder they share: usually just the file name."""
    unique = [p for p in paths.unique() if isinstance(p, str)]
    if not unique:
        return paths
    try:
        root = Path(os.path.commonpath([str(Path(p).parent.resolve()) for p in unique]))
        names = {p: str(Path(p).resolve().relative_to(root)) for p in unique}
    except (ValueError, RuntimeError, OSError):  # RuntimeError: a symlink loop listed as not read
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


def record_frame(records: pd.DataFrame, issues: list, columns: tuple[RecordColumn, ...]) -> pd.DataFrame:
    """The record sheet's cells, column-wise, for ``columns`` in their order."""
    def cells(column: RecordColumn):
        if column.source == "issues":  # most records have none
            out = np.full(len(issues), None, dtype=object)
            for i in [i for i, items in enumerate(issues) if items]:
                out[i] = "；".join(item.message for item in issues[i]) or None
            return out
        values = column.source(records) if callable(column.source) else records[column.source]
        if column.kind == TEXT:
            return _text_cells(values, _shown(column))
        if column.labels is not None:
            return _shown(column)(values).to_numpy(object)
        if column.kind == DATE:
            return dates_for_excel(values)
        if column.kind == INT:
            return _numbers(values)
        return _text(values)

    return pd.DataFrame({c.header: _as_column(cells(c)) for c in columns})


def _as_column(cells):
    return pd.Series(cells, dtype=object)  # object stays object: pandas would make its own string type


def _shown(column: RecordColumn):
    """Values (a Series) -> what the cells show: a Series of text, NA where the cell stays empty."""
    if column.source == "source_file":
        return short_paths
    if column.labels is not None:
        def labelled(values: pd.Series) -> pd.Series:
            shown = values.astype(object).map(column.labels)
            return shown if column.unlabelled is None else shown.fillna(column.unlabelled)
        return labelled
    return lambda values: values.astype(object).where(values.astype(object).ne(""), None)


def _text_cells(values: pd.Series, shown) -> np.ndarray:
    """A text column's cells, None where empty. Few distinct values (a file, a sheet, a status, a rule):
    each distinct value is turned into its text once and the rows share those objects, so no Python
    string is made per row. Never a categorical: rustpy-xlsxwriter 0.8 writes a categorical column as
    empty cells (the 来源文件, 工作表, 类别, 单位 and 状态 of every report of 1,000 records or more were
    blank). Mostly distinct (numbers, parties): converted whole."""
    if len(values) >= 1000 and values.iloc[::len(values) // 1000][:1000].nunique(dropna=False) <= 500:
        codes, uniques = pd.factorize(values)  # NA -> -1, which takes the None appended last
        if len(uniques) <= len(values) // 4:
            texts = shown(pd.Series(uniques, dtype=object)).to_numpy(object, copy=True)
            texts[pd.isna(texts)] = None
            return np.append(texts, None)[codes]
    out = shown(values).to_numpy(object, copy=True)
    out[pd.isna(out)] = None
    return out


def record_specs(base_name: str, frame: pd.DataFrame, columns, statuses: np.ndarray, footer: str,
                 header: str, print_columns: int | None = None, wrap: tuple[str, ...] = ()) -> list[SheetSpec]:
    """One sheet per EXCEL_MAX_ROWS - 1 records: 全部记录, 全部记录(2), …; each column as wide as its longest
    text in any row (column_widths), within its cap: the ``wrap`` columns' longer texts wrap onto more lines
    (printed, a text running past its column is cut)."""
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
        heights = tallest_rows(chunk, wrap, widths)
        specs.append(SheetSpec(base_name if part == 1 else f"{base_name}({part})", chunk, kinds, widths,
                               highlight=highlight, bold_rows=bold, print_columns=print_columns or len(kinds),
                               footer=footer, page_header=header, wrap_columns=set(wrap), row_heights=heights))
    return specs
