"""One decision sent in two files under two numbers: a 修改版 whose 文书号 was corrected (原24号系笔误) beside
the first version. Same unit and category, the same party (written out, not masked) and decision date,
one file each, a different number: most likely one decision renumbered, though it may be two. The tool
does not guess (docs/rules.md §8): both rows stay and name each other (``renumbered_with``), and
classify judges each by the other's publication date too: where the verdict turns on which row is
right, 数据有误; otherwise a note. Inside one file two such rows are two decisions, as written.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..dates import DATE_DTYPE, iso_dates
from .docnumbers import normalise_document_numbers
from .repeats import compared_parties, file_names

_MASKED = r"某|\*|＊|×|Ｘ|^.$"  # 张某, 王*: two people may be written so


def mark_renumbered(records: pd.DataFrame) -> pd.DataFrame:
    """``records`` with ``renumbered_with`` (the other row: where, its number and dates) and
    ``renumbered_published_date`` on each row of such a pair; unchanged where there is none."""
    if len(records) < 2 or records["source_file"].nunique() < 2:
        return records
    decided = records["decision_date"].to_numpy(DATE_DTYPE)
    # only rows of a unit, category and day that two files hold can pair: the names are compared for those
    # alone (a folder of a million records from units with one file each costs one groupby)
    days = pd.DataFrame({name: pd.factorize(records[column], use_na_sentinel=False)[0]
                         for name, column in (("u", "unit"), ("c", "category"), ("f", "source_file"))})
    days["d"] = decided.astype(np.int64)
    shared = days.groupby(["u", "c", "d"], sort=False)["f"].transform("nunique").to_numpy() >= 2
    rows = np.flatnonzero(shared & ~np.isnat(decided))
    if not len(rows):
        return records
    party = compared_parties(records["party"].iloc[rows])
    number = normalise_document_numbers(records["document_number"].iloc[rows]).to_numpy(object)
    named = (party != "") & ~pd.Series(party, dtype=object).str.contains(_MASKED).to_numpy(bool)
    keep = named & (number != "")
    if not keep.any():
        return records
    usable = rows[keep]
    keys = days.iloc[usable].assign(i=usable, p=party[keep], n=number[keep])
    by = keys.groupby(["u", "c", "p", "d"], sort=False, dropna=False)
    pairs = keys[(by["i"].transform("size") == 2) & (by["n"].transform("nunique") == 2)
                 & (by["f"].transform("nunique") == 2)]
    if not len(pairs):
        return records
    pairs = pairs.assign(g=pairs.groupby(["u", "c", "p", "d"], sort=False, dropna=False).ngroup())
    this = pairs.sort_values(["g", "i"])["i"].to_numpy(np.int64)
    other = this.reshape(-1, 2)[:, ::-1].reshape(-1)  # each row's partner in its pair
    published = records["published_date"].to_numpy(DATE_DTYPE)
    shown = file_names(records["source_file"])
    files, sheets, rows = (records[c].to_numpy(object) for c in ("source_file", "sheet", "row"))
    numbers = records["document_number"].astype(object).fillna("").astype(str).to_numpy(object)
    dates = iso_dates(published[other], "空")
    text = np.full(len(records), None, dtype=object)
    text[this] = [f"{shown[files[k]]} / {sheets[k]} / 第 {rows[k]} 行的 {numbers[k]}（公开 {d}）"
                  for k, d in zip(other, dates)]
    other_published = np.full(len(records), np.datetime64("NaT"), dtype=DATE_DTYPE)
    other_published[this] = published[other]
    return records.assign(renumbered_with=text, renumbered_published_date=other_published)
