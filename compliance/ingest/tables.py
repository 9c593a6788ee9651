"""Tables side by side in one sheet: 许可 in A:E, 处罚 in G:K, each under its own header.

A header row is split at blank header columns; each part that names a
decision date and a number (or a party) on its own is a table, read like a
sheet of its own. A table with one unnamed column in the middle is not split:
its parts do not each name a whole record.
"""

from __future__ import annotations

from pathlib import Path

from ..fields import FieldRules
from .columns import _letter, map_columns
from .rawsheet import RawSheet
from .text import csv_rows


def side_by_side(headers: list[str], rules: FieldRules) -> list[tuple[int, int]]:
    """Column ranges (first, last) of tables side by side; [] for one table."""
    groups, start = [], None
    for index, text in enumerate(headers + [""]):
        if text and start is None:
            start = index
        elif not text and start is not None:
            groups.append((start, index - 1))
            start = None
    tables = []
    for first, last in groups:
        named = map_columns(headers[first:last + 1], rules).columns
        if "decision_date" in named and ("document_number" in named or "party" in named):
            tables.append((first, last))
    if len(tables) < 2:
        return []
    # Everything left of the second table, and so on: a leading 序号 column belongs to the first.
    bounds = [t[0] for t in tables[1:]] + [len(headers)]
    return [(0 if i == 0 else tables[i][0], bounds[i] - 1) for i in range(len(tables))]


def split_columns(sheet: RawSheet, first: int, last: int, source_file: str) -> RawSheet:
    """The columns first..last of a sheet as a sheet of their own (rows keep their numbers)."""
    rows = sheet.rows if sheet.data is None else csv_rows(sheet.text, sheet.delimiter, Path(source_file))
    merged = [((r0, c0 - first), (r1, c1 - first)) for (r0, c0), (r1, c1) in sheet.merged
              if first <= c0 and c1 <= last]
    return RawSheet(sheet.name, [row[first:last + 1] for row in rows], merged, sheet.kind, hidden=sheet.hidden)


def range_label(first: int, last: int) -> str:
    return f"{_letter(first)}:{_letter(last)}"
