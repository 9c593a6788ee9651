"""One decision written over two rows: its number (and 序号, party) on one row, its dates on the next.

A clerk who runs out of room in a cell, or copies a decision from a two-line form, leaves the row below
with the dates and nothing that names a decision of its own: no 文书号, no 序号, no party (or only the rest
of the party's name, 有限公司). Read as two rows, the decision counted twice: once 数据有误 for its missing
dates and once judged by its dates with no number (probe p91 F4). The two are read as one record, the
lower row's cells filling the blanks of the upper (text in both is joined: 黄石市某某建材 + 有限公司), and
the lower row is a skipped row, said on the sheet (rows-continued-below).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..fields import normalise_header
from ..problems import problem
from .body import mapped_column
from .cells import row_list

_NAME_TAIL = re.compile(r"(?:有限|有限责任|股份有限)?(?:公司|分公司)")  # the rest of a party's name, alone
_SERIAL = ("序号", "编号序号", "顺序号")


def _serial(mapping) -> int | None:
    return next((i for i, h in enumerate(mapping.headers) if normalise_header(h) in _SERIAL), None)


def fold_two_row_records(frame: pd.DataFrame, mapping, text, evidence, at: dict, first_row: int):
    """(``frame`` with each such pair folded into its upper row and the lower row emptied (a blank row in
    ``evidence``), the sheet's note of them). Only where the sheet tells the rows apart: by a 序号 column (the
    upper row has one, the lower none) or a party column (the upper names a party, the lower none or only
    有限公司). ``first_row``: the sheet's row number of the frame's index 0."""
    frame, lower = _folded(frame, mapping, text)
    if not lower.any():
        return frame, []
    evidence.count[lower], evidence.first[lower] = 0, ""
    rows = row_list((frame.index.to_numpy()[lower] + first_row).tolist())
    return frame, [problem("rows-continued-below", **at, rows=rows)]


def _folded(frame: pd.DataFrame, mapping, text) -> tuple[pd.DataFrame, np.ndarray]:
    lower = np.zeros(len(frame), dtype=bool)
    if len(frame) < 2 or "decision_date" not in mapping.columns or "document_number" not in mapping.columns:
        return frame, lower
    number = text(mapped_column(frame, mapping, "document_number")).to_numpy(object) != ""
    decided = text(mapped_column(frame, mapping, "decision_date")).to_numpy(object) != ""
    published = text(mapped_column(frame, mapping, "published_date")).to_numpy(object) != ""
    pair = np.flatnonzero((number & ~decided & ~published)[:-1] & (~number & decided)[1:])
    serial = _serial(mapping)
    counted = serial is not None and serial in frame.columns
    if counted:  # the upper row numbered; the lower not, or alike (a 序号 merged over both rows: review rev66 M6)
        said = text(frame[serial]).to_numpy(object)
        pair = pair[(said[pair] != "") & ((said[pair + 1] == "") | (said[pair + 1] == said[pair]))]
    if "party" in mapping.columns:
        party = text(mapped_column(frame, mapping, "party")).str.replace(r"\s+", "", regex=True).to_numpy(object)
        tail = pd.Series(party[pair + 1], dtype=object).str.fullmatch(_NAME_TAIL).to_numpy(bool)
        # a blank party below a named one says nothing by itself (a withheld name: review rev65 M3); only a
        # 序号 beside it, the rest of the name (有限公司) or the same name (merged over both rows) tells one going on
        alike = (party[pair + 1] == party[pair]) | ((party[pair + 1] == "") & counted)
        pair = pair[(party[pair] != "") & (tail | alike)]
    elif not counted:
        pair = pair[:0]
    if len(pair) and "unit" in mapping.columns:  # another office's name below: no continuation of this row
        unit = text(mapped_column(frame, mapping, "unit")).to_numpy(object)
        pair = pair[(unit[pair + 1] == "") | (unit[pair + 1] == unit[pair])]
    party_at = mapping.columns.get("party")
    said = {c: text(frame[c]).to_numpy(object) for c in frame.columns} if len(pair) else {}
    for column, texts in said.items():  # any other cell filled in both rows, and not alike: two decisions
        if column != party_at:  # (李四's number above another's 警告: review rev66 M2)
            pair = pair[(texts[pair] == "") | (texts[pair + 1] == "") | (texts[pair] == texts[pair + 1])]
    if not len(pair):
        return frame, lower
    frame = frame.copy()
    top, bottom = pair, pair + 1
    for column, texts in said.items():
        cells = frame[column].to_numpy(object, copy=True)
        a, b = texts[top], texts[bottom]
        joined = (a != "") & (b != "") & ~np.char.endswith(a.astype(str), b.astype(str))  # only the party's: 有限公司
        cells[top] = np.where(a == "", cells[bottom], np.where(joined, a + b, cells[top]))
        cells[bottom] = None
        frame[column] = cells
    lower[bottom] = True
    return frame, lower
