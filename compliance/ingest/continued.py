"""A worksheet with no header that goes on with the sheet before it (续表, Sheet2 with the rest of the rows).

A clerk who runs out of room, or pastes the month's other rows into a new sheet, leaves the header on the
first sheet only. Skipped as "no header", its decisions were lost and the run could pass. A sheet with
no header is read by the previous sheet's header (the rows above it too: its 填报单位 line), and said so,
only where it is that table's rows and nothing else: it starts with them (no title, no 填报单位 line of its
own); they are no wider; most give a date in the decision-date column, a number (with a digit, no date or
month) in the number column and a date or nothing in the publication column; and its name names no other
kind of decision than the previous sheet's. Anything else (another table, a 统计 sheet, columns shifted)
stays skipped as a sheet without header. Row numbers stay the sheet's own. The same shape of online list:
online/read.py.
"""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pandas as pd

from ..dates import parse_dates
from ..problems import Problem, problem
from .action_kinds import kind_from_text
from .columns import map_columns
from .docnumbers import said_above
from .header import find_header
from .rawsheet import RawSheet

_MONTH = re.compile(r"\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:份)?\s*$")
_SHARE = 0.8  # of the sheet's wide rows


def read_continued(sheet: RawSheet, previous: RawSheet | None, rules, read, source_file: str,
                   block_unit: str | None = None):
    """``read(sheet)`` again under ``previous``'s header where ``sheet`` (its header not found) goes on
    with its table, and under the unit its last unit row named (``block_unit``); None where it does not."""
    found = None if previous is None else find_header(previous.rows, rules, previous.merged)
    if found is None:
        return None
    header_row = found[0] + 1
    columns = map_columns(found[1], rules).columns
    if not continues(sheet, previous, header_row, columns):
        return None
    result = read(under_previous_header(sheet, previous, header_row), block_unit=block_unit)
    if result.header_row != header_row:  # read otherwise than as the previous table: not ours to say
        return None
    return read_back(result, sheet.name, previous.name, header_row, source_file)


def continues(sheet: RawSheet, previous: RawSheet, header_row: int, columns: dict[str, int]) -> bool:
    """``sheet`` (no header found) holds rows of the table ``previous`` has its header on ``header_row``."""
    decided, number, published = (columns.get(name) for name in ("decision_date", "document_number", "published_date"))
    if sheet.data is not None or previous.data is not None or decided is None or number is None:
        return False  # a CSV is one sheet
    kinds = {kind_from_text(sheet.name), kind_from_text(previous.name)} - {None}
    if len(kinds) > 1 or not sheet.rows:  # 行政许可 after 行政处罚: another table
        return False
    cells = pd.DataFrame(sheet.rows)  # short rows padded with None
    width = max((len(row) for row in previous.rows[:header_row]), default=0)
    filled = _filled(cells).sum(axis=1).to_numpy()
    if not filled.any() or filled[filled > 0][0] < 3 or cells.shape[1] > width + 1:
        return False  # a title or a 填报单位 line of its own first: a table of its own
    wide = cells[filled >= 3].reset_index(drop=True)
    if len(wide) < 0.5 * (filled > 0).sum():
        return False
    fits = _dated(_column(wide, decided)) & _numbered(_column(wide, number))
    if published is not None:
        shown = _column(wide, published)
        fits &= ~_filled(shown).to_numpy(bool) | _dated(shown)
    before = pd.DataFrame(previous.rows[header_row:])
    before = before[_filled(before).sum(axis=1).to_numpy() >= 3] if len(before) else before
    return fits.sum() >= _SHARE * len(wide) and _date_columns(wide) <= _date_columns(before) | {decided, published}


def _filled(cells):
    return cells.notna() & cells.ne("")


def _column(frame: pd.DataFrame, column: int) -> pd.Series:
    return frame[column] if column in frame.columns else pd.Series([None] * len(frame), dtype=object)


def _dated(cells: pd.Series) -> np.ndarray:
    """Per cell: a date, or 同上 (the date above)."""
    return ~np.isnat(parse_dates(cells.astype(object))[0]) | said_above(cells.astype(object))


def _numbered(cells: pd.Series) -> np.ndarray:
    """Per cell: a decision's number: a digit in it, and no date or month (2026年8月 heads a 统计 sheet's row)."""
    cells = cells.astype(object)
    text = cells.where(cells.notna(), "").astype(str)
    return _filled(cells).to_numpy(bool) & np.isnat(parse_dates(cells)[0]) \
        & text.str.contains(r"\d").to_numpy(bool) & ~text.str.match(_MONTH).to_numpy(bool)


def _date_columns(rows: pd.DataFrame) -> set[int]:
    """The columns most of whose filled cells are dates: a permit list's dates where the penalties had
    their amounts is another table."""
    out = set()
    for column in rows.columns:  # a few columns, each judged whole
        cells = rows[column][_filled(rows[column]).to_numpy(bool)].astype(object)
        if len(cells) and (~np.isnat(parse_dates(cells)[0])).sum() > 0.5 * len(cells):
            out.add(int(column))
    return out


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
    """The sheet read under the previous header, as its own: its rows numbered as in it (records and the
    notes that name rows), and said so."""
    if result.records is not None and len(result.records):
        result.records = result.records.assign(row=result.records["row"] - header_row)
    result.header_row = None
    result.notes = [problem("sheet-continued", file=source_file, sheet=sheet_name, previous=previous_name)] + \
        [_moved_up(note, header_row) for note in result.notes]
    return result


_ROW_NUMBER = re.compile(r"\d+")


def _moved_up(note: Problem, by: int) -> Problem:
    """A note's row, and the rows its message lists (第 5、6 行), as the sheet numbers them."""
    def up(rows: str) -> str:  # "5、6 等共 12": the rows, not the count
        listed, _, count = rows.partition(" 等共")
        return _ROW_NUMBER.sub(lambda m: str(int(m.group()) - by), listed) + (" 等共" + count if count else "")

    values = tuple((k, up(v) if k == "rows" and isinstance(v, str) else v) for k, v in note.values)
    row = note.row - by if isinstance(note.row, int) and note.row > by else note.row
    return dataclasses.replace(note, row=row, values=values)
