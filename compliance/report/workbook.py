"""The Excel report handed to 法制办, written atomically by one of the writers.

The sheets and their order are in sheets/; input text is always written as a
string cell, never as a formula. The file is written to a temporary name in
the target folder and renamed into place, so a failed run leaves no
half-written report.
"""

from __future__ import annotations

from pathlib import Path

from .paths import report_origin, stamp, write_atomically
from .sheets import build_specs
from .writers import WriterUsed, write_workbook


def write_report(run, out_path: str | Path, backend: str | None = None, shape=None, another=None) -> WriterUsed:
    """Write the report to ``out_path``; returns the writer that wrote it (named in 说明 as well).
    ``shape``: which sheets, how many rows (report/shape.py; default: everything); ``another``: where
    to save instead when a file appeared at ``out_path`` during the write (paths.write_atomically)."""
    def write(temp: Path) -> WriterUsed:
        used = write_workbook(lambda label: build_specs(run, label, shape), temp, backend)
        stamp(temp, report_origin(run))  # as written: replaced next time only if nobody has changed it since
        return used

    return write_atomically(Path(out_path), write, ".xlsx", another)
