"""A cheap look inside an .xlsx before the Rust reader sees it.

calamine allocates a sheet's whole rectangle: one character typed into
XFD1048576 asks for 512 GiB. So each worksheet's XML is streamed once, and
from its cells with content we learn the real extent, how many cells hold
something (a sparse sheet is refused before calamine allocates it), the error
values (#N/A, #REF!; calamine reads them as blank) and formulas saved with no
result.

Every valid form is read (ECMA-376 leaves attribute order, quoting, prefixes
and even ``r`` to the writer). There are two looks. The guard
(``details=False``) runs before calamine: three passes over each part (the
last cell with content, cells past column Z, a count of cells). The full scan
runs while calamine works and is exact: a part in the canonical form most
writers produce (``<c r="A1" …>``, with or without a prefix) is measured with a
few whole-part passes; any other part is read row by row (``row_scan``); a
sheet holding comments, CDATA, processing instructions or namespace
declarations in its data is parsed by expat (``exact_scan``). Reading never
depends on either look: calamine reads its own extent, and the rows it returns
are compared with the full scan (readers._agree).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field

from ..dates import FORMULA_NO_VALUE, FORMULA_TODAY
from .month_dates import month_only_in_part, month_only_styles, show_month_only
from .comments import sheet_comments
from .struck import hidden_in_part, struck_in_part, struck_strings, struck_styles, styles_part
from .workbookxml import sheet_parts
from .rowscan import (MAIN_NAMESPACES, ExactScanNeeded, PartTags, column_number, exact_scan, exotic,
                      last_row_start, row_scan)

CHUNK = 1 << 22
_SHEETDATA = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?sheetData(?=[\s/>])")


@dataclass
class SheetScan:
    rows: int = 0  # populated extent, 1-based; 0 = no cell with content
    columns: int = 0
    far_cell: str = ""  # the cell that sets the extent furthest out
    cells: int = 0  # cells with content (an upper bound: a sparse sheet is judged by it)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) 0-based -> #N/A
    uncached: list[tuple[int, int]] = field(default_factory=list)  # formulas saved with no result
    clock: set[tuple[int, int]] = field(default_factory=set)  # =TODAY() / =NOW(): the day saved, never a fact
    method: str = "fast"  # fast, rows or exact: how the sheet was read (tests, --debug)
    hidden_columns: frozenset[int] = frozenset()  # 0-based: columns the clerk hid (<col hidden="1">)
    struck_rows: frozenset[int] = frozenset()  # 0-based: rows struck through (struck.py)
    hidden_rows: frozenset[int] = frozenset()  # 0-based: rows hidden (<row hidden="1">; struck.py)
    month_only: frozenset[tuple[int, int]] = frozenset()  # 0-based cells showing a date with no day (month_dates.py)
    comments: dict = field(default_factory=dict)  # (row, column) 0-based -> a cell comment's text (comments.py)

    def note_cell(self, row: int, column: int) -> None:
        """A cell with content at (row, column), 1-based: the extent grows to hold it."""
        if row > self.rows or column > self.columns:
            self.rows, self.columns = max(row, self.rows), max(column, self.columns)
            self.far_cell = cell_name(row, column)


@dataclass
class WorkbookScan:
    date1904: bool = False
    sheets: dict[str, SheetScan] = field(default_factory=dict)  # sheet name -> scan


def column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    return f"{column_letters(column)}{row}"


def scan_workbook(path, details: bool = True) -> WorkbookScan:
    """Each sheet's extent; with ``details``, its error values and formulas with no result too.

    The extent alone is what must be known before calamine reads the file;
    the details are found on the other core while calamine parses, which
    releases the GIL.
    """
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names:
            return WorkbookScan()  # .xlsb: binary, read as it is
        date1904, parts = sheet_parts(archive, names)
        result = WorkbookScan(date1904)
        styles = styles_part(archive, names) if details else None
        struck, month_only = struck_styles(styles), month_only_styles(styles)
        strings = struck_strings(archive, names) if details else frozenset()
        for name, target in parts.items():
            result.sheets[name] = scan_sheet(lambda t=target: archive.open(t), details, struck, month_only, strings)
            if details:
                result.sheets[name].comments = sheet_comments(archive, names, target)
    return result


def scan_sheet(opener, details: bool = True, struck: frozenset[int] = frozenset(),
               month_only: frozenset[int] = frozenset(), strings: frozenset[int] = frozenset()) -> SheetScan:
    """``opener()`` gives the sheet's XML stream; it is opened again if the exact parse is needed.
    ``struck``: the cell formats with a struck font, whose rows are noted; ``month_only``: those showing a
    date with no day, whose cells are noted (neither by the exact parse)."""
    with opener() as stream:
        try:
            return _scan_parts(stream, details, struck, month_only, strings)
        except ExactScanNeeded:
            pass
    scan = SheetScan(method="exact")
    with opener() as stream:
        exact_scan(stream, details, scan)
    return scan


def _scan_parts(stream, details: bool, struck: frozenset[int] = frozenset(),
                month_only: frozenset[int] = frozenset(), strings: frozenset[int] = frozenset()) -> SheetScan:
    scan = SheetScan()
    tags = None
    last_row = struck_last = month_last = 0
    struck_rows: set[int] = set()
    month_cells: set[tuple[int, int]] = set()
    hidden_rows: set[int] = set()
    for part in _row_parts(stream):
        if tags is None:
            found = _SHEETDATA.search(part)
            if found is None:
                continue
            if part.count(MAIN_NAMESPACES[0].encode(), 0, found.start()) > 1:
                raise ExactScanNeeded  # the main namespace under two prefixes: cells may use either
            tags = PartTags(found.group(1) or b"")
            scan.hidden_columns = hidden_columns(part[:found.start()])
            if part[part.find(b">", found.end()) - 1:][:1] == b"/":
                return scan  # <sheetData/>: an empty sheet
            part = part[found.end():]
        end = part.find(tags.close_data, max(0, part.rfind(b"row>")))
        if end >= 0:
            part = part[:end]
        if details and b"hidden" in part:
            hidden_rows |= hidden_in_part(part, tags, last_row)
        if not details:
            last_row = _extent_part(part, tags, scan, last_row)
        else:
            last_row = _full_part(part, tags, scan, last_row)
        if struck or strings or (details and b"strike" in part):  # a font, shared or inline text runs
            rows, struck_last = struck_in_part(part, tags, struck, struck_last, strings)
            struck_rows |= rows
        if month_only:
            cells, month_last = month_only_in_part(part, tags, month_only, month_last)
            month_cells |= cells
        if end >= 0:
            break
    scan.struck_rows, scan.hidden_rows = frozenset(struck_rows), frozenset(hidden_rows)
    scan.month_only = frozenset(month_cells)
    return scan


_COL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?col\s([^>]*)>")
_ATTRIBUTE = re.compile(rb"""(?:^|\s)(min|max|hidden)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_MOST_COLUMNS = 16384  # XFD: a <col> may span them all (min=1 max=16384), which hides nothing we read


