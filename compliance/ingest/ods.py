"""What calamine leaves out of an OpenDocument spreadsheet (.ods, LibreOffice and some WPS exports): merged
cells (one 公示日期 over three batch-published decisions read as two blanks: 逾期未公开), error values (#N/A
from a VLOOKUP read as a blank: 逾期未公开 again), hidden columns and hidden rows. Read from content.xml, as
the .xlsx scan and the .xls patch do for theirs, and put on the sheets calamine read.

Repeated rows and columns (number-rows-repeated: a sheet's million empty rows) are counted, never expanded.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import iterparse

from .rawsheet import RawSheet

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_CALC = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_T = "{%s}" % _TABLE


@dataclass
class OdsSheet:
    merged: list = field(default_factory=list)  # ((r0, c0), (r1, c1)), 0-based, inclusive
    errors: dict = field(default_factory=dict)  # (r, c) -> #N/A …
    hidden_columns: set = field(default_factory=set)
    hidden_rows: list = field(default_factory=list)  # (first, past the last), 0-based


def scan_ods(path: Path) -> dict[str, OdsSheet]:
    """Per sheet name: its merges, error cells, hidden columns and rows."""
    out: dict[str, OdsSheet] = {}
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
        sheet, row, column = None, -1, 0
        for event, element in iterparse(content, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == _T + "table":
                    sheet = out.setdefault(element.get(_T + "name", ""), OdsSheet())
                    row, column, columns = -1, 0, 0
                elif sheet is not None and tag == _T + "table-column":
                    repeat = int(element.get(_T + "number-columns-repeated", "1"))
                    if element.get(_T + "visibility") in ("collapse", "filter"):
                        sheet.hidden_columns.update(range(columns, min(columns + repeat, 16384)))
                    columns += repeat
                elif sheet is not None and tag == _T + "table-row":
                    row, column = row + 1, 0
                    if element.get(_T + "visibility") in ("collapse", "filter"):
                        repeat = int(element.get(_T + "number-rows-repeated", "1"))
                        sheet.hidden_rows.append((row, row + repeat))  # a range: a million hidden empty rows
                continue
            if sheet is None:
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
                column += repeat
                element.clear()
            elif tag == _T + "table-row":
                row += int(element.get(_T + "number-rows-repeated", "1")) - 1
                element.clear()
            elif tag == _T + "table":
                sheet = None
    return out


def patch_ods(path: Path, sheets: list[RawSheet]) -> None:
    """Merges, error values and hidden columns and rows onto calamine's sheets; a file that will not
    scan keeps calamine's reading (it read the cells; this is a refinement)."""
    try:
        scanned = scan_ods(path)
    except Exception:  # noqa: BLE001 - a refinement: calamine read the file
        return
    for raw in sheets:
        found = scanned.get(raw.name)
        if found is None:
            continue
        raw.merged = list(raw.merged) + [m for m in found.merged if m[0][0] < len(raw.rows)]
        for (r, c), text in found.errors.items():
            if r < len(raw.rows) and c < len(raw.rows[r]):
                raw.rows[r][c] = text
        raw.hidden_columns = frozenset(found.hidden_columns)
        raw.hidden_rows = frozenset(r for start, stop in found.hidden_rows for r in range(start, min(stop, len(raw.rows))))
