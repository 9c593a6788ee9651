"""Parquet, as the credit platforms export it: read as the CSV reader's rows, so one body parser serves both.

The table becomes UTF-8 CSV text with its column names as line 1; the header
search, the column mapping and pandas' chunked body parse then work as for a
CSV file, and a record's row number is its place in the table counting the
header as row 1 (the first record is row 2, as in a spreadsheet). Dates
stored as dates or midnight timestamps are written as 2016-10-08; a time of
day is kept, so the date parser sees what the platform stored.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from ..errors import FileFault
from .rawsheet import RawSheet
from .text import HEAD_LINES, csv_rows

MAGIC = b"PAR1"


def read_parquet(path: Path) -> RawSheet:
    import pyarrow.parquet as pq  # start-up time: only a Parquet file needs it

    try:
        table = pq.read_table(path)
    except Exception as exc:  # pyarrow reports damage as several error types
        raise FileFault("parquet-unreadable", path, detail=f"{type(exc).__name__}: {exc}") from exc
    frame = table.to_pandas(date_as_object=False)
    del table
    for name in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[name]):
            frame[name] = _date_text(frame[name])
    buffer = io.BytesIO()
    frame.to_csv(buffer, index=False, encoding="utf-8", lineterminator="\n")
    del frame
    data = buffer.getvalue()
    return RawSheet(path.stem, _head(data, path), [], "csv", delimiter=",", data=data)


def _head(data: bytes, path: Path) -> list[list]:
    """The first HEAD_LINES rows, from the first MiB when it holds one row more (the last may be cut)."""
    rows = csv_rows(str(data[:1 << 20], "utf-8", errors="ignore"), ",", path, limit=HEAD_LINES + 1)
    if len(rows) > HEAD_LINES:
        return rows[:HEAD_LINES]
    return csv_rows(str(data, "utf-8"), ",", path, limit=HEAD_LINES)


def _date_text(values: pd.Series) -> pd.Series:
    """2016-10-08 for a date at midnight; with its time otherwise; empty for a missing one."""
    if getattr(values.dt, "tz", None) is not None:  # an instant: its day in Beijing (UTC 16:30 is the next day)
        values = values.dt.tz_convert("Asia/Shanghai").dt.tz_localize(None)
    at_midnight = bool((values.isna() | values.eq(values.dt.normalize())).all())
    text = values.dt.strftime("%Y-%m-%d") if at_midnight else values.astype(str)
    return text.where(values.notna(), "")
