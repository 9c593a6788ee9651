"""Cell values -> display text, as Excel and WPS show them; column-wise where it counts."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from .readers import MAX_CELL_CHARS


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or \
        (isinstance(value, float) and np.isnan(value))


def display_text(value) -> str:
    if is_blank(value):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "TRUE" if value else "FALSE"  # as Excel and WPS show it
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") if (value.hour or value.minute or value.second) \
            else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()[:MAX_CELL_CHARS]


def cell_text(values: pd.Series) -> pd.Series:
    """Cells -> trimmed display text, column-wise by kind of cell.

    Text cells are stripped with pandas' string methods, date cells are
    formatted by numpy; only the rare other cells (numbers, booleans) go
    through ``display_text`` one by one.
    """
    arr = values.to_numpy(object)
    inferred = pd.api.types.infer_dtype(arr, skipna=False)
    if inferred == "string":  # the common case: every cell is text
        return pd.Series(_strip_bounded(pd.Series(arr, dtype=object)), index=values.index, dtype=object)
    kinds = pd.Series(arr).map(type).to_numpy(object)
    out = np.full(len(arr), "", dtype=object)
    is_str = kinds == str
    if is_str.any():
        out[is_str] = _strip_bounded(pd.Series(arr[is_str], dtype=object))
    is_date = (kinds == dt.date) | (kinds == dt.datetime) | (kinds == pd.Timestamp)
    if is_date.any():
        stamps = pd.to_datetime(pd.Series(arr[is_date], dtype=object), errors="coerce")
        has_time = (stamps - stamps.dt.normalize()).to_numpy() != np.timedelta64(0)
        text = stamps.to_numpy("datetime64[D]").astype(str).astype(object)
        if has_time.any():
            text[has_time] = stamps[has_time].dt.strftime("%Y-%m-%d %H:%M:%S").to_numpy(object)
        out[is_date] = text
    other = ~is_str & ~is_date
    if other.any():
        out[other] = [display_text(v) for v in arr[other]]
    return pd.Series(out, index=values.index, dtype=object)


def _strip_bounded(text: pd.Series) -> np.ndarray:
    """Strip, and cut the rare over-long cell to Excel's limit."""
    out = text.str.strip().to_numpy(object)
    long = text.str.len().to_numpy() > MAX_CELL_CHARS
    if long.any():
        out[long] = [s[:MAX_CELL_CHARS] for s in out[long]]
    return out


def quick_nonblank(values: pd.Series) -> np.ndarray:
    """Non-empty cells; whitespace-only text is refined later for the few rows that matter."""
    arr = values.to_numpy(object)
    return ~((arr == "") | pd.isna(arr))
