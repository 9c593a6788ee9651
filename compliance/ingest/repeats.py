"""Each decision counted once, when the same decision comes in two files (issue 11).

A unit often resends its sheet, or two sheets overlap. The same (unit,
category, normalised 文书号) in two *files* is one decision:
- the copies agree on both dates: the later copy is left out, and listed;
- they disagree on a date: the later copy is left out, and the first is
  invalid, with a problem that shows both copies (the tool cannot know
  which one is right, and a false "late" is an accusation).
Repeats inside one file stay as they are: flagged as duplicate numbers, but
each counted, since a typed number may be shared by two real decisions.
Identical files (same SHA-256) are read once: see ``load.find_files``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .docnumbers import normalise_document_numbers


def merge_repeats(records: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(records with each decision once, the copies left out with where their first copy is)."""
    empty = records.iloc[0:0].assign(first_copy=pd.Series(dtype=object))
    if records.empty:
        return records.assign(conflict_with=pd.Series(dtype=object)), empty
    key = normalise_document_numbers(records["document_number"])
    group = records["unit"].astype(str) + "\x1f" + records["category"].astype(str) + "\x1f" + key
    frame = pd.DataFrame({"group": group.to_numpy(object), "file": records["source_file"].to_numpy(object)})
    first_index = frame.groupby("group", sort=False).cumcount() == 0
    first_file = frame["file"].where(first_index).groupby(frame["group"]).transform("first")
    # a copy: a later row of the same decision, from another file than its first copy's
    copy = (key.ne("").to_numpy(bool) & ~first_index.to_numpy(bool)
            & (frame["file"] != first_file).to_numpy(bool))
    out = records.assign(conflict_with=pd.Series(None, index=records.index, dtype=object))
    if not copy.any():
        return out, empty
    first_row = pd.Series(np.arange(len(records)), index=records.index).where(first_index.to_numpy(bool))
    first_row = first_row.groupby(frame["group"].to_numpy(object)).transform("first").astype(int).to_numpy()
    copies = np.flatnonzero(copy)
    firsts = first_row[copies]
    same = _dates_equal(records, copies, firsts)
    where = _where(records)
    left_out = records.iloc[copies].assign(first_copy=where[firsts])
    conflicts = firsts[~same]
    if len(conflicts):
        detail = pd.Series(_dates(records, copies[~same]), dtype=object)
        text = where[copies[~same]] + "（" + detail.to_numpy(object) + "）"
        # several disagreeing copies of one decision: all of them are named
        named = pd.Series(text).groupby(conflicts).agg("；".join)
        out.iloc[named.index.to_numpy(), out.columns.get_loc("conflict_with")] = named.to_numpy(object)
    kept = np.ones(len(records), dtype=bool)
    kept[copies] = False
    return out[kept].reset_index(drop=True), left_out.reset_index(drop=True)


def _dates_equal(records: pd.DataFrame, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    same = np.ones(len(a), dtype=bool)
    for name in ("decision_date", "published_date"):
        values = records[name].to_numpy(dtype="datetime64[D]", na_value=np.datetime64("NaT"))
        x, y = values[a], values[b]
        same &= (x == y) | (np.isnat(x) & np.isnat(y))
    return same


def _dates(records: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    def text(name):
        values = records[name].to_numpy(dtype="datetime64[D]", na_value=np.datetime64("NaT"))[rows]
        out = np.datetime_as_string(values, unit="D").astype(object)
        out[np.isnat(values)] = "空"
        return out

    return "决定 " + text("decision_date") + "，公开 " + text("published_date")


def _where(records: pd.DataFrame) -> np.ndarray:
    names = {p: Path(p).name for p in records["source_file"].unique()}
    return (records["source_file"].map(names) + " / " + records["sheet"].astype(str) + " / 第 "
            + records["row"].astype(str) + " 行").to_numpy(object)