def hidden_columns(head: bytes) -> frozenset[int]:
    """The 0-based columns a <cols> element before <sheetData> hides (attributes in any order and quoting)."""
    hidden: set[int] = set()
    for attributes in _COL.findall(head):
        values = {m.group(1): (m.group(2) if m.group(2) is not None else m.group(3)) for m in _ATTRIBUTE.finditer(attributes)}
        if values.get(b"hidden", b"").strip().lower() not in (b"1", b"true"):
            continue
        try:
            low, high = int(values[b"min"]), int(values[b"max"])
        except (KeyError, ValueError):
            continue
        if 1 <= low <= high and high - low < 1024:  # a span over the whole width is a style, not columns hidden
            hidden.update(range(low - 1, min(high, _MOST_COLUMNS)))
    return frozenset(hidden)


def _extent_part(part: bytes, tags: PartTags, scan: SheetScan, last_row: int) -> int:
    """The guard's look, before calamine: the last cell with content and the cells past column Z.

    Three passes over the part; a cell written without r sends the part to the row-by-row reader.
    Forms it cannot see (a wide cell without r in mid-part, spaces around =, a comment, rows out of
    order) are bounded by the reading process's memory and time bounds, which hold whatever this misses.
    """
    start = tags.last_content(part)
    if start >= 0:
        place = tags.placed(part, start)
        if place is None:
            return row_scan(part, tags, scan, False, last_row)
        scan.note_cell(*place)
        last_row = place[0]
    scan.cells += part.count(tags.close_c)
    for letters, row, slash in tags.wide_any.findall(part):
        if not slash and column_number(letters) > scan.columns:
            scan.note_cell(int(row), column_number(letters))
    return last_row


