"""Cell values -> display text, as Excel and WPS show them; column-wise where it counts."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..dates import cell_types
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

    Text cells are stripped once per distinct text (see ``per_distinct``),
    date cells are formatted by numpy; only the rare other cells (numbers,
    booleans) go through ``display_text`` one by one.
    """
    arr = values.to_numpy(object)
    inferred = pd.api.types.infer_dtype(arr, skipna=False)
    if inferred == "string":  # the common case: every cell is text
        return pd.Series(per_distinct(arr, _strip_bounded), index=values.index, dtype=object)
    kinds = cell_types(arr)
    out = np.full(len(arr), "", dtype=object)
    is_str = kinds == str
    if is_str.any():
        out[is_str] = per_distinct(arr[is_str], _strip_bounded)
    is_date = (kinds == dt.date) | (kinds == dt.datetime) | (kinds == pd.Timestamp)
    if is_date.any():
        stamps = pd.to_datetime(pd.Series(arr[is_date], dtype=object), errors="coerce")
        has_time = (stamps - stamps.dt.normalize()).to_numpy() != np.timedelta64(0)
        # One text per distinct day, shared: cheaper to make, to hash later and to hold.
        distinct, inverse = np.unique(stamps.to_numpy("datetime64[D]"), return_inverse=True)
        text = distinct.astype(str).astype(object)[inverse.reshape(-1)]
        if has_time.any():
            text[has_time] = stamps[has_time].dt.strftime("%Y-%m-%d %H:%M:%S").to_numpy(object)
        out[is_date] = text
    other = ~is_str & ~is_date
    if other.any():
        out[other] = [display_text(v) for v in arr[other]]
    return pd.Series(out, index=values.index, dtype=object)


def per_distinct(texts: np.ndarray, func) -> np.ndarray:
    """``func`` (object array of str -> array of the same length) applied once per distinct text.

    Unit names, dates written as text and statuses repeat thousands of times in
    a sheet: those columns are factorised and ``func`` sees each text once.
    A column whose sample is mostly distinct (document numbers) is passed
    through whole, so it does not pay for the hashing. ``texts`` must hold
    str only: factorising would merge 1, 1.0 and True.
    """
    texts = np.asarray(texts, dtype=object)
    n = len(texts)
    sample = texts[::max(1, n // 1000)][:1000]  # spread over the column, not just its top
    if n < 64 or len(set(sample.tolist())) >= 0.95 * len(sample):  # no repeats to speak of
        return np.asarray(func(texts), dtype=object)
    codes, uniques = pd.factorize(texts)
    return np.asarray(func(np.asarray(uniques, dtype=object)), dtype=object)[codes]


def _strip_bounded(texts: np.ndarray) -> np.ndarray:
    """Strip, and cut the rare over-long cell to Excel's limit (one pass)."""
    stripped = np.fromiter(map(str.strip, texts), dtype=object, count=len(texts))  # C calls, no Python frame
    for i in np.flatnonzero(np.fromiter(map(len, stripped), dtype=np.int64, count=len(stripped)) > MAX_CELL_CHARS):
        stripped[i] = stripped[i][:MAX_CELL_CHARS]
    return stripped


def quick_nonblank(values: pd.Series) -> np.ndarray:
    """Non-empty cells; whitespace-only text is refined later for the few rows that matter."""
    arr = values.to_numpy(object)
    if pd.api.types.infer_dtype(arr, skipna=False) == "string":  # all text: only "" is empty
        return arr.astype(bool)
    return ~((arr == "") | pd.isna(arr))


class FrameText:
    """``cell_text`` of one frame's columns, each made once for the whole frame and taken by row.

    Reading a block looks at the same column as text several times (the unit for
    the unit and again for the quality checks; the number, the dates, the party
    on the whole block and again on its records). Call it with a column of
    ``frame`` or of a row selection of it (``frame[keep][column]``, index labels
    kept): a few cells are compared by identity, and anything else is converted
    as it comes.
    """

    def __init__(self, frame: pd.DataFrame):
        self._frame = frame
        index = frame.index
        self._positional = isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1
        self._texts: dict = {}

    def __call__(self, values: pd.Series) -> pd.Series:
        name = values.name
        if not self._positional or name is None or name not in self._frame.columns or not len(values):
            return cell_text(values)
        rows = values.index.to_numpy()
        cells = self._frame[name].to_numpy(object)
        if rows.dtype.kind != "i" or rows.max() >= len(cells) or rows.min() < 0:
            return cell_text(values)
        probe = rows[:: max(1, len(rows) // 16)]
        if any(a is not b for a, b in zip(cells[probe], values.to_numpy(object)[:: max(1, len(rows) // 16)])):
            return cell_text(values)
        full = self._texts.get(name)
        if full is None:
            full = self._texts[name] = cell_text(self._frame[name]).to_numpy(object)
        return pd.Series(full[rows], index=values.index, dtype=object)


def objects(values, n: int) -> pd.Series:
    """A record column of text kept as Python objects (a value per row, or one for all ``n`` rows).

    Assigned as it is, pandas 3 would store it as Arrow text: the child encodes every cell, and each
    later step that reads the column as objects makes every string again."""
    if np.ndim(values) == 0:  # one object for all: np.full would make a string per row (n copies to hold and pickle)
        one, values = values, np.empty(n, dtype=object)
        values.fill(one)
    elif isinstance(values, pd.Series):  # by position: never aligned on another index
        values = values.to_numpy(object)
    return pd.Series(values, index=pd.RangeIndex(n), dtype=object)


def shared_objects(values: np.ndarray) -> np.ndarray:
    """Equal texts of a column of few values as one object each (a blank stays as it is): a fill by pandas
    or numpy makes a string per row, which the reader's answer then holds and pickles row by row."""
    codes, uniques = pd.factorize(values)
    if not len(uniques):  # every value blank (no category found anywhere): nothing to share
        return values
    return np.where(codes >= 0, np.asarray(uniques, dtype=object)[np.maximum(codes, 0)], values)


def row_list(rows: list[int], limit: int = 10) -> str:
    """Row numbers for a message's "第 {rows} 行": the first ``limit``, then the count."""
    shown = "、".join(str(r) for r in rows[:limit])
    return shown + (f" 等共 {len(rows)}" if len(rows) > limit else "")
