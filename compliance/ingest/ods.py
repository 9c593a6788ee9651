"""What calamine leaves out of an OpenDocument spreadsheet (.ods, LibreOffice and some WPS exports): merged
cells (one 公示日期 over three batch-published decisions read as two blanks: 逾期未公开), error values (#N/A
from a VLOOKUP read as a blank: 逾期未公开 again), hidden columns and hidden rows, and dates typed with no
day (2016年9月 in a date cell shown as year and month: read as the 1st it is a false 逾期 or hidden
lateness, month_dates.py). Read from content.xml (and the named styles in styles.xml), as the .xlsx scan
and the .xls patch do for theirs, and put on the sheets calamine read.

Repeated rows and columns (number-rows-repeated: a sheet's million empty rows) are counted, never expanded.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import iterparse

from .month_dates import show_month_only
from .rawsheet import RawSheet

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_NUMBER = "{urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DAY_PARTS = {_NUMBER + part for part in ("day", "day-of-week", "hours", "minutes", "seconds")}
_OFFICE_CALC = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_T = "{%s}" % _TABLE


@dataclass
class OdsSheet:
    merged: list = field(default_factory=list)  # ((r0, c0), (r1, c1)), 0-based, inclusive
    errors: dict = field(default_factory=dict)  # (r, c) -> #N/A …
    hidden_columns: set = field(default_factory=set)
    hidden_rows: list = field(default_factory=list)  # (first, past the last), 0-based
    month_only: set = field(default_factory=set)  # (r, c) of date cells shown with no day


@dataclass
class _Styles:
    """Which cell styles show a date with its year and month and no day."""
    month_only_data: set = field(default_factory=set)  # number:date-style names
    cells: dict = field(default_factory=dict)  # cell style -> (data style, parent style)

    def take(self, element) -> None:
        """A finished style element of styles.xml or content.xml."""
        if element.tag == _NUMBER + "date-style":
            parts = {child.tag for child in element}
            if {_NUMBER + "year", _NUMBER + "month"} <= parts and not parts & _DAY_PARTS:
                self.month_only_data.add(element.get(_STYLE + "name"))
        elif element.tag == _STYLE + "style" and element.get(_STYLE + "family") == "table-cell":
            self.cells[element.get(_STYLE + "name")] = (element.get(_STYLE + "data-style-name"),
                                                        element.get(_STYLE + "parent-style-name"))

    def month_only(self) -> frozenset[str]:
        def shows(name, depth=0):  # a style without its own number format has its parent's
            data, parent = self.cells.get(name, (None, None))
            if data is not None or parent is None or depth > 20:
                return data in self.month_only_data
            return shows(parent, depth + 1)
        return frozenset(name for name in self.cells if shows(name)) if self.month_only_data else frozenset()


def _named_styles(archive: zipfile.ZipFile) -> _Styles:
    styles = _Styles()
    if "styles.xml" in archive.namelist():
        with archive.open("styles.xml") as part:
            for _, element in iterparse(part):
                styles.take(element)
    return styles


def scan_ods(path: Path) -> tuple[dict[str, OdsSheet], bool]:
    """(per sheet name: its merges, error cells, hidden columns and rows, and month-only date cells; whether the
    document counts days from 1904-01-01: a 1904 workbook saved as .ods keeps its null date, and its bare serial
    numbers are 4 years and a day off the 1900 system's (probe p90))."""
    out: dict[str, OdsSheet] = {}
    date1904 = False
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
        styles, month_only = _named_styles(archive), None
        sheet, row, column = None, -1, 0
        for event, element in iterparse(content, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == _T + "table":
                    sheet = out.setdefault(element.get(_T + "name", ""), OdsSheet())
                    row, column, columns, defaults = -1, 0, 0, []
                    if month_only is None:  # the automatic styles came before the first table
                        month_only = styles.month_only()
                elif sheet is not None and tag == _T + "table-column":
                    repeat = int(element.get(_T + "number-columns-repeated", "1"))
                    if element.get(_T + "visibility") in ("collapse", "filter"):
                        sheet.hidden_columns.update(range(columns, min(columns + repeat, 16384)))
                    if element.get(_T + "default-cell-style-name") in month_only:
                        defaults.append((columns, columns + repeat))
                    columns += repeat
                elif sheet is not None and tag == _T + "table-row":
                    row, column = row + 1, 0
                    if element.get(_T + "visibility") in ("collapse", "filter"):
                        repeat = int(element.get(_T + "number-rows-repeated", "1"))
                        sheet.hidden_rows.append((row, row + repeat))  # a range: a million hidden empty rows
                continue
            if sheet is None:
                if month_only is None and tag.startswith((_NUMBER, _STYLE)):
                    styles.take(element)
                elif tag == _T + "null-date":  # table:calculation-settings, before the tables
                    date1904 = element.get(_T + "date-value", "").startswith("1904-01-01")
                continue
            if tag in (_T + "table-cell", _T + "covered-table-cell"):
                repeat = int(element.get(_T + "number-columns-repeated", "1"))
                if tag == _T + "table-cell":
                    rows_spanned = int(element.get(_T + "number-rows-spanned", "1"))
                    columns_spanned = int(element.get(_T + "number-columns-spanned", "1"))
                    if rows_spanned > 1 or columns_spanned > 1:
                        sheet.merged.append(((row, column), (row + rows_spanned - 1, column + columns_spanned - 1)))
                    if element.get("{%s}value-type" % _OFFICE_CALC) == "error":
                        # the cell's own paragraphs only: a comment (office:annotation) holds text:p too
                        text = "".join("".join(p.itertext()) for p in element.findall("{%s}p" % _TEXT)).strip()
                        for c in range(column, column + min(repeat, 16384)):
                            sheet.errors[(row, c)] = text or "#VALUE!"
                    if month_only and element.get(_OFFICE + "value-type") == "date" and _shows_month(
                            element.get(_T + "style-name"), column, defaults, month_only):
                        sheet.month_only.update((row, c) for c in range(column, column + min(repeat, 16384)))
                column += repeat
                element.clear()
            elif tag == _T + "table-row":
                row += int(element.get(_T + "number-rows-repeated", "1")) - 1
                element.clear()
            elif tag == _T + "table":
                sheet = None
    return out, date1904


def _shows_month(style: str | None, column: int, defaults: list, month_only: frozenset[str]) -> bool:
    if style is not None:
        return style in month_only
    return any(start <= column < stop for start, stop in defaults)  # the column's default cell style


def patch_ods(path: Path, sheets: list[RawSheet]) -> None:
    """Merges, error values and hidden columns and rows onto calamine's sheets; a file that will not
    scan keeps calamine's reading (it read the cells; this is a refinement)."""
    try:
        scanned, date1904 = scan_ods(path)
    except Exception:  # noqa: BLE001 - a refinement: calamine read the file
        return
    for raw in sheets:
        raw.date1904 = raw.date1904 or date1904
        found = scanned.get(raw.name)
        if found is None:
            continue
        raw.merged = list(raw.merged) + [m for m in found.merged if m[0][0] < len(raw.rows)]
        for (r, c), text in found.errors.items():
            if r < len(raw.rows) and c < len(raw.rows[r]):
                raw.rows[r][c] = text
        show_month_only(raw.rows, frozenset(found.month_only))
        raw.hidden_columns = frozenset(found.hidden_columns)
        raw.hidden_rows = frozenset(r for start, stop in found.hidden_rows for r in range(start, min(stop, len(raw.rows))))