def _full_part(part: bytes, tags: PartTags, scan: SheetScan, last_row: int) -> int:
    """Every form: canonical parts by whole-part passes, others row by row, exotic markup by expat."""
    if exotic(part):
        raise ExactScanNeeded
    if tags.irregular_cell.search(part) is None and _rows_in_order(part, tags, last_row):
        return _fast_part(part, tags, scan, True, last_row)
    scan.method = "rows"
    return row_scan(part, tags, scan, True, last_row)


def _rows_in_order(part: bytes, tags: PartTags, last_row: int) -> bool:
    """Rows are stored in ascending order (ECMA-376), so the last cell is the furthest row; a part that
    breaks the order is read row by row (calamine 0.4 drops such rows, later versions read them)."""
    numbers = [int(n) for n in tags.row_number.findall(part)]
    return not numbers or (numbers[0] > last_row and all(a < b for a, b in zip(numbers, numbers[1:])))


def _row_parts(stream):
    """The stream in pieces that end just before a row's start tag (or at the end): whole rows each."""
    pending: list[bytes] = []
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            if pending:
                yield b"".join(pending)
            return
        before = pending[-1][-64:] if pending else b""
        pending.append(chunk)
        cut = last_row_start(before + chunk)
        if cut is None:
            continue
        joined = b"".join(pending)
        cut += len(joined) - len(before) - len(chunk)
        if cut <= 0:
            continue
        yield joined[:cut]
        pending = [joined[cut:]]


def _fast_part(part: bytes, tags: PartTags, scan: SheetScan, details: bool, last_row: int) -> int:
    # The last cell with content (rows are in order): found from the end, not by parsing every cell.
    start = tags.last_content(part)
    if start >= 0:
        row, column = tags.canonical_position(part, start)
        scan.note_cell(row + 1, column + 1)
    scan.cells += part.count(tags.close_c)
    for row, column in tags.narrow_cells(part, scan.columns) if start >= 0 else ():
        scan.note_cell(row, column)
    # Columns past Z are rare: only those are parsed.
    for letters, row, slash in tags.wide.findall(part):
        if not slash and column_number(letters) > scan.columns:
            scan.note_cell(int(row), column_number(letters))
    if details:
        tags.fast_details(part, scan)
    return _last_row_number(part, tags, last_row)


def _last_row_number(part: bytes, tags: PartTags, last_row: int) -> int:
    """The number of the part's last row: the last r given (a row's or a cell's), plus the rows after it."""
    anchor = 0
    row_at = part.rfind(tags.canonical_row)
    if row_at >= 0:
        m = tags.number.match(part, row_at + len(tags.canonical_row))
        last_row, anchor = (int(m.group(1)), row_at + 1) if m else (last_row, anchor)
    cell_at = part.rfind(tags.canonical_c)
    if cell_at > anchor:
        m = tags.ref.match(part, cell_at + len(tags.canonical_c))
        last_row, anchor = (int(m.group(2)), cell_at) if m else (last_row, anchor)
    return last_row + part.count(tags.open_row, anchor)


def patch_cells(rows: list[list], scan: SheetScan) -> None:
    """Put error values and the no-result marker where calamine left blanks; month-only dates on the
    1st as the text they show (month_dates.py)."""
    cells = dict(scan.errors)
    cells.update({position: FORMULA_NO_VALUE for position in scan.uncached})
    for (r, c), value in cells.items():
        while len(rows) <= r:
            rows.append([])
        if len(rows[r]) <= c:
            rows[r].extend([""] * (c + 1 - len(rows[r])))
        if rows[r][c] in ("", None):
            rows[r][c] = value
    for r, c in scan.clock:  # shown as what it is: the date cell gets a word, not the day the file was saved
        if r < len(rows) and c < len(rows[r]) and rows[r][c] not in ("", None):
            rows[r][c] = f"{FORMULA_TODAY}{str(rows[r][c])[:10]}"
    if scan.month_only:
        show_month_only(rows, scan.month_only)
