"""A worksheet with no header that goes on with the sheet before it (续表, Sheet2 with the rest of the rows).

A clerk who runs out of room, or pastes the month's other rows into a new sheet, leaves the header on the
first sheet only. Skipped as "no header", its decisions were lost and the run could pass. A sheet with
no header whose rows are as wide as the previous sheet's table, most with a date where that table has its
decision date, is read by that sheet's header (the rows above it too: its 填报单位 line), and said so.
Row numbers stay the sheet's own. The same shape of online list: online/read.py.
"""

from __future__ import annotations

import dataclasses

from ..dates import parse_date
from ..problems import problem
from .columns import map_columns
from .header import find_header
from .rawsheet import RawSheet


def read_continued(sheet: RawSheet, previous: RawSheet | None, rules, read, source_file: str):
    """``read(sheet)`` again under ``previous``'s header where ``sheet`` (its header not found) goes on
    with its table; None where it does not."""
    found = None if previous is None else find_header(previous.rows, rules, previous.merged)
    if found is None:
        return None
    header_row = found[0] + 1
    if not continues(sheet, previous, header_row, map_columns(found[1], rules).columns.get("decision_date")):
        return None
    result = read(under_previous_header(sheet, previous, header_row))
    if result.header_row != header_row:  # read otherwise than as the previous table: not ours to say
        return None
    return read_back(result, sheet.name, previous.name, header_row, source_file)


def continues(sheet: RawSheet, previous: RawSheet, header_row: int, decision_column: int | None) -> bool:
    """``sheet`` (no header found) holds rows of the table ``previous`` has its header on ``header_row``."""
    if sheet.data is not None or previous.data is not None or decision_column is None:
        return False  # a CSV is one sheet
    width = max((len(row) for row in previous.rows[:header_row]), default=0)
    filled = [sum(1 for c in row if c not in (None, "")) for row in sheet.rows]
    wide = [row for row, n in zip(sheet.rows, filled) if n >= 3]
    if not wide or max(len(row) for row in sheet.rows) > width + 1 or len(wide) < 0.5 * sum(1 for n in filled if n):
        return False
    dated = sum(1 for row in wide if decision_column < len(row) and parse_date(row[decision_column]).date is not None)
    return dated >= 0.5 * len(wide)


def under_previous_header(sheet: RawSheet, previous: RawSheet, header_row: int) -> RawSheet:
    """``sheet`` with ``previous``'s rows down to its header put on top; rows, merges, hidden and struck
    rows and comments moved down by as many rows (``read_back`` moves the records' rows up again)."""
    top = header_row

    def moved(rows):
        return frozenset(r + top for r in rows)

    merged = [m for m in previous.merged if m[1][0] < top] + \
        [((a + top, b), (c + top, d)) for (a, b), (c, d) in sheet.merged]
    return dataclasses.replace(sheet, rows=[list(r) for r in previous.rows[:top]] + sheet.rows, merged=merged,
                               struck_rows=moved(sheet.struck_rows), hidden_rows=moved(sheet.hidden_rows),
                               comments={(r + top, c): text for (r, c), text in sheet.comments.items()})


def read_back(result, sheet_name: str, previous_name: str, header_row: int, source_file: str):
    """The sheet read under the previous header, as its own: its rows numbered as in it, and said so."""
    if result.records is not None and len(result.records):
        result.records = result.records.assign(row=result.records["row"] - header_row)
    result.header_row = None
    result.notes.insert(0, problem("sheet-continued", file=source_file, sheet=sheet_name, previous=previous_name))
    return result
