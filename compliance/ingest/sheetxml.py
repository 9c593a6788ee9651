"""A cheap look inside an .xlsx before the Rust reader sees it.

calamine allocates a sheet's whole rectangle: one space typed into
XFD1048576 asks for 512 GiB and aborts the process, which no ``except`` can
catch. So each worksheet's XML is streamed once, and from its cells with
content (not styled empty ones) we learn the real extent, the error values
(#N/A, #REF!; calamine reads them as blank) and formulas saved with no
result. Only the few cells that matter are parsed; nothing is edited.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from ..dates import FORMULA_NO_VALUE

CHUNK = 1 << 22
# A cell past column Z, with the end of its opening tag ("/" when it is a styled empty cell).
_WIDE = re.compile(rb'<c r="([A-Z]{2,3})(\d{1,7})"[^>]*?(/?)>')
_REF = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"')
_VALUE = re.compile(rb"<v>([^<]+)</v>")
_SHEET = re.compile(rb'<sheet [^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"')
_SHEET_ALT = re.compile(rb'<sheet [^>]*?r:id="([^"]*)"[^>]*?name="([^"]*)"')
_REL = re.compile(rb'<Relationship [^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"|'
                  rb'<Relationship [^>]*?Target="([^"]*)"[^>]*?Id="([^"]*)"')


@dataclass
class SheetScan:
    rows: int = 0  # populated extent, 1-based; 0 = no cell with content
    columns: int = 0
    far_cell: str = ""  # the cell that sets the extent furthest out
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) 0-based -> #N/A
    uncached: list[tuple[int, int]] = field(default_factory=list)  # formulas saved with no result


@dataclass
class WorkbookScan:
    date1904: bool = False
    sheets: dict[str, SheetScan] = field(default_factory=dict)  # sheet name -> scan


def column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def scan_workbook(path, details: bool = True) -> WorkbookScan:
    """Each sheet's extent; with ``details``, its error values and formulas with no result too.

    The extent alone is what must be known before calamine reads the file
    (it guards against the 512 GiB allocation); the details can be found on
    the other core while calamine parses, which releases the GIL.
    """
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names:
            return WorkbookScan()  # .xlsb: binary, read as it is
        book = archive.read("xl/workbook.xml")
        result = WorkbookScan(bool(re.search(rb'date1904="(?:1|true)"', book)))
        for name, target in _sheet_targets(archive, book, names).items():
            with archive.open(target) as stream:
                result.sheets[name] = scan_sheet(stream, details)
    return result


def _sheet_targets(archive, book: bytes, names: set[str]) -> dict[str, str]:
    rels_name = "xl/_rels/workbook.xml.rels"
    rels = archive.read(rels_name) if rels_name in names else b""
    targets = {}
    for m in _REL.finditer(rels):
        rid, target = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        targets[rid.decode()] = target.decode()
    out = {}
    pairs = [(m.group(1), m.group(2)) for m in _SHEET.finditer(book)] or \
        [(m.group(2), m.group(1)) for m in _SHEET_ALT.finditer(book)]
    for raw_name, rid in pairs:
        target = targets.get(rid.decode())
        if not target:
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        if path in names:
            out[_unescape(raw_name.decode("utf-8", "replace"))] = path
    return out


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'") \
        .replace("&amp;", "&")


def scan_sheet(stream, details: bool = True) -> SheetScan:
    scan = SheetScan()
    carry = b""
    while True:
        chunk = stream.read(CHUNK)
        data = carry + chunk
        if not chunk:
            _scan_part(data, scan, details)
            break
        cut = data.rfind(b"</row>")
        if cut < 0:
            carry = data
            continue
        cut += len(b"</row>")
        _scan_part(data[:cut], scan, details)
        carry = data[cut:]
    return scan


def _scan_part(data: bytes, scan: SheetScan, details: bool = True) -> None:
    # The last cell with content (rows are in order): found from the end, not by parsing every cell.
    end = data.rfind(b"</c>")
    start = data.rfind(b"<c ", 0, end) if end >= 0 else -1
    if start >= 0:
        m = _REF.match(data, start)
        if m and int(m.group(2)) > scan.rows:
            scan.rows, scan.far_cell = int(m.group(2)), (m.group(1) + m.group(2)).decode()
    # Columns past Z are rare: only those are parsed (a sheet of A:Z is at most 26 wide).
    wide = _WIDE.findall(data)
    filled = [w for w in wide if not w[2].endswith(b"/")]
    scan.columns = max(scan.columns, 26 if b"<c " in data else 0)
    if filled:
        letters, row, _ = max(filled, key=lambda w: (len(w[0]), w[0]))
        width = column_number(letters)
        if width > scan.columns:
            scan.columns = width
            scan.far_cell = (letters + row).decode() if width > 26 * 27 or not scan.far_cell else scan.far_cell
    if not details:
        return
    if b' t="e"' in data:
        for start, element in _elements_around(data, b' t="e"'):
            value = _VALUE.search(element)
            if value:
                scan.errors[_position(element)] = value.group(1).decode("ascii", "replace")
    uncached = set()
    for marker in (b"</f></c>", b"/></c>", b"<v></v>"):
        for start, element in _elements_around(data, marker):
            if start not in uncached and b"<f" in element and not _VALUE.search(element):  # no/empty <v>
                uncached.add(start)
                scan.uncached.append(_position(element))


def _elements_around(data: bytes, marker: bytes):
    """Each <c …>…</c> element holding ``marker``, found with bytes.find (no regex over the sheet)."""
    at = data.find(marker)
    while at >= 0:
        start = data.rfind(b"<c ", 0, at)
        end = data.find(b"</c>", at)
        if start >= 0 and end >= 0:
            yield start, data[start:end + 4]
        at = data.find(marker, at + len(marker))


def _position(element: bytes) -> tuple[int, int]:
    m = _REF.match(element)
    return int(m.group(2)) - 1, column_number(m.group(1)) - 1


def patch_cells(rows: list[list], scan: SheetScan) -> None:
    """Put error values and the no-result marker where calamine left blanks."""
    cells = dict(scan.errors)
    cells.update({position: FORMULA_NO_VALUE for position in scan.uncached})
    for (r, c), value in cells.items():
        while len(rows) <= r:
            rows.append([])
        if len(rows[r]) <= c:
            rows[r].extend([""] * (c + 1 - len(rows[r])))
        if rows[r][c] in ("", None):
            rows[r][c] = value
