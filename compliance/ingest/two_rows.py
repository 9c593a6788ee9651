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

from ..problems import problem
from .body import mapped_column, sequence_column
from .cells import quick_nonblank, row_list

_NAME_TAIL = re.compile(r"(?:有限|有限责任|股份有限)?(?:公司|分公司)")  # the rest of a party's name, alone


def _running_text(mapping) -> set[int]:
    """The columns whose text may run on to the next row: the party's, the facts', the 备注's (rev67 M5)."""
    from ..quality.columns import quality_columns  # quality reads the ingest layer: imported when used

    found = quality_columns(mapping.headers)
    free = {i for name in ("facts", "basis", "penalty_content", "permit_content") for i in found.get(name, [])}
    return free | {mapping.columns[name] for name in ("party", "remarks") if name in mapping.columns}


def fold_two_row_records(frame: pd.DataFrame, mapping, text, evidence, at: dict, first_row: int):
    """(``frame`` with each such pair folded into its upper row and the lower row emptied (a blank row in
    ``evidence``), the sheet's note of them). Only where the sheet tells the rows apart: by a 序号 column (the
    upper row has one, the lower none) or a party column (the upper names a party, the lower none or only
    有限公司). ``first_row``: the sheet's row number of the frame's index 0."""
    frame, lower = _folded(frame, mapping, text, evidence.count > 0)
    if not lower.any():
        return frame, []
    evidence.count[lower], evidence.first[lower] = 0, ""
    rows = row_list((frame.index.to_numpy()[lower] + first_row).tolist())
    return frame, [problem("rows-continued-below", **at, rows=rows)]


def _folded(frame: pd.DataFrame, mapping, text, typed: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
    """``typed``: per row, a cell of it was typed (not only filled from a merge above)."""
    lower = np.zeros(len(frame), dtype=bool)
    if len(frame) < 2 or "decision_date" not in mapping.columns or "document_number" not in mapping.columns:
        return frame, lower
    # cells as they are first (a whitespace-only one counts as filled here), then as text on the few candidates:
    # converting whole columns here cost 0.08 s on 100,000 rows for nothing
    number, decided, published = (quick_nonblank(mapped_column(frame, mapping, name))
                                  for name in ("document_number", "decision_date", "published_date"))
    # the upper row typed: one a merge over three rows filled (a second party's row) is no decision's own
    # (review rev67 H1: the dates went into it and were lost with it)
    pair = np.flatnonzero((number & typed)[:-1] & (~number & decided)[1:])
    if not len(pair):
        return frame, lower
    number, decided, published = (text(mapped_column(frame, mapping, name)).to_numpy(object) != ""
                                  for name in ("document_number", "decision_date", "published_date"))
    pair = pair[number[pair] & ~decided[pair] & ~published[pair] & ~number[pair + 1] & decided[pair + 1]]
    if not len(pair):
        return frame, lower
    serial = sequence_column(mapping.headers)
    counted = serial is not None and serial in frame.columns
    same = np.zeros(len(pair), dtype=bool)
    if counted:  # the upper row numbered; the lower not, or alike (a 序号 merged over both rows: review rev66 M6)
        said = text(frame[serial]).to_numpy(object)
        keep = (said[pair] != "") & ((said[pair + 1] == "") | (said[pair + 1] == said[pair]))
        pair, same = pair[keep], (said[pair + 1] == said[pair])[keep]
    if "party" in mapping.columns:
        party = text(mapped_column(frame, mapping, "party")).str.replace(r"\s+", "", regex=True).to_numpy(object)
        tail = pd.Series(party[pair + 1], dtype=object).str.fullmatch(_NAME_TAIL).to_numpy(bool)
        # a blank party below a named one says nothing by itself (a withheld name: review rev65 M3), nor does the
        # same name again (two decisions for one party: rev67 L7); only where a 序号 tells it: none below, or the
        # same 序号 with the same name (both merged over the two rows)
        alike = counted & np.where(same, party[pair + 1] == party[pair], party[pair + 1] == "")
        pair = pair[(party[pair] != "") & (tail | alike)]
    elif not counted:
        pair = pair[:0]
    if len(pair) and "unit" in mapping.columns:  # another office's name below: no continuation of this row
        unit = text(mapped_column(frame, mapping, "unit")).to_numpy(object)
        pair = pair[(unit[pair + 1] == "") | (unit[pair + 1] == unit[pair])]
    runs_on = _running_text(mapping)  # the party and free text may go on below (黄石市某某建材 | 有限公司)
    said = {c: text(frame[c]).to_numpy(object) for c in frame.columns} if len(pair) else {}
    for column, texts in said.items():  # any other cell filled in both rows, and not alike: two decisions
        if column not in runs_on:  # (李四's number above another's 警告: review rev66 M2)
            pair = pair[(texts[pair] == "") | (texts[pair + 1] == "") | (texts[pair] == texts[pair + 1])]
    if not len(pair):
        return frame, lower
    frame = frame.copy()
    top, bottom = pair, pair + 1
    for column, texts in said.items():
        cells = frame[column].to_numpy(object, copy=True)
        a, b = texts[top], texts[bottom]
        joined = (a != "") & (b != "") & ~np.char.endswith(a.astype(str), b.astype(str))  # party, facts: 有限公司, 经营
        cells[top] = np.where(a == "", cells[bottom], np.where(joined, a + b, cells[top]))
        cells[bottom] = None
        frame[column] = cells
    lower[bottom] = True
    return frame, lower
