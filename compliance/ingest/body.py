"""The sheet body below the header as a frame of cells, and headers repeated inside it."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd

from .cells import display_text, quick_nonblank
from .columns import ColumnMap, ColumnRules, map_columns
from .readers import RawSheet, csv_rows


def frame_row_texts(frame: pd.DataFrame, position: int) -> list[str]:
    """One body row as header texts, at the original column positions (a CSV frame skips some)."""
    texts = [""] * (max(frame.columns) + 1 if len(frame.columns) else 0)
    for column, value in zip(frame.columns, frame.iloc[position]):
        texts[column] = display_text(value)
    return texts


def inner_headers(frame: pd.DataFrame, mapping: ColumnMap, rules: ColumnRules) -> list[int]:
    """Body rows that are headers themselves: a decision-date cell saying 日期/时间 is the cheap sign."""
    column = mapped_column(frame, mapping, "decision_date").to_numpy(object)
    is_text = pd.Series(column).map(type).to_numpy(object) == str  # date cells cannot be headers
    suspects = np.zeros(len(column), dtype=bool)
    if is_text.any():
        suspects[is_text] = pd.Series(column[is_text], dtype=object).str.contains("日期|时间", regex=True).to_numpy(bool)
    found = []
    for position in np.flatnonzero(suspects):
        texts = frame_row_texts(frame, position)
        inner = map_columns(texts, rules)
        if len(inner.columns) >= 2 and "decision_date" in inner.columns:
            found.append(int(position))
    return found


def mapped_column(frame: pd.DataFrame, mapping: ColumnMap, name: str) -> pd.Series:
    index = mapping.columns.get(name)
    if index is None or index not in frame.columns:
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)
    return frame[index]


def rows_body(body: list[list], header_width: int) -> tuple[pd.DataFrame, np.ndarray]:
    if not body:
        return pd.DataFrame(), np.zeros(0, bool)
    width = max(header_width, max(len(r) for r in body))
    frame = pd.DataFrame([r + [""] * (width - len(r)) if len(r) < width else r for r in body], dtype=object)
    nonblank = np.zeros(len(frame), dtype=bool)
    for column in frame.columns:
        nonblank |= quick_nonblank(frame[column])
    return frame, nonblank


CSV_CHUNK = 200_000


def csv_body(sheet: RawSheet, header_index: int, header_width: int, wanted: set[int],
             source_file: str) -> tuple[pd.DataFrame, np.ndarray]:
    """The CSV body below the header, parsed by pandas' C reader in chunks.

    Only the mapped columns are kept, which bounds memory on million-row
    files; whether a row holds anything at all is noted from every column.
    Lines with more fields than the head suggests fall back to the csv module.
    """
    width = max([header_width] + [len(r) for r in sheet.rows])
    kept, nonblank = [], []
    try:
        chunks = pd.read_csv(io.BytesIO(sheet.data), encoding="utf-8", sep=sheet.delimiter, header=None, names=range(width),
                             skiprows=header_index + 1, dtype=object, keep_default_na=False, na_filter=False,
                             skip_blank_lines=False, chunksize=CSV_CHUNK, engine="c", quotechar='"')
        for chunk in chunks:
            nonblank.append(chunk.ne("").to_numpy(bool).any(axis=1) & chunk.notna().to_numpy(bool).any(axis=1))
            kept.append(chunk[sorted(c for c in wanted if c < width)])
    except (pd.errors.ParserError, ValueError):
        body = csv_rows(sheet.text, sheet.delimiter, Path(source_file))[header_index + 1:]
        return rows_body(body, header_width)
    if not kept:
        return pd.DataFrame(), np.zeros(0, bool)
    frame = pd.concat(kept, ignore_index=True)
    return frame, np.concatenate(nonblank)
