"""Dates typed with no day in an .xlsx or a BIFF .xls: 2016年9月 or 2016-9 typed into a cell.

Excel stores such an entry as the 1st of the month and shows only the year and
the month (a number format such as yyyy"年"m"月" or mmm-yy). Read as that 1st,
a decision date moves the deadline earlier (a false 逾期) and a publication
date moves publication earlier (lateness hidden). So a cell in a month-only
format that holds the 1st is read as the text it shows, which has no day
(date-no-day: 数据有误, docs/rules.md §8).

A column whose month-only cells hold other days than the 1st has full dates
under a display that hides the day (the clerk typed 2016-09-28 and chose a
short format): those dates are read as they are; its cells on the 1st are
still read as the month they show, since a typed month cannot be told apart.

Cost: styles.xml is small; the sheet's cells are looked at only when a cell
format shows a date without its day, which most workbooks never have.
"""

from __future__ import annotations

import re

from .rowscan import PartTags, attribute, column_number

# Built-in formats with year and month and no day: mmm-yy, and the zh-CN yyyy"年"m"月" (ECMA-376 §18.8.30).
_BUILTIN_MONTH_ONLY = frozenset({17, 27, 36, 50, 52, 57})
_NOT_TOKENS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')  # literals, escapes, [$-804] [红色], padding
_ROW_R = re.compile(rb"""(?:^|\s)r\s*=\s*["'](\d{1,7})["']""")
_A1 = re.compile(rb"\s*([A-Za-z]{1,3})\d*\s*")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def month_only_code(code: str) -> bool:
    """A number format that shows a date's year and month and no day (its first section)."""
    tokens = _NOT_TOKENS.sub("", code.split(";")[0]).lower()
    return "y" in tokens and "m" in tokens and not any(t in tokens for t in "dhs")


def month_only_styles(root) -> frozenset[int]:
    """The cell formats (``s`` indexes into cellXfs) whose number format shows no day (``root``: the parsed
    styles part, struck.styles_part; None: the stored dates are taken as they are)."""
    if root is None:
        return frozenset()
    month_only = set(_BUILTIN_MONTH_ONLY)
    formats: list[str | None] = []
    for element in root:
        if _local(element.tag) == "numFmts":
            for fmt in element:
                number = fmt.get("numFmtId") or ""
                if number.isdigit() and month_only_code(fmt.get("formatCode") or ""):
                    month_only.add(int(number))
                elif number.isdigit():
                    month_only.discard(int(number))  # a file may redefine a built-in id
        elif _local(element.tag) == "cellXfs":
            formats = [xf.get("numFmtId") for xf in element if _local(xf.tag) == "xf"]
    return frozenset(k for k, number in enumerate(formats)
                     if number is not None and number.isdigit() and int(number) in month_only)


def xls_month_only_formats(book) -> frozenset[int]:
    """A BIFF .xls (xlrd, opened with formatting_info): the cell formats (XF indexes) that show no day.
    xlrd knows no string for the CJK built-in formats (27, 36, 50 …): those go by their number."""
    formats = getattr(book, "format_map", None) or {}
    month_only = set()
    for k, xf in enumerate(getattr(book, "xf_list", None) or []):
        fmt = formats.get(xf.format_key)
        code = getattr(fmt, "format_str", None)
        if month_only_code(code) if code else xf.format_key in _BUILTIN_MONTH_ONLY:
            month_only.add(k)
    return frozenset(month_only)


def month_only_in_part(part: bytes, tags: PartTags, formats: frozenset[int],
                       last_row: int) -> tuple[set[tuple[int, int]], int]:
    """(0-based (row, column) of the cells of ``part`` in those formats, the part's last row number)."""
    cells: set[tuple[int, int]] = set()
    starts = list(tags.row_tag.finditer(part))
    for k, row in enumerate(starts):
        number = _ROW_R.search(row.group(1))
        last_row = int(number.group(1)) if number else last_row + 1
        if row.group(1).endswith(b"/"):
            continue
        end = starts[k + 1].start() if k + 1 < len(starts) else len(part)
        column = -1
        for cell in tags.cell_tag.finditer(part, row.end(), end):
            attrs = cell.group(1)
            ref = attribute(attrs, b"r")
            letters = _A1.fullmatch(ref) if ref is not None else None
            column = column_number(letters.group(1)) - 1 if letters else column + 1
            style = attribute(attrs, b"s")
            if style is not None and style.isdigit() and int(style) in formats:
                cells.add((last_row - 1, column))
    return cells, last_row


def show_month_only(rows: list[list], cells: frozenset[tuple[int, int]]) -> None:
    """Replace month-only dates that fall on the 1st by the text they show. In a column whose other cells
    hold real days the 1st may be real too, but it may as well be a month typed among full dates: the
    cell, on screen and on paper, does not say which (probe p74 F4, a false 逾期 when read as the 1st)."""
    for r, c in cells:
        if r < len(rows) and c < len(rows[r]) and getattr(rows[r][c], "day", None) == 1:
            rows[r][c] = f"{rows[r][c].year}年{rows[r][c].month}月"
