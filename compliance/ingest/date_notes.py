"""What a sheet is told about how its dates were read: words read as dates, and dates read in the column's order.

Both are readings with evidence, not guesses, but a reader that chose is said on the sheet, so the clerk can
check it (the tool never decides silently what the data does not say plainly).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..date_order import YEAR_LAST
from ..dates import normalise_text, parse_date
from ..problems import Problem, problem
from .cells import row_list

FIELD_NAMES = {"decision_date": "决定日期", "published_date": "公开日期"}


def date_notes(file: str, sheet: str, rows: np.ndarray, worded: np.ndarray,
               cells: dict[str, pd.Series], days: dict[str, np.ndarray]) -> list[Problem]:
    """The sheet's notes: ``worded`` rows (同上, 同日, a range: date_words.py), and per date column the rows whose
    day and month were both under 13 and were read in the order the column's other dates show (date_order.py)."""
    notes = []
    if worded.any():
        notes.append(problem("dates-by-word", file=file, sheet=sheet, rows=row_list(rows[worded].tolist())))
    for name, column in cells.items():
        read, example, order = _read_by_column_order(column.to_numpy(object), days[name])
        if read.any():
            notes.append(problem("dates-order-from-column", file=file, sheet=sheet, which=FIELD_NAMES[name],
                                 rows=row_list(rows[read].tolist()), order=order, text=example[0],
                                 day=example[1]))
    return notes


def _read_by_column_order(cells: np.ndarray, days: np.ndarray) -> tuple[np.ndarray, tuple, str]:
    """(rows read in the column's order, (a text, its day), "月/日/年" or "日/月/年"): once per distinct text.
    A text in the ambiguous shape that has a day was read so: date_order.py reads no other one."""
    read = np.zeros(len(cells), dtype=bool)
    where = np.flatnonzero(~np.isnat(days))
    codes, texts = pd.factorize(cells[where])  # date cells too: one pass, then only the distinct values are looked at
    chosen = np.zeros(len(texts), dtype=bool)
    example, order = ("", ""), ""
    for i, text in enumerate(texts.tolist()):  # distinct values of one column: a few hundred at most
        found = YEAR_LAST.search(normalise_text(text)) if isinstance(text, str) else None
        if found is None:
            continue
        a, b = int(found.group("a")), int(found.group("b"))
        if a == b or a > 12 or b > 12 or parse_date(text).ok:  # one reading, or its weekday told (10/9/2026 周五)
            continue
        chosen[i] = True
        if not order:
            day = str(days[where[np.argmax(codes == i)]])[:10]
            order, example = ("月/日/年" if int(day[5:7]) == a else "日/月/年"), (text, day)
    if chosen.any():
        read[where] = chosen[codes]
    return read, example, order
