"""One table sent under two units' names (区人社局_10月.xlsx and 区卫健委_10月.xlsx, byte for byte the same).

The bytes are read once (load._distinct_contents); which unit's ledger they are cannot be told from them,
so the tool does not pick one in silence: each record read from the file says that the same table also came
under the other unit's name, and the other unit's 汇总 line says its file was this copy (not 未报送).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

# What a record's unit rests on, overridden by the copy's doubt; any other unit problem stays (it says more).
_NAME_ONLY = ("unit-by-folder", "unit-from-file-name")  # or none at all


def copies_under_other_units(records: pd.DataFrame, inputs: list, unit_of: Callable[[str], str | None],
                             normalise: Callable[[list[str]], list[str]]) -> dict[str, tuple[str, str]]:
    """{unit the copy's name or folder gives: (the file read, the units its records count under)} for each
    copy whose unit is none of those; those records get ``unit-file-sent-twice`` (``also_sent_as``).
    ``unit_of``: the unit a path names (or None); ``normalise``: names as the run counts them."""
    read = {e.sha256: e.path for e in inputs if e.sha256 and e.not_read is None and e.error is None}
    copies = [(e.path, read[e.sha256]) for e in inputs
              if e.not_read is not None and e.not_read.code == "duplicate-file" and e.sha256 in read]
    named = [(unit_of(copy), original) for copy, original in copies]
    named = [(unit, original) for unit, original in named if unit]
    if not named or not len(records):
        return {}
    units = normalise([unit for unit, _ in named])
    by_file = records.groupby("source_file", sort=False)["unit"].unique()
    out: dict[str, tuple[str, str]] = {}
    for unit, (_, original) in zip(units, named):
        counted = [u for u in by_file.get(original, []) if isinstance(u, str)]
        if not counted or unit in counted:
            continue
        out[unit] = (Path(original).name, "、".join(counted))
        _mark(records, original, unit)
    return out


def _mark(records: pd.DataFrame, original: str, copy_unit: str) -> None:
    rows = records["source_file"].eq(original).to_numpy(bool) & records["unit"].ne(copy_unit).to_numpy(bool)
    if "unit_problem" not in records:
        records["unit_problem"] = None
    current = records["unit_problem"].astype(object)
    plain = (current.isna() | current.isin(_NAME_ONLY)).to_numpy(bool)
    take = np.flatnonzero(rows & plain)
    if "also_sent_as" not in records:
        records["also_sent_as"] = None
    records.loc[records.index[take], "unit_problem"] = "unit-file-sent-twice"
    records.loc[records.index[take], "also_sent_as"] = copy_unit
