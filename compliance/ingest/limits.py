"""What one file may cost: the bounds every reader works within, and the cheap checks made before reading.

Two kinds of bound (docs/limits.md):
- shape bounds, checked before the costly parse from what a cheap look at the
  file shows (the sheet scan, a CSV line, an HTML table's spans): a file past
  one is refused at once, with the cell, line or sheet to fix;
- the true bounds, memory and time, enforced on the worker process that reads
  the file (ingest/isolate.py): whatever a file does, it cannot make its
  reader use more, and a file that would is refused with its name.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import FileFault

MAX_COLUMNS = 16_384  # Excel's last column, XFD: no spreadsheet is wider
# The populated cells (rows x columns of each sheet's extent) one workbook may hold. The largest
# legitimate file stated in the README, 500,000 rows x 31 columns, is 15.5 million.
MAX_WORKBOOK_CELLS = 20_000_000
MAX_SHEET_CELLS = MAX_WORKBOOK_CELLS  # an HTML table, whose grid is built here
MAX_HTML_CELLS = 5_000_000  # cells covered by rowspan/colspan before the grid is built
MAX_LINE_CHARS = 1 << 21  # a CSV line (and a field): 31 Excel cells of 32,767 characters are 1 million
# A sheet whose extent is this large must be at least 1/SPARSE_RATIO full: one character typed
# at Z1048576 makes 27 million cells for calamine to allocate and convert (52 s, 1.3 GB).
SPARSE_MIN_CELLS = 1_000_000
SPARSE_RATIO = 20

# One shared string: Excel holds at most 32,767 characters in a cell, which even as rich text with every
# character formatted apart stays under this many bytes of XML. Only a large sharedStrings.xml is looked at.
MAX_STRING_BYTES = 4 << 20
STRINGS_LOOKED_AT = 64 << 20

DEFAULT_MAX_READ_MEMORY_MB = 4096  # the reading process's address space may grow by this much
DEFAULT_MAX_READ_SECONDS = 900  # wall clock for reading one file: room for a loaded or slow machine


def check_extent(path: Path, scan) -> None:
    """Refuse a workbook whose scanned extent is far larger than its content, or larger than the bound."""
    total = 0
    for name, sheet in scan.sheets.items():
        cells = sheet.rows * sheet.columns
        if cells > SPARSE_MIN_CELLS and cells > SPARSE_RATIO * max(sheet.cells, 1):
            raise FileFault("sheet-too-sparse", path, sheet=name, cell=sheet.far_cell, cells=cells)
        total += cells
    if total > MAX_WORKBOOK_CELLS:
        name, sheet = max(scan.sheets.items(), key=lambda item: item[1].rows * item[1].columns)
        raise FileFault("sheet-too-large", path, sheet=name, rows=sheet.rows, columns=sheet.columns,
                        cells=total, limit=MAX_WORKBOOK_CELLS)


def check_strings(path: Path) -> None:
    """Refuse a workbook holding a shared string far past Excel's cell limit (1 GB of text in 1 MB of zip).

    The gap between two ``si>`` marks (an item's start and end tags) bounds one string's XML; streamed,
    so the check costs one decompression of the part, and only when the part is large.
    """
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if not info.filename.lower().endswith("sharedstrings.xml") or info.file_size <= STRINGS_LOOKED_AT:
                continue
            with archive.open(info) as stream:
                longest = _longest_item(stream)
            if longest > MAX_STRING_BYTES:
                raise FileFault("cell-text-too-long", path, size_mb=longest / (1 << 20))


def _longest_item(stream) -> int:
    longest, offset, last = 0, 0, 0
    tail = b""
    while chunk := stream.read(1 << 22):
        data = tail + chunk
        base = offset - len(tail)
        at = data.find(b"si>")
        while at >= 0:
            longest = max(longest, base + at - last)
            last = base + at
            at = data.find(b"si>", at + 3)
        offset += len(chunk)
        tail = data[-2:]
    return max(longest, offset - last)
