"""Repairs of rustpy-xlsxwriter 0.8 output, kept apart so they can go when the library fixes them.

pyproject pins rustpy-xlsxwriter to the range these repairs are tested with
(tests/test_safety.py). Two gaps are mended:
- a sheet's last row is written twice when that row carries row settings
  (Excel then offers to "repair" the file): the second copy is dropped;
- its charts cannot set an axis scale or data labels: the chart part is
  replaced by the one xlsxwriter writes for the same sheet.
The zip is rebuilt entry by entry through zipfile's public API. Anything
unexpected (another number of charts) raises ``RepairError``, and the caller
falls back to the xlsxwriter backend, saying so.
"""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from pathlib import Path

from ..errors import RepairError
from .layout import SheetSpec

CHART_PART = re.compile(r"xl/charts/chart\d+\.xml")
TAIL = 4 << 20  # a row is far smaller than this
_SELF_CLOSED_LAST = re.compile(rb'<row r="(\d+)"[^>]*/>(\s*</sheetData>)')


def repair_rust_output(path: Path, specs: list[SheetSpec], chart_parts: dict[str, bytes]) -> None:
    """Rewrite ``path`` with duplicated last rows dropped and ``chart_parts`` swapped in."""
    suspects = {f"xl/worksheets/sheet{i}.xml" for i, s in enumerate(specs, start=1) if _last_row_has_settings(s)}
    fixed = path.with_name(path.name + ".fix")
    try:
        with zipfile.ZipFile(path) as source:
            names = [n for n in source.namelist() if CHART_PART.fullmatch(n)]
            if sorted(names) != sorted(chart_parts):
                raise RepairError(f"图表部件与预期不符：{names} / {sorted(chart_parts)}")
            with zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
                for info in source.infolist():
                    target = zipfile.ZipInfo(info.filename, info.date_time)
                    target.compress_type = zipfile.ZIP_DEFLATED
                    if info.filename in chart_parts:
                        out.writestr(target, chart_parts[info.filename])
                        continue
                    with source.open(info) as stream, \
                            out.open(target, "w", force_zip64=info.file_size > 1 << 30) as sink:
                        if info.filename in suspects:
                            _copy_without_duplicate_last_row(stream, sink)
                        else:
                            shutil.copyfileobj(stream, sink, 1 << 20)
        os.replace(fixed, path)
    finally:
        fixed.unlink(missing_ok=True)


def _last_row_has_settings(spec: SheetSpec) -> bool:
    last = spec.header_row + len(spec.frame)
    with_settings = {spec.header_row} | {spec.header_row + 1 + r for r in (*spec.highlight, *spec.bold_rows)}
    if spec.title:
        with_settings.add(0)
    return last in with_settings


def _copy_without_duplicate_last_row(stream, sink) -> None:
    tail = b""
    for chunk in iter(lambda: stream.read(1 << 20), b""):
        tail += chunk
        if len(tail) > 2 * TAIL:
            sink.write(tail[:-TAIL])
            tail = tail[-TAIL:]
    match = _SELF_CLOSED_LAST.search(tail)
    if match and tail.rfind(b'<row r="%s"' % match.group(1), 0, match.start()) >= 0:
        tail = tail[:match.start()] + match.group(2) + tail[match.end():]
    sink.write(tail)
